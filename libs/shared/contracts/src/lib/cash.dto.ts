import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AMOUNT_PATTERN, MONTH_PATTERN, PaymentMethod } from './billing.dto';
import { DATE_PATTERN } from './doctors.dto';
import { PageQueryDto } from './pagination.dto';

const nullable = (_: object, value: unknown) => value !== null;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export enum TransactionType {
  Income = 'income',
  Expense = 'expense',
}

/** `posted` counts; `void` was taken back before its day was closed (and no longer counts). */
export enum TransactionStatus {
  Posted = 'posted',
  Void = 'void',
}

// ---------------------------------------------------------------- transactions

/** One cash-register entry. Payments write theirs; the rest are entered by hand. */
export class CashTransactionDto {
  id!: string;
  type!: TransactionType;
  concept!: string;
  /** Always positive; `type` says which way the money went. */
  amount!: string;
  method!: PaymentMethod;
  locationId!: string;
  locationName!: string;
  /** The staff member whose drawer it belongs to (who recorded it). */
  cashierId!: string;
  cashierName!: string;
  doctorId!: string | null;
  doctorName!: string | null;
  patientId!: string | null;
  patientName!: string | null;
  /** Set when a payment (or refund) wrote it; such entries follow their payment and cannot be edited. */
  invoiceId!: string | null;
  paymentId!: string | null;
  /** For an adjustment: the entry of a closed day it corrects. */
  adjustmentOfId!: string | null;
  comment!: string | null;
  status!: TransactionStatus;
  occurredAt!: string;
  /** The clinic-local day it counts in (the day its drawer closes). */
  businessDate!: string;
  createdAt!: string;
  updatedAt!: string;
}

export class CreateCashTransactionDto {
  @IsEnum(TransactionType)
  type!: TransactionType;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  concept!: string;

  /** Above zero, with no more decimals than the clinic currency has. */
  @Matches(AMOUNT_PATTERN, { message: 'amount must be an amount above 0, e.g. "50.00"' })
  amount!: string;

  @IsEnum(PaymentMethod)
  method!: PaymentMethod;

  @IsUUID()
  locationId!: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  doctorId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  patientId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(1000)
  comment?: string | null;

  /** When it happened; defaults to now, never in the future. Its day must still be open. */
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  /**
   * Corrects an entry of a closed day: the adjustment is booked today, in today's drawer, and
   * points at the entry it corrects.
   */
  @IsOptional()
  @IsUUID()
  adjustmentOfId?: string;
}

/** Changes a hand-entered entry of a day that is still open. */
export class UpdateCashTransactionDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  concept?: string;

  @IsOptional()
  @Matches(AMOUNT_PATTERN, { message: 'amount must be an amount above 0, e.g. "50.00"' })
  amount?: string;

  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  doctorId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  patientId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(1000)
  comment?: string | null;
}

export class CashTransactionQueryDto extends PageQueryDto {
  /** First clinic-local business day, inclusive. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  /** Last clinic-local business day, inclusive. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsEnum(TransactionType)
  type?: TransactionType;

  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod;

  @IsOptional()
  @IsEnum(TransactionStatus)
  status?: TransactionStatus;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsUUID()
  cashierId?: string;

  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @IsOptional()
  @IsUUID()
  patientId?: string;
}

export class CashTransactionPageDto {
  items!: CashTransactionDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

/** Range, location and cashier a summary or report covers. */
export class CashReportQueryDto {
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsUUID()
  cashierId?: string;
}

export class DailyReportQueryDto {
  /** The clinic-local day; defaults to today. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsUUID()
  cashierId?: string;
}

export class MonthlyReportQueryDto {
  /** `YYYY-MM`; defaults to the current month. */
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;
}

const always = () => true;

/** `from` and `to` required: `ValidateIf(always)` replaces the `IsOptional` inherited from the parent. */
export class DateRangeQueryDto extends CashTransactionQueryDto {
  @ValidateIf(always)
  @IsDefined({ message: 'from is required' })
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  declare from: string;

  @ValidateIf(always)
  @IsDefined({ message: 'to is required' })
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  declare to: string;
}

/** Income and expense of one payment method. */
export class MethodTotalsDto {
  method!: PaymentMethod;
  income!: string;
  expense!: string;
  /** income − expense. */
  net!: string;
}

export class CashSummaryDto {
  from!: string | null;
  to!: string | null;
  currency!: string;
  income!: string;
  expense!: string;
  net!: string;
  /** Posted entries counted. */
  count!: number;
  byMethod!: MethodTotalsDto[];
}

export class ConceptTotalsDto {
  type!: TransactionType;
  concept!: string;
  amount!: string;
  count!: number;
}

export class DailyReportDto extends CashSummaryDto {
  date!: string;
  byConcept!: ConceptTotalsDto[];
  /** The closes made for that day (one per location and cashier). */
  closes!: CashCloseDto[];
}

export class DayTotalsDto {
  date!: string;
  income!: string;
  expense!: string;
  net!: string;
}

/** What one doctor billed and collected in a period (for commissions). */
export class DoctorProductionDto {
  doctorId!: string;
  doctorName!: string;
  /** Invoices issued in the period (not void). */
  invoices!: number;
  /** Σ of those invoices' totals. */
  billed!: string;
  /** Σ of credit notes issued in the period against the doctor's invoices. */
  credited!: string;
  /** Σ of payments received in the period on the doctor's invoices (refunds subtract). */
  collected!: string;
}

export class DoctorProductionQueryDto {
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class MonthlyReportDto extends CashSummaryDto {
  month!: string;
  /** Every day of the month, also those without entries. */
  days!: DayTotalsDto[];
  doctors!: DoctorProductionDto[];
}

// ---------------------------------------------------------------- daily close

export class CountedAmountDto {
  @IsEnum(PaymentMethod)
  method!: PaymentMethod;

  /** What the cashier counted (cash) or reconciled (vouchers, transfers) for the method. */
  @Matches(AMOUNT_PATTERN, { message: 'counted must be a non-negative amount, e.g. "350.00"' })
  counted!: string;
}

export class CreateCashCloseDto {
  @IsUUID()
  locationId!: string;

  /** The clinic-local day closed; defaults to today. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  /** Whose drawer; defaults to the caller. Only admins close another cashier's. */
  @IsOptional()
  @IsUUID()
  cashierId?: string;

  /** Methods not listed count as zero. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CountedAmountDto)
  counted!: CountedAmountDto[];

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

export class CashCloseLineDto {
  method!: PaymentMethod;
  /** Net of the day's posted entries in the method (income − expense). */
  expected!: string;
  counted!: string;
  /** counted − expected: negative when money is missing. */
  difference!: string;
}

export class CashCloseDto {
  id!: string;
  locationId!: string;
  locationName!: string;
  cashierId!: string;
  cashierName!: string;
  businessDate!: string;
  currency!: string;
  lines!: CashCloseLineDto[];
  expected!: string;
  counted!: string;
  difference!: string;
  notes!: string | null;
  closedAt!: string;
  closedById!: string;
  closedByName!: string;
}

export class CashClosePageDto {
  items!: CashCloseDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class CashCloseQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsUUID()
  cashierId?: string;
}

/** What a close would expect right now (before counting). */
export class CashClosePreviewQueryDto {
  @IsUUID()
  locationId!: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  @IsOptional()
  @IsUUID()
  cashierId?: string;
}

export class CashClosePreviewDto {
  locationId!: string;
  cashierId!: string;
  businessDate!: string;
  currency!: string;
  /** Expected net per method (every method, zero when unused). */
  expected!: MethodTotalsDto[];
  /** Posted entries of the drawer that day. */
  count!: number;
  /** The close, when the day is already closed. */
  close!: CashCloseDto | null;
}
