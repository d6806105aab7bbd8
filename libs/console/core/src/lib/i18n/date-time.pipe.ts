import { InjectionToken, Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';

/**
 * IANA time zone in which the console shows dates. The clinic's zone will come from its settings;
 * until then, the product's default.
 */
export const CLINIC_TIME_ZONE = new InjectionToken<string>('CLINIC_TIME_ZONE', {
  factory: () => 'America/Lima',
});

export type DateTimeStyle = 'dateTime' | 'date';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO 8601 instant in the clinic's time zone and the console's language. */
export function formatDateTime(iso: string, locale: string, timeZone: string, style: DateTimeStyle): string {
  const key = `${locale}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      dateStyle: 'medium',
      ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
    });
    formats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

/** `{{ user.lastLoginAt | dateTime }}`; impure so it follows a language switch. */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly timeZone = inject(CLINIC_TIME_ZONE);

  transform(iso: string | null | undefined, style: DateTimeStyle = 'dateTime'): string {
    return iso ? formatDateTime(iso, this.i18n.locale(), this.timeZone, style) : '';
  }
}
