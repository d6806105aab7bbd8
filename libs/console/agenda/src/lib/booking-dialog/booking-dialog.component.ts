import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  AppointmentsApi,
  FieldErrorPipe,
  I18n,
  TranslatePipe,
  dtoValidator,
} from '@consultorio/console/core';
import {
  CreateAppointmentDto,
  type AppointmentDto,
  type AvailableSlotDto,
  type PatientSummaryDto,
} from '@consultorio/shared/contracts';
import { addDays, type LocalDate } from '@consultorio/shared/scheduling';
import { catchError, firstValueFrom, map, of, startWith, switchMap, tap } from 'rxjs';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { clinicToday, formatLocalDate } from '../shared/agenda-time';
import { appointmentProblem, type AppointmentProblem } from '../shared/appointment-problem';
import { ConflictListComponent } from '../shared/conflict-list.component';
import { BookingFormValue, SlotChoice, bookingRules, slotKey, toCreateAppointment } from './booking-form';
import { BookingOptions } from './booking-options';
import { PatientPickerComponent } from './patient-picker.component';
import { SlotPickerComponent } from './slot-picker.component';

/** Whether two slot queries ask the same (other fields of the form do not change the suggestions). */
function sameSlotQuery(a: Partial<BookingFormValue>, b: Partial<BookingFormValue>): boolean {
  return (
    a.locationId === b.locationId &&
    a.treatmentId === b.treatmentId &&
    a.doctor === b.doctor &&
    a.date === b.date
  );
}

export interface BookingDialogData {
  /** Clinic-local date whose free slots are suggested first. */
  date: LocalDate;
  /** The time clicked on the calendar (ISO with offset), offered even if nobody is free then. */
  start: string | null;
  doctorId: string | null;
  locationId: string | null;
  /** A patient already chosen (booking from their profile). */
  patient?: PatientSummaryDto | null;
}

/**
 * Books an appointment: find the patient as you type, pick site, treatment and doctor, then one of
 * the free slots the API suggests for the day (or the time clicked). The server has the last word:
 * a 409 lists every appointment in the way, a 422 says which rule refused.
 */
@Component({
  selector: 'cs-booking-dialog',
  imports: [
    ConflictListComponent,
    FieldErrorPipe,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    PatientPickerComponent,
    ReactiveFormsModule,
    SlotPickerComponent,
    TranslatePipe,
  ],
  providers: [BookingOptions],
  templateUrl: './booking-dialog.component.html',
  styleUrl: './booking-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDialogComponent {
  private readonly api = inject(AppointmentsApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<BookingDialogComponent, AppointmentDto>>(MatDialogRef);
  protected readonly catalog = inject(AgendaCatalog);
  protected readonly options = inject(BookingOptions);
  private readonly data = inject<BookingDialogData>(MAT_DIALOG_DATA);
  /** A patient already chosen when the dialog opens (booking from their record). */
  protected readonly initialPatient = this.data.patient ?? null;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      patientId: this.data.patient?.id ?? '',
      locationId: this.data.locationId ?? this.catalog.locations()[0]?.id ?? '',
      treatmentId: '',
      doctor: this.data.doctorId ?? '',
      date: this.data.date,
      start: '',
      resourceId: '',
      reason: '',
    },
    {
      validators: dtoValidator(CreateAppointmentDto, {
        toDto: toCreateAppointment,
        extra: (value: BookingFormValue) => bookingRules(value, this.catalog.treatment(value.treatmentId)),
      }),
    },
  );
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly saving = signal(false);
  protected readonly problem = signal<AppointmentProblem | null>(null);
  protected readonly slots = signal<AvailableSlotDto[]>([]);
  protected readonly slotsLoading = signal(false);
  protected readonly slotsFailed = signal(false);
  protected readonly patientError = signal('');

  protected readonly treatment = computed(() => this.catalog.treatment(this.value().treatmentId));
  protected readonly doctors = computed(() => this.options.doctorsFor(this.value()));
  protected readonly treatments = computed(() => this.options.treatmentsFor(this.value()));
  protected readonly resources = computed(() => this.options.resourcesFor(this.value(), this.treatment()));
  protected readonly dayLabel = computed(() =>
    formatLocalDate(this.value().date, this.i18n.locale(), 'long'),
  );
  protected readonly isPast = computed(() => this.value().date < clinicToday(this.catalog.timeZone()));
  /** The suggestions plus the clicked time, when a doctor is known and nobody's slot starts then. */
  protected readonly choices = computed<SlotChoice[]>(() => {
    const suggested = this.slots().map((slot) => ({ ...slot, suggested: true }));
    const clicked = this.data.start;
    const doctor = this.value().doctor;
    if (!clicked || !doctor || this.value().date !== this.data.date) return suggested;
    const key = slotKey({ start: clicked, doctorId: doctor });
    if (suggested.some((slot) => slotKey(slot) === key)) return suggested;
    return [{ start: new Date(clicked).toISOString(), doctorId: doctor, suggested: false }, ...suggested];
  });

  constructor() {
    // Free slots of the day for the chosen site, treatment and doctor (or any doctor).
    toObservable(
      computed(
        () => {
          const { locationId, treatmentId, doctor, date } = this.value();
          return { locationId, treatmentId, doctor, date };
        },
        { equal: sameSlotQuery },
      ),
    )
      .pipe(
        tap(() => this.slotsFailed.set(false)),
        switchMap(({ locationId, treatmentId, doctor, date }) => {
          if (!locationId || !treatmentId || !date) return of([]);
          this.slotsLoading.set(true);
          return this.api
            .availableSlots({ from: date, to: date, locationId, treatmentId, doctorId: doctor || null })
            .pipe(
              catchError(() => {
                this.slotsFailed.set(true);
                return of([]);
              }),
            );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((slots) => {
        this.slotsLoading.set(false);
        this.slots.set(slots);
        this.keepOrPreselect();
      });

    // Appointments of the day at the site, to tell which rooms and chairs are taken.
    this.form.controls.locationId.valueChanges
      .pipe(startWith(this.form.controls.locationId.value), takeUntilDestroyed())
      .subscribe(() => this.options.loadDay(this.form.getRawValue()));
    this.form.controls.date.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.options.loadDay(this.form.getRawValue()));

    // A resource that fits and is free at the chosen time, unless the user picked one.
    toObservable(this.resources)
      .pipe(takeUntilDestroyed())
      .subscribe((resources) => {
        const control = this.form.controls.resourceId;
        const current = resources.find((resource) => resource.id === control.value);
        if (current && !current.busy) return;
        const next =
          resources.find((resource) => !resource.busy)?.id ?? current?.id ?? resources[0]?.id ?? '';
        if (next !== control.value) control.setValue(next);
      });
  }

  protected onPatient(patient: PatientSummaryDto | null): void {
    this.patientError.set('');
    this.form.controls.patientId.setValue(patient?.id ?? '');
  }

  protected shiftDay(days: number): void {
    this.form.controls.date.setValue(addDays(this.form.controls.date.value, days));
  }

  protected onSlot(key: string): void {
    this.form.controls.start.setValue(key);
  }

  protected async book(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.controls.patientId.invalid) this.patientError.set(this.i18n.t('booking.pickPatient'));
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(
        await firstValueFrom(this.api.create(toCreateAppointment(this.form.getRawValue()))),
      );
    } catch (error) {
      this.problem.set(appointmentProblem(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  /** After new suggestions: keep the chosen time if still offered, else take the clicked time. */
  private keepOrPreselect(): void {
    const control = this.form.controls.start;
    const keys = this.choices().map(slotKey);
    if (keys.includes(control.value)) return;
    const clicked = this.data.start ? new Date(this.data.start).toISOString() : null;
    const match = clicked ? this.choices().find((choice) => choice.start === clicked) : undefined;
    const next = match ? slotKey(match) : '';
    if (next !== control.value) control.setValue(next);
  }
}
