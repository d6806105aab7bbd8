import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AppointmentDateParamDto,
  BILLING_ADMIN_ROLES,
  BILLING_ROLES,
  CashReportQueryDto,
  CashSummaryDto,
  CashTransactionDto,
  CashTransactionPageDto,
  CashTransactionQueryDto,
  CreateCashTransactionDto,
  DailyReportDto,
  DailyReportQueryDto,
  DateRangeQueryDto,
  DoctorProductionDto,
  DoctorProductionQueryDto,
  MonthlyReportDto,
  MonthlyReportQueryDto,
  PRODUCTION_ROLES,
  TransactionType,
  UpdateCashTransactionDto,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { CashReportsService } from './cash-reports.service';
import { CashTransactionsService } from './cash-transactions.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const transactionType = new ParseEnumPipe(TransactionType);

const TODAY_ONLY = 'A receptionist asking for another day than today (clinic time)';
const CLOSED_OR_PAYMENT =
  'The drawer-day is closed (`cash-day-closed`), the entry was written by a payment (`payment-entry`) or is void (`entry-void`)';

/**
 * The cash register: income and expense entries of each drawer (location + cashier), their
 * summaries and reports, and doctor production. Front desk: today only; admins: everything.
 */
@ApiTags('cash register')
@Controller('transactions')
export class CashTransactionsController {
  constructor(
    private readonly transactions: CashTransactionsService,
    private readonly reports: CashReportsService,
  ) {}

  @Get()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'List cash entries by business day, drawer, type, method, status, doctor or patient; paginated, sort by occurredAt or amount (receptionists: today)',
  })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  list(
    @Query() query: CashTransactionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionPageDto> {
    return this.transactions.list(query, context);
  }

  @Get('summary')
  @Roles(...BILLING_ADMIN_ROLES)
  @ApiOperation({
    summary: 'Income, expense and net of posted entries over a range, per payment method (admins)',
  })
  summary(@Query() query: CashReportQueryDto, @Ctx() context: RequestContext): Promise<CashSummaryDto> {
    return this.reports.summary(query, context);
  }

  @Get('daily-report')
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary: 'One business day: totals, per method, per concept, and the closes of the day (default today)',
  })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  daily(@Query() query: DailyReportQueryDto, @Ctx() context: RequestContext): Promise<DailyReportDto> {
    return this.reports.daily(query, context);
  }

  @Get('monthly-report')
  @Roles(...BILLING_ADMIN_ROLES)
  @ApiOperation({
    summary: 'One month: totals, every day (also empty ones), per method, and doctor production (admins)',
  })
  monthly(@Query() query: MonthlyReportQueryDto): Promise<MonthlyReportDto> {
    return this.reports.monthly(query);
  }

  @Get('doctor-production')
  @Roles(...PRODUCTION_ROLES)
  @ApiOperation({
    summary:
      'What each doctor billed, had credited and collected over clinic-local dates (default this month); doctors: their own',
  })
  @ApiForbiddenResponse({ description: 'A doctor asking for another doctor’s production' })
  production(
    @Query() query: DoctorProductionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<DoctorProductionDto[]> {
    return this.reports.production(query, context);
  }

  @Get('date-range')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Cash entries of a range of business days (from and to required); paginated' })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  dateRange(
    @Query() query: DateRangeQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionPageDto> {
    return this.transactions.list(query, context);
  }

  @Get('date/:date')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Cash entries of one business day (clinic-local); paginated' })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  onDate(
    @Param() params: AppointmentDateParamDto,
    @Query() query: CashTransactionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionPageDto> {
    return this.transactions.list({ ...query, from: params.date, to: params.date }, context);
  }

  @Get('doctor/:doctorId')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Cash entries attributed to one doctor; paginated' })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  byDoctor(
    @Param('doctorId', uuid) doctorId: string,
    @Query() query: CashTransactionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionPageDto> {
    return this.transactions.list({ ...query, doctorId }, context);
  }

  @Get('type/:type')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Cash entries of one type (income or expense); paginated' })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  byType(
    @Param('type', transactionType) type: TransactionType,
    @Query() query: CashTransactionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionPageDto> {
    return this.transactions.list({ ...query, type }, context);
  }

  @Get(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'One cash entry' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'A receptionist asking for an entry of another day' })
  get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<CashTransactionDto> {
    return this.transactions.get(id, context);
  }

  @Post()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Record an income or expense in the caller’s drawer (never dated ahead; its day must be open), or an adjustment of a closed day’s entry, booked now',
  })
  @ApiForbiddenResponse({ description: 'A receptionist recording an entry of another day' })
  @ApiUnprocessableEntityResponse({
    description:
      'Amount not in the currency’s decimals, dated ahead, unknown location/doctor/patient, a closed drawer-day, or an adjustment of an entry whose day is open',
  })
  create(@Body() dto: CreateCashTransactionDto, @Ctx() context: RequestContext): Promise<CashTransactionDto> {
    return this.transactions.create(dto, context);
  }

  @Patch(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Change a hand-entered entry of a drawer-day that is still open' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'A receptionist changing another day’s or another drawer’s entry' })
  @ApiUnprocessableEntityResponse({ description: CLOSED_OR_PAYMENT })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCashTransactionDto,
    @Ctx() context: RequestContext,
  ): Promise<CashTransactionDto> {
    return this.transactions.update(id, dto, context);
  }

  @Delete(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Void a hand-entered entry of an open drawer-day: it stops counting and the row stays (answers it)',
  })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'A receptionist voiding another day’s or another drawer’s entry' })
  @ApiUnprocessableEntityResponse({ description: CLOSED_OR_PAYMENT })
  void(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<CashTransactionDto> {
    return this.transactions.void(id, context);
  }
}
