import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import { ListCardComponent, StatusChipComponent } from '@consultorio/console/ui';
import type { InvoiceSummaryDto, PatientBalanceDto } from '@consultorio/shared/contracts';
import { compareMoney } from '@consultorio/shared/money';
import { InvoicesApi } from '../data/invoices-api';
import { BILLING_TEXTS } from '../i18n/billing-texts';
import { ClinicDatePipe, MoneyPipe } from '../shared/billing-pipes';
import { BillingSettings } from '../shared/billing-settings';
import { STATUS_LOOK, invoiceName } from '../shared/billing-labels';
import { PatientInvoicesStore } from './patient-invoices.store';

/**
 * A patient's account for their profile: what they were billed, have paid and still owe, and
 * their invoices and credit notes. It registers the billing texts itself, as it is shown
 * outside `/billing`.
 */
@Component({
  selector: 'cs-patient-billing',
  imports: [
    ClinicDatePipe,
    ListCardComponent,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
    StatusChipComponent,
    TranslatePipe,
  ],
  providers: [PatientInvoicesStore],
  templateUrl: './patient-billing.component.html',
  styleUrl: './patient-billing.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientBillingComponent {
  private readonly api = inject(InvoicesApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly invoices = inject(PatientInvoicesStore);

  /** Whose account is shown. */
  readonly patientId = input.required<string>();

  protected readonly balance = signal<PatientBalanceDto | null>(null);
  protected readonly balanceFailed = signal(false);
  protected readonly statusLook = STATUS_LOOK;
  protected readonly columns = ['number', 'date', 'total', 'balance', 'status'];
  protected readonly pageSizeOptions = [10, 20, 50];

  constructor() {
    this.i18n.register(BILLING_TEXTS);
    inject(BillingSettings).ensureLoaded();
    effect((onCleanup) => {
      const patientId = this.patientId();
      this.invoices.forPatient(patientId);
      this.balance.set(null);
      this.balanceFailed.set(false);
      const subscription = this.api.balance(patientId).subscribe({
        next: (balance) => this.balance.set(balance),
        error: () => this.balanceFailed.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected owes(amount: string): boolean {
    return compareMoney(amount, 0) > 0;
  }

  protected name(invoice: InvoiceSummaryDto): string {
    return invoice.code ?? this.i18n.t('billing.draft');
  }

  protected rowLabel(invoice: InvoiceSummaryDto): string {
    return this.i18n.t('billing.openInvoice', {
      name: invoiceName(invoice, this.i18n),
      patient: invoice.patientName,
    });
  }

  protected open(invoice: InvoiceSummaryDto): void {
    void this.router.navigate(['/billing', invoice.id]);
  }
}
