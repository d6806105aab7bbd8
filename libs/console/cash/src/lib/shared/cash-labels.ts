import type { TranslationKey } from '@consultorio/console/core';
import type { StatusLook } from '@consultorio/console/ui';
import { PaymentMethod, TransactionStatus, TransactionType } from '@consultorio/shared/contracts';
import { compareMoney } from '@consultorio/shared/money';

export const METHOD_KEYS: Readonly<Record<PaymentMethod, TranslationKey>> = {
  [PaymentMethod.Cash]: 'cash.method.cash',
  [PaymentMethod.Card]: 'cash.method.card',
  [PaymentMethod.Transfer]: 'cash.method.transfer',
  [PaymentMethod.YapePlin]: 'cash.method.yape_plin',
  [PaymentMethod.Insurer]: 'cash.method.insurer',
};

export const METHOD_ICONS: Readonly<Record<PaymentMethod, string>> = {
  [PaymentMethod.Cash]: 'payments',
  [PaymentMethod.Card]: 'credit_card',
  [PaymentMethod.Transfer]: 'account_balance',
  [PaymentMethod.YapePlin]: 'smartphone',
  [PaymentMethod.Insurer]: 'health_and_safety',
};

export const TYPE_LOOK: Readonly<Record<TransactionType, StatusLook>> = {
  [TransactionType.Income]: { label: 'cash.type.income', icon: 'arrow_downward', tone: 'success' },
  [TransactionType.Expense]: { label: 'cash.type.expense', icon: 'arrow_upward', tone: 'tertiary' },
};

export const STATUS_LOOK: Readonly<Record<TransactionStatus, StatusLook>> = {
  [TransactionStatus.Posted]: { label: 'cash.status.posted', icon: 'check', tone: 'neutral' },
  [TransactionStatus.Void]: { label: 'cash.status.void', icon: 'block', tone: 'muted' },
};

/** How a difference counted − expected reads: money missing, money over, or exact. */
export type Balance = 'short' | 'over' | 'even';

export function balanceOf(difference: string): Balance {
  const sign = compareMoney(difference, 0);
  return sign < 0 ? 'short' : sign > 0 ? 'over' : 'even';
}

export const BALANCE_KEYS: Readonly<Record<Balance, TranslationKey>> = {
  short: 'cash.balance.short',
  over: 'cash.balance.over',
  even: 'cash.balance.even',
};

export const BALANCE_ICONS: Readonly<Record<Balance, string>> = {
  short: 'remove_circle',
  over: 'add_circle',
  even: 'check_circle',
};

/** An amount with its sign written out (`+120.00`, `−30.00` formatted), for differences. */
export function signed(formatted: string, difference: string): string {
  return compareMoney(difference, 0) > 0 ? `+${formatted}` : formatted;
}
