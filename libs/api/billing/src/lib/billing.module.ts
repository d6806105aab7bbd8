import { Module } from '@nestjs/common';
import { CashRegisterModule } from './cash/cash-register.module';

/** Billing: invoices, credit notes, payments and their PDF, plus the cash register. */
@Module({
  imports: [CashRegisterModule],
})
export class BillingModule {}
