import { I18n, errorMessage, problemOf, statusOf, type TranslationKey } from '@consultorio/console/core';

/** Problem types of the cash register the console explains in its own words. */
const KNOWN: Readonly<Record<string, TranslationKey>> = {
  'cash-day-closed': 'cash.error.dayClosed',
  'payment-entry': 'cash.error.paymentEntry',
  'entry-void': 'cash.error.entryVoid',
  'adjustment-of-open-day': 'cash.error.adjustmentOfOpenDay',
  'entry-in-future': 'cash.error.inFuture',
};

/** The slug of a problem's type (`urn:consultorio:problem:cash-day-closed` → `cash-day-closed`). */
export function problemSlug(error: unknown): string | null {
  const type = problemOf(error)?.type;
  return type ? (type.split(':').pop() ?? null) : null;
}

/** Whether the API refused because the drawer-day is already closed (409 on a close, 422 on an entry). */
export function isDayClosed(error: unknown): boolean {
  return problemSlug(error) === 'cash-day-closed';
}

/**
 * A sentence about a failed cash-register call: the known rules in the console's words, others as
 * the generic message followed by the API's detail.
 */
export function cashFailure(i18n: I18n, error: unknown): string {
  const slug = problemSlug(error);
  const known = slug ? KNOWN[slug] : undefined;
  if (known) return i18n.t(known);
  if (statusOf(error) === 403) return i18n.t('cash.error.forbidden');
  const detail = problemOf(error)?.detail;
  const message = errorMessage(i18n, error);
  return detail ? `${message} ${detail}` : message;
}
