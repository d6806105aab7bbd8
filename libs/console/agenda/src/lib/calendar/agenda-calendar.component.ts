import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import type { LocalDate } from '@consultorio/shared/scheduling';
import {
  FullCalendarComponent,
  FullCalendarModule,
  type CalendarOptions,
  type DateClickInfo,
  type EventChangeInfo,
  type EventClickInfo,
  type EventInput,
  type MoreLinkHandler,
} from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import interactionPlugin from '@fullcalendar/angular/interaction';
import monarchTheme from '@fullcalendar/angular/themes/monarch';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
import esLocale from 'fullcalendar/locales/es';
import { localDateIn } from '../shared/agenda-time';
import { CalendarStyles } from './calendar-styles';

/** The FullCalendar views the agenda uses. */
export type CalendarView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth';

/** An appointment dragged or resized to a new time; `revert` puts it back if the server refuses. */
export interface CalendarMove {
  id: string;
  start: string;
  end: string;
  revert: () => void;
}

/** What FullCalendar says about a click on "+3 more". */
type MoreLinkClick = Parameters<MoreLinkHandler>[0];

/** Height of a half-hour row, in pixels. */
const SLOT_HEIGHT = 36;

const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * One FullCalendar in the clinic's time zone and the console's language. The agenda page owns the
 * date, the view and the events; this reports clicks on free time, clicks on events and moves.
 */
@Component({
  selector: 'cs-agenda-calendar',
  imports: [FullCalendarModule, MatIconModule, TranslatePipe],
  templateUrl: './agenda-calendar.component.html',
  styleUrl: './agenda-calendar.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.auto]': "height() === 'auto'" },
})
export class AgendaCalendarComponent {
  private readonly i18n = inject(I18n);

  readonly view = input.required<CalendarView>();
  readonly date = input.required<LocalDate>();
  readonly events = input.required<EventInput[]>();
  readonly timeZone = input.required<string>();
  /** Minutes between possible start times (the clinic's slot granularity). */
  readonly granularity = input(15);
  /** First and last hour shown on time grids, `HH:mm`. */
  readonly minTime = input('07:00');
  readonly maxTime = input('21:00');
  /** Whether appointments may be dragged and resized. */
  readonly editable = input(true);
  /** Whether the day names are shown above the grid (the per-doctor view shows doctors instead). */
  readonly dayHeaders = input(true);
  /** Whether the hours are labelled at the side (only the first doctor column shows them). */
  readonly timeAxis = input(true);
  /**
   * `fill`: as tall as its box, scrolling inside (day and week); `auto`: as tall as its content, for
   * a box that scrolls several calendars together (doctor columns) or a month that must show events.
   */
  readonly height = input<'fill' | 'auto'>('fill');
  /** Accessible name of the calendar. */
  readonly label = input.required<string>();

  /** The user clicked free time on a time grid (an ISO instant with offset). */
  readonly freeTime = output<string>();
  /** The user clicked a day of the month grid. */
  readonly day = output<LocalDate>();
  readonly opened = output<string>();
  readonly moved = output<CalendarMove>();

  private readonly calendar = viewChild(FullCalendarComponent);
  /** Whether FullCalendar's stylesheet is in; the calendar waits for it to measure itself right. */
  protected readonly stylesReady = signal(false);

  protected readonly options = computed<CalendarOptions>(() => {
    const granularity = this.granularity();
    const minutes = `00:${String(Math.min(granularity, 59)).padStart(2, '0')}`;
    const english = this.i18n.language() === 'en';
    return {
      plugins: [monarchTheme, dayGridPlugin, timeGridPlugin, interactionPlugin],
      initialView: untracked(this.view),
      initialDate: untracked(this.date),
      headerToolbar: false,
      timeZone: this.timeZone(),
      locales: [esLocale],
      locale: english ? 'en' : 'es',
      firstDay: 1,
      height: this.height() === 'fill' ? '100%' : 'auto',
      allDaySlot: false,
      nowIndicator: true,
      slotMinTime: this.minTime(),
      slotMaxTime: this.maxTime(),
      slotDuration: '00:30',
      // The same row height everywhere, so doctor columns side by side line up hour by hour.
      slotMinHeight: SLOT_HEIGHT,
      snapDuration: minutes,
      // The grid already starts at the first hour worth showing (see visibleHours).
      scrollTime: this.minTime(),
      expandRows: true,
      dayHeaders: this.dayHeaders(),
      dayMaxEvents: 3,
      eventDisplay: 'block',
      moreLinkClick: (info: MoreLinkClick) => this.onMoreLink(info),
      editable: this.editable(),
      eventTimeFormat: TIME_FORMAT,
      slotHeaderFormat: TIME_FORMAT,
      slotHeaderInnerClass: this.timeAxis() ? undefined : 'cs-calendar-axis-hidden',
      displayEventEnd: false,
      eventMinHeight: 22,
      dateClick: (info: DateClickInfo) => this.onDateClick(info),
      eventClick: (info: EventClickInfo) => {
        info.jsEvent.preventDefault();
        this.opened.emit(info.event.id);
      },
      eventDrop: (info: EventChangeInfo) => this.onChange(info),
      eventResize: (info: EventChangeInfo) => this.onChange(info),
    };
  });

  constructor() {
    void inject(CalendarStyles)
      .load()
      .then(() => this.stylesReady.set(true));

    // Follow the page's date and view after the first render.
    effect(() => {
      const view = this.view();
      const date = this.date();
      const api = this.calendar()?.getApi();
      if (!api) return;
      if (api.view.type !== view) api.changeView(view, date);
      else api.gotoDate(date);
    });
  }

  private onDateClick(info: DateClickInfo): void {
    if (info.allDay) this.day.emit(info.dateStr.slice(0, 10));
    else this.freeTime.emit(info.dateStr);
  }

  /** "+3 more" on a month opens that day. */
  private onMoreLink(info: MoreLinkClick): void {
    const first = info.allSegs[0]?.event.startStr;
    if (first) this.day.emit(localDateIn(first, this.timeZone()));
  }

  private onChange(info: EventChangeInfo): void {
    this.moved.emit({
      id: info.event.id,
      start: info.event.startStr,
      end: info.event.endStr,
      revert: info.revert,
    });
  }
}
