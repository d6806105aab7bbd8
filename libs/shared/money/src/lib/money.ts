import Big from 'big.js';

/**
 * Money travels as decimal strings (`"120.50"`) and is computed with big.js, never with binary
 * floats: 0.1 + 0.2 is 0.3 here. Amounts are rounded half up (away from zero on .5) to the
 * currency's minor unit — 2 decimals for soles, none for Chilean pesos.
 */

/** A decimal amount as text, e.g. `"120.50"`, `"-3"`, `"15000"`. */
export type Money = string;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether `value` is a plain decimal string (no exponent, no thousands separators). */
export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

const digitsCache = new Map<string, number>();

/**
 * How many decimals `currency` uses (ISO 4217 minor unit, as `Intl` knows it): PEN 2, CLP 0,
 * USD 2, JPY 0. Unknown codes fall back to 2.
 */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `amount` rounded half up to the currency's minor unit, as fixed-point text (`"10.00"`, `"15000"`). */
export function roundMoney(amount: Big.BigSource, currency: string): Money {
  const digits = currencyDigits(currency);
  return new Big(amount).round(digits, Big.roundHalfUp).toFixed(digits);
}

/** The exact sum of `amounts`, written with the currency's decimals. */
export function sumMoney(amounts: readonly Big.BigSource[], currency: string): Money {
  return roundMoney(
    amounts.reduce<Big>((sum, amount) => sum.plus(amount), new Big(0)),
    currency,
  );
}

/** `a - b`, exactly, with the currency's decimals. */
export function subtractMoney(a: Big.BigSource, b: Big.BigSource, currency: string): Money {
  return roundMoney(new Big(a).minus(b), currency);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareMoney(a: Big.BigSource, b: Big.BigSource): -1 | 0 | 1 {
  return new Big(a).cmp(b) as -1 | 0 | 1;
}

/** Whether `amount` has no more decimals than the currency allows (`"10.5"` is not pesos). */
export function fitsCurrency(amount: string, currency: string): boolean {
  if (!isDecimal(amount)) return false;
  const fraction = amount.split('.')[1]?.replace(/0+$/, '') ?? '';
  return fraction.length <= currencyDigits(currency);
}

/** Zero written with the currency's decimals (`"0.00"`, `"0"`). */
export function zeroMoney(currency: string): Money {
  return roundMoney(0, currency);
}

export { Big };
