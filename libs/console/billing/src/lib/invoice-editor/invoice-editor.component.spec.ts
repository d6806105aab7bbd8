import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceItemKind, InvoiceStatus, Role, type ClinicSettingsDto } from '@consultorio/shared/contracts';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { PATIENT_SEARCH_DEBOUNCE_MS } from '../shared/patient-picker.component';
import { clinicSettings, invoice, invoiceItem, invoicePage } from '../shared/billing.fixture';
import { InvoiceEditorComponent } from './invoice-editor.component';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });
const LOCATION = {
  id: 'loc-1',
  name: 'Miraflores',
  active: true,
  address: 'Av. Larco 1',
  zoneId: null,
  phone: null,
};
const TREATMENT = { id: 't-1', name: 'Limpieza dental', price: '150.00', active: true };
const PATIENT = {
  id: 'p-1',
  fullName: 'Ana Rojas',
  firstNames: 'Ana',
  lastNames: 'Rojas',
  documentType: null,
  documentNumber: '45678912',
  phone: '987654321',
  email: null,
  birthDate: null,
  status: 'active',
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InvoiceEditorComponent', () => {
  let fixture: ComponentFixture<InvoiceEditorComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let navigate: ReturnType<typeof vi.spyOn>;

  /** Opens the editor with the route's inputs; the API answers the settings and the catalogs. */
  async function open(
    inputs: { id?: string; appointmentId?: string; patientId?: string } = {},
    settings: ClinicSettingsDto = clinicSettings(),
  ): Promise<void> {
    backend = setUpConsoleTest({ signedInAs: testUser({ role: Role.Receptionist }) });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(InvoiceEditorComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(settings);
    backend.expectOne((request) => request.url === '/api/v1/locations').flush(page([LOCATION]));
    backend.expectOne((request) => request.url === '/api/v1/doctors').flush(page([]));
    backend.expectOne((request) => request.url === '/api/v1/treatments').flush(page([TREATMENT]));
    backend.expectOne((request) => request.url === '/api/v1/products').flush(page([]));
    await settle(fixture);
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  function all(testId: string): HTMLElement[] {
    return [...element.querySelectorAll(`[data-testid="${testId}"]`)] as HTMLElement[];
  }

  function find(testId: string): HTMLElement {
    return element.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  }

  async function type(input: HTMLElement, value: string): Promise<void> {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  /** Fills line `index` (adding it first when it is not there yet). */
  async function fillLine(
    index: number,
    line: { description: string; quantity: string; unitPrice: string; discount?: string },
  ): Promise<void> {
    if (all('line').length <= index) {
      find('add-line').click();
      await fixture.whenStable();
    }
    await type(all('line-description')[index], line.description);
    await type(all('line-quantity')[index], line.quantity);
    await type(all('line-price')[index], line.unitPrice);
    if (line.discount !== undefined) await type(all('line-discount')[index], line.discount);
  }

  /** Chooses an option of line `index`'s tax select. */
  async function chooseTax(index: number, label: string): Promise<void> {
    (all('line-tax')[index].querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const option = [...document.querySelectorAll('mat-option')].find((candidate) =>
      candidate.textContent?.includes(label),
    ) as HTMLElement;
    option.click();
    await fixture.whenStable();
  }

  async function pickPatient(): Promise<void> {
    const search = find('patient-search') as HTMLInputElement;
    search.focus();
    await type(search, 'ana');
    await wait(PATIENT_SEARCH_DEBOUNCE_MS + 30);
    backend.expectOne((request) => request.url === '/api/v1/patients/search').flush([PATIENT]);
    await settle(fixture);
    (document.querySelector('[data-testid="patient-option"]') as HTMLElement).click();
    await fixture.whenStable();
  }

  function totals(): { gross: string; discount: string; net: string; tax: string; total: string } {
    const text = (id: string) => find(id).textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      gross: text('total-gross'),
      discount: text('total-discount'),
      net: text('total-net'),
      tax: text('total-tax'),
      total: text('total-total'),
    };
  }

  it('prices lines as they are typed, in soles with IGV included, and saves the draft as typed', async () => {
    await open();
    expect(all('line').length).toBe(1);

    await fillLine(0, { description: 'Limpieza dental', quantity: '1', unitPrice: '150' });
    expect(all('line-total')[0].textContent).toMatch(/S\/\s150\.00/);
    await fillLine(1, { description: 'Cepillo', quantity: '2', unitPrice: '45,90', discount: '5' });
    await fillLine(2, { description: 'Informe', quantity: '1', unitPrice: '30' });
    await chooseTax(2, 'Exento');

    expect(all('line-total').map((line) => line.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'S/ 150.00',
      'S/ 86.80',
      'S/ 30.00',
    ]);
    // Each line is rounded on its own, as the API and the printed invoice do.
    expect(totals()).toEqual({
      gross: 'S/ 271.80',
      discount: 'S/ 5.00',
      net: 'S/ 230.68',
      tax: 'S/ 36.12',
      total: 'S/ 266.80',
    });
    expect(element.textContent).toContain('Los precios incluyen impuestos.');

    await pickPatient();
    find('save-draft').click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/invoices' });
    expect(request.request.body).toEqual({
      patientId: 'p-1',
      locationId: 'loc-1',
      doctorId: null,
      notes: null,
      items: [
        {
          kind: 'free',
          description: 'Limpieza dental',
          quantity: '1',
          unitPrice: '150',
          discount: '0',
          taxRate: '0.18',
        },
        {
          kind: 'free',
          description: 'Cepillo',
          quantity: '2',
          unitPrice: '45.90',
          discount: '5',
          taxRate: '0.18',
        },
        { kind: 'free', description: 'Informe', quantity: '1', unitPrice: '30', discount: '0', taxRate: '0' },
      ],
    });
    request.flush(invoice({}, { id: 'inv-9', status: InvoiceStatus.Draft, code: null, number: null }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/billing', 'inv-9']);
  });

  it('keeps Chilean pesos whole with IVA added, and refuses cents as the user types', async () => {
    await open(
      {},
      clinicSettings({ currency: 'CLP', locale: 'es-CL', taxRate: '0.19', pricesIncludeTax: false }),
    );

    await fillLine(0, { description: 'Control', quantity: '3', unitPrice: '1990', discount: '970' });
    expect(totals()).toEqual({
      gross: '$5.970',
      discount: '$970',
      net: '$5.000',
      tax: '$950',
      total: '$5.950',
    });
    expect(element.textContent).toContain('Los impuestos se suman a los precios.');

    await type(all('line-price')[0], '1990.5');
    expect(find('line').textContent).toContain('Sin decimales en esta moneda.');
    expect(all('line-total')[0].textContent?.trim()).toBe('—');
    expect(find('totals-incomplete')).not.toBeNull();
    expect(totals().total).toBe('$0');

    await type(all('line-price')[0], '100');
    expect(find('line').textContent).toContain('El descuento no puede superar cantidad × precio.');

    // Nothing is sent while a line is wrong.
    find('save-issue').click();
    await fixture.whenStable();
    expect(find('editor-failure').textContent).toContain('Revise los campos marcados.');
  });

  it('fills a line from the treatments catalog', async () => {
    await open();
    const description = all('line-description')[0];
    description.focus();
    description.dispatchEvent(new Event('focusin'));
    await type(description, 'limpie');
    const option = document.querySelector('[data-testid="item-option"]') as HTMLElement;
    expect(option.textContent).toContain('Limpieza dental');
    option.click();
    await fixture.whenStable();
    expect((all('line-price')[0] as HTMLInputElement).value).toBe('150.00');
    expect(find('line-kind').textContent).toContain('Tratamiento del catálogo');
    expect(totals().total).toBe('S/ 150.00');
  });

  it('bills an appointment: the API drafts its treatment and the editor opens the draft', async () => {
    await open({ appointmentId: 'a-1', patientId: 'p-1' });
    const lookup = backend.expectOne(
      (request) => request.url === '/api/v1/invoices' && request.method === 'GET',
    );
    expect(lookup.request.params.get('appointmentId')).toBe('a-1');
    expect(lookup.request.params.get('kind')).toBe('invoice');
    lookup.flush(invoicePage([]));
    await settle(fixture);
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/invoices' });
    expect(create.request.body).toEqual({ patientId: 'p-1', appointmentId: 'a-1' });
    create.flush(invoice({}, { id: 'inv-7', status: InvoiceStatus.Draft, code: null, appointmentId: 'a-1' }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/billing', 'inv-7', 'edit'], { replaceUrl: true });
  });

  it('edits a draft, then saves and issues it', async () => {
    await open({ id: 'inv-3' });
    backend.expectOne('/api/v1/invoices/inv-3').flush(
      invoice(
        { items: [invoiceItem({ kind: InvoiceItemKind.Treatment })] },
        {
          id: 'inv-3',
          status: InvoiceStatus.Draft,
          code: null,
          number: null,
        },
      ),
    );
    await settle(fixture);
    expect((find('patient-search') as HTMLInputElement).value).toBe('Ana Rojas');
    expect((all('line-quantity')[0] as HTMLInputElement).value).toBe('1');
    await type(all('line-quantity')[0], '2');
    expect(totals().total).toBe('S/ 300.00');

    find('save-issue').click();
    await fixture.whenStable();
    const update = backend.expectOne({ method: 'PUT', url: '/api/v1/invoices/inv-3' });
    expect(update.request.body.items).toEqual([
      {
        kind: 'treatment',
        treatmentId: 't-1',
        description: 'Limpieza dental',
        quantity: '2',
        unitPrice: '150.00',
        discount: '0.00',
        taxRate: '0.18',
      },
    ]);
    update.flush(invoice({}, { id: 'inv-3', status: InvoiceStatus.Draft, code: null }));
    await settle(fixture);
    backend
      .expectOne({ method: 'POST', url: '/api/v1/invoices/inv-3/issue' })
      .flush(invoice({}, { id: 'inv-3' }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/billing', 'inv-3']);
  });

  it('does not edit an issued invoice', async () => {
    await open({ id: 'inv-1' });
    backend.expectOne('/api/v1/invoices/inv-1').flush(invoice());
    await settle(fixture);
    expect(find('not-draft').textContent).toContain('ya fue emitida');
    expect(find('invoice-editor')).toBeNull();
  });
});
