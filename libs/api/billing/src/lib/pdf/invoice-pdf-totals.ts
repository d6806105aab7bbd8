import { InvoiceKind, InvoiceStatus, type InvoiceDto } from '@consultorio/shared/contracts';
import { Big, sumMoney } from '@consultorio/shared/money';
import type { InvoicePdfFormat } from './invoice-pdf-format';
import type { InvoicePdfTexts } from './invoice-pdf-texts';

/** One line of the totals block: a label and an amount as a decimal string. */
export interface TotalRow {
  label: string;
  amount: string;
  /** Whether it is a bottom line (total, balance due), printed larger below a rule. */
  strong: boolean;
}

/**
 * The totals block, top to bottom: gross, discount (when any), taxable base, exempt base (when
 * some lines are exempt), tax with the lines' distinct rates, total, credited (when any) and,
 * for an invoice the patient still has to settle, paid and balance due.
 */
export function invoiceTotalRows(
  invoice: InvoiceDto,
  texts: InvoicePdfTexts,
  format: Pick<InvoicePdfFormat, 'rate'>,
): TotalRow[] {
  const row = (label: string, amount: string, strong = false): TotalRow => ({ label, amount, strong });
  const isZero = (amount: string) => new Big(amount).eq(0);
  const rows = [row(texts.gross, invoice.gross)];
  if (!isZero(invoice.discount)) rows.push(row(texts.discounts, negate(invoice.discount)));

  // Exempt lines (rate 0) are shown apart from the taxed base, as tax documents do.
  const taxed = invoice.items.filter((item) => !isZero(item.taxRate));
  const exempt = invoice.items.filter((item) => isZero(item.taxRate));
  const base = (items: typeof taxed) =>
    sumMoney(
      items.map((item) => item.net),
      invoice.currency,
    );
  if (!exempt.length) {
    rows.push(row(texts.taxable, invoice.net));
  } else {
    if (taxed.length) rows.push(row(texts.taxable, base(taxed)));
    rows.push(row(texts.exempt, base(exempt)));
  }
  const rates = [...new Set(taxed.map((item) => new Big(item.taxRate).toFixed(4)))]
    .sort((a, b) => new Big(a).cmp(b))
    .map((rate) => format.rate(rate));
  rows.push(row(`${texts.tax} ${rates.length ? rates.join(' / ') : format.rate('0')}`, invoice.tax));
  rows.push(row(texts.total, invoice.total, true));

  if (!isZero(invoice.credited)) rows.push(row(texts.credited, negate(invoice.credited)));
  const payable =
    invoice.kind === InvoiceKind.Invoice &&
    invoice.status !== InvoiceStatus.Draft &&
    invoice.status !== InvoiceStatus.Void;
  if (payable) {
    rows.push(row(texts.paid, invoice.paid));
    rows.push(row(texts.balance, invoice.balance, true));
  }
  return rows;
}

/** `"10.00"` → `"-10.00"` and back, as text. */
function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}
