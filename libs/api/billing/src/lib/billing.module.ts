import { Module } from '@nestjs/common';
import { describeConstraints } from '@consultorio/api/core';
import { SettingsModule } from '@consultorio/api/settings';
import { CashRegisterModule } from './cash/cash-register.module';
import { InvoiceSeriesController, InvoiceSeriesService } from './invoices/invoice-series.controller';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { PaymentsService } from './invoices/payments.service';

describeConstraints({
  ck_invoices_issued_kept:
    'An issued invoice or credit note never changes and is never deleted: correct it with a credit note, or void it.',
  ck_invoices_overpaid: 'The payments would exceed what the invoice still owes.',
  uq_invoices_appointment: 'The appointment is already billed by another invoice.',
  uq_invoice_series_code: 'A series with that code already exists.',
  ck_invoice_series_default_active:
    'The default series cannot be retired: make another one the default first.',
  ck_payments_kept: 'Payments are never changed or deleted: refund them through a credit note.',
  ck_cash_day_closed:
    'That cash drawer is already closed for the day: record the correction as an adjustment in today’s drawer.',
});

/** Billing: invoices, credit notes, payments and their PDF, plus the cash register. */
@Module({
  imports: [SettingsModule, CashRegisterModule],
  controllers: [InvoicesController, InvoiceSeriesController],
  providers: [InvoicesService, PaymentsService, InvoiceSeriesService],
  exports: [InvoicesService],
})
export class BillingModule {}
