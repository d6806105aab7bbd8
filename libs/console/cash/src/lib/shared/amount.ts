import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { I18n } from '@consultorio/console/core';
import { AMOUNT_PATTERN } from '@consultorio/shared/contracts';
import { compareMoney, currencyDigits, fitsCurrency } from '@consultorio/shared/money';

/** An amount as typed, in the API's form: trimmed, a decimal comma read as a point. */
export function normalizeAmount(text: string): string {
  return text.trim().replace(',', '.');
}

/**
 * Checks an amount as the API will: digits with at most the currency's decimals (none for
 * Chilean pesos), above zero unless `allowZero` (a counted amount may be zero). `currency()` is
 * read on every check, so the rule follows the clinic settings once they arrive.
 */
export function amountValidator(currency: () => string | null, allowZero = false): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const amount = normalizeAmount(control.value ?? '');
    if (!amount) return { required: true };
    if (!AMOUNT_PATTERN.test(amount)) return { amount: true };
    if (!allowZero && compareMoney(amount, 0) <= 0) return { positive: true };
    const code = currency();
    if (code && !fitsCurrency(amount, code)) return { decimals: { digits: currencyDigits(code) } };
    return null;
  };
}

/** The message for an amount control's errors, or `''`. */
export function amountError(errors: ValidationErrors | null, i18n: I18n): string {
  if (!errors) return '';
  if (errors['required']) return i18n.t('cash.error.required');
  if (errors['positive']) return i18n.t('cash.error.positive');
  if (errors['decimals']) {
    const digits = (errors['decimals'] as { digits: number }).digits;
    return digits ? i18n.t('cash.error.decimals', { digits }) : i18n.t('cash.error.noDecimals');
  }
  return i18n.t('cash.error.amount');
}
