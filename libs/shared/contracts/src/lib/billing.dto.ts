import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DATE_PATTERN } from './doctors.dto';
import { PageQueryDto } from './pagination.dto';
import { Role } from './roles';

const nullable = (_: object, value: unknown) => value !== null;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A non-negative amount as text; the currency's decimals are checked by the API. */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,4})?$/;
/** A quantity above zero with at most 3 decimals. */
export const QUANTITY_PATTERN = /^\d{1,9}(\.\d{1,3})?$/;
/** A tax rate between 0 and 1 as a decimal, e.g. `0.18`. */
export const TAX_RATE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
/** A month as `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

// ---------------------------------------------------------------- enums

/**
 * `draft` (editable, no number) → `issued` (numbered, immutable) → `partially_paid` → `paid`;
 * `void` ends an issued invoice that has no payments, keeping its number. Credit notes are
 * issued straight away and count against the invoice they correct.
 */
export enum InvoiceStatus {
  Draft = 'draft',
  Issued = 'issued',
  PartiallyPaid = 'partially_paid',
  Paid = 'paid',
  Void = 'void',
}

export enum InvoiceKind {
  Invoice = 'invoice',
  CreditNote = 'credit_note',
}

export enum InvoiceItemKind {
  Treatment = 'treatment',
  Product = 'product',
  Free = 'free',
}

export enum PaymentMethod {
  Cash = 'cash',
  Card = 'card',
  Transfer = 'transfer',
  /** Peruvian mobile wallets (Yape, Plin). */
  YapePlin = 'yape_plin',
  Insurer = 'insurer',
}

export const PAYMENT_METHODS: readonly PaymentMethod[] = Object.values(PaymentMethod);

// ---------------------------------------------------------------- series

export class InvoiceSeriesDto {
  id!: string;
  kind!: InvoiceKind;
  /** Printed before the number, e.g. `F001` → `F001-00000042`. */
  code!: string;
  /** The number the next document of the series gets when issued. */
  nextNumber!: number;
  /** Whether new documents use this series when none is given. */
  isDefault!: boolean;
  active!: boolean;
}

export class CreateInvoiceSeriesDto {
  @IsEnum(InvoiceKind)
  kind!: InvoiceKind;

  /** 1–8 letters and digits, e.g. `B001`. */
  @Matches(/^[A-Za-z0-9]{1,8}$/, { message: 'code must be 1 to 8 letters or digits, e.g. "B001"' })
  code!: string;

  /** Where numbering starts (e.g. continuing a series used before); default 1. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99_999_999)
  nextNumber?: number;

  /** Makes it the series new documents of its kind use. */
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateInvoiceSeriesDto {
  /** Only forward: numbers already given are never given again. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99_999_999)
  nextNumber?: number;

  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

// ---------------------------------------------------------------- invoices

/** One line as sent by the client; the API prices it (and fills gaps from the catalog). */
export class InvoiceItemInputDto {
  @IsEnum(InvoiceItemKind)
  kind!: InvoiceItemKind;

  /** Required for `treatment` lines. */
  @ValidateIf((item: InvoiceItemInputDto) => item.kind === InvoiceItemKind.Treatment)
  @IsUUID()
  treatmentId?: string;

  /** Required for `product` lines. */
  @ValidateIf((item: InvoiceItemInputDto) => item.kind === InvoiceItemKind.Product)
  @IsUUID()
  productId?: string;

  /** Required for `free` lines; defaults to the treatment's or product's name. */
  @ValidateIf(
    (item: InvoiceItemInputDto) => item.kind === InvoiceItemKind.Free || item.description !== undefined,
  )
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description?: string;

  /** e.g. `"1"`, `"2.5"`. */
  @Matches(QUANTITY_PATTERN, {
    message: 'quantity must be a number above 0 with at most 3 decimals, e.g. "1"',
  })
  quantity!: string;

  /** Price of one unit; defaults to the treatment's or product's price. Required for free lines. */
  @ValidateIf(
    (item: InvoiceItemInputDto) => item.kind === InvoiceItemKind.Free || item.unitPrice !== undefined,
  )
  @Matches(AMOUNT_PATTERN, { message: 'unitPrice must be a non-negative amount, e.g. "120.50"' })
  unitPrice?: string;

  /** Discount on the whole line, as an amount. */
  @IsOptional()
  @Matches(AMOUNT_PATTERN, { message: 'discount must be a non-negative amount, e.g. "10"' })
  discount?: string;

  /** Defaults to the clinic's tax rate; `"0"` for exempt lines. */
  @IsOptional()
  @Matches(TAX_RATE_PATTERN, { message: 'taxRate must be a decimal between 0 and 1, e.g. "0.18"' })
  taxRate?: string;
}

export class CreateInvoiceDto {
  @IsUUID()
  patientId!: string;

  /** Where it is billed; defaults to the appointment's location. Required without an appointment. */
  @IsOptional()
  @IsUUID()
  locationId?: string;

  /** Whose production it counts as; defaults to the appointment's doctor. */
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  doctorId?: string | null;

  /** The appointment billed (one live invoice per appointment). */
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  appointmentId?: string | null;

  /** Series to number it in when issued; defaults to the default invoice series. */
  @IsOptional()
  @IsUUID()
  seriesId?: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(1000)
  notes?: string | null;

  /** The lines; without them, an appointment's treatment becomes the one line. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemInputDto)
  items?: InvoiceItemInputDto[];
}

/** Changes a draft; `items`, when given, replaces every line. */
export class UpdateInvoiceDto {
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  doctorId?: string | null;

  @IsOptional()
  @IsUUID()
  seriesId?: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(1000)
  notes?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemInputDto)
  items?: InvoiceItemInputDto[];
}

export class VoidInvoiceDto {
  /** Why it is voided (kept with the invoice and in the audit log). */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CreateCreditNoteDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  /** The lines credited; without them, everything not yet credited is. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemInputDto)
  items?: InvoiceItemInputDto[];

  /**
   * How money is paid back when the credit leaves the invoice overpaid; required then. The
   * refund is recorded as a negative payment and an expense in the cash register.
   */
  @IsOptional()
  @IsEnum(PaymentMethod)
  refundMethod?: PaymentMethod;
}

export class InvoiceItemDto {
  id!: string;
  position!: number;
  kind!: InvoiceItemKind;
  treatmentId!: string | null;
  productId!: string | null;
  description!: string;
  quantity!: string;
  unitPrice!: string;
  discount!: string;
  taxRate!: string;
  /** Taxable base of the line. */
  net!: string;
  tax!: string;
  total!: string;
}

export class PaymentDto {
  id!: string;
  invoiceId!: string;
  /** Negative for a refund. */
  amount!: string;
  method!: PaymentMethod;
  reference!: string | null;
  paidAt!: string;
  receivedById!: string | null;
  receivedByName!: string | null;
  /** The cash-register entry written with it. */
  transactionId!: string;
}

/** An invoice or credit note as listed (without lines and payments). */
export class InvoiceSummaryDto {
  id!: string;
  kind!: InvoiceKind;
  seriesId!: string;
  /** Series code, e.g. `F001`. */
  series!: string;
  /** Correlative within the series; `null` while a draft. */
  number!: number | null;
  /** e.g. `F001-00000042`; `null` while a draft. */
  code!: string | null;
  status!: InvoiceStatus;
  patientId!: string;
  patientName!: string;
  patientDocument!: string | null;
  locationId!: string;
  locationName!: string;
  doctorId!: string | null;
  doctorName!: string | null;
  appointmentId!: string | null;
  /** For a credit note: the invoice it corrects. */
  creditOfId!: string | null;
  creditOfCode!: string | null;
  currency!: string;
  pricesIncludeTax!: boolean;
  /** Σ quantity × unit price. */
  gross!: string;
  discount!: string;
  /** Taxable base. */
  net!: string;
  tax!: string;
  total!: string;
  /** Σ of the credit notes issued against it. */
  credited!: string;
  /** Σ of its payments (refunds subtract). */
  paid!: string;
  /** What the patient still owes: total − credited − paid. */
  balance!: string;
  notes!: string | null;
  issuedAt!: string | null;
  voidedAt!: string | null;
  voidReason!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

export class InvoiceDto extends InvoiceSummaryDto {
  items!: InvoiceItemDto[];
  payments!: PaymentDto[];
  /** Credit notes issued against this invoice. */
  creditNotes!: InvoiceSummaryDto[];
}

export class InvoicePageDto {
  items!: InvoiceSummaryDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class InvoiceQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(InvoiceStatus)
  status?: InvoiceStatus;

  @IsOptional()
  @IsEnum(InvoiceKind)
  kind?: InvoiceKind;

  @IsOptional()
  @IsUUID()
  patientId?: string;

  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsUUID()
  appointmentId?: string;

  /** Issued (or, for drafts, created) on or after this clinic-local date. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  /** Issued (or created) on or before this clinic-local date. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  /** Part of the code (`F001-42`), or of the patient's name or document. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** Only invoices with something left to pay. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unpaid?: boolean;
}

/** A patient's account: what was billed, paid and is still owed. */
export class PatientBalanceDto {
  patientId!: string;
  currency!: string;
  billed!: string;
  credited!: string;
  paid!: string;
  balance!: string;
  openInvoices!: number;
}

export class CreatePaymentDto {
  /** Above zero; at most the invoice's balance (overpayment is refused). */
  @Matches(AMOUNT_PATTERN, { message: 'amount must be an amount above 0, e.g. "50.00"' })
  amount!: string;

  @IsEnum(PaymentMethod)
  method!: PaymentMethod;

  /** Card voucher, transfer or wallet operation number, insurer authorisation. */
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  reference?: string | null;

  /** When it was received; defaults to now, never in the future (its day must still be open). */
  @IsOptional()
  @IsISO8601({ strict: true })
  paidAt?: string;
}

export class PaymentPageDto {
  items!: PaymentDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

// ---------------------------------------------------------------- access

/** Who bills, takes payments and runs a cash drawer (receptionists close only their own). */
export const BILLING_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin, Role.Receptionist];

/** Who voids invoices, edits series and sees every drawer and report. */
export const BILLING_ADMIN_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin];

/** Who sees doctor production (doctors: their own only). */
export const PRODUCTION_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin, Role.Doctor];
