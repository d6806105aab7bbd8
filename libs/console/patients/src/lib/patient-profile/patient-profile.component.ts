import {
  ChangeDetectionStrategy,
  Component,
  ViewContainerRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import {
  CatalogsApi,
  ClinicSettingsApi,
  I18n,
  LANGUAGE_KEYS,
  Notifier,
  PatientsApi,
  TranslatePipe,
  formatDateTime,
  statusOf,
  type TranslationKey,
} from '@consultorio/console/core';
import { ListCardComponent } from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, type AppointmentDto, type PatientDto } from '@consultorio/shared/contracts';
import { DEFAULT_TIME_ZONE } from '@consultorio/shared/scheduling';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { PatientDialogComponent, type PatientDialogData } from '../patient-dialog/patient-dialog.component';
import {
  DOCUMENT_KEYS,
  GENDER_KEYS,
  STATUS_KEYS,
  ageOn,
  formatBirthDate,
  initials,
} from '../shared/patient-labels';
import { PatientAppointmentsStore } from './patient-appointments.store';

const APPOINTMENT_STATUS_KEYS: Readonly<Record<AppointmentDto['status'], TranslationKey>> = {
  scheduled: 'appointmentStatus.scheduled',
  confirmed: 'appointmentStatus.confirmed',
  checked_in: 'appointmentStatus.checked_in',
  completed: 'appointmentStatus.completed',
  cancelled: 'appointmentStatus.cancelled',
  no_show: 'appointmentStatus.no_show',
};

/** One patient's record: data, appointments, invoices and (soon) clinical history. */
@Component({
  selector: 'cs-patient-profile',
  imports: [
    ListCardComponent,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [PatientAppointmentsStore],
  templateUrl: './patient-profile.component.html',
  styleUrl: './patient-profile.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientProfileComponent {
  private readonly api = inject(PatientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly appointments = inject(PatientAppointmentsStore);

  /** The patient's id, from the address. */
  readonly id = input.required<string>();

  protected readonly patient = signal<PatientDto | null>(null);
  /**
   * Where the billing tab shows the patient's account once opened. Created by hand from a dynamic
   * import rather than with `@defer`, whose runtime would join the console's first download.
   */
  private readonly billingHost = viewChild('billingHost', { read: ViewContainerRef });
  private readonly billedPatientId = computed(() => this.patient()?.id ?? null);
  protected readonly failure = signal<'notFound' | 'error' | null>(null);
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly genderKeys = GENDER_KEYS;
  protected readonly documentKeys = DOCUMENT_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly pageSizeOptions = [10, 20, 50];
  protected readonly columns = ['when', 'doctor', 'treatment', 'status'];

  private readonly timeZone = toSignal(
    inject(ClinicSettingsApi)
      .get()
      .pipe(
        map((settings) => settings.timeZone),
        catchError(() => of(DEFAULT_TIME_ZONE)),
      ),
    { initialValue: DEFAULT_TIME_ZONE },
  );
  private readonly treatments = toSignal(
    inject(CatalogsApi)
      .list('treatments', { q: '', active: null, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
      .pipe(
        map((page) => new Map(page.items.map((treatment) => [treatment.id, treatment.name]))),
        catchError(() => of(new Map<string, string>())),
      ),
    { initialValue: new Map<string, string>() },
  );

  protected readonly initials = computed(() => {
    const patient = this.patient();
    return patient ? initials(patient.firstNames, patient.lastNames) : '';
  });
  protected readonly age = computed(() => ageOn(this.patient()?.birthDate ?? null));
  protected readonly birthDate = computed(() =>
    formatBirthDate(this.patient()?.birthDate ?? null, this.i18n.locale()),
  );

  constructor() {
    effect((onCleanup) => {
      const host = this.billingHost();
      const patientId = this.billedPatientId();
      if (!host || !patientId) return;
      let current = true;
      onCleanup(() => (current = false));
      void import('@consultorio/console/billing').then(({ PatientBillingComponent }) => {
        if (!current) return;
        host.clear();
        host.createComponent(PatientBillingComponent).setInput('patientId', patientId);
      });
    });
    effect((onCleanup) => {
      const id = this.id();
      this.patient.set(null);
      this.failure.set(null);
      this.appointments.forPatient(id);
      const subscription = this.api.get(id).subscribe({
        next: (patient) => this.patient.set(patient),
        error: (error: unknown) => this.failure.set(statusOf(error) === 404 ? 'notFound' : 'error'),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected when(appointment: AppointmentDto): string {
    return formatDateTime(appointment.start, this.i18n.locale(), this.timeZone(), 'dateTime');
  }

  protected appointmentStatusKey(appointment: AppointmentDto): TranslationKey {
    return APPOINTMENT_STATUS_KEYS[appointment.status];
  }

  protected treatment(appointment: AppointmentDto): string {
    return (appointment.treatmentId && this.treatments().get(appointment.treatmentId)) || '—';
  }

  protected async edit(): Promise<void> {
    const patient = this.patient();
    if (!patient) return;
    const ref = this.dialog.open<PatientDialogComponent, PatientDialogData, PatientDto>(
      PatientDialogComponent,
      {
        data: { patient },
        width: '720px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.patient.set(saved);
    this.notifier.success('patients.updated', { name: saved.fullName });
  }

  protected retry(): void {
    const id = this.id();
    this.failure.set(null);
    this.api.get(id).subscribe({
      next: (patient) => this.patient.set(patient),
      error: (error: unknown) => this.failure.set(statusOf(error) === 404 ? 'notFound' : 'error'),
    });
  }
}
