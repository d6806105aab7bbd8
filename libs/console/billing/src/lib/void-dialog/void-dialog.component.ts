import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { I18n, TranslatePipe, errorMessage, problemOf } from '@consultorio/console/core';
import type { InvoiceDto, InvoiceSummaryDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { InvoicesApi } from '../data/invoices-api';
import { invoiceName } from '../shared/billing-labels';

export interface VoidDialogData {
  invoice: InvoiceSummaryDto;
}

const REASON_MAX = 500;

/** Voids an issued invoice with no payments (admins): it keeps its number; the reason is required. */
@Component({
  selector: 'cs-void-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'billing.voidTitle' | t: { name: name } }}</h2>
    <form novalidate data-testid="void-dialog" [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="cs-form-content">
        <p>{{ 'billing.voidText' | t }}</p>
        @if (failure(); as failure) {
          <div class="cs-form-alert" role="alert" data-testid="void-failure">
            <mat-icon>error</mat-icon>
            <span>{{ failure }}</span>
          </div>
        }
        <mat-form-field class="reason">
          <mat-label>{{ 'billing.reason' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            data-testid="void-reason"
            cdkFocusInitial
            [formControl]="reason"
            [maxlength]="reasonMax"
          ></textarea>
          <mat-error>{{ 'billing.error.reason' | t }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" class="danger" data-testid="confirm-void" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" />
          }
          {{ 'billing.void' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      inline-size: 100%;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VoidDialogComponent {
  private readonly api = inject(InvoicesApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<VoidDialogComponent, InvoiceDto>>(MatDialogRef);
  private readonly invoice = inject<VoidDialogData>(MAT_DIALOG_DATA).invoice;

  protected readonly name = invoiceName(this.invoice, this.i18n);
  protected readonly reasonMax = REASON_MAX;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(REASON_MAX), Validators.pattern(/\S/)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected async save(): Promise<void> {
    this.reason.markAsTouched();
    if (this.reason.invalid || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    this.ref.disableClose = true;
    try {
      this.ref.close(
        await firstValueFrom(this.api.void(this.invoice.id, { reason: this.reason.value.trim() })),
      );
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
