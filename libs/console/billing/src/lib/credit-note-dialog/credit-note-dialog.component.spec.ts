import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceStatus, type InvoiceDto } from '@consultorio/shared/contracts';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { BillingSettings } from '../shared/billing-settings';
import { clinicSettings, invoice, invoiceItem } from '../shared/billing.fixture';
import { CreditNoteDialogComponent } from './credit-note-dialog.component';

const TWO_LINES = invoice(
  {
    items: [
      invoiceItem(),
      invoiceItem({
        id: 'item-2',
        description: 'Radiografía',
        unitPrice: '80.00',
        net: '67.80',
        tax: '12.20',
        total: '80.00',
      }),
    ],
  },
  { status: InvoiceStatus.Paid, total: '230.00', paid: '230.00', balance: '0.00' },
);

describe('CreditNoteDialogComponent', () => {
  let fixture: ComponentFixture<CreditNoteDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: ReturnType<typeof vi.fn>;

  async function open(shown: InvoiceDto): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      signedInAs: testUser(),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { invoice: shown } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    TestBed.inject(BillingSettings).ensureLoaded();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    fixture = TestBed.createComponent(CreditNoteDialogComponent);
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

  it('credits a chosen line of a paid invoice and asks how the money goes back', async () => {
    await open(TWO_LINES);
    const reason = find('credit-reason') as HTMLTextAreaElement;
    reason.value = 'Radiografía no realizada';
    reason.dispatchEvent(new Event('input'));
    (element.querySelectorAll('[data-testid="credit-mode"] button')[1] as HTMLButtonElement).click();
    await fixture.whenStable();
    (find('credit-lines').querySelectorAll('input[type="checkbox"]')[1] as HTMLInputElement).click();
    await fixture.whenStable();
    expect(find('credit-amount').textContent).toMatch(/S\/\s80\.00/);
    expect(element.textContent).toMatch(/Se devuelven S\/\s80\.00 ya pagados\./);

    find('save-credit').click();
    await fixture.whenStable();
    expect(element.textContent).toContain('Indique cómo se devuelve el dinero.');
    backend.expectNone({ method: 'POST', url: '/api/v1/invoices/inv-1/credit-notes' });

    (find('refund-method').querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    (
      [...document.querySelectorAll('mat-option')].find((option) =>
        option.textContent?.includes('Efectivo'),
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    find('save-credit').click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/invoices/inv-1/credit-notes' });
    expect(request.request.body).toEqual({
      reason: 'Radiografía no realizada',
      items: [
        {
          kind: 'free',
          description: 'Radiografía',
          quantity: '1.000',
          unitPrice: '80.00',
          discount: '0.00',
          taxRate: '0.1800',
        },
      ],
      refundMethod: 'cash',
    });
    const note = invoice(
      {},
      { id: 'cn-1', kind: 'credit_note' as never, code: 'NC01-00000001', total: '80.00' },
    );
    request.flush(note);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(note);
  });
});
