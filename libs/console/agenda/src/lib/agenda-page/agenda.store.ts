import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AppointmentsApi, BrowserStorage } from '@consultorio/console/core';
import { AppointmentStatus, type AppointmentDto, type DoctorDto } from '@consultorio/shared/contracts';
import type { LocalDate } from '@consultorio/shared/scheduling';
import { catchError, filter, map, of, switchMap, tap } from 'rxjs';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { AgendaView, clinicToday, rangeInstants, stepDate, viewRange } from '../shared/agenda-time';

/** Which appointments the agenda shows. `null` means "any". */
export interface AgendaFilters {
  locationId: string | null;
  specialtyId: string | null;
  doctorId: string | null;
  /** Whether cancelled appointments are drawn (they no longer hold their time). */
  showCancelled: boolean;
}

const VIEW_KEY = 'consultorio.agenda.view';

/**
 * State of the agenda page: the view, the date it is on, the filters and the appointments of the
 * visible range (every page of them). Reloads whenever the range or the server-side filters change,
 * dropping answers to outdated requests.
 */
@Injectable()
export class AgendaStore {
  private readonly api = inject(AppointmentsApi);
  private readonly storage = inject(BrowserStorage);
  readonly catalog = inject(AgendaCatalog);

  readonly view = signal<AgendaView>(this.storedView());
  /** The clinic-local date the view is on; `null` until the clinic's time zone is known. */
  readonly date = signal<LocalDate | null>(null);
  readonly filters = signal<AgendaFilters>({
    locationId: null,
    specialtyId: null,
    doctorId: null,
    showCancelled: false,
  });
  readonly appointments = signal<AppointmentDto[]>([]);
  readonly loading = signal(false);
  readonly failed = signal(false);
  private readonly reloads = signal(0);

  readonly range = computed(() => {
    const date = this.date();
    return date ? viewRange(this.view(), date) : null;
  });

  /** The doctors whose agenda is on screen: a doctor sees only their own. */
  readonly doctors = computed<DoctorDto[]>(() => {
    const own = this.catalog.ownDoctor();
    if (this.catalog.isDoctor()) return own ? [own] : [];
    const { locationId, specialtyId, doctorId } = this.filters();
    return this.catalog
      .doctors()
      .filter(
        (doctor) =>
          (!locationId || doctor.locationIds.includes(locationId)) &&
          (!specialtyId || doctor.specialtyIds.includes(specialtyId)) &&
          (!doctorId || doctor.id === doctorId),
      );
  });

  /** The appointments on screen, after the filters the API does not apply (specialty, cancelled). */
  readonly visible = computed(() => {
    const doctorIds = new Set(this.doctors().map((doctor) => doctor.id));
    const { showCancelled } = this.filters();
    return this.appointments().filter(
      (appointment) =>
        doctorIds.has(appointment.doctorId) &&
        (showCancelled || appointment.status !== AppointmentStatus.Cancelled),
    );
  });

  constructor() {
    // Start on the clinic's today once its time zone is known.
    effect(() => {
      if (this.catalog.ready() && untracked(this.date) === null) {
        this.date.set(clinicToday(this.catalog.timeZone()));
      }
    });

    const request = computed(() => {
      const range = this.range();
      if (!range || !this.catalog.ready()) return null;
      const { locationId, doctorId } = this.filters();
      const query = {
        ...rangeInstants(range, this.catalog.timeZone()),
        locationId,
        doctorId: this.catalog.isDoctor() ? null : doctorId,
      };
      return { query, reload: this.reloads() };
    });
    toObservable(request)
      .pipe(
        filter((query) => query !== null),
        tap(() => this.loading.set(true)),
        switchMap(({ query }) =>
          this.api.listAll({ ...query, sort: 'start' }).pipe(
            map((items) => ({ items })),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.failed.set(result === null);
        if (result) this.appointments.set(result.items);
      });
  }

  setView(view: AgendaView): void {
    this.view.set(view);
    this.storage.set(VIEW_KEY, view);
  }

  goTo(date: LocalDate): void {
    this.date.set(date);
  }

  step(direction: 1 | -1): void {
    const date = this.date();
    if (date) this.date.set(stepDate(this.view(), date, direction));
  }

  today(): void {
    this.date.set(clinicToday(this.catalog.timeZone()));
  }

  filter(changes: Partial<AgendaFilters>): void {
    this.filters.update((filters) => ({ ...filters, ...changes }));
  }

  reload(): void {
    this.reloads.update((count) => count + 1);
  }

  /** Puts the API's latest version of an appointment in place (or adds a new one). */
  upsert(appointment: AppointmentDto): void {
    this.appointments.update((list) => {
      const index = list.findIndex((item) => item.id === appointment.id);
      if (index === -1) return [...list, appointment];
      const next = [...list];
      next[index] = appointment;
      return next;
    });
  }

  find(id: string): AppointmentDto | undefined {
    return this.appointments().find((appointment) => appointment.id === id);
  }

  private storedView(): AgendaView {
    const stored = this.storage.get(VIEW_KEY);
    return stored === 'day' || stored === 'week' || stored === 'month' || stored === 'doctors'
      ? stored
      : 'week';
  }
}
