import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceStatus } from '@consultorio/shared/contracts';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { invoice, invoiceSummary } from '../shared/billing.fixture';
import { VoidDialogComponent } from './void-dialog.component';

describe('VoidDialogComponent', () => {
  let fixture: ComponentFixture<VoidDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    close = vi.fn();
    backend = setUpConsoleTest({
      signedInAs: testUser(),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { invoice: invoiceSummary() } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register(BILLING_TEXTS);
    fixture = TestBed.createComponent(VoidDialogComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  it('needs a reason, then voids the invoice and hands it back', async () => {
    expect(element.textContent).toContain('Anular Factura F001-00000042');
    const confirm = element.querySelector('[data-testid="confirm-void"]') as HTMLButtonElement;
    confirm.click();
    await fixture.whenStable();
    expect(element.textContent).toContain('Indique el motivo.');
    backend.expectNone('/api/v1/invoices/inv-1/void');

    const reason = element.querySelector('[data-testid="void-reason"]') as HTMLTextAreaElement;
    reason.value = '  Datos del paciente errados ';
    reason.dispatchEvent(new Event('input'));
    confirm.click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/invoices/inv-1/void' });
    expect(request.request.body).toEqual({ reason: 'Datos del paciente errados' });
    const voided = invoice({}, { status: InvoiceStatus.Void, voidReason: 'Datos del paciente errados' });
    request.flush(voided);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(voided);
  });
});
