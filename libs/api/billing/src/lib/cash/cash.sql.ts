import {
  PAYMENT_METHODS,
  type CashCloseDto,
  type CashCloseLineDto,
  type CashTransactionDto,
  type MethodTotalsDto,
  type PaymentMethod,
  type TransactionStatus,
  type TransactionType,
} from '@consultorio/shared/contracts';
import { roundMoney, zeroMoney } from '@consultorio/shared/money';

/** Every column a cash entry shows, with the names it carries; dates as text, never as JS dates. */
export const SELECT_TRANSACTION = `
  SELECT t.id, t.type, t.concept, t.amount::text AS amount, t.method, t.location_id, l.name::text AS location_name,
         t.cashier_id, cu.full_name AS cashier_name, t.doctor_id, du.full_name AS doctor_name, t.patient_id,
         p.first_names || ' ' || p.last_names AS patient_name, t.invoice_id, pay.id AS payment_id,
         t.adjustment_of_id, t.comment, t.status, t.occurred_at, t.business_date::text AS business_date,
         t.created_at, t.updated_at
    FROM cash_transactions t
    JOIN locations l ON l.id = t.location_id
    JOIN users cu ON cu.id = t.cashier_id
    LEFT JOIN doctors d ON d.id = t.doctor_id
    LEFT JOIN users du ON du.id = d.user_id
    LEFT JOIN patients p ON p.id = t.patient_id
    LEFT JOIN payments pay ON pay.transaction_id = t.id`;

export interface TransactionRow {
  id: string;
  type: TransactionType;
  concept: string;
  amount: string;
  method: PaymentMethod;
  location_id: string;
  location_name: string;
  cashier_id: string;
  cashier_name: string;
  doctor_id: string | null;
  doctor_name: string | null;
  patient_id: string | null;
  patient_name: string | null;
  invoice_id: string | null;
  payment_id: string | null;
  adjustment_of_id: string | null;
  comment: string | null;
  status: TransactionStatus;
  occurred_at: Date;
  business_date: string;
  created_at: Date;
  updated_at: Date;
}

export function toTransactionDto(row: TransactionRow, currency: string): CashTransactionDto {
  return {
    id: row.id,
    type: row.type,
    concept: row.concept,
    amount: roundMoney(row.amount, currency),
    method: row.method,
    locationId: row.location_id,
    locationName: row.location_name,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    doctorId: row.doctor_id,
    doctorName: row.doctor_name,
    patientId: row.patient_id,
    patientName: row.patient_name,
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    adjustmentOfId: row.adjustment_of_id,
    comment: row.comment,
    status: row.status,
    occurredAt: row.occurred_at.toISOString(),
    businessDate: row.business_date,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Signed amount of an entry `t`: income adds, expense subtracts. */
export const SIGNED_AMOUNT = `CASE WHEN t.type = 'income' THEN t.amount ELSE -t.amount END`;

/** Income, expense and net sums of the entries `t` in a group, as exact numeric text. */
export const TOTALS_COLUMNS = `
  count(*)::int AS count,
  coalesce(sum(t.amount) FILTER (WHERE t.type = 'income'), 0)::text AS income,
  coalesce(sum(t.amount) FILTER (WHERE t.type = 'expense'), 0)::text AS expense,
  coalesce(sum(${SIGNED_AMOUNT}), 0)::text AS net`;

export interface TotalsRow {
  count: number;
  income: string;
  expense: string;
  net: string;
}

/** One row per method present (as summed by PostgreSQL) → every method, zero where unused. */
export function everyMethod(
  rows: readonly (TotalsRow & { method: PaymentMethod })[],
  currency: string,
): MethodTotalsDto[] {
  const zero = zeroMoney(currency);
  return PAYMENT_METHODS.map((method) => {
    const row = rows.find((candidate) => candidate.method === method);
    return row
      ? {
          method,
          income: roundMoney(row.income, currency),
          expense: roundMoney(row.expense, currency),
          net: roundMoney(row.net, currency),
        }
      : { method, income: zero, expense: zero, net: zero };
  });
}

/** Methods in the order the contracts list them, as a PostgreSQL array literal for `array_position`. */
const METHOD_ORDER = `ARRAY[${PAYMENT_METHODS.map((method) => `'${method}'`).join(', ')}]`;

/** A close with its names, its lines (in method order) and their totals, summed by PostgreSQL. */
export const SELECT_CLOSE = `
  SELECT c.id, c.location_id, l.name::text AS location_name, c.cashier_id, cu.full_name AS cashier_name,
         c.business_date::text AS business_date, trim(c.currency) AS currency, c.notes, c.closed_at,
         c.closed_by, bu.full_name AS closed_by_name, totals.lines, totals.expected, totals.counted, totals.difference
    FROM cash_closes c
    JOIN locations l ON l.id = c.location_id
    JOIN users cu ON cu.id = c.cashier_id
    JOIN users bu ON bu.id = c.closed_by
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(
                 'method', cl.method, 'expected', cl.expected::text, 'counted', cl.counted::text,
                 'difference', cl.difference::text) ORDER BY array_position(${METHOD_ORDER}, cl.method)), '[]') AS lines,
             coalesce(sum(cl.expected), 0)::text AS expected,
             coalesce(sum(cl.counted), 0)::text AS counted,
             coalesce(sum(cl.difference), 0)::text AS difference
        FROM cash_close_lines cl WHERE cl.close_id = c.id
    ) totals`;

export interface CloseRow {
  id: string;
  location_id: string;
  location_name: string;
  cashier_id: string;
  cashier_name: string;
  business_date: string;
  currency: string;
  notes: string | null;
  closed_at: Date;
  closed_by: string;
  closed_by_name: string;
  lines: CashCloseLineDto[];
  expected: string;
  counted: string;
  difference: string;
}

export function toCloseDto(row: CloseRow): CashCloseDto {
  const currency = row.currency;
  const money = (value: string) => roundMoney(value, currency);
  return {
    id: row.id,
    locationId: row.location_id,
    locationName: row.location_name,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    businessDate: row.business_date,
    currency,
    lines: row.lines.map((line) => ({
      method: line.method,
      expected: money(line.expected),
      counted: money(line.counted),
      difference: money(line.difference),
    })),
    expected: money(row.expected),
    counted: money(row.counted),
    difference: money(row.difference),
    notes: row.notes,
    closedAt: row.closed_at.toISOString(),
    closedById: row.closed_by,
    closedByName: row.closed_by_name,
  };
}
