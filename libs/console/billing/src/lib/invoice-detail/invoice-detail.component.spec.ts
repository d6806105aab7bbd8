import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceStatus, Role, type InvoiceDto } from '@consultorio/shared/contracts';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { clinicSettings, invoice, payment } from '../shared/billing.fixture';
import { InvoiceDetailComponent } from './invoice-detail.component';

const DRAFT = invoice({}, { status: InvoiceStatus.Draft, code: null, number: null, issuedAt: null });
const ISSUED = invoice();
const PARTLY_PAID = invoice(
  { payments: [payment()] },
  { status: InvoiceStatus.PartiallyPaid, paid: '50.00', balance: '100.00' },
);
const PAID = invoice(
  { payments: [payment({ amount: '150.00', method: 'card' as never, reference: 'V-99' })] },
  { status: InvoiceStatus.Paid, paid: '150.00', balance: '0.00' },
);

describe('InvoiceDetailComponent', () => {
  let fixture: ComponentFixture<InvoiceDetailComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function open(shown: InvoiceDto, role = Role.Receptionist): Promise<void> {
    backend = setUpConsoleTest({ signedInAs: testUser({ role }) });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    fixture = TestBed.createComponent(InvoiceDetailComponent);
    fixture.componentRef.setInput('id', shown.id);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    backend.expectOne(`/api/v1/invoices/${shown.id}`).flush(shown);
    await settle(fixture);
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  function find(testId: string): HTMLElement | null {
    return element.querySelector(`[data-testid="${testId}"]`);
  }

  /** The action buttons shown, by test id. */
  function actions(): string[] {
    return [...element.querySelectorAll('[role="group"] [data-testid]')].map(
      (button) => button.getAttribute('data-testid') ?? '',
    );
  }

  it('shows the invoice: code, status, people, lines and every total', async () => {
    await open(PARTLY_PAID);
    expect(find('invoice-title')?.textContent).toContain('Factura F001-00000042');
    expect(find('invoice-detail')?.querySelector('[data-status="partially_paid"]')?.textContent).toContain(
      'Pago parcial',
    );
    expect(element.textContent).toContain('Ana Rojas');
    expect(element.textContent).toContain('Dra. Daniela Núñez');
    expect(element.textContent).toContain('Miraflores');
    const item = find('invoice-items')?.querySelector('[data-testid="item-row"]');
    expect(item?.textContent).toContain('Limpieza dental');
    expect(item?.textContent).toContain('18 %');
    const terms = [...find('invoice-totals')!.querySelectorAll('dt')];
    const totals = Object.fromEntries(
      terms.map((term) => [
        term.textContent?.trim(),
        term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );
    expect(totals).toEqual({
      'Importe bruto': 'S/ 150.00',
      Descuentos: 'S/ 0.00',
      'Base imponible': 'S/ 127.12',
      Impuestos: 'S/ 22.88',
      Total: 'S/ 150.00',
      'Notas de crédito': 'S/ 0.00',
      Pagado: 'S/ 50.00',
      Saldo: 'S/ 100.00',
    });
    expect(find('invoice-balance')?.textContent).toMatch(/S\/\s100\.00/);
    const row = find('payments')?.querySelector('[data-testid="payment-row"]');
    expect(row?.textContent).toContain('Efectivo');
    expect(row?.textContent).toContain('Rosa Recepción');
  });

  it('offers a draft’s actions: delete, edit, PDF and issue', async () => {
    await open(DRAFT);
    expect(find('invoice-title')?.textContent).toContain('Borrador de factura');
    expect(actions()).toEqual(['delete-draft', 'edit-draft', 'download-pdf', 'issue-invoice']);
    expect(find('edit-draft')?.getAttribute('href')).toBe('/billing/inv-1/edit');
    expect(find('payments')).toBeNull();
  });

  it('lets a receptionist take payments and credit an issued invoice, but not void it', async () => {
    await open(ISSUED, Role.Receptionist);
    expect(actions()).toEqual(['download-pdf', 'credit-invoice', 'take-payment']);
  });

  it('lets an admin void an issued invoice without payments', async () => {
    await open(ISSUED, Role.Admin);
    expect(actions()).toEqual(['download-pdf', 'void-invoice', 'credit-invoice', 'take-payment']);
  });

  it('offers no voiding once paid, even to admins, and no payment when nothing is owed', async () => {
    await open(PAID, Role.Admin);
    expect(actions()).toEqual(['download-pdf', 'credit-invoice']);
    expect(find('payments')?.textContent).toContain('V-99');
  });

  it('issues a draft once confirmed', async () => {
    await open(DRAFT);
    (find('issue-invoice') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="confirm-text"]')?.textContent).toContain('siguiente número');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/v1/invoices/inv-1/issue' }).flush(ISSUED);
    await settle(fixture);
    expect(find('invoice-title')?.textContent).toContain('Factura F001-00000042');
    expect(actions()).toContain('take-payment');
  });

  it('downloads the PDF with the session, named after the code', async () => {
    await open(ISSUED);
    const created = vi.fn(() => 'blob:pdf');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoke });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });

    (find('download-pdf') as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = backend.expectOne('/api/v1/invoices/inv-1/pdf');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await settle(fixture);
    expect(created).toHaveBeenCalled();
    expect(clicked).toEqual(['F001-00000042.pdf']);
    click.mockRestore();
  });
});
