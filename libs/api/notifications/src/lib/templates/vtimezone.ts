import { Temporal } from 'temporal-polyfill';

/** How far either side of the appointment the time zone's offset changes are written out. */
const WINDOW_HOURS = 24 * 366;

/** `YYYYMMDDTHHMMSS`, a wall-clock time as iCalendar writes it. */
function wallClock(time: Temporal.PlainDateTime): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(time.year).padStart(4, '0')}${two(time.month)}${two(time.day)}T${two(time.hour)}${two(time.minute)}${two(time.second)}`;
}

/** `-0300`, `+0530` (or with seconds, for the rare zone whose offset has them). */
function utcOffset(nanoseconds: number): string {
  const total = Math.round(nanoseconds / 1e9);
  const sign = total < 0 ? '-' : '+';
  const seconds = Math.abs(total);
  const two = (value: number) => String(value).padStart(2, '0');
  const hhmm = `${two(Math.floor(seconds / 3600))}${two(Math.floor(seconds / 60) % 60)}`;
  return `${sign}${hhmm}${seconds % 60 ? two(seconds % 60) : ''}`;
}

/**
 * An RFC 5545 VTIMEZONE for `timeZone` around `at`: the offset in force a year before, then every
 * change of offset up to a year after, each as its own observance (no RRULE). The changes come from
 * the runtime's time zone data, so they stay right when a country moves its clocks (Chile has,
 * repeatedly), which fixed yearly rules copied into a library would not.
 */
export function vtimezone(timeZone: string, at: Temporal.Instant): string {
  const start = at.subtract({ hours: WINDOW_HOURS }).toZonedDateTimeISO(timeZone);
  const end = at.add({ hours: WINDOW_HOURS });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (kind: string, wallTime: Temporal.PlainDateTime, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallClock(wallTime)}`,
      `TZOFFSETFROM:${utcOffset(from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `END:${kind}`,
    );
  observance('STANDARD', start.toPlainDateTime(), start.offsetNanoseconds, start.offsetNanoseconds);
  let change = start.getTimeZoneTransition('next');
  while (change && Temporal.Instant.compare(change.toInstant(), end) < 0) {
    const before = change.subtract({ nanoseconds: 1 }).offsetNanoseconds;
    // An observance starts at the wall-clock time of the offset it replaces.
    const wallTime = change.toInstant().toZonedDateTimeISO('UTC').toPlainDateTime().add({
      nanoseconds: before,
    });
    observance(
      change.offsetNanoseconds > before ? 'DAYLIGHT' : 'STANDARD',
      wallTime,
      before,
      change.offsetNanoseconds,
    );
    change = change.getTimeZoneTransition('next');
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
