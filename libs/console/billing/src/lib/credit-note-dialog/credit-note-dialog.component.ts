import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { I18n, TranslatePipe, errorMessage, problemOf } from '@consultorio/console/core';
import {
  InvoiceItemKind,
  PAYMENT_METHODS,
  type CreateCreditNoteDto,
  type InvoiceDto,
  type InvoiceItemDto,
  type PaymentMethod,
} from '@consultorio/shared/contracts';
import { compareMoney, invoiceTotals, subtractMoney } from '@consultorio/shared/money';
import { firstValueFrom } from 'rxjs';
import { InvoicesApi } from '../data/invoices-api';
import { MoneyPipe } from '../shared/billing-pipes';
import { PAYMENT_METHOD_KEYS, invoiceName } from '../shared/billing-labels';

export interface CreditNoteDialogData {
  invoice: InvoiceDto;
}

const REASON_MAX = 500;

/** A credited line, as the API takes it: the original line's terms, as free text. */
function creditLine(item: InvoiceItemDto) {
  return {
    kind: InvoiceItemKind.Free,
    description: item.description,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    discount: item.discount,
    taxRate: item.taxRate,
  };
}

/**
 * Issues a credit note against an invoice: everything not yet credited, or the chosen lines.
 * When the credit leaves the invoice paid beyond what it is now worth, it asks how the
 * difference is refunded.
 */
@Component({
  selector: 'cs-credit-note-dialog',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MoneyPipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './credit-note-dialog.component.html',
  styleUrl: './credit-note-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreditNoteDialogComponent {
  private readonly api = inject(InvoicesApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<CreditNoteDialogComponent, InvoiceDto>>(MatDialogRef);
  protected readonly invoice = inject<CreditNoteDialogData>(MAT_DIALOG_DATA).invoice;

  private readonly currency = this.invoice.currency.trim();
  protected readonly name = invoiceName(this.invoice, this.i18n);
  protected readonly methods = PAYMENT_METHODS;
  protected readonly methodKeys = PAYMENT_METHOD_KEYS;
  protected readonly reasonMax = REASON_MAX;
  /** After a first credit note the API needs the lines: crediting "everything" is no longer offered. */
  protected readonly wholeAllowed = compareMoney(this.invoice.credited, 0) === 0;
  protected readonly creditable = subtractMoney(this.invoice.total, this.invoice.credited, this.currency);

  protected readonly mode = signal<'all' | 'lines'>(this.wholeAllowed ? 'all' : 'lines');
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly submitted = signal(false);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(REASON_MAX), Validators.pattern(/\S/)],
  });
  protected readonly refundMethod = new FormControl<PaymentMethod | null>(null);
  protected readonly form = new FormGroup({ reason: this.reason, refundMethod: this.refundMethod });

  /** What the credit note comes to. */
  protected readonly amount = computed(() => {
    if (this.mode() === 'all') return this.creditable;
    const chosen = this.chosen();
    const lines = this.invoice.items.filter((item) => chosen.has(item.id)).map(creditLine);
    return invoiceTotals(lines, { currency: this.currency, pricesIncludeTax: this.invoice.pricesIncludeTax })
      .total;
  });
  protected readonly exceeds = computed(() => compareMoney(this.amount(), this.creditable) > 0);
  protected readonly nothing = computed(() => compareMoney(this.amount(), 0) <= 0);
  /** What is paid back: what was paid beyond what the invoice is worth after the credit. */
  protected readonly refund = computed(() => {
    const owed = subtractMoney(this.creditable, this.amount(), this.currency);
    return compareMoney(this.invoice.paid, owed) > 0
      ? subtractMoney(this.invoice.paid, owed, this.currency)
      : null;
  });

  protected toggle(item: InvoiceItemDto, checked: boolean): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (checked) next.add(item.id);
      else next.delete(item.id);
      return next;
    });
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    this.reason.markAsTouched();
    const refund = this.refund();
    if (this.reason.invalid || this.nothing() || this.exceeds() || this.saving()) return;
    if (refund && !this.refundMethod.value) return;
    const body: CreateCreditNoteDto = { reason: this.reason.value.trim() };
    if (this.mode() === 'lines') {
      body.items = this.invoice.items.filter((item) => this.chosen().has(item.id)).map(creditLine);
    }
    if (refund && this.refundMethod.value) body.refundMethod = this.refundMethod.value;
    this.saving.set(true);
    this.failure.set(null);
    this.ref.disableClose = true;
    try {
      this.ref.close(await firstValueFrom(this.api.creditNote(this.invoice.id, body)));
    } catch (error) {
      const detail = problemOf(error)?.detail;
      this.failure.set(
        detail ? `${errorMessage(this.i18n, error)} ${detail}` : errorMessage(this.i18n, error),
      );
    } finally {
      this.saving.set(false);
      this.ref.disableClose = false;
    }
  }
}
