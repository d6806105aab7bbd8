import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { I18n, TranslatePipe, errorMessage, problemOf } from '@consultorio/console/core';
import {
  AMOUNT_PATTERN,
  PAYMENT_METHODS,
  PaymentMethod,
  type InvoiceSummaryDto,
  type PaymentDto,
} from '@consultorio/shared/contracts';
import { compareMoney, currencyDigits, fitsCurrency } from '@consultorio/shared/money';
import { firstValueFrom } from 'rxjs';
import { InvoicesApi } from '../data/invoices-api';
import { normalizeDecimal } from '../invoice-editor/invoice-form';
import { MoneyPipe } from '../shared/billing-pipes';
import { BillingSettings } from '../shared/billing-settings';
import { PAYMENT_METHOD_ICONS, PAYMENT_METHOD_KEYS, invoiceName } from '../shared/billing-labels';

export interface PaymentDialogData {
  invoice: InvoiceSummaryDto;
}

const REFERENCE_MAX = 100;

/**
 * Checks an amount as the API will: a positive amount with the currency's decimals, never more
 * than what is owed.
 */
export function paymentAmountValidator(balance: string, currency: string) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const amount = normalizeDecimal(control.value ?? '');
    if (!amount) return { required: true };
    if (!AMOUNT_PATTERN.test(amount) || compareMoney(amount, 0) <= 0) return { amount: true };
    if (!fitsCurrency(amount, currency)) return { decimals: { digits: currencyDigits(currency) } };
    if (compareMoney(amount, balance) > 0) return { exceeds: true };
    return null;
  };
}

/** Takes a payment: the amount (what is owed by default, never more), the method and its reference. */
@Component({
  selector: 'cs-payment-dialog',
  imports: [
    MatButtonModule,
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
  template: `
    <h2 mat-dialog-title>{{ 'billing.payment.title' | t }}</h2>
    <form [formGroup]="form" novalidate data-testid="payment-dialog" (ngSubmit)="save()">
      <mat-dialog-content class="cs-form-content">
        <p class="lead">
          {{
            'billing.payment.lead' | t: { name: name, balance: (invoice.balance | money: invoice.currency) }
          }}
        </p>
        @if (failure(); as failure) {
          <div class="cs-form-alert" role="alert" data-testid="payment-failure">
            <mat-icon>error</mat-icon>
            <span>{{ failure }}</span>
          </div>
        }
        <mat-form-field class="amount">
          <mat-label>{{ 'billing.amount' | t }}</mat-label>
          <input
            matInput
            formControlName="amount"
            inputmode="decimal"
            autocomplete="off"
            data-testid="payment-amount"
            cdkFocusInitial
          />
          <mat-hint>{{
            'billing.payment.owed' | t: { balance: (invoice.balance | money: invoice.currency) }
          }}</mat-hint>
          <mat-error data-testid="amount-error">{{ amountError() }}</mat-error>
        </mat-form-field>

        <mat-form-field class="method">
          <mat-label>{{ 'billing.method' | t }}</mat-label>
          <mat-select formControlName="method" data-testid="payment-method">
            <mat-select-trigger>
              <span class="option">
                <mat-icon aria-hidden="true">{{ methodIcons[form.controls.method.value] }}</mat-icon>
                {{ methodKeys[form.controls.method.value] | t }}
              </span>
            </mat-select-trigger>
            @for (method of methods; track method) {
              <mat-option [value]="method">
                <mat-icon aria-hidden="true">{{ methodIcons[method] }}</mat-icon>
                {{ methodKeys[method] | t }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>

        <mat-form-field class="reference">
          <mat-label>{{ 'billing.reference' | t }}</mat-label>
          <input
            matInput
            formControlName="reference"
            autocomplete="off"
            [maxlength]="referenceMax"
            data-testid="payment-reference"
          />
          <mat-hint>{{ 'billing.payment.referenceHint' | t }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          data-testid="save-payment"
          [disabled]="saving() || form.invalid"
        >
          @if (saving()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" />
          }
          {{ 'billing.payment.save' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .lead {
      margin: 0 0 16px;
    }
    .amount,
    .method,
    .reference {
      inline-size: 100%;
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentDialogComponent {
  private readonly api = inject(InvoicesApi);
  private readonly i18n = inject(I18n);
  private readonly settings = inject(BillingSettings);
  private readonly ref = inject<MatDialogRef<PaymentDialogComponent, PaymentDto>>(MatDialogRef);
  protected readonly invoice = inject<PaymentDialogData>(MAT_DIALOG_DATA).invoice;

  protected readonly name = invoiceName(this.invoice, this.i18n);
  protected readonly methods = PAYMENT_METHODS;
  protected readonly methodKeys = PAYMENT_METHOD_KEYS;
  protected readonly methodIcons = PAYMENT_METHOD_ICONS;
  protected readonly referenceMax = REFERENCE_MAX;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = new FormGroup({
    amount: new FormControl(this.invoice.balance, {
      nonNullable: true,
      validators: paymentAmountValidator(this.invoice.balance, this.invoice.currency.trim()),
    }),
    method: new FormControl<PaymentMethod>(PaymentMethod.Cash, {
      nonNullable: true,
      validators: Validators.required,
    }),
    reference: new FormControl('', { nonNullable: true, validators: Validators.maxLength(REFERENCE_MAX) }),
  });

  constructor() {
    // The error shows as soon as the amount is wrong, not only after leaving the field.
    this.form.controls.amount.markAsTouched();
  }

  protected amountError(): string {
    const errors = this.form.controls.amount.errors;
    if (!errors) return '';
    if (errors['exceeds']) {
      return this.i18n.t('billing.payment.exceeds', {
        balance: this.settings.money(this.invoice.balance, this.invoice.currency),
      });
    }
    if (errors['decimals']) {
      const digits = (errors['decimals'] as { digits: number }).digits;
      return digits
        ? this.i18n.t('billing.error.decimals', { digits })
        : this.i18n.t('billing.error.noDecimals');
    }
    if (errors['required']) return this.i18n.t('billing.error.required');
    return this.i18n.t('billing.payment.positive');
  }

  protected async save(): Promise<void> {
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.failure.set(null);
    this.ref.disableClose = true;
    try {
      const payment = await firstValueFrom(
        this.api.pay(this.invoice.id, {
          amount: normalizeDecimal(value.amount),
          method: value.method,
          reference: value.reference.trim() || null,
        }),
      );
      this.ref.close(payment);
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
