import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import {
  BrowserStorage,
  I18n,
  Notifier,
  PatientsApi,
  TranslatePipe,
  TranslationKey,
} from '@consultorio/console/core';
import type { AppointmentDto, PatientSummaryDto } from '@consultorio/shared/contracts';
import type { LocalDate } from '@consultorio/shared/scheduling';
import { firstValueFrom, map } from 'rxjs';
import { AppointmentPanelComponent } from '../appointment-panel/appointment-panel.component';
import { BookingDialogComponent, type BookingDialogData } from '../booking-dialog/booking-dialog.component';
import {
  AgendaCalendarComponent,
  type CalendarMove,
  type CalendarView,
} from '../calendar/agenda-calendar.component';
import { toCalendarEvents } from '../calendar/calendar-events';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { AGENDA_VIEWS, type AgendaView, isLocalDate, localDateIn, viewTitle } from '../shared/agenda-time';
import { AppointmentMover } from '../shared/appointment-mover';
import { AgendaStore } from './agenda.store';
import { visibleHours } from './visible-hours';

const CALENDAR_VIEWS: Readonly<Record<AgendaView, CalendarView>> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  doctors: 'timeGridDay',
};

const VIEW_LABELS: Readonly<Record<AgendaView, TranslationKey>> = {
  day: 'agenda.view.day',
  week: 'agenda.view.week',
  month: 'agenda.view.month',
  doctors: 'agenda.view.doctors',
};

/**
 * The agenda: day, week and month calendars and a day with one column per doctor, filtered by
 * site, specialty and doctor. A click on free time books, a drag moves (the server decides), a
 * click on an appointment opens its panel.
 */
@Component({
  selector: 'cs-agenda-page',
  imports: [
    AgendaCalendarComponent,
    AppointmentPanelComponent,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSidenavModule,
    MatSlideToggleModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [AgendaStore, AppointmentMover],
  templateUrl: './agenda-page.component.html',
  styleUrl: './agenda-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaPageComponent {
  protected readonly store = inject(AgendaStore);
  protected readonly catalog = inject(AgendaCatalog);
  private readonly mover = inject(AppointmentMover);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly patients = inject(PatientsApi);

  /** `?patient=<id>` (from a patient's record): open the booking dialog for that patient. */
  readonly patient = input<string>();
  /** `?date=YYYY-MM-DD`: open the agenda on that clinic-local date (a link to a day). */
  readonly date = input<string>();

  /** A doctor's agenda has one column: the per-doctor view adds nothing for them. */
  protected readonly views = computed(() =>
    this.catalog.isDoctor() ? AGENDA_VIEWS.filter((view) => view !== 'doctors') : AGENDA_VIEWS,
  );
  protected readonly viewLabels = VIEW_LABELS;
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Whether the filters are shown on a phone (they always are on larger screens). */
  protected readonly filtersOpen = signal(false);
  protected readonly activeFilters = computed(() => {
    const { locationId, specialtyId, doctorId, showCancelled } = this.store.filters();
    return [locationId, specialtyId, doctorId, showCancelled || null].filter((value) => value !== null)
      .length;
  });

  /** The appointment shown in the side panel. */
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.store.find(id) ?? null) : null;
  });

  private readonly columnsScroller = viewChild<ElementRef<HTMLElement>>('columnsScroller');
  protected readonly granularity = computed(() => this.catalog.settings()?.slotGranularityMinutes ?? 15);
  protected readonly calendarView = computed(() => CALENDAR_VIEWS[this.store.view()]);
  protected readonly title = computed(() => {
    const date = this.store.date();
    return date ? viewTitle(this.store.view(), date, this.i18n.locale()) : '';
  });
  protected readonly editable = computed(() => !this.catalog.isDoctor() || !!this.catalog.ownDoctor());
  protected readonly events = computed(() =>
    toCalendarEvents(this.store.visible(), this.catalog, this.editable()),
  );
  protected readonly hours = computed(() =>
    visibleHours(this.store.visible(), this.catalog.timeZone(), this.i18n.locale()),
  );
  /** Doctors a filter may pick: those of the chosen site and specialty. */
  protected readonly doctorOptions = computed(() => {
    const { locationId, specialtyId } = this.store.filters();
    return this.catalog
      .doctors()
      .filter(
        (doctor) =>
          (!locationId || doctor.locationIds.includes(locationId)) &&
          (!specialtyId || doctor.specialtyIds.includes(specialtyId)),
      );
  });
  /** The per-doctor view: one column per doctor on screen, with that doctor's appointments. */
  protected readonly columns = computed(() => {
    const events = this.events();
    return this.store.doctors().map((doctor) => ({
      doctor,
      events: events.filter(
        (event) => (event.extendedProps?.['appointment'] as AppointmentDto).doctorId === doctor.id,
      ),
    }));
  });

  constructor() {
    this.catalog.load();
    // The doctor columns scroll together in one box (each calendar is as tall as its day): a new
    // day opens at its first hour, which visibleHours already chose to fit every appointment.
    effect(() => {
      const scroller = this.columnsScroller()?.nativeElement;
      if (this.store.view() !== 'doctors' || !this.store.date() || !scroller) return;
      this.hours();
      untracked(() => scroller.scrollTo({ top: 0 }));
    });
    effect(() => {
      const date = this.date();
      if (date && isLocalDate(date)) untracked(() => this.store.goTo(date));
    });
    effect(() => {
      const patientId = this.patient();
      if (patientId && this.catalog.ready()) untracked(() => this.bookFor(patientId));
    });
    const storage = inject(BrowserStorage);
    // Phones start on a single day unless the user chose a view before.
    if (!storage.get('consultorio.agenda.view') && globalThis.matchMedia?.('(max-width: 599.98px)').matches) {
      this.store.view.set('day');
    }
  }

  protected onView(view: AgendaView): void {
    this.store.setView(view);
  }

  protected openDay(date: LocalDate): void {
    this.store.goTo(date);
    this.store.setView('day');
  }

  protected open(id: string): void {
    this.selectedId.set(id);
  }

  protected closePanel(): void {
    this.selectedId.set(null);
  }

  protected onChanged(appointment: AppointmentDto): void {
    this.store.upsert(appointment);
  }

  protected async move(move: CalendarMove, doctorId?: string): Promise<void> {
    const moved = await this.mover.move(move, doctorId);
    if (moved) this.store.upsert(moved);
  }

  private bookFor(patientId: string): void {
    void this.router.navigate([], {
      queryParams: { patient: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
    this.patients.get(patientId).subscribe({
      next: (patient) => void this.book(null, null, patient),
      error: (error: unknown) => this.notifier.failure(error),
    });
  }

  /** Opens the booking dialog, at a clicked time or on the day on screen. */
  protected async book(
    start: string | null = null,
    doctorId: string | null = null,
    patient: PatientSummaryDto | null = null,
  ): Promise<void> {
    const timeZone = this.catalog.timeZone();
    const date = start ? localDateIn(start, timeZone) : (this.store.date() ?? '');
    const filters = this.store.filters();
    const data: BookingDialogData = {
      date,
      start,
      doctorId: doctorId ?? filters.doctorId ?? this.catalog.ownDoctor()?.id ?? null,
      locationId: filters.locationId,
      patient,
    };
    const ref = this.dialog.open<BookingDialogComponent, BookingDialogData, AppointmentDto>(
      BookingDialogComponent,
      {
        data,
        // The dialog reads the agenda's catalog, which lives with the route.
        injector: this.injector,
        width: '720px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const booked = await firstValueFrom(ref.afterClosed());
    if (!booked) return;
    this.store.upsert(booked);
    this.notifier.success('booking.booked', { name: booked.patientName });
    this.selectedId.set(booked.id);
  }

  protected retry(): void {
    if (!this.catalog.ready()) this.catalog.load();
    else this.store.reload();
  }
}
