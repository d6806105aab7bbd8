import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { AppointmentsApi, AuthStore, I18n, PatientsApi, TranslatePipe } from '@consultorio/console/core';
import { BILLING_TEXTS } from '@consultorio/console/billing';
import { StatusChipComponent } from '@consultorio/console/ui';
import {
  AppointmentStatus,
  BILLING_ROLES,
  Role,
  type AppointmentDto,
  type PatientDto,
} from '@consultorio/shared/contracts';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { formatLocalDate, formatTimeRange, localDateIn } from '../shared/agenda-time';
import { appointmentProblem } from '../shared/appointment-problem';
import { STATUS_LOOK, actionsFrom, isMovable, type StatusAction } from '../shared/appointment-status';

const CANCEL_REASON_MAX = 300;

/**
 * One appointment in detail: when, with whom, the patient's contact data, and the workflow steps
 * the transition table allows from its status (cancelling asks why).
 */
@Component({
  selector: 'cs-appointment-panel',
  imports: [
    MatButtonModule,
    NgTemplateOutlet,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    RouterLink,
    StatusChipComponent,
    TranslatePipe,
  ],
  templateUrl: './appointment-panel.component.html',
  styleUrl: './appointment-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentPanelComponent {
  private readonly api = inject(AppointmentsApi);
  private readonly patients = inject(PatientsApi);
  private readonly i18n = inject(I18n);
  protected readonly catalog = inject(AgendaCatalog);
  private readonly role = inject(AuthStore).role;

  readonly appointment = input.required<AppointmentDto>();
  /** The API's answer to a status change. */
  readonly changed = output<AppointmentDto>();
  readonly closed = output<void>();

  protected readonly patient = signal<PatientDto | null>(null);
  protected readonly busy = signal<AppointmentStatus | null>(null);
  protected readonly problem = signal<string | null>(null);
  /** Whether the cancel form is open. */
  protected readonly cancelling = signal(false);
  /** Whether the user tried to cancel without saying why. */
  protected readonly reasonMissing = signal(false);
  protected readonly cancelReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CANCEL_REASON_MAX)],
  });
  protected readonly reasonMax = CANCEL_REASON_MAX;

  /** Doctors do not open patient records here (the API keeps those for the front office). */
  protected readonly canOpenPatient = computed(() => this.role() !== Role.Doctor);
  /** Whether the front desk may bill it: a completed appointment, for billing roles. */
  protected readonly canBill = computed(() => {
    const role = this.role();
    return (
      this.appointment().status === AppointmentStatus.Completed && !!role && BILLING_ROLES.includes(role)
    );
  });
  protected readonly statusLook = STATUS_LOOK;
  protected readonly actions = computed(() => actionsFrom(this.appointment().status));
  protected readonly forward = computed(() => this.actions().filter((action) => !action.destructive));
  protected readonly undo = computed(() => this.actions().filter((action) => action.destructive));
  protected readonly movable = computed(() => isMovable(this.appointment().status));
  protected readonly doctor = computed(() => this.catalog.doctor(this.appointment().doctorId));
  protected readonly when = computed(() => {
    const { start, end } = this.appointment();
    const timeZone = this.catalog.timeZone();
    const locale = this.i18n.locale();
    return {
      day: formatLocalDate(localDateIn(start, timeZone), locale, 'long'),
      time: formatTimeRange(start, end, locale, timeZone),
      minutes: Math.round((Date.parse(end) - Date.parse(start)) / 60_000),
    };
  });
  protected readonly age = computed(() => {
    const birthDate = this.patient()?.birthDate;
    if (!birthDate) return null;
    const today = new Date();
    const [year, month, day] = birthDate.split('-').map(Number);
    const beforeBirthday =
      today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
    return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
  });

  private readonly appointmentId = computed(() => this.appointment().id);
  private readonly patientId = computed(() => this.appointment().patientId);

  constructor() {
    // The "Facturar" link's text comes with billing's.
    this.i18n.register(BILLING_TEXTS);
    // The patient's contact data, for the front office.
    effect((onCleanup) => {
      const patientId = this.patientId();
      this.patient.set(null);
      if (!this.canOpenPatient()) return;
      const subscription = this.patients
        .get(patientId)
        .pipe(catchError(() => of(null)))
        .subscribe((patient) => this.patient.set(patient));
      onCleanup(() => subscription.unsubscribe());
    });
    // Another appointment: start over.
    effect(() => {
      if (!this.appointmentId()) return;
      this.cancelling.set(false);
      this.reasonMissing.set(false);
      this.problem.set(null);
      this.cancelReason.reset('');
    });
  }

  protected async run(action: StatusAction): Promise<void> {
    if (action.needsReason && !this.cancelling()) {
      this.cancelling.set(true);
      return;
    }
    if (action.needsReason) {
      this.cancelReason.markAsTouched();
      if (this.cancelReason.invalid || !this.cancelReason.value.trim()) {
        this.cancelReason.setErrors({ required: true });
        this.reasonMissing.set(true);
        return;
      }
    }
    this.busy.set(action.to);
    this.problem.set(null);
    try {
      const reason = action.needsReason ? this.cancelReason.value.trim() : undefined;
      const changed = await firstValueFrom(this.api.changeStatus(this.appointment().id, action.to, reason));
      this.cancelling.set(false);
      this.changed.emit(changed);
    } catch (error) {
      this.problem.set(appointmentProblem(this.i18n, error).message);
    } finally {
      this.busy.set(null);
    }
  }

  protected stopCancelling(): void {
    this.cancelling.set(false);
    this.reasonMissing.set(false);
    this.cancelReason.reset('');
  }
}
