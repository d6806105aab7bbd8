import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
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

/**
 * Search-as-you-type over the clinic's patients (`/patients/search`: accents, case and small typos
 * do not matter). Emits the chosen patient, or `null` when the user types something else.
 */
@Component({
  selector: 'cs-patient-picker',
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
  templateUrl: './patient-picker.component.html',
  styleUrl: './patient-picker.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPickerComponent implements OnInit {
  private readonly api = inject(PatientsApi);

  /** The patient shown when the picker opens, if one is already chosen. */
  readonly initial = input<PatientSummaryDto | null>(null);
  /** The error to show under the field (already translated), if any. */
  readonly error = input('');
  readonly picked = output<PatientSummaryDto | null>();

  protected readonly query = new FormControl<string | PatientSummaryDto>('', { nonNullable: true });
  protected readonly results = signal<PatientSummaryDto[]>([]);
  protected readonly searching = signal(false);
  /** Whether the last search found nobody (as opposed to not having searched yet). */
  protected readonly noMatch = signal(false);
  protected readonly failed = signal(false);

  constructor() {
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

  ngOnInit(): void {
    const patient = this.initial();
    if (patient) this.query.setValue(patient, { emitEvent: false });
  }

  protected display(value: string | PatientSummaryDto | null): string {
    return typeof value === 'string' ? value : (value?.fullName ?? '');
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
