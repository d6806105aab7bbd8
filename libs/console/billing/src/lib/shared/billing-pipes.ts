import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { DateTimeStyle } from '@consultorio/console/core';
import { BillingSettings } from './billing-settings';

/** `{{ invoice.total | money: invoice.currency }}`; impure so it follows the settings and the language. */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly settings = inject(BillingSettings);

  transform(amount: string | null | undefined, currency?: string | null): string {
    return this.settings.money(amount, currency);
  }
}

/** `{{ invoice.issuedAt | clinicDate }}`: in the clinic's time zone and the console's language. */
@Pipe({ name: 'clinicDate', pure: false })
export class ClinicDatePipe implements PipeTransform {
  private readonly settings = inject(BillingSettings);

  transform(iso: string | null | undefined, style: DateTimeStyle = 'date'): string {
    return this.settings.date(iso, style);
  }
}
