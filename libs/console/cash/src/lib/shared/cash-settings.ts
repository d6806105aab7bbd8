import { Injectable, computed, inject, signal } from '@angular/core';
import { ClinicSettingsApi, I18n, formatDateTime, type DateTimeStyle } from '@consultorio/console/core';
import type { ClinicSettingsDto } from '@consultorio/shared/contracts';
import { formatMoney, moneyFormat } from '@consultorio/shared/money';
import { DEFAULT_TIME_ZONE } from '@consultorio/shared/scheduling';

/** `YYYY-MM-DD` of `instant` on the calendar of `timeZone`. */
export function dayIn(timeZone: string, instant = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * The clinic settings the cash register needs (currency, locale, time zone), read once from the
 * API, with the formatters built on them: money in the clinic's locale, instants in its zone.
 */
@Injectable({ providedIn: 'root' })
export class CashSettings {
  private readonly api = inject(ClinicSettingsApi);
  private readonly i18n = inject(I18n);
  private requested = false;
  private readonly formats = new Map<string, Intl.NumberFormat>();

  private readonly current = signal<ClinicSettingsDto | null>(null);
  /** `null` until the API answers. */
  readonly settings = this.current.asReadonly();
  readonly timeZone = computed(() => this.current()?.timeZone ?? DEFAULT_TIME_ZONE);
  /** ISO 4217 code of the clinic's money; `null` until the settings arrive. */
  readonly currency = computed(() => this.current()?.currency.trim() || null);
  /** BCP 47 locale money is written in (the clinic's, e.g. `es-PE`). */
  readonly locale = computed(() => this.current()?.locale ?? this.i18n.locale());

  /** Loads the settings once; later calls do nothing unless the first one failed. */
  ensureLoaded(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.get().subscribe({
      next: (settings) => this.current.set(settings),
      error: () => (this.requested = false),
    });
  }

  /** Today on the clinic's calendar, `YYYY-MM-DD`. */
  today(): string {
    return dayIn(this.timeZone());
  }

  /** `amount` in `currency` (the clinic's by default), e.g. `S/ 120.50`; the bare amount until settings arrive. */
  money(amount: string | null | undefined, currency?: string | null): string {
    if (amount === null || amount === undefined || amount === '') return '';
    const code = currency?.trim() || this.currency();
    if (!code) return amount;
    const locale = this.locale();
    const key = `${locale}|${code}`;
    let format = this.formats.get(key);
    if (!format) {
      format = moneyFormat(locale, code);
      this.formats.set(key, format);
    }
    return formatMoney(amount, format);
  }

  /** A round amount without its cents, for chart axes (`S/ 2,500`). */
  wholeMoney(amount: string): string {
    const code = this.currency();
    if (!code) return amount;
    try {
      return new Intl.NumberFormat(this.locale(), {
        style: 'currency',
        currency: code,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      }).format(amount as `${number}`);
    } catch {
      return this.money(amount);
    }
  }

  /** An instant in the clinic's time zone and the console's language. */
  instant(iso: string | null | undefined, style: DateTimeStyle = 'dateTime'): string {
    return iso ? formatDateTime(iso, this.i18n.locale(), this.timeZone(), style) : '';
  }

  /** The time of an instant on the clinic's clock, e.g. `9:05 a. m.`. */
  time(iso: string | null | undefined): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(this.i18n.locale(), {
      timeZone: this.timeZone(),
      timeStyle: 'short',
    }).format(date);
  }

  /**
   * A business day (`YYYY-MM-DD`, already on the clinic's calendar) in the console's language:
   * read at noon UTC and written in UTC, so no time zone moves it to another day.
   */
  day(date: string | null | undefined, style: 'medium' | 'long' | 'full' = 'medium'): string {
    if (!date) return '';
    const noon = new Date(`${date}T12:00:00Z`);
    if (Number.isNaN(noon.getTime())) return date;
    return new Intl.DateTimeFormat(this.i18n.locale(), { timeZone: 'UTC', dateStyle: style }).format(noon);
  }

  /** A month (`YYYY-MM`) in the console's language, e.g. `diciembre de 2026`. */
  month(month: string | null | undefined): string {
    if (!month) return '';
    const noon = new Date(`${month}-15T12:00:00Z`);
    if (Number.isNaN(noon.getTime())) return month;
    return new Intl.DateTimeFormat(this.i18n.locale(), {
      timeZone: 'UTC',
      month: 'long',
      year: 'numeric',
    }).format(noon);
  }
}
