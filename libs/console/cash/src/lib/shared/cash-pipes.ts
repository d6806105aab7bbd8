import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { DateTimeStyle } from '@consultorio/console/core';
import { CashSettings } from './cash-settings';

/** `{{ entry.amount | money }}`; impure so it follows the settings and the language. */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly settings = inject(CashSettings);

  transform(amount: string | null | undefined, currency?: string | null): string {
    return this.settings.money(amount, currency);
  }
}

/** `{{ close.businessDate | businessDay }}`: a clinic-calendar day, as it is (no zone shifts it). */
@Pipe({ name: 'businessDay', pure: false })
export class BusinessDayPipe implements PipeTransform {
  private readonly settings = inject(CashSettings);

  transform(date: string | null | undefined, style: 'medium' | 'long' | 'full' = 'medium'): string {
    return this.settings.day(date, style);
  }
}

/** `{{ entry.occurredAt | clinicTime }}` (the time) or `| clinicTime: 'dateTime'`, on the clinic's clock. */
@Pipe({ name: 'clinicTime', pure: false })
export class ClinicTimePipe implements PipeTransform {
  private readonly settings = inject(CashSettings);

  transform(iso: string | null | undefined, style: DateTimeStyle | 'time' = 'time'): string {
    return style === 'time' ? this.settings.time(iso) : this.settings.instant(iso, style);
  }
}
