/** A calendar date in the clinic's time zone, `YYYY-MM-DD` (ISO 8601, years 0000–9999). */
export type LocalDate = string;

/** A wall-clock time of day, `HH:mm` on a 24-hour clock. */
export type WallTime = string;

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date. Plain calendar arithmetic on these numbers is
 * exact (no time zone is involved), which is why the date helpers below need no Temporal.
 * @throws RangeError when the text is not a real calendar date.
 */
export function toEpochDay(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]) - 1;
    const day = Number(match[3]);
    // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 onto 1900–1999.
    const utc = new Date(0);
    utc.setUTCFullYear(year, month, day);
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month && utc.getUTCDate() === day) {
      return Math.round(utc.getTime() / MS_PER_DAY);
    }
  }
  throw new RangeError(`Invalid local date "${date}", expected YYYY-MM-DD`);
}

const FIRST_EPOCH_DAY = -719_528; // 0000-01-01
const LAST_EPOCH_DAY = 2_932_896; // 9999-12-31

/**
 * The `YYYY-MM-DD` text of a day counted from 1970-01-01.
 * @throws RangeError for a day outside the years 0000–9999.
 */
export function fromEpochDay(epochDay: number): LocalDate {
  if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
    throw new RangeError(`Day ${epochDay} lies outside the years 0000–9999`);
  }
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Minutes after midnight of an `HH:mm` wall time.
 * @param allowEndOfDay Whether `24:00` (the end of the day, as a range end) is accepted.
 * @throws RangeError when the text is not a valid wall time.
 */
export function toMinuteOfDay(time: WallTime, allowEndOfDay = false): number {
  const match = WALL_TIME_PATTERN.exec(time);
  if (match) {
    const minutes = Number(match[1]) * 60 + Number(match[2]);
    if (minutes < MINUTES_PER_DAY || (allowEndOfDay && minutes === MINUTES_PER_DAY)) return minutes;
  }
  throw new RangeError(`Invalid wall time "${time}", expected HH:mm${allowEndOfDay ? ' or 24:00' : ''}`);
}

/** The ISO day of the week of a day counted from 1970-01-01 (a Thursday). */
export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * The ISO day of the week of a date: 1 = Monday … 7 = Sunday. A calendar date has one weekday
 * whatever the time zone, so none is asked for.
 * @throws RangeError when `date` is not a valid `YYYY-MM-DD` date.
 */
export function weekdayOf(date: LocalDate): IsoWeekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/**
 * The date `days` calendar days after `date` (before it when negative), across month and year
 * ends and leap days. Calendar days, not 24-hour periods: DST plays no part.
 * @throws RangeError when `date` is invalid, `days` is not an integer or the result falls
 *   outside the years 0000–9999.
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days to add must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Every date from `from` to `to`, both included, in order; empty when `to` is before `from`.
 * @throws RangeError when either date is invalid.
 */
export function eachLocalDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const first = toEpochDay(from);
  const last = toEpochDay(to);
  const dates: LocalDate[] = [];
  for (let day = first; day <= last; day++) dates.push(fromEpochDay(day));
  return dates;
}
