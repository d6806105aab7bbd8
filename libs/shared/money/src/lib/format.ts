/** Locale used when the clinic's one cannot be used by this browser. */
const FALLBACK_LOCALE = 'es-PE';

/** A currency formatter for the clinic's locale and currency (e.g. `S/ 120.50` for `es-PE`, `PEN`). */
export function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return new Intl.NumberFormat(FALLBACK_LOCALE, { style: 'currency', currency: 'PEN' });
  }
}

/**
 * Formats a decimal string exactly: `Intl.NumberFormat` takes numeric strings without going
 * through a binary float, so `"1234567890.10"` keeps its cents.
 */
export function formatMoney(amount: string, format: Intl.NumberFormat): string {
  return MONEY_LIKE.test(amount) ? format.format(amount as `${number}`) : amount;
}

const MONEY_LIKE = /^-?\d+(\.\d+)?$/;

/** The currency's sign in the locale, e.g. `S/` for soles in `es-PE`. */
export function currencySymbol(format: Intl.NumberFormat): string {
  return format.formatToParts(0).find((part) => part.type === 'currency')?.value ?? '';
}

/** How many decimals the currency uses (0 for Chilean pesos). */
export function currencyDecimals(format: Intl.NumberFormat): number {
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}
