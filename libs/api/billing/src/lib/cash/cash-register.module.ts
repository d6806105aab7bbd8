import { Module } from '@nestjs/common';
import { describeConstraints } from '@consultorio/api/core';
import { CASH_CONSTRAINTS } from './cash-access';
import { CashClosesController } from './cash-closes.controller';
import { CashClosesService } from './cash-closes.service';
import { CashReportsService } from './cash-reports.service';
import { CashTransactionsController } from './cash-transactions.controller';
import { CashTransactionsService } from './cash-transactions.service';

describeConstraints(CASH_CONSTRAINTS);

/** The cash register: entries, summaries and reports, daily close per location and cashier. */
@Module({
  controllers: [CashTransactionsController, CashClosesController],
  providers: [CashTransactionsService, CashReportsService, CashClosesService],
  exports: [CashReportsService],
})
export class CashRegisterModule {}
