import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  AuthStore,
  I18n,
  Notifier,
  TranslatePipe,
  statusOf,
  type TranslationKey,
} from '@consultorio/console/core';
import { ConfirmDialogComponent, StatusChipComponent, type ConfirmDialogData } from '@consultorio/console/ui';
import {
  BILLING_ADMIN_ROLES,
  InvoiceKind,
  InvoiceStatus,
  type InvoiceDto,
  type PaymentDto,
} from '@consultorio/shared/contracts';
import { compareMoney, decimalToPercent } from '@consultorio/shared/money';
import { firstValueFrom } from 'rxjs';
import {
  CreditNoteDialogComponent,
  type CreditNoteDialogData,
} from '../credit-note-dialog/credit-note-dialog.component';
import { InvoicesApi } from '../data/invoices-api';
import { PaymentDialogComponent, type PaymentDialogData } from '../payment-dialog/payment-dialog.component';
import { ClinicDatePipe, MoneyPipe } from '../shared/billing-pipes';
import { BillingSettings } from '../shared/billing-settings';
import {
  PAYMENT_METHOD_KEYS,
  STATUS_LOOK,
  canCredit,
  canPay,
  canVoid,
  invoiceName,
  pdfFilename,
} from '../shared/billing-labels';
import { saveFile } from '../shared/files';
import { VoidDialogComponent, type VoidDialogData } from '../void-dialog/void-dialog.component';

const DIALOG = { width: '560px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' } as const;

/**
 * One invoice or credit note: who, where and when, its lines and totals, payments and credit
 * notes, and what can be done with it in its status and by the user's role.
 */
@Component({
  selector: 'cs-invoice-detail',
  imports: [
    ClinicDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
    StatusChipComponent,
    TranslatePipe,
  ],
  templateUrl: './invoice-detail.component.html',
  styleUrl: './invoice-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetailComponent {
  private readonly api = inject(InvoicesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly role = inject(AuthStore).role;
  private readonly settings = inject(BillingSettings);

  /** The invoice's id, from the address. */
  readonly id = input.required<string>();

  protected readonly invoice = signal<InvoiceDto | null>(null);
  protected readonly failure = signal<'notFound' | 'error' | null>(null);
  protected readonly busy = signal<'issue' | 'delete' | 'pdf' | null>(null);
  protected readonly statusLook = STATUS_LOOK;
  protected readonly itemColumns = ['description', 'quantity', 'unitPrice', 'discount', 'taxRate', 'total'];
  protected readonly paymentColumns = ['paidAt', 'method', 'reference', 'receivedBy', 'amount'];

  protected readonly name = computed(() => {
    const invoice = this.invoice();
    return invoice ? invoiceName(invoice, this.i18n) : '';
  });
  protected readonly isCreditNote = computed(() => this.invoice()?.kind === InvoiceKind.CreditNote);
  protected readonly isDraft = computed(() => this.invoice()?.status === InvoiceStatus.Draft);
  protected readonly isAdmin = computed(() => {
    const role = this.role();
    return !!role && BILLING_ADMIN_ROLES.includes(role);
  });
  protected readonly canPay = computed(() => {
    const invoice = this.invoice();
    return !!invoice && canPay(invoice);
  });
  protected readonly canVoid = computed(() => {
    const invoice = this.invoice();
    return !!invoice && this.isAdmin() && canVoid(invoice);
  });
  protected readonly canCredit = computed(() => {
    const invoice = this.invoice();
    return !!invoice && canCredit(invoice);
  });
  protected readonly owes = computed(() => compareMoney(this.invoice()?.balance ?? '0', 0) > 0);

  constructor() {
    this.settings.ensureLoaded();
    effect((onCleanup) => {
      const id = this.id();
      this.invoice.set(null);
      this.failure.set(null);
      const subscription = this.api.get(id).subscribe({
        next: (invoice) => this.invoice.set(invoice),
        error: (error: unknown) => this.failure.set(statusOf(error) === 404 ? 'notFound' : 'error'),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected rate(rate: string): string {
    return compareMoney(rate, 0) === 0
      ? this.i18n.t('billing.exempt')
      : this.i18n.t('billing.ratePercent', { rate: decimalToPercent(rate) });
  }

  protected methodKey(payment: PaymentDto): TranslationKey {
    return PAYMENT_METHOD_KEYS[payment.method];
  }

  protected isRefund(payment: PaymentDto): boolean {
    return compareMoney(payment.amount, 0) < 0;
  }

  protected reload(): void {
    this.failure.set(null);
    this.api.get(this.id()).subscribe({
      next: (invoice) => this.invoice.set(invoice),
      error: (error: unknown) => this.failure.set(statusOf(error) === 404 ? 'notFound' : 'error'),
    });
  }

  protected async issue(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice || this.busy()) return;
    const confirmed = await this.confirm({
      title: this.i18n.t('billing.issueTitle'),
      text: this.i18n.t('billing.issueText'),
      confirm: this.i18n.t('billing.issue'),
      icon: 'send',
    });
    if (!confirmed) return;
    this.busy.set('issue');
    try {
      const issued = await firstValueFrom(this.api.issue(invoice.id));
      this.invoice.set(issued);
      this.notifier.success('billing.issued', { name: invoiceName(issued, this.i18n) });
    } catch (error) {
      this.notifier.failure(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async remove(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice || this.busy()) return;
    const confirmed = await this.confirm({
      title: this.i18n.t('billing.deleteTitle'),
      text: this.i18n.t('billing.deleteText', { patient: invoice.patientName }),
      confirm: this.i18n.t('billing.delete'),
      icon: 'delete',
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set('delete');
    try {
      await firstValueFrom(this.api.remove(invoice.id));
      this.notifier.success('billing.deleted');
      void this.router.navigate(['/billing']);
    } catch (error) {
      this.notifier.failure(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async pay(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice) return;
    const ref = this.dialog.open<PaymentDialogComponent, PaymentDialogData, PaymentDto>(
      PaymentDialogComponent,
      {
        ...DIALOG,
        data: { invoice },
      },
    );
    const payment = await firstValueFrom(ref.afterClosed());
    if (!payment) return;
    this.notifier.success('billing.paymentTaken', { amount: this.money(payment.amount, invoice) });
    this.reload();
  }

  protected async voidInvoice(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice) return;
    const ref = this.dialog.open<VoidDialogComponent, VoidDialogData, InvoiceDto>(VoidDialogComponent, {
      ...DIALOG,
      data: { invoice },
    });
    const voided = await firstValueFrom(ref.afterClosed());
    if (!voided) return;
    this.invoice.set(voided);
    this.notifier.success('billing.voided', { name: invoiceName(voided, this.i18n) });
  }

  protected async credit(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice) return;
    const ref = this.dialog.open<CreditNoteDialogComponent, CreditNoteDialogData, InvoiceDto>(
      CreditNoteDialogComponent,
      { ...DIALOG, width: '720px', data: { invoice } },
    );
    const note = await firstValueFrom(ref.afterClosed());
    if (!note) return;
    this.notifier.success('billing.creditIssued', { name: invoiceName(note, this.i18n) });
    this.reload();
  }

  protected async downloadPdf(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice || this.busy()) return;
    this.busy.set('pdf');
    try {
      const pdf = await firstValueFrom(this.api.pdf(invoice.id));
      saveFile(this.document, pdf, pdfFilename(invoice));
    } catch (error) {
      this.notifier.failure(error);
    } finally {
      this.busy.set(null);
    }
  }

  private money(amount: string, invoice: InvoiceDto): string {
    return this.settings.money(amount, invoice.currency);
  }

  private confirm(data: ConfirmDialogData): Promise<boolean | undefined> {
    return firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data,
          width: '420px',
          maxWidth: 'calc(100vw - 32px)',
        })
        .afterClosed(),
    );
  }
}
