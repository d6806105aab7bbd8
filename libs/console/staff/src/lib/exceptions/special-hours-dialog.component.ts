import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  DoctorsApi,
  I18n,
  TranslatePipe,
  dtoValidator,
  errorMessage,
  setServerError,
  type FieldErrors,
  statusOf,
} from '@consultorio/console/core';
import { CreateSpecialHoursDto, type LocationDto, type SpecialHoursDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { StaffFieldErrorPipe } from '../shared/staff-field-error.pipe';

export interface SpecialHoursDialogData {
  doctorId: string;
  /** The doctor's locations. */
  locations: readonly LocationDto[];
  /** Suggested date, `YYYY-MM-DD`. */
  date: string;
}

/** Hours for one date that replace the doctor's weekly hours that day (e.g. a Saturday campaign). */
@Component({
  selector: 'cs-special-hours-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    StaffFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './special-hours-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpecialHoursDialogComponent {
  private readonly api = inject(DoctorsApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef =
    inject<MatDialogRef<SpecialHoursDialogComponent, SpecialHoursDto>>(MatDialogRef);
  protected readonly data = inject<SpecialHoursDialogData>(MAT_DIALOG_DATA);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = new FormGroup(
    {
      locationId: new FormControl(this.data.locations[0]?.id ?? '', { nonNullable: true }),
      date: new FormControl(this.data.date, { nonNullable: true }),
      start: new FormControl('09:00', { nonNullable: true }),
      end: new FormControl('13:00', { nonNullable: true }),
    },
    {
      validators: dtoValidator(CreateSpecialHoursDto, {
        extra: (value: { start: string; end: string }): FieldErrors =>
          value.start && value.end && value.start >= value.end ? { end: { timeOrder: true } } : {},
      }),
    },
  );

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(
        await firstValueFrom(this.api.addSpecialHours(this.data.doctorId, this.form.getRawValue())),
      );
    } catch (error) {
      if (statusOf(error) === 409) {
        const message = this.i18n.t('staff.special.overlap');
        setServerError(this.form.controls.start, 'overlap', message);
        this.failure.set(message);
      } else {
        this.failure.set(errorMessage(this.i18n, error));
      }
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
