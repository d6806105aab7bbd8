import { Module } from '@nestjs/common';

/** The cash register: entries, summaries and reports, daily close per location and cashier. */
@Module({})
export class CashRegisterModule {}
