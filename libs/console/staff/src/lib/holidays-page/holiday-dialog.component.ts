import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import {
  HolidaysApi,
  I18n,
  TranslatePipe,
  dtoValidator,
  errorMessage,
  setServerError,
  statusOf,
} from '@consultorio/console/core';
import { CreateHolidayDto, type HolidayDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { StaffFieldErrorPipe } from '../shared/staff-field-error.pipe';

export interface HolidayDialogData {
  /** Suggested date, `YYYY-MM-DD`. */
  date: string;
}

/** Adds a day the whole clinic is closed: no doctor can be booked on it. */
@Component({
  selector: 'cs-holiday-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    StaffFieldErrorPipe,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'staff.holidays.addTitle' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="holiday-dialog">
      <mat-dialog-content class="cs-form-content">
        @if (failure(); as failure) {
          <div class="cs-form-alert" role="alert">
            <mat-icon>error</mat-icon>
            <span>{{ failure }}</span>
          </div>
        }
        <div class="cs-form-grid">
          <mat-form-field>
            <mat-label>{{ 'staff.holidays.date' | t }}</mat-label>
            <input matInput type="date" formControlName="date" data-testid="holiday-date" cdkFocusInitial />
            <mat-error>{{ form.controls.date.errors | staffFieldError: 'date' }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'staff.holidays.name' | t }}</mat-label>
            <input
              matInput
              formControlName="name"
              maxlength="120"
              autocomplete="off"
              data-testid="holiday-name"
            />
            <mat-error>{{ form.controls.name.errors | staffFieldError: 'name' }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" data-testid="save-holiday" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" />
          }
          {{ 'staff.holidays.add' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HolidayDialogComponent {
  private readonly api = inject(HolidaysApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<HolidayDialogComponent, HolidayDto>>(MatDialogRef);
  private readonly data = inject<HolidayDialogData>(MAT_DIALOG_DATA);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = new FormGroup(
    {
      date: new FormControl(this.data.date, { nonNullable: true }),
      name: new FormControl('', { nonNullable: true }),
    },
    { validators: dtoValidator(CreateHolidayDto) },
  );

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    try {
      const { date, name } = this.form.getRawValue();
      this.dialogRef.close(await firstValueFrom(this.api.create({ date, name: name.trim() })));
    } catch (error) {
      // The only conflict is a date that already is a holiday.
      if (statusOf(error) === 409) setServerError(this.form.controls.date, 'unique');
      else this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
