import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceStatus, Role, type InvoiceSummaryDto } from '@consultorio/shared/contracts';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { BillingSettings } from '../shared/billing-settings';
import { clinicSettings, invoiceSummary, payment } from '../shared/billing.fixture';
import { PaymentDialogComponent } from './payment-dialog.component';

describe('PaymentDialogComponent', () => {
  let fixture: ComponentFixture<PaymentDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: ReturnType<typeof vi.fn>;

  async function open(invoice: InvoiceSummaryDto): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      signedInAs: testUser({ role: Role.Receptionist }),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { invoice } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    TestBed.inject(BillingSettings).ensureLoaded();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    fixture = TestBed.createComponent(PaymentDialogComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  function find(testId: string): HTMLElement {
    return element.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  }

  async function typeAmount(value: string): Promise<void> {
    const input = find('payment-amount') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  const partlyPaid = invoiceSummary({
    status: InvoiceStatus.PartiallyPaid,
    paid: '50.00',
    balance: '100.00',
  });

  it('offers the balance as the amount and cash as the method', async () => {
    await open(partlyPaid);
    expect((find('payment-amount') as HTMLInputElement).value).toBe('100.00');
    expect(element.textContent).toMatch(/Factura F001-00000042 · saldo S\/\s100\.00/);
    expect(find('payment-method').textContent).toContain('Efectivo');
    (find('payment-method').querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const methods = [...document.querySelectorAll('mat-option')].map((option) => option.textContent?.trim());
    expect(methods).toEqual([
      expect.stringContaining('Efectivo'),
      expect.stringContaining('Tarjeta'),
      expect.stringContaining('Transferencia'),
      expect.stringContaining('Yape / Plin'),
      expect.stringContaining('Aseguradora'),
    ]);
  });

  it('refuses more than the balance as the user types, and cents beyond the currency', async () => {
    await open(partlyPaid);
    await typeAmount('100.01');
    expect(find('amount-error').textContent).toMatch(
      /No puede superar el saldo pendiente \(S\/\s100\.00\)\./,
    );
    expect((find('save-payment') as HTMLButtonElement).disabled).toBe(true);
    // Not even Enter in the field sends it.
    find('payment-dialog').dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    backend.expectNone({ method: 'POST', url: '/api/v1/invoices/inv-1/payments' });

    await typeAmount('10.505');
    expect(find('amount-error').textContent).toContain('Como máximo 2 decimales');
    await typeAmount('0');
    expect(find('amount-error').textContent).toContain('mayor que 0');

    await typeAmount('100');
    expect(find('amount-error')).toBeNull();
    expect((find('save-payment') as HTMLButtonElement).disabled).toBe(false);
  });

  it('takes a card payment with its voucher and hands it back', async () => {
    await open(partlyPaid);
    await typeAmount('60,50');
    (find('payment-method').querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    (
      [...document.querySelectorAll('mat-option')].find((option) =>
        option.textContent?.includes('Tarjeta'),
      ) as HTMLElement
    ).click();
    const reference = find('payment-reference') as HTMLInputElement;
    reference.value = ' V-123 ';
    reference.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    find('save-payment').click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/invoices/inv-1/payments' });
    expect(request.request.body).toEqual({ amount: '60.50', method: 'card', reference: 'V-123' });
    const taken = payment({ amount: '60.50', method: 'card' as never, reference: 'V-123' });
    request.flush(taken);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(taken);
  });

  it('shows why the API refused it (a closed cash day)', async () => {
    await open(partlyPaid);
    find('save-payment').click();
    await fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/v1/invoices/inv-1/payments' }).flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'The cash day 2027-03-01 is closed.',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(find('payment-failure').textContent).toContain('The cash day 2027-03-01 is closed.');
    expect(close).not.toHaveBeenCalled();
  });
});
