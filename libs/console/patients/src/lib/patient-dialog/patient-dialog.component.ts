import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  CatalogsApi,
  I18n,
  LANGUAGE_KEYS,
  PatientsApi,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
} from '@consultorio/console/core';
import { CreatePatientDto, MAX_PAGE_SIZE, type PatientDto } from '@consultorio/shared/contracts';
import { Observable, catchError, firstValueFrom, map, of } from 'rxjs';
import { PatientFieldErrorPipe } from '../shared/patient-field-error.pipe';
import {
  DOCUMENT_KEYS,
  DOCUMENT_TYPES,
  GENDERS,
  GENDER_KEYS,
  PATIENT_STATUSES,
  STATUS_KEYS,
} from '../shared/patient-labels';
import { documentRules, emptyPatient, formValueOf, patientChanges, toCreatePatient } from './patient-form';

export interface PatientDialogData {
  /** The patient to edit, or `null` to register one. */
  patient: PatientDto | null;
}

/**
 * Registers or edits a patient. The form checks the shared `CreatePatientDto` as the user types;
 * what only the server knows (a document already registered) lands on its field.
 */
@Component({
  selector: 'cs-patient-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    PatientFieldErrorPipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './patient-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientDialogComponent {
  private readonly api = inject(PatientsApi);
  private readonly catalogs = inject(CatalogsApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<PatientDialogComponent, PatientDto>>(MatDialogRef);
  protected readonly original = inject<PatientDialogData>(MAT_DIALOG_DATA).patient;

  protected readonly isEdit = this.original !== null;
  protected readonly statuses = PATIENT_STATUSES;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly genders = GENDERS;
  protected readonly genderKeys = GENDER_KEYS;
  protected readonly documentTypes = DOCUMENT_TYPES;
  protected readonly documentKeys = DOCUMENT_KEYS;
  protected readonly languages = this.i18n.languages;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly insurers = toSignal(this.activeEntries('insurers'), { initialValue: [] });
  protected readonly leadSources = toSignal(this.activeEntries('lead-sources'), { initialValue: [] });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    this.original ? formValueOf(this.original) : emptyPatient(this.i18n.language()),
    { validators: dtoValidator(CreatePatientDto, { toDto: toCreatePatient, extra: documentRules }) },
  );

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    let request: Observable<PatientDto>;
    if (this.original) {
      const changes = patientChanges(this.original, value);
      if (Object.keys(changes).length === 0) {
        this.failure.set(this.i18n.t('patients.noChanges'));
        return;
      }
      request = this.api.update(this.original.id, changes);
    } else {
      request = this.api.create(toCreatePatient(value));
    }
    this.saving.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(await firstValueFrom(request));
    } catch (error) {
      if (!applyProblemErrors(this.form, error)) this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  /** The active entries of a catalog, for a select (none if they cannot be loaded: the fields are optional). */
  private activeEntries(catalog: 'insurers' | 'lead-sources'): Observable<{ id: string; name: string }[]> {
    return this.catalogs
      .list(catalog, { q: '', active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
      .pipe(
        map((page) => page.items.map(({ id, name }) => ({ id, name }))),
        catchError(() => of([])),
      );
  }
}
