import {
  InvoiceItemKind,
  InvoiceKind,
  InvoiceStatus,
  PaymentMethod,
  type InvoiceItemDto,
  type InvoiceSummaryDto,
  type PaymentDto,
} from '@consultorio/shared/contracts';
import { Big, roundMoney, subtractMoney } from '@consultorio/shared/money';

/** Digits of the correlative as printed: `F001-00000042`. */
export const NUMBER_DIGITS = 8;

/** `F001-00000042`, or `null` for a draft. */
export function documentCode(series: string, number: number | null): string | null {
  return number === null ? null : `${series}-${String(number).padStart(NUMBER_DIGITS, '0')}`;
}

/** Everything an invoice summary shows, with the names it needs, for `FROM` {@link SUMMARY_FROM}. */
export const SUMMARY_COLUMNS = `
  i.id, i.kind, i.series_id, s.code AS series, i.number, i.status, i.patient_id,
  p.first_names || ' ' || p.last_names AS patient_name, p.document_number AS patient_document,
  i.location_id, l.name AS location_name, i.doctor_id, du.full_name AS doctor_name,
  i.appointment_id, i.credit_of_id, cs.code AS credit_of_series, co.number AS credit_of_number,
  i.currency, i.prices_include_tax, i.gross, i.discount, i.net, i.tax, i.total, i.credited, i.paid,
  i.notes, i.issued_at, i.voided_at, i.void_reason, i.created_at, i.updated_at`;

export const SUMMARY_FROM = `
  FROM invoices i
  JOIN invoice_series s ON s.id = i.series_id
  JOIN patients p ON p.id = i.patient_id
  JOIN locations l ON l.id = i.location_id
  LEFT JOIN doctors d ON d.id = i.doctor_id
  LEFT JOIN users du ON du.id = d.user_id
  LEFT JOIN invoices co ON co.id = i.credit_of_id
  LEFT JOIN invoice_series cs ON cs.id = co.series_id`;

export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  series_id: string;
  series: string;
  number: number | null;
  status: InvoiceStatus;
  patient_id: string;
  patient_name: string;
  patient_document: string | null;
  location_id: string;
  location_name: string;
  doctor_id: string | null;
  doctor_name: string | null;
  appointment_id: string | null;
  credit_of_id: string | null;
  credit_of_series: string | null;
  credit_of_number: number | null;
  currency: string;
  prices_include_tax: boolean;
  gross: string;
  discount: string;
  net: string;
  tax: string;
  total: string;
  credited: string;
  paid: string;
  notes: string | null;
  issued_at: Date | null;
  voided_at: Date | null;
  void_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What is still owed on an invoice row: total − credited − paid. */
export function balanceOf(row: Pick<InvoiceRow, 'total' | 'credited' | 'paid' | 'currency'>): string {
  return subtractMoney(new Big(row.total).minus(row.credited), row.paid, row.currency);
}

export function toSummaryDto(row: InvoiceRow): InvoiceSummaryDto {
  const currency = row.currency.trim();
  const money = (value: string) => roundMoney(value, currency);
  return {
    id: row.id,
    kind: row.kind,
    seriesId: row.series_id,
    series: row.series,
    number: row.number,
    code: documentCode(row.series, row.number),
    status: row.status,
    patientId: row.patient_id,
    patientName: row.patient_name,
    patientDocument: row.patient_document,
    locationId: row.location_id,
    locationName: row.location_name,
    doctorId: row.doctor_id,
    doctorName: row.doctor_name,
    appointmentId: row.appointment_id,
    creditOfId: row.credit_of_id,
    creditOfCode: row.credit_of_series ? documentCode(row.credit_of_series, row.credit_of_number) : null,
    currency,
    pricesIncludeTax: row.prices_include_tax,
    gross: money(row.gross),
    discount: money(row.discount),
    net: money(row.net),
    tax: money(row.tax),
    total: money(row.total),
    credited: money(row.credited),
    paid: money(row.paid),
    balance: balanceOf({ ...row, currency }),
    notes: row.notes,
    issuedAt: row.issued_at?.toISOString() ?? null,
    voidedAt: row.voided_at?.toISOString() ?? null,
    voidReason: row.void_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const ITEM_COLUMNS = `id, position, kind, treatment_id, product_id, description, quantity, unit_price,
  discount, tax_rate, net, tax, total`;

export interface ItemRow {
  id: string;
  position: number;
  kind: InvoiceItemKind;
  treatment_id: string | null;
  product_id: string | null;
  description: string;
  quantity: string;
  unit_price: string;
  discount: string;
  tax_rate: string;
  net: string;
  tax: string;
  total: string;
}

/** Plain decimal text without trailing zeros: `"1.000"` → `"1"`, `"0.1800"` → `"0.18"`. */
const plain = (value: string) => new Big(value).toFixed();

export function toItemDto(row: ItemRow, currency: string): InvoiceItemDto {
  const money = (value: string) => roundMoney(value, currency);
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    treatmentId: row.treatment_id,
    productId: row.product_id,
    description: row.description,
    quantity: plain(row.quantity),
    unitPrice: money(row.unit_price),
    discount: money(row.discount),
    taxRate: plain(row.tax_rate),
    net: money(row.net),
    tax: money(row.tax),
    total: money(row.total),
  };
}

export const PAYMENT_SELECT = `
  SELECT pay.id, pay.invoice_id, pay.amount, pay.method, pay.reference, pay.paid_at, pay.received_by,
         u.full_name AS received_by_name, pay.transaction_id
  FROM payments pay LEFT JOIN users u ON u.id = pay.received_by`;

export interface PaymentRow {
  id: string;
  invoice_id: string;
  amount: string;
  method: PaymentMethod;
  reference: string | null;
  paid_at: Date;
  received_by: string | null;
  received_by_name: string | null;
  transaction_id: string;
}

export function toPaymentDto(row: PaymentRow, currency: string): PaymentDto {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    amount: roundMoney(row.amount, currency),
    method: row.method,
    reference: row.reference,
    paidAt: row.paid_at.toISOString(),
    receivedById: row.received_by,
    receivedByName: row.received_by_name,
    transactionId: row.transaction_id,
  };
}

/** The status an issued invoice has for its amounts (the database checks the same rule). */
export function settledStatus(
  total: Big.BigSource,
  credited: Big.BigSource,
  paid: Big.BigSource,
): InvoiceStatus {
  const balance = new Big(total).minus(credited).minus(paid);
  if (balance.eq(0)) return InvoiceStatus.Paid;
  return new Big(paid).gt(0) ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Issued;
}
