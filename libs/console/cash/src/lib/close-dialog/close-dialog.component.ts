import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { I18n, TranslatePipe, statusOf } from '@consultorio/console/core';
import type {
  CashCloseDto,
  CashClosePreviewDto,
  CreateCashCloseDto,
  PaymentMethod,
} from '@consultorio/shared/contracts';
import { compareMoney, subtractMoney, sumMoney, zeroMoney } from '@consultorio/shared/money';
import { firstValueFrom, startWith } from 'rxjs';
import { CashApi } from '../data/cash-api';
import { amountError, amountValidator, normalizeAmount } from '../shared/amount';
import { AS_TYPED } from '../shared/as-typed';
import {
  BALANCE_ICONS,
  BALANCE_KEYS,
  METHOD_ICONS,
  METHOD_KEYS,
  balanceOf,
  signed,
  type Balance,
} from '../shared/cash-labels';
import { BusinessDayPipe, ClinicTimePipe, MoneyPipe } from '../shared/cash-pipes';
import { cashFailure, isDayClosed } from '../shared/cash-problem';
import { CashSettings } from '../shared/cash-settings';
import { CloseLinesComponent } from '../shared/close-lines.component';

export interface CloseDialogData {
  locationId: string;
  locationName: string;
  /** Whose drawer. */
  cashierId: string;
  cashierName: string;
  /** The day closed; `null` for today (the front desk's only day, which the API decides). */
  date: string | null;
  /** Whether the caller closes as an admin (and names the cashier and day). */
  asAdmin: boolean;
}

/** One method's line while counting: the difference once what was counted is a valid amount. */
interface CountLine {
  method: PaymentMethod;
  expected: string;
  /** counted − expected, exact; `null` while the counted amount is not valid. */
  difference: string | null;
  balance: Balance | null;
}

const NOTES_MAX = 1000;

/**
 * The daily close of one drawer: what the day's posted entries expect per method, what the
 * cashier counted, and the difference per method and in total, exact (decimal strings, never
 * floats) and told in words as well as colour. A close is final; a day already closed shows its
 * close instead.
 */
@Component({
  selector: 'cs-cash-close-dialog',
  imports: [
    BusinessDayPipe,
    ClinicTimePipe,
    CloseLinesComponent,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MoneyPipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './close-dialog.component.html',
  styleUrl: './close-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseDialogComponent {
  private readonly api = inject(CashApi);
  private readonly i18n = inject(I18n);
  private readonly settings = inject(CashSettings);
  private readonly ref = inject<MatDialogRef<CloseDialogComponent, CashCloseDto>>(MatDialogRef);
  protected readonly data = inject<CloseDialogData>(MAT_DIALOG_DATA);

  protected readonly methodKeys = METHOD_KEYS;
  protected readonly methodIcons = METHOD_ICONS;
  protected readonly balanceKeys = BALANCE_KEYS;
  protected readonly balanceIcons = BALANCE_ICONS;
  protected readonly notesMax = NOTES_MAX;
  protected readonly asTyped = AS_TYPED;

  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly preview = signal<CashClosePreviewDto | null>(null);
  /** The close of the day: already there when the dialog opened, or just made elsewhere (409). */
  protected readonly existing = signal<CashCloseDto | null>(null);
  protected readonly alreadyClosed = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly loadFailure = signal<string | null>(null);

  protected readonly counted = new FormRecord<FormControl<string>>({});
  protected readonly form = new FormGroup({
    counted: this.counted,
    notes: new FormControl('', { nonNullable: true, validators: Validators.maxLength(NOTES_MAX) }),
  });
  private readonly changes = toSignal(this.form.valueChanges.pipe(startWith(null)));

  protected readonly currency = computed(() => this.preview()?.currency.trim() ?? '');
  protected readonly lines = computed<CountLine[]>(() => {
    this.changes();
    const preview = this.preview();
    if (!preview) return [];
    const currency = this.currency();
    return preview.expected.map((totals) => {
      const control = this.counted.controls[totals.method];
      const difference = control?.valid
        ? subtractMoney(normalizeAmount(control.value), totals.net, currency)
        : null;
      return {
        method: totals.method,
        expected: totals.net,
        difference,
        balance: difference === null ? null : balanceOf(difference),
      };
    });
  });
  protected readonly totals = computed(() => {
    this.changes();
    const preview = this.preview();
    if (!preview) return null;
    const currency = this.currency();
    const expected = sumMoney(
      preview.expected.map((totals) => totals.net),
      currency,
    );
    const complete = this.counted.valid && Object.keys(this.counted.controls).length > 0;
    if (!complete) return { expected, counted: null, difference: null, balance: null };
    const counted = sumMoney(
      Object.values(this.counted.controls).map((control) => normalizeAmount(control.value)),
      currency,
    );
    const difference = subtractMoney(counted, expected, currency);
    return { expected, counted, difference, balance: balanceOf(difference) };
  });

  constructor() {
    this.settings.ensureLoaded();
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.loadFailure.set(null);
    const { locationId, date, cashierId, asAdmin } = this.data;
    this.api.preview({ locationId, date, cashierId: asAdmin ? cashierId : null }).subscribe({
      next: (preview) => {
        this.setUp(preview);
        this.state.set('ready');
      },
      error: (error: unknown) => {
        this.loadFailure.set(cashFailure(this.i18n, error));
        this.state.set('error');
      },
    });
  }

  protected amountMessage(method: PaymentMethod): string {
    this.changes();
    return amountError(this.counted.controls[method]?.errors ?? null, this.i18n);
  }

  protected difference(amount: string): string {
    return signed(this.settings.money(amount, this.currency()), amount);
  }

  protected async save(): Promise<void> {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const preview = this.preview();
    if (!preview) return;
    const { locationId, date, cashierId, asAdmin } = this.data;
    const dto: CreateCashCloseDto = {
      locationId,
      ...(asAdmin ? { cashierId, ...(date ? { date } : {}) } : {}),
      counted: preview.expected.map((totals) => ({
        method: totals.method,
        counted: normalizeAmount(this.counted.controls[totals.method].value),
      })),
      notes: this.form.controls.notes.value.trim() || null,
    };
    this.saving.set(true);
    this.failure.set(null);
    this.ref.disableClose = true;
    try {
      this.ref.close(await firstValueFrom(this.api.close(dto)));
    } catch (error) {
      if (statusOf(error) === 409 || isDayClosed(error)) {
        // Someone closed this drawer-day meanwhile: show that close.
        this.alreadyClosed.set(true);
        this.load();
      } else {
        this.failure.set(cashFailure(this.i18n, error));
      }
    } finally {
      this.saving.set(false);
      this.ref.disableClose = false;
    }
  }

  private setUp(preview: CashClosePreviewDto): void {
    const currency = preview.currency.trim();
    this.existing.set(preview.close);
    for (const name of Object.keys(this.counted.controls))
      this.counted.removeControl(name, { emitEvent: false });
    for (const totals of preview.expected) {
      // Methods with nothing expected start at zero; the others are counted.
      const start = compareMoney(totals.net, 0) === 0 ? zeroMoney(currency) : '';
      this.counted.addControl(
        totals.method,
        new FormControl(start, { nonNullable: true, validators: amountValidator(() => currency, true) }),
        { emitEvent: false },
      );
    }
    this.preview.set(preview);
    this.form.updateValueAndValidity();
  }
}
