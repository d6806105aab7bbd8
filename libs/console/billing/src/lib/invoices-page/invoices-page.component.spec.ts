import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { SEARCH_DEBOUNCE_MS } from '@consultorio/console/ui';
import { InvoiceStatus, Role } from '@consultorio/shared/contracts';
import { I18n } from '@consultorio/console/core';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { clinicSettings, invoicePage, invoiceSummary } from '../shared/billing.fixture';
import { InvoicesPageComponent } from './invoices-page.component';

const ISSUED = invoiceSummary();
const DRAFT = invoiceSummary({
  id: 'inv-2',
  number: null,
  code: null,
  status: InvoiceStatus.Draft,
  patientName: 'Luis Vargas',
  issuedAt: null,
  total: '80.00',
  balance: '80.00',
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InvoicesPageComponent', () => {
  let fixture: ComponentFixture<InvoicesPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    backend = setUpConsoleTest({ signedInAs: testUser({ role: Role.Receptionist }) });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    fixture = TestBed.createComponent(InvoicesPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
  });

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  function latestList(): TestRequest {
    const waiting = backend
      .match((request) => request.url === '/api/v1/invoices' && request.method === 'GET')
      .filter((request) => !request.cancelled);
    expect(waiting.length).toBe(1);
    return waiting[0];
  }

  async function answer(request: TestRequest, items = [ISSUED, DRAFT]): Promise<void> {
    request.flush(invoicePage(items));
    await settle(fixture);
  }

  function find(testId: string): HTMLElement {
    return element.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  }

  it('asks for the newest invoices first and shows code or "Borrador", patient, money and status', async () => {
    const request = latestList();
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&sort=-createdAt');
    await answer(request);

    const rows = [...element.querySelectorAll('tr[data-testid="invoice-row"]')] as HTMLElement[];
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('F001-00000042');
    expect(rows[0].textContent).toContain('Ana Rojas');
    expect(rows[0].textContent).toContain('Dra. Daniela Núñez');
    expect(rows[0].textContent).toMatch(/S\/\s150\.00/);
    expect(rows[0].querySelector('[data-status="issued"]')?.textContent).toContain('Emitida');
    expect(rows[1].textContent).toContain('Borrador');
    expect(rows[1].getAttribute('aria-label')).toBe('Abrir Borrador de factura de Luis Vargas');
    // The clinic's day (Lima): 15:00Z is 10 a. m. on 1 March there.
    expect(rows[0].textContent).toContain('1 mar. 2027');
  });

  it('sends each filter as a query parameter and starts again at the first page', async () => {
    await answer(latestList());

    (element.querySelector('[data-testid="status-partially_paid"] button') as HTMLElement).click();
    await fixture.whenStable();
    let request = latestList();
    expect(request.request.params.get('status')).toBe('partially_paid');
    await answer(request, [ISSUED]);

    find('unpaid-filter').querySelector('button')!.click();
    await fixture.whenStable();
    request = latestList();
    expect(request.request.params.get('unpaid')).toBe('true');
    expect(request.request.params.get('status')).toBe('partially_paid');
    await answer(request, [ISSUED]);

    const from = find('from-filter') as HTMLInputElement;
    from.value = '2027-03-01';
    from.dispatchEvent(new Event('change'));
    const to = find('to-filter') as HTMLInputElement;
    to.value = '2027-03-31';
    to.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    request = latestList();
    expect(request.request.params.get('from')).toBe('2027-03-01');
    expect(request.request.params.get('to')).toBe('2027-03-31');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, [ISSUED]);

    const search = find('invoice-search') as HTMLInputElement;
    search.value = 'F001-42';
    search.dispatchEvent(new Event('input'));
    await wait(SEARCH_DEBOUNCE_MS + 50);
    await fixture.whenStable();
    request = latestList();
    expect(request.request.params.get('search')).toBe('F001-42');
    await answer(request, [ISSUED]);

    // The chip of the chosen status, clicked again, shows every status.
    (element.querySelector('[data-testid="status-partially_paid"] button') as HTMLElement).click();
    await fixture.whenStable();
    request = latestList();
    expect(request.request.params.has('status')).toBe(false);
    expect(request.request.params.get('unpaid')).toBe('true');
    await answer(request);
  });

  it('opens an invoice from its row', async () => {
    await answer(latestList());
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (element.querySelector('tr[data-testid="invoice-row"]') as HTMLElement).click();
    expect(navigate).toHaveBeenCalledWith(['/billing', 'inv-1']);
  });

  it('explains an empty result', async () => {
    await answer(latestList(), []);
    expect(find('list-empty').textContent).toContain('No hay facturas con estos filtros.');
    expect(find('new-invoice').getAttribute('href')).toBe('/billing/new');
  });
});
