import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { PatientsApi, TranslatePipe } from '@consultorio/console/core';
import type { PatientSummaryDto } from '@consultorio/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';

/** How long the search waits for the user to stop typing. */
export const PATIENT_SEARCH_DEBOUNCE_MS = 250;
/** The API searches from 2 characters on. */
const MIN_QUERY = 2;

/** The patient of an invoice, as far as the picker needs one. */
export type PickedPatient = Pick<PatientSummaryDto, 'id' | 'fullName'> & Partial<PatientSummaryDto>;

/**
 * Search-as-you-type over the clinic's patients (`/patients/search`, accent- and typo-tolerant).
 * Emits the chosen patient, or `null` once the user types something else.
 */
@Component({
  selector: 'cs-billing-patient-picker',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ 'billing.patient' | t }}</mat-label>
      <mat-icon matPrefix>{{ isPicked() ? 'person' : 'person_search' }}</mat-icon>
      <input
        matInput
        type="search"
        data-testid="patient-search"
        autocomplete="off"
        spellcheck="false"
        [formControl]="query"
        [matAutocomplete]="auto"
        [placeholder]="'billing.patientPlaceholder' | t"
      />
      @if (searching()) {
        <mat-progress-spinner matSuffix mode="indeterminate" diameter="20" class="spinner" />
      } @else if (query.value && !disabled()) {
        <button
          mat-icon-button
          matSuffix
          type="button"
          [attr.aria-label]="'billing.clearPatient' | t"
          (click)="clear()"
        >
          <mat-icon>close</mat-icon>
        </button>
      }
      @if (error()) {
        <mat-hint class="error-hint" role="alert">{{ error() }}</mat-hint>
      } @else if (failed()) {
        <mat-hint class="error-hint">{{ 'billing.patientSearchFailed' | t }}</mat-hint>
      } @else if (noMatch()) {
        <mat-hint data-testid="patient-no-match">{{ 'billing.noPatientMatch' | t }}</mat-hint>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="onSelected($event)">
        @for (patient of results(); track patient.id) {
          <mat-option [value]="patient" data-testid="patient-option">
            <span class="option">
              <span>{{ patient.fullName }}</span>
              <span class="details">{{ details(patient) }}</span>
            </span>
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      inline-size: 100%;
    }
    .spinner {
      margin-inline-end: 12px;
    }
    .error-hint {
      color: var(--mat-sys-error);
    }
    .option {
      display: flex;
      flex-direction: column;
      line-height: 1.3;
      padding-block: 4px;
    }
    .details {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPickerComponent {
  private readonly api = inject(PatientsApi);

  /** The patient already chosen, if any (shown as the field's text). */
  readonly value = input<PickedPatient | null>(null);
  /** Whether the patient can no longer change (an appointment's invoice). */
  readonly disabled = input(false);
  /** The error to show under the field (already translated), if any. */
  readonly error = input('');
  readonly picked = output<PickedPatient | null>();

  protected readonly query = new FormControl<string | PickedPatient>('', { nonNullable: true });
  protected readonly results = signal<PatientSummaryDto[]>([]);
  protected readonly searching = signal(false);
  protected readonly noMatch = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const patient = this.value();
      untracked(() => {
        if (patient && (typeof this.query.value === 'string' || this.query.value.id !== patient.id)) {
          this.query.setValue(patient, { emitEvent: false });
        }
      });
    });
    effect(() => {
      const disabled = this.disabled();
      untracked(() =>
        disabled ? this.query.disable({ emitEvent: false }) : this.query.enable({ emitEvent: false }),
      );
    });
    this.query.valueChanges
      .pipe(
        tap((value) => {
          if (typeof value === 'string') this.picked.emit(null);
        }),
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(PATIENT_SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => {
          this.searching.set(q.length >= MIN_QUERY);
          this.failed.set(false);
          if (q.length < MIN_QUERY) {
            this.results.set([]);
            this.noMatch.set(false);
          }
        }),
        switchMap((q) =>
          q.length < MIN_QUERY
            ? of(null)
            : this.api.search(q).pipe(
                catchError(() => {
                  this.failed.set(true);
                  return of([]);
                }),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((results) => {
        this.searching.set(false);
        if (results === null) return;
        this.results.set(results);
        this.noMatch.set(results.length === 0 && !this.failed());
      });
  }

  protected display(value: string | PickedPatient | null): string {
    return typeof value === 'string' ? value : (value?.fullName ?? '');
  }

  protected details(patient: PatientSummaryDto): string {
    return [patient.documentNumber, patient.phone].filter(Boolean).join(' · ');
  }

  protected onSelected(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as PatientSummaryDto);
  }

  protected clear(): void {
    this.query.setValue('');
  }

  protected isPicked(): boolean {
    return typeof this.query.value !== 'string';
  }
}
