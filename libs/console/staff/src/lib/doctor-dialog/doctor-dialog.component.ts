import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  DoctorsApi,
  I18n,
  TranslatePipe,
  UsersApi,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
  problemOf,
  setServerError,
} from '@consultorio/console/core';
import {
  CreateDoctorDto,
  MAX_PAGE_SIZE,
  Role,
  type CatalogEntryDto,
  type DoctorDto,
  type LocationDto,
} from '@consultorio/shared/contracts';
import { Observable, catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';
import { DOCTOR_COLOURS } from '../shared/staff-labels';
import { StaffFieldErrorPipe } from '../shared/staff-field-error.pipe';
import {
  doctorChanges,
  doctorRules,
  emptyDoctor,
  formValueOf,
  toCreateDoctor,
  type DoctorFormValue,
} from './doctor-form';

export interface DoctorDialogData {
  /** The doctor to edit, or `null` to create a profile. */
  doctor: DoctorDto | null;
  /** Specialties and locations to pick from. */
  specialties: readonly CatalogEntryDto[];
  locations: readonly LocationDto[];
}

type DoctorControls = { [K in keyof DoctorFormValue]: FormControl<DoctorFormValue[K]> };

/**
 * Creates or edits a doctor's profile. The form checks the shared `CreateDoctorDto` as the user
 * types; what only the server knows (a license already registered) lands on its field. A new
 * profile links a user with the doctor role that has none yet.
 */
@Component({
  selector: 'cs-doctor-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    StaffFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './doctor-dialog.component.html',
  styleUrl: './doctor-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorDialogComponent {
  private readonly api = inject(DoctorsApi);
  private readonly users = inject(UsersApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<DoctorDialogComponent, DoctorDto>>(MatDialogRef);
  protected readonly data = inject<DoctorDialogData>(MAT_DIALOG_DATA);
  protected readonly original = this.data.doctor;

  protected readonly isEdit = this.original !== null;
  protected readonly colours = DOCTOR_COLOURS;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** Users with the doctor role and no profile yet (only asked for when creating). */
  protected readonly candidates = toSignal(this.original ? of([]) : this.doctorUsersWithoutProfile(), {
    initialValue: null,
  });

  protected readonly form = this.buildForm(
    this.original
      ? formValueOf(this.original)
      : emptyDoctor(Math.floor(Math.random() * DOCTOR_COLOURS.length)),
  );

  protected pickColour(colour: string): void {
    this.form.controls.color.setValue(colour);
    this.form.controls.color.markAsTouched();
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    let request: Observable<DoctorDto>;
    if (this.original) {
      const changes = doctorChanges(this.original, value);
      if (Object.keys(changes).length === 0) {
        this.failure.set(this.i18n.t('staff.noChanges'));
        return;
      }
      request = this.api.update(this.original.id, changes);
    } else {
      request = this.api.create(toCreateDoctor(value));
    }
    this.saving.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(await firstValueFrom(request));
    } catch (error) {
      if (problemOf(error)?.type.endsWith(':reference-conflict') && this.original) {
        // The only reference a doctor's update can break: a location taken away that still has hours.
        setServerError(this.form.controls.locationIds, 'inUse');
      } else if (!applyProblemErrors(this.form, error)) {
        this.failure.set(errorMessage(this.i18n, error));
      }
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  private buildForm(value: DoctorFormValue): FormGroup<DoctorControls> {
    const control = <T>(initial: T) => new FormControl<T>(initial, { nonNullable: true });
    const form = new FormGroup<DoctorControls>(
      {
        userId: control(value.userId),
        documentId: control(value.documentId),
        licenseNumber: control(value.licenseNumber),
        specialtyIds: control(value.specialtyIds),
        locationIds: control(value.locationIds),
        yearsExperience: control(value.yearsExperience),
        consultationFee: control(value.consultationFee),
        bio: control(value.bio),
        color: control(value.color),
        available: control(value.available),
      },
      { validators: dtoValidator(CreateDoctorDto, { toDto: toCreateDoctor, extra: doctorRules }) },
    );
    // The linked account is chosen once, when the profile is created.
    if (this.original) form.controls.userId.disable();
    return form;
  }

  private doctorUsersWithoutProfile(): Observable<{ id: string; fullName: string; email: string }[]> {
    return forkJoin({
      users: this.users.list({
        q: '',
        role: Role.Doctor,
        active: true,
        page: 1,
        pageSize: MAX_PAGE_SIZE,
        sort: 'fullName',
      }),
      doctors: this.api.list({ pageSize: MAX_PAGE_SIZE }),
    }).pipe(
      map(({ users, doctors }) => {
        const linked = new Set(doctors.items.map((doctor) => doctor.userId));
        return users.items
          .filter((user) => !linked.has(user.id))
          .map(({ id, fullName, email }) => ({ id, fullName, email }));
      }),
      catchError(() => of([])),
    );
  }
}
