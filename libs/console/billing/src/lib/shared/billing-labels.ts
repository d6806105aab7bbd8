import type { I18n, TranslationKey } from '@consultorio/console/core';
import type { StatusLook } from '@consultorio/console/ui';
import {
  InvoiceKind,
  InvoiceStatus,
  PaymentMethod,
  type InvoiceSummaryDto,
} from '@consultorio/shared/contracts';
import { compareMoney } from '@consultorio/shared/money';

/** Statuses in the order an invoice goes through them (the filter chips follow it). */
export const INVOICE_STATUSES: readonly InvoiceStatus[] = [
  InvoiceStatus.Draft,
  InvoiceStatus.Issued,
  InvoiceStatus.PartiallyPaid,
  InvoiceStatus.Paid,
  InvoiceStatus.Void,
];

export const STATUS_LOOK: Readonly<Record<InvoiceStatus, StatusLook>> = {
  [InvoiceStatus.Draft]: { label: 'billing.status.draft', icon: 'edit_note', tone: 'neutral' },
  [InvoiceStatus.Issued]: { label: 'billing.status.issued', icon: 'receipt_long', tone: 'tertiary' },
  [InvoiceStatus.PartiallyPaid]: {
    label: 'billing.status.partially_paid',
    icon: 'hourglass_bottom',
    tone: 'primary',
  },
  [InvoiceStatus.Paid]: { label: 'billing.status.paid', icon: 'task_alt', tone: 'success' },
  [InvoiceStatus.Void]: { label: 'billing.status.void', icon: 'block', tone: 'muted' },
};

export const PAYMENT_METHOD_KEYS: Readonly<Record<PaymentMethod, TranslationKey>> = {
  [PaymentMethod.Cash]: 'billing.method.cash',
  [PaymentMethod.Card]: 'billing.method.card',
  [PaymentMethod.Transfer]: 'billing.method.transfer',
  [PaymentMethod.YapePlin]: 'billing.method.yape_plin',
  [PaymentMethod.Insurer]: 'billing.method.insurer',
};

export const PAYMENT_METHOD_ICONS: Readonly<Record<PaymentMethod, string>> = {
  [PaymentMethod.Cash]: 'payments',
  [PaymentMethod.Card]: 'credit_card',
  [PaymentMethod.Transfer]: 'account_balance',
  [PaymentMethod.YapePlin]: 'smartphone',
  [PaymentMethod.Insurer]: 'health_and_safety',
};

/** How an invoice is named: "Factura F001-00000042", "Nota de crédito …" or "Borrador de factura". */
export function invoiceName(invoice: Pick<InvoiceSummaryDto, 'code' | 'kind'>, i18n: I18n): string {
  if (!invoice.code) return i18n.t('billing.name.draft');
  const key = invoice.kind === InvoiceKind.CreditNote ? 'billing.name.creditNote' : 'billing.name.invoice';
  return i18n.t(key, { code: invoice.code });
}

/** File name of the PDF: the code, or `borrador.pdf` for a draft. */
export function pdfFilename(invoice: Pick<InvoiceSummaryDto, 'code'>): string {
  return invoice.code ? `${invoice.code}.pdf` : 'borrador.pdf';
}

/** Whether payments can be taken: issued (or partly paid) with something still owed. */
export function canPay(invoice: InvoiceSummaryDto): boolean {
  return (
    invoice.kind === InvoiceKind.Invoice &&
    (invoice.status === InvoiceStatus.Issued || invoice.status === InvoiceStatus.PartiallyPaid) &&
    compareMoney(invoice.balance, 0) > 0
  );
}

/** Whether the API voids it: issued, with no payments nor credit notes (admins only). */
export function canVoid(invoice: InvoiceSummaryDto): boolean {
  return (
    invoice.kind === InvoiceKind.Invoice &&
    invoice.status === InvoiceStatus.Issued &&
    compareMoney(invoice.paid, 0) === 0 &&
    compareMoney(invoice.credited, 0) === 0
  );
}

/** Whether a credit note can be issued against it: an issued invoice not yet wholly credited. */
export function canCredit(invoice: InvoiceSummaryDto): boolean {
  return (
    invoice.kind === InvoiceKind.Invoice &&
    invoice.status !== InvoiceStatus.Draft &&
    invoice.status !== InvoiceStatus.Void &&
    compareMoney(invoice.credited, invoice.total) < 0
  );
}
