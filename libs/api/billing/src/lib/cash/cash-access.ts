import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { BILLING_ADMIN_ROLES } from '@consultorio/shared/contracts';
import { fitsCurrency } from '@consultorio/shared/money';
import { conflict, forbidden, unprocessable, type RequestContext } from '@consultorio/api/core';

/** The clinic's calendar as the cash register sees it: today in the clinic's zone, and its currency. */
export interface ClinicClock {
  today: string;
  timeZone: string;
  currency: string;
}

/** Reads today (clinic-local, from PostgreSQL's clock, as the trigger dates entries) and the currency. */
export async function clinicClock(db: DataSource | EntityManager): Promise<ClinicClock> {
  const [row] = await db.query(
    `SELECT (now() AT TIME ZONE time_zone)::date::text AS today, time_zone, trim(currency) AS currency
       FROM clinic_settings WHERE id = 1`,
  );
  return { today: row.today, timeZone: row.time_zone, currency: row.currency };
}

/** Whether the caller sees and acts on every drawer and day (admins and superadmins). */
export function isCashAdmin(context: RequestContext): boolean {
  return !!context.user && BILLING_ADMIN_ROLES.includes(context.user.role);
}

export const TODAY_ONLY = 'Receptionists work with today’s cash register only; ask an admin for other days.';

/**
 * Front-desk callers read today only: any other day or range is refused with 403. Returns the
 * range to use (today when none was given, for them).
 */
export function dayRangeFor(
  context: RequestContext,
  clock: ClinicClock,
  from: string | undefined,
  to: string | undefined,
): { from?: string; to?: string } {
  if (from && to && from > to) {
    throw unprocessable('date-order', 'to must be on or after from.', [
      { field: 'to', code: 'dateOrder', message: 'to must be on or after from' },
    ]);
  }
  if (isCashAdmin(context)) return { from, to };
  if ((from && from !== clock.today) || (to && to !== clock.today)) throw forbidden(TODAY_ONLY);
  return { from: clock.today, to: clock.today };
}

/** 422 unless `amount` is above zero (when `positive`) and has no more decimals than the currency. */
export function assertAmount(amount: string, currency: string, field: string, positive = true): void {
  if (!fitsCurrency(amount, currency) || (positive && /^0+(\.0+)?$/.test(amount))) {
    const above = positive ? 'above 0' : 'of 0 or more';
    throw unprocessable(
      'invalid-amount',
      `${field} must be an amount ${above} with the decimals of ${currency}.`,
      [
        {
          field,
          code: 'amount',
          message: `${field} must be ${above} with at most the decimals of ${currency}`,
        },
      ],
    );
  }
}

const CLOSED_DAY =
  'That cash drawer is already closed for the day: record the correction as an adjustment in today’s drawer.';
const PAYMENT_ENTRY =
  'This entry was written by a payment: it follows its payment, so correct or refund it through its invoice.';

/** What the cash register's constraints mean, for `describeConstraints` and for the slugs below. */
export const CASH_CONSTRAINTS: Record<string, string> = {
  ck_cash_day_closed: CLOSED_DAY,
  ck_cash_transactions_payment_entry: PAYMENT_ENTRY,
  ck_cash_transactions_kept: 'Cash entries are never deleted: void them while their day is open.',
  ck_cash_transactions_drawer_fixed:
    'The drawer (location and cashier) and the time of an entry never change.',
  ck_cash_transactions_not_ahead: 'An entry cannot be dated in the future.',
  uq_cash_closes_drawer_day: 'That cash drawer is already closed for the day.',
  ck_cash_closes_kept: 'A cash close is final: it is never changed or deleted.',
  ck_cash_close_lines_kept: 'A cash close is final: its counted amounts never change.',
};

/** Named problem types for the rules clients act on; other constraints keep the generic mapping. */
const SLUGS: Record<string, string> = {
  ck_cash_day_closed: 'cash-day-closed',
  ck_cash_transactions_payment_entry: 'payment-entry',
  ck_cash_transactions_kept: 'entry-kept',
  ck_cash_transactions_drawer_fixed: 'drawer-fixed',
  ck_cash_transactions_not_ahead: 'entry-in-future',
  ck_cash_closes_kept: 'close-kept',
  ck_cash_close_lines_kept: 'close-kept',
};

/** Turns a cash-register constraint violation into its problem; anything else is returned as it is. */
export function cashProblemOf(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const constraint = (error.driverError as { constraint?: string }).constraint ?? '';
  if (constraint === 'uq_cash_closes_drawer_day')
    return conflict('cash-day-closed', CASH_CONSTRAINTS[constraint]);
  const slug = SLUGS[constraint];
  return slug ? unprocessable(slug, CASH_CONSTRAINTS[constraint]) : error;
}

/** Runs `work`, answering constraint violations of the cash register with their own problems. */
export async function withCashProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw cashProblemOf(error);
  }
}
