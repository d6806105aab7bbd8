import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { I18n, PatientsApi, TranslatePipe, applyProblemErrors } from '@consultorio/console/core';
import {
  PAYMENT_METHODS,
  PaymentMethod,
  TransactionType,
  type CashTransactionDto,
  type CreateCashTransactionDto,
  type PatientSummaryDto,
} from '@consultorio/shared/contracts';
import { currencyDigits } from '@consultorio/shared/money';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  firstValueFrom,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { CashApi } from '../data/cash-api';
import { amountError, amountValidator, normalizeAmount } from '../shared/amount';
import { CashCatalog } from '../shared/cash-catalog';
import { METHOD_ICONS, METHOD_KEYS, TYPE_LOOK } from '../shared/cash-labels';
import { BusinessDayPipe, ClinicTimePipe, MoneyPipe } from '../shared/cash-pipes';
import { cashFailure } from '../shared/cash-problem';
import { AS_TYPED } from '../shared/as-typed';
import { CashSettings } from '../shared/cash-settings';

export interface EntryDialogData {
  /** The location the entry goes to (the day view's). */
  locationId: string;
  /** The entry of a closed day this one corrects; `null` for a new income or expense. */
  adjustmentOf: CashTransactionDto | null;
}

/** How long the patient search waits for the user to stop typing. */
export const PATIENT_SEARCH_DEBOUNCE_MS = 250;
const CONCEPT_MAX = 200;
const COMMENT_MAX = 1000;

/**
 * Records an income or an expense in the caller's drawer today: concept, amount (checked against
 * the currency's decimals as it is typed), method, optional doctor and patient, a comment. As an
 * adjustment it corrects an entry of a closed day, booked today and pointing at it.
 */
@Component({
  selector: 'cs-cash-entry-dialog',
  imports: [
    BusinessDayPipe,
    ClinicTimePipe,
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
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
  templateUrl: './entry-dialog.component.html',
  styleUrl: './entry-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryDialogComponent {
  private readonly api = inject(CashApi);
  private readonly patientsApi = inject(PatientsApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<EntryDialogComponent, CashTransactionDto>>(MatDialogRef);
  protected readonly data = inject<EntryDialogData>(MAT_DIALOG_DATA);
  protected readonly catalog = inject(CashCatalog);
  protected readonly settings = inject(CashSettings);

  protected readonly adjusted = this.data.adjustmentOf;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly methodKeys = METHOD_KEYS;
  protected readonly methodIcons = METHOD_ICONS;
  protected readonly typeLook = TYPE_LOOK;
  protected readonly types = [TransactionType.Income, TransactionType.Expense];
  protected readonly conceptMax = CONCEPT_MAX;
  protected readonly commentMax = COMMENT_MAX;
  /** Amount errors show while typing, not only after leaving the field. */
  protected readonly asTyped = AS_TYPED;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = new FormGroup({
    type: new FormControl<TransactionType>(this.adjusted?.type ?? TransactionType.Income, {
      nonNullable: true,
      validators: Validators.required,
    }),
    concept: new FormControl(
      this.adjusted
        ? this.i18n
            .t('cash.entry.adjustmentConcept', { concept: this.adjusted.concept })
            .slice(0, CONCEPT_MAX)
        : '',
      { nonNullable: true, validators: [Validators.required, Validators.maxLength(CONCEPT_MAX)] },
    ),
    amount: new FormControl('', {
      nonNullable: true,
      validators: amountValidator(() => this.settings.currency()),
    }),
    method: new FormControl<PaymentMethod>(this.adjusted?.method ?? PaymentMethod.Cash, {
      nonNullable: true,
      validators: Validators.required,
    }),
    locationId: new FormControl(this.data.locationId, { nonNullable: true, validators: Validators.required }),
    doctorId: new FormControl<string | null>(this.adjusted?.doctorId ?? null),
    patient: new FormControl<string | PatientSummaryDto | null>(
      this.adjusted?.patientId
        ? ({ id: this.adjusted.patientId, fullName: this.adjusted.patientName ?? '' } as PatientSummaryDto)
        : null,
    ),
    comment: new FormControl('', { nonNullable: true, validators: Validators.maxLength(COMMENT_MAX) }),
  });

  /** Re-read on every change, for the messages that depend on the values. */
  private readonly changes = toSignal(this.form.valueChanges, { initialValue: null });
  protected readonly amountMessage = computed(() => {
    this.changes();
    this.settings.currency();
    return amountError(this.form.controls.amount.errors, this.i18n);
  });
  protected readonly amountHint = computed(() => {
    const currency = this.settings.currency();
    return currency
      ? this.i18n.t('cash.entry.amountHint', { example: this.settings.money(exampleAmount(currency)) })
      : '';
  });

  protected readonly patients = signal<PatientSummaryDto[]>([]);
  protected readonly searching = signal(false);

  constructor() {
    this.settings.ensureLoaded();
    this.catalog.loadLocations();
    this.catalog.loadDoctors();
    // The currency's decimals may arrive after the dialog opened: check the amount again then.
    effect(() => {
      this.settings.currency();
      untracked(() => this.form.controls.amount.updateValueAndValidity());
    });
    this.form.controls.patient.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(PATIENT_SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => this.searching.set(q.length >= 2)),
        switchMap((q) =>
          q.length < 2
            ? of([] as PatientSummaryDto[])
            : this.patientsApi.search(q).pipe(catchError(() => of([]))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((patients) => {
        this.searching.set(false);
        this.patients.set(patients);
      });
  }

  protected patientName(value: string | PatientSummaryDto | null): string {
    return typeof value === 'string' ? value : (value?.fullName ?? '');
  }

  protected async save(): Promise<void> {
    this.form.controls.amount.updateValueAndValidity();
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const patient = typeof value.patient === 'object' && value.patient ? value.patient.id : null;
    const dto: CreateCashTransactionDto = {
      type: value.type,
      concept: value.concept.trim(),
      amount: normalizeAmount(value.amount),
      method: value.method,
      locationId: value.locationId,
      doctorId: value.doctorId,
      patientId: patient,
      comment: value.comment.trim() || null,
      ...(this.adjusted ? { adjustmentOfId: this.adjusted.id } : {}),
    };
    this.saving.set(true);
    this.failure.set(null);
    this.ref.disableClose = true;
    try {
      this.ref.close(await firstValueFrom(this.api.create(dto)));
    } catch (error) {
      applyProblemErrors(this.form, error);
      this.failure.set(cashFailure(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.ref.disableClose = false;
    }
  }
}

/** An amount written with the currency's decimals, for the hint (`50.00`, `5000`). */
function exampleAmount(currency: string): string {
  return currencyDigits(currency) === 0 ? '5000' : '50.00';
}
