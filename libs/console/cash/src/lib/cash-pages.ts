import type { TranslationKey } from '@consultorio/console/core';
import {
  BILLING_ADMIN_ROLES,
  BILLING_ROLES,
  PRODUCTION_ROLES,
  type Role,
} from '@consultorio/shared/contracts';

/** One page of the cash register, with the roles that may open it (its route guard uses the same list). */
export interface CashPage {
  /** Below `/cash`; `''` is the day. */
  path: string;
  label: TranslationKey;
  roles: readonly Role[];
}

/**
 * The cash register's pages in tab order. The day and the closes are the front desk's (the API
 * keeps receptionists to today and their own drawer); the monthly report is answered to admins
 * only; production to doctors (their own) and admins.
 */
export const CASH_PAGES: readonly CashPage[] = [
  { path: '', label: 'cash.tab.day', roles: BILLING_ROLES },
  { path: 'closes', label: 'cash.tab.closes', roles: BILLING_ROLES },
  { path: 'monthly', label: 'cash.tab.monthly', roles: BILLING_ADMIN_ROLES },
  { path: 'production', label: 'cash.tab.production', roles: PRODUCTION_ROLES },
];

export const rolesOf = (path: string): readonly Role[] =>
  CASH_PAGES.find((page) => page.path === path)?.roles ?? [];
