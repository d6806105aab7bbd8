import { decimalToPercent, formatMoney, moneyFormat } from '@consultorio/shared/money';
import { toWinAnsi } from './win-ansi';

/** How figures and dates read on the printed document, in the clinic's locale and time zone. */
export interface InvoicePdfFormat {
  /** `"1234.5"` → `S/ 1,234.50` (es-PE, PEN), straight from the decimal string. */
  money(amount: string): string;
  /** `"2.500"` → `2.5` (`2,5` in es-CL). */
  quantity(quantity: string): string;
  /** `"0.18"` → `18 %`. */
  rate(rate: string): string;
  /** An instant as the clinic's calendar day, e.g. `3 de diciembre de 2026`. */
  longDate(instant: string): string;
  /** An instant as the clinic's calendar day, e.g. `03/12/2026`. */
  shortDate(instant: string): string;
}

export function invoicePdfFormat(locale: string, timeZone: string, currency: string): InvoicePdfFormat {
  const money = moneyFormat(locale, currency);
  const numberLocale = money.resolvedOptions().locale;
  const quantity = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2 });
  const longDate = dateFormat(numberLocale, timeZone, { dateStyle: 'long' });
  const shortDate = dateFormat(numberLocale, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' });
  // Intl.NumberFormat takes numeric strings exactly (no binary float on the way).
  const exact = (format: Intl.NumberFormat, decimal: string) => format.format(decimal as `${number}`);
  return {
    money: (amount) => toWinAnsi(formatMoney(amount, money)),
    quantity: (value) => toWinAnsi(exact(quantity, value)),
    rate: (rate) => toWinAnsi(`${exact(percent, decimalToPercent(rate))} %`),
    longDate: (instant) => toWinAnsi(longDate.format(new Date(instant))),
    shortDate: (instant) => toWinAnsi(shortDate.format(new Date(instant))),
  };
}

/** A date format in `timeZone`, or in UTC when this runtime does not know the zone. */
function dateFormat(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
}
