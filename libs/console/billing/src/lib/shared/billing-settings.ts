import { Injectable, computed, inject, signal } from '@angular/core';
import { ClinicSettingsApi, I18n, formatDateTime, type DateTimeStyle } from '@consultorio/console/core';
import type { ClinicSettingsDto } from '@consultorio/shared/contracts';
import { DEFAULT_TIME_ZONE } from '@consultorio/shared/scheduling';
import { formatMoney, moneyFormat } from '@consultorio/shared/money';

/**
 * The clinic settings billing needs (currency, tax rate, whether prices include tax, locale and
 * time zone), read once from the API, with the formatters built on them.
 */
@Injectable({ providedIn: 'root' })
export class BillingSettings {
  private readonly api = inject(ClinicSettingsApi);
  private readonly i18n = inject(I18n);
  private requested = false;
  private readonly formats = new Map<string, Intl.NumberFormat>();

  private readonly current = signal<ClinicSettingsDto | null>(null);
  /** `null` until the API answers. */
  readonly settings = this.current.asReadonly();
  readonly timeZone = computed(() => this.current()?.timeZone ?? DEFAULT_TIME_ZONE);
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

  /** `amount` in `currency` (the clinic's by default), e.g. `S/ 120.50`; the bare amount until settings arrive. */
  money(amount: string | null | undefined, currency?: string | null): string {
    if (amount === null || amount === undefined || amount === '') return '';
    const code = currency?.trim() || this.current()?.currency;
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

  /** An instant in the clinic's time zone and the console's language. */
  date(iso: string | null | undefined, style: DateTimeStyle = 'date'): string {
    return iso ? formatDateTime(iso, this.i18n.locale(), this.timeZone(), style) : '';
  }
}
