import type { AppointmentDto } from '@consultorio/shared/contracts';
import { formatTime } from '../shared/agenda-time';

/** The hours a clinic day usually spans; the grid grows to show appointments outside them. */
const DAY_START = 7;
const DAY_END = 21;

/** The first and last hour (`HH:00`) the time grid shows: the usual day, widened to fit every appointment. */
export function visibleHours(
  appointments: readonly AppointmentDto[],
  timeZone: string,
  locale: string,
): { min: string; max: string } {
  let first = DAY_START;
  let last = DAY_END;
  for (const appointment of appointments) {
    const [startHour] = formatTime(appointment.start, locale, timeZone).split(':').map(Number);
    const [endHour, endMinute] = formatTime(appointment.end, locale, timeZone).split(':').map(Number);
    first = Math.min(first, startHour);
    // An appointment ending after midnight (or exactly at it) keeps the grid to the end of the day.
    const end =
      endHour < startHour || (endHour === 0 && endMinute === 0) ? 24 : endHour + (endMinute > 0 ? 1 : 0);
    last = Math.max(last, end);
  }
  const hour = (value: number) => `${String(value).padStart(2, '0')}:00`;
  return { min: hour(first), max: hour(Math.min(last, 24)) };
}
