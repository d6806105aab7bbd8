import {
  addDays,
  localDateOf,
  startOfLocalDay,
  weekdayOf,
  type LocalDate,
} from '@consultorio/shared/scheduling';

/** The ways the agenda shows time: one day, a week, a month, or one day with a column per doctor. */
export type AgendaView = 'day' | 'week' | 'month' | 'doctors';

export const AGENDA_VIEWS: readonly AgendaView[] = ['day', 'week', 'month', 'doctors'];

/** A half-open range of clinic-local dates, `[start, end)`. */
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The date the clinic's wall clocks show now. */
export function clinicToday(timeZone: string, now = new Date()): LocalDate {
  return localDateOf(now.toISOString(), timeZone);
}

/** The Monday on or before `date` (weeks start on Monday in Latin America). */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The first day of the month after `months` months (negative goes back). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const next = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  return `${next}-01`;
}

/**
 * The dates a view shows around `date`: the day, its Monday-to-Sunday week, or the six whole
 * weeks of the month grid (as FullCalendar draws it with `fixedWeekCount`).
 */
export function viewRange(view: AgendaView, date: LocalDate): DateRange {
  if (view === 'week') {
    const start = startOfWeek(date);
    return { start, end: addDays(start, 7) };
  }
  if (view === 'month') {
    const start = startOfWeek(`${date.slice(0, 7)}-01`);
    return { start, end: addDays(start, 42) };
  }
  return { start: date, end: addDays(date, 1) };
}

/** The date one step before (`-1`) or after (`1`) `date` in a view. */
export function stepDate(view: AgendaView, date: LocalDate, direction: 1 | -1): LocalDate {
  if (view === 'week') return addDays(date, 7 * direction);
  if (view === 'month') return addMonths(date, direction);
  return addDays(date, direction);
}

/** The instants that bound a range of local dates in the clinic's time zone, for the API. */
export function rangeInstants(range: DateRange, timeZone: string): { from: string; to: string } {
  return { from: startOfLocalDay(range.start, timeZone), to: startOfLocalDay(range.end, timeZone) };
}

/** A local date as a `Date` at noon UTC, to format it with `timeZone: 'UTC'` without shifting the day. */
function dateAt(date: LocalDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** The heading of a view: «lunes, 23 de noviembre de 2026», «23 – 29 nov 2026», «noviembre de 2026». */
export function viewTitle(view: AgendaView, date: LocalDate, locale: string): string {
  if (view === 'month') {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
      dateAt(date),
    );
  }
  if (view === 'week') {
    const { start, end } = viewRange(view, date);
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    return format.formatRange(dateAt(start), dateAt(addDays(end, -1)));
  }
  return formatLocalDate(date, locale, 'long');
}

/** A local date as words: `long` «lunes, 23 de noviembre de 2026», `short` «lun, 23 nov». */
export function formatLocalDate(date: LocalDate, locale: string, style: 'long' | 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { weekday: 'short', day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(dateAt(date));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in the clinic's time zone, e.g. `09:30`. */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** `09:30 – 10:00` in the clinic's time zone. */
export function formatTimeRange(start: string, end: string, locale: string, timeZone: string): string {
  return `${formatTime(start, locale, timeZone)} – ${formatTime(end, locale, timeZone)}`;
}

/** The clinic-local date of an instant. */
export function localDateIn(iso: string, timeZone: string): LocalDate {
  return localDateOf(new Date(iso).toISOString(), timeZone);
}
