import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { DoctorsApi, I18n, TranslatePipe, dtoValidator, errorMessage } from '@consultorio/console/core';
import { BlockKind, CreateScheduleBlockDto, type ScheduleBlockDto } from '@consultorio/shared/contracts';
import { addDays, zonedInstant } from '@consultorio/shared/scheduling';
import { firstValueFrom } from 'rxjs';
import { BLOCK_KINDS, BLOCK_KIND_KEYS } from '../shared/staff-labels';
import { StaffFieldErrorPipe } from '../shared/staff-field-error.pipe';

export interface BlockDialogData {
  doctorId: string;
  /** The clinic's time zone: the dates and times typed are on its clocks. */
  timeZone: string;
  /** Suggested first day, `YYYY-MM-DD`. */
  date: string;
}

interface BlockFormValue {
  kind: BlockKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
}

/**
 * The instants of a block typed on the clinic's clocks. A vacation takes whole days: from the
 * start of its first day to the end of its last one.
 */
export function toCreateBlock(value: BlockFormValue, timeZone: string): CreateScheduleBlockDto {
  const instant = (date: string, time: string) => {
    try {
      return zonedInstant(date, time, timeZone);
    } catch {
      return '';
    }
  };
  const vacation = value.kind === BlockKind.Vacation;
  return {
    kind: value.kind,
    start: instant(value.startDate, vacation ? '00:00' : value.startTime),
    end:
      vacation && value.endDate
        ? instant(addDays(value.endDate, 1), '00:00')
        : instant(value.endDate, value.endTime),
    reason: value.reason.trim() || null,
  };
}

/** Blocks a doctor's time: a vacation (whole days) or a few hours (a meeting, a course). */
@Component({
  selector: 'cs-block-dialog',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    StaffFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './block-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlockDialogComponent {
  private readonly api = inject(DoctorsApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<BlockDialogComponent, ScheduleBlockDto>>(MatDialogRef);
  protected readonly data = inject<BlockDialogData>(MAT_DIALOG_DATA);
  protected readonly kinds = BLOCK_KINDS;
  protected readonly kindKeys = BLOCK_KIND_KEYS;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = new FormGroup(
    {
      kind: new FormControl<BlockKind>(BlockKind.Block, { nonNullable: true }),
      startDate: new FormControl(this.data.date, { nonNullable: true }),
      startTime: new FormControl('13:00', { nonNullable: true }),
      endDate: new FormControl(this.data.date, { nonNullable: true }),
      endTime: new FormControl('15:00', { nonNullable: true }),
      reason: new FormControl('', { nonNullable: true }),
    },
    {
      validators: dtoValidator(CreateScheduleBlockDto, {
        extra: (value: BlockFormValue) => this.rules(value),
      }),
    },
  );
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: BlockKind.Block });
  protected readonly wholeDays = computed(() => this.kind() === BlockKind.Vacation);

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    try {
      const block = toCreateBlock(this.form.getRawValue(), this.data.timeZone);
      this.dialogRef.close(await firstValueFrom(this.api.addBlock(this.data.doctorId, block)));
    } catch (error) {
      this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  /** The DTO's rules on the instants, put on the date and time fields that make them. */
  private rules(value: BlockFormValue): Record<string, Record<string, unknown>> {
    const errors: Record<string, Record<string, unknown>> = {};
    const vacation = value.kind === BlockKind.Vacation;
    for (const field of ['startDate', 'endDate'] as const) {
      if (!value[field]) errors[field] = { required: true };
    }
    if (!vacation) {
      for (const field of ['startTime', 'endTime'] as const) {
        if (!value[field]) errors[field] = { required: true };
      }
    }
    if (Object.keys(errors).length) return errors;
    const block = toCreateBlock(value, this.data.timeZone);
    if (!block.start) errors['startDate'] = { isIso8601: true };
    else if (!block.end) errors['endDate'] = { isIso8601: true };
    else if (block.start >= block.end) errors[vacation ? 'endDate' : 'endTime'] = { dateOrder: true };
    return errors;
  }
}
