import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AppointmentsApi } from '@consultorio/console/core';
import { AppointmentStatus, type AppointmentDto } from '@consultorio/shared/contracts';
import { addDays } from '@consultorio/shared/scheduling';
import { catchError, combineLatest, filter, interval, map, of, startWith, switchMap, tap } from 'rxjs';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { clinicToday, rangeInstants } from '../shared/agenda-time';

/** How often the front desk list refreshes by itself, so arrivals booked elsewhere show up. */
export const FRONT_DESK_REFRESH_MS = 60_000;

/** Today's appointments at a site, grouped the way the front desk works through them. */
@Injectable()
export class FrontDeskStore {
  private readonly api = inject(AppointmentsApi);
  private readonly catalog = inject(AgendaCatalog);

  readonly locationId = signal<string | null>(null);
  readonly appointments = signal<AppointmentDto[]>([]);
  readonly loading = signal(false);
  readonly failed = signal(false);
  private readonly reloads = signal(0);

  readonly today = computed(() => clinicToday(this.catalog.timeZone()));
  /** Booked and not here yet. */
  readonly expected = computed(() =>
    this.withStatus(AppointmentStatus.Scheduled, AppointmentStatus.Confirmed),
  );
  /** Checked in: in the waiting room or with the doctor. */
  readonly arrived = computed(() => this.withStatus(AppointmentStatus.CheckedIn));
  readonly done = computed(() => this.withStatus(AppointmentStatus.Completed));
  readonly missed = computed(() => this.withStatus(AppointmentStatus.NoShow, AppointmentStatus.Cancelled));

  constructor() {
    const query = computed(() => {
      if (!this.catalog.ready()) return null;
      const today = this.today();
      const range = rangeInstants({ start: today, end: addDays(today, 1) }, this.catalog.timeZone());
      return { query: { ...range, locationId: this.locationId() }, reload: this.reloads() };
    });
    combineLatest([toObservable(query), interval(FRONT_DESK_REFRESH_MS).pipe(startWith(0))])
      .pipe(
        map(([value]) => value),
        filter((value) => value !== null),
        tap(() => this.loading.set(true)),
        switchMap(({ query: range }) =>
          this.api.listAll({ ...range, sort: 'start' }).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((appointments) => {
        this.loading.set(false);
        this.failed.set(appointments === null);
        if (appointments) this.appointments.set(appointments);
      });
  }

  reload(): void {
    this.reloads.update((count) => count + 1);
  }

  upsert(appointment: AppointmentDto): void {
    this.appointments.update((list) => list.map((item) => (item.id === appointment.id ? appointment : item)));
  }

  find(id: string): AppointmentDto | undefined {
    return this.appointments().find((appointment) => appointment.id === id);
  }

  private withStatus(...statuses: AppointmentStatus[]): AppointmentDto[] {
    return this.appointments().filter((appointment) => statuses.includes(appointment.status));
  }
}
