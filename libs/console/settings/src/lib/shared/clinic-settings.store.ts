import { Injectable, computed, inject, signal } from '@angular/core';
import { ClinicSettingsApi } from '@consultorio/console/core';
import type { ClinicSettingsDto } from '@consultorio/shared/contracts';
import { Observable, tap } from 'rxjs';
import { formatMoney, moneyFormat } from '@consultorio/shared/money';

/**
 * The clinic's settings as the settings pages last saw them: lists format money in the clinic's
 * currency and locale with them, and the clinic page replaces them when it saves.
 */
@Injectable({ providedIn: 'root' })
export class ClinicSettingsStore {
  private readonly api = inject(ClinicSettingsApi);
  private requested = false;

  private readonly current = signal<ClinicSettingsDto | null>(null);
  readonly settings = this.current.asReadonly();
  /** Currency formatter of the clinic; `null` until the settings arrive. */
  readonly money = computed(() => {
    const settings = this.current();
    return settings ? moneyFormat(settings.locale, settings.currency) : null;
  });

  /** Loads the settings once; later calls do nothing unless the first one failed. */
  ensureLoaded(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.get().subscribe({
      next: (settings) => this.current.set(settings),
      error: () => (this.requested = false),
    });
  }

  /** Fetches the latest settings (the clinic page edits those, not a stale copy). */
  refresh(): Observable<ClinicSettingsDto> {
    this.requested = true;
    return this.api.get().pipe(tap((settings) => this.current.set(settings)));
  }

  /** Keeps what the API answered to a save. */
  replace(settings: ClinicSettingsDto): void {
    this.requested = true;
    this.current.set(settings);
  }

  /** An amount in the clinic currency, e.g. `S/ 120.50`; the bare amount until the settings arrive. */
  formatMoney(amount: string): string {
    const format = this.money();
    return format ? formatMoney(amount, format) : amount;
  }
}
