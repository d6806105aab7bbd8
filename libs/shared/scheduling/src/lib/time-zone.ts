import { Temporal } from 'temporal-polyfill';
import { fromEpochMs, IsoInstant, Interval, toEpochMs } from './instant';
import { addDays, LocalDate, toEpochDay, toMinuteOfDay, WallTime } from './local-date';

/** The product's default clinic time zone, used by the helpers below when given none. */
export const DEFAULT_TIME_ZONE = 'America/Lima';

const validTimeZones = new Set<string>();

/**
 * Whether `timeZone` is an IANA time zone name this runtime knows (`America/Santiago`, `UTC`,
 * case-insensitive as in IANA). Fixed offsets such as `-05:00` are refused: a clinic's zone must
 * follow its region's DST rules.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (validTimeZones.has(timeZone)) return true;
  if (typeof timeZone !== 'string' || /^[+-]/.test(timeZone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  } catch {
    return false;
  }
  validTimeZones.add(timeZone);
  return true;
}

/** @throws RangeError unless {@link isValidTimeZone} accepts the zone. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Invalid IANA time zone "${timeZone}"`);
}

/**
 * The calendar date that the wall clocks of `timeZone` show at `instant`.
 * @example localDateOf('2026-04-05T02:30:00Z', 'America/Lima') // '2026-04-04'
 * @throws RangeError for an invalid instant or time zone.
 */
export function localDateOf(instant: IsoInstant, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  assertTimeZone(timeZone);
  return Temporal.Instant.fromEpochMilliseconds(toEpochMs(instant))
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/**
 * The first instant of `date` in `timeZone`, as UTC ISO text. Usually local midnight; where
 * midnight falls in a DST gap (America/Santiago on 2026-09-06 starts at 01:00) it is the end of
 * the gap.
 * @throws RangeError for an invalid date or time zone.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): IsoInstant {
  toEpochDay(date);
  assertTimeZone(timeZone);
  return fromEpochMs(Temporal.PlainDate.from(date).toZonedDateTime(timeZone).epochMilliseconds);
}

/**
 * The half-open range `[start of date, start of the next date)` of `date` in `timeZone`, as UTC
 * ISO instants: 24 hours long on most days, 23 or 25 (or other lengths, by zone) on DST changes.
 * An instant belongs to the date exactly when `start <= instant < end`.
 * @throws RangeError for an invalid date or time zone.
 */
export function localDayRange(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Interval {
  return { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone) };
}

/**
 * The instant at which the wall clocks of `timeZone` show `time` on `date`, as UTC ISO text.
 *
 * A wall time can be missing or repeated on a DST change; this resolves it the way Temporal's
 * `'compatible'` disambiguation (and the RFC 5545 calendars) do:
 * - inside a spring-forward gap it moves forward by the gap's length (Santiago 2026-09-06 00:30,
 *   which the clocks skip, becomes 01:30);
 * - in a fall-back overlap it takes the earlier of the two instants (the one still on summer
 *   time).
 * @example zonedInstant('2026-04-06', '09:00', 'America/Lima') // '2026-04-06T14:00:00.000Z'
 * @throws RangeError for an invalid date, time or time zone.
 */
export function zonedInstant(
  date: LocalDate,
  time: WallTime,
  timeZone: string = DEFAULT_TIME_ZONE,
): IsoInstant {
  toEpochDay(date);
  const minuteOfDay = toMinuteOfDay(time);
  assertTimeZone(timeZone);
  const zoned = Temporal.PlainDate.from(date)
    .toPlainDateTime({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return fromEpochMs(zoned.epochMilliseconds);
}
