import { fromEpochMs, Interval, IsoInstant, toEpochMs } from './instant';
import { MsIntervals, unionOfIntervals } from './interval-union';
import {
  LocalDate,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  toEpochDay,
  toMinuteOfDay,
  WallTime,
  weekdayOfEpochDay,
} from './local-date';
import { assertTimeZone } from './time-zone';
import { ZoneOffsetTable } from './zone-offset-table';

/**
 * A range of local wall-clock time on some date. An `end` at or before `start` lies on the next
 * date: `22:00`–`02:00` runs overnight, `18:00`–`00:00` ends at midnight (as does `24:00`), and
 * `00:00`–`00:00` is the whole day.
 */
export interface WallTimeRange {
  /** First working minute, `HH:mm`. */
  start: WallTime;
  /** First minute after work, `HH:mm`, or `24:00`. */
  end: WallTime;
}

/** Working hours that repeat every week on one weekday. */
export interface WeeklyRange extends WallTimeRange {
  /** ISO day of the week, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** First date on which the range applies (inclusive); from always when absent. */
  validFrom?: LocalDate;
  /** Last date on which the range applies (inclusive); for ever when absent. */
  validTo?: LocalDate;
}

/** Working hours for one date that replace its weekly ranges. */
export interface SpecialHours {
  /** The local date whose weekly hours are replaced. */
  date: LocalDate;
  /** The ranges worked that date; empty when the doctor does not work that day. */
  ranges: readonly WallTimeRange[];
}

/** What {@link availableSlots} needs to know about one doctor's agenda. */
export interface AvailableSlotsInput {
  /** The clinic's IANA time zone, in which dates and wall times are read. */
  timeZone: string;
  /** First local date whose working hours are offered. */
  from: LocalDate;
  /** Last local date whose working hours are offered (inclusive). */
  to: LocalDate;
  /**
   * Weekly working ranges; several a day allowed. Working ranges that overlap or touch, on one
   * date or across midnight, are merged into one (`09:00–12:00` and `11:00–14:00` work as
   * `09:00–14:00`).
   */
  weekly: readonly WeeklyRange[];
  /**
   * Dates with their own hours. Entries replace all weekly ranges of their date; several entries
   * for one date add up; an entry with no ranges closes the date.
   */
  specialHours?: readonly SpecialHours[];
  /** Blocked time and vacations, as absolute instants; no slot overlaps them. */
  blocks?: readonly Interval[];
  /**
   * Clinic holidays: closed whatever the weekly or special hours say, and no slot reaches into
   * them (an overnight range stops at the holiday's start).
   */
  holidays?: readonly LocalDate[];
  /** Existing bookings; no slot comes within `bufferMinutes` of one. */
  busy?: readonly Interval[];
  /** Length of every slot, in whole minutes (> 0). */
  durationMinutes: number;
  /** Distance between consecutive slot starts, in whole minutes (> 0). */
  granularityMinutes: number;
  /**
   * Free minutes required between a slot and any busy range, on both sides (default 0). Not
   * required at the edges of working ranges, blocks or holidays.
   */
  bufferMinutes?: number;
  /** No slot starts earlier than this instant (e.g. now plus the minimum notice). */
  notBefore?: IsoInstant;
}

/**
 * The bookable slots of one doctor: pure, and linear in the size of its input apart from
 * sorting the busy ranges once.
 *
 * Every slot returned is `durationMinutes` long and
 * - lies wholly inside one working range of a date from `from` to `to` that is not a holiday,
 *   working ranges that overlap or touch being merged first;
 * - overlaps no block and no holiday;
 * - keeps `bufferMinutes` clear of every busy range: all intervals are half-open, so with no
 *   buffer a slot may end exactly when a booking starts, or start when one ends;
 * - starts no earlier than `notBefore`.
 *
 * Working ranges are wall time on each date: a 09:00–13:00 shift is 09:00–13:00 local on DST
 * days too. Their ends become instants as `zonedInstant` makes them (`'compatible'`: a wall
 * time the clocks skip moves forward, a repeated one is taken the first time); a range left
 * empty by that is ignored. Slot starts then step by `granularityMinutes` from each merged
 * range's start in absolute time (not wall time), so a range spanning a DST change (22:00–02:00
 * on a change night) is worked for its real length, no slot vanishing or appearing twice, and
 * a granularity that does not divide the range just leaves its tail unused. After a conflict
 * the search resumes at the next step of the same grid.
 *
 * All instants are UTC ISO text (see `IsoInstant`); bookings are decoded once and need not be
 * sorted, though sorted ones (`ORDER BY start`) skip a sort.
 *
 * @returns Slots as UTC ISO instants, sorted by start, no two alike.
 * @throws RangeError for an invalid time zone, date, wall time, instant, weekday or minute
 *   count, or an interval that ends before it starts (one that ends as it starts is ignored).
 */
export function availableSlots(input: AvailableSlotsInput): Interval[] {
  const { timeZone } = input;
  assertTimeZone(timeZone);
  const firstDay = toEpochDay(input.from);
  const lastDay = toEpochDay(input.to);
  const durationMs = wholeMinutes(input.durationMinutes, 'durationMinutes', 1) * MS_PER_MINUTE;
  const stepMs = wholeMinutes(input.granularityMinutes, 'granularityMinutes', 1) * MS_PER_MINUTE;
  const bufferMs = wholeMinutes(input.bufferMinutes ?? 0, 'bufferMinutes', 0) * MS_PER_MINUTE;
  const notBefore = input.notBefore === undefined ? -Infinity : toEpochMs(input.notBefore);
  const holidays = new Set((input.holidays ?? []).map(toEpochDay));
  const blocks = toMsIntervals(input.blocks ?? [], 'block');
  const busy = toMsIntervals(input.busy ?? [], 'busy range');
  for (let index = 0; index < busy.starts.length; index++) {
    busy.starts[index] -= bufferMs;
    busy.ends[index] += bufferMs;
  }
  const weeklyByWeekday = parseWeekly(input.weekly);
  const specialByDay = parseSpecialHours(input.specialHours ?? []);
  if (lastDay < firstDay) return [];

  // Every wall time converted below lies between the first date's midnight and the end of the
  // day after the last date; UTC offsets stay within ±14 h, so a day's margin covers them.
  const zone = new ZoneOffsetTable(timeZone, (firstDay - 1) * MS_PER_DAY, (lastDay + 3) * MS_PER_DAY);

  const working: MsInterval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (holidays.has(day)) continue;
    const ranges = specialByDay.get(day) ?? validWeeklyRanges(weeklyByWeekday, day);
    const midnightWall = day * MS_PER_DAY;
    for (const range of ranges) {
      const start = zone.toEpochMs(midnightWall + range.startMinute * MS_PER_MINUTE);
      const end = zone.toEpochMs(midnightWall + range.endMinute * MS_PER_MINUTE);
      if (end > start) working.push({ start, end });
    }
  }
  if (working.length === 0) return [];
  const shifts = mergeIntervals(working);

  // Everything a slot may not overlap: busy ranges widened by the buffer, blocks and holidays.
  const closedDays = [...holidays].filter((day) => day >= firstDay && day <= lastDay + 1);
  const closed: MsIntervals = {
    starts: Float64Array.from(closedDays, (day) => zone.toEpochMs(day * MS_PER_DAY)),
    ends: Float64Array.from(closedDays, (day) => zone.toEpochMs((day + 1) * MS_PER_DAY)),
  };
  const forbidden = unionOfIntervals([busy, blocks, closed]);

  const slots: Interval[] = [];
  let next = 0; // first forbidden interval that may still matter; slot starts only grow
  for (const shift of shifts) {
    let start = notBefore > shift.start ? alignUp(notBefore, shift.start, stepMs) : shift.start;
    while (start + durationMs <= shift.end) {
      while (next < forbidden.count && forbidden.ends[next] <= start) next++;
      if (next < forbidden.count && forbidden.starts[next] < start + durationMs) {
        start = alignUp(forbidden.ends[next], shift.start, stepMs);
        continue;
      }
      slots.push({ start: fromEpochMs(start), end: fromEpochMs(start + durationMs) });
      start += stepMs;
    }
  }
  return slots;
}

interface MsInterval {
  start: number;
  end: number;
}

interface MinuteRange {
  /** Minutes after the date's midnight. */
  startMinute: number;
  /** Minutes after the date's midnight; beyond 1,440 for ranges that end the next day. */
  endMinute: number;
}

interface ParsedWeeklyRange extends MinuteRange {
  validFromDay: number;
  validToDay: number;
}

function wholeMinutes(value: number, name: string, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number of minutes ≥ ${minimum}, got ${value}`);
  }
  return value;
}

/** The non-empty intervals in epoch ms, in the given order. */
function toMsIntervals(intervals: readonly Interval[], what: string): MsIntervals {
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  let count = 0;
  for (const interval of intervals) {
    const start = toEpochMs(interval.start);
    const end = toEpochMs(interval.end);
    if (end < start)
      throw new RangeError(`A ${what} ends before it starts: ${interval.start}–${interval.end}`);
    if (end > start) {
      starts[count] = start;
      ends[count++] = end;
    }
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
}

function toMinuteRange(range: WallTimeRange): MinuteRange {
  const startMinute = toMinuteOfDay(range.start);
  const end = toMinuteOfDay(range.end, true);
  return { startMinute, endMinute: end > startMinute ? end : end + MINUTES_PER_DAY };
}

function parseWeekly(weekly: readonly WeeklyRange[]): ParsedWeeklyRange[][] {
  const byWeekday: ParsedWeeklyRange[][] = [[], [], [], [], [], [], [], []];
  for (const range of weekly) {
    if (!Number.isInteger(range.weekday) || range.weekday < 1 || range.weekday > 7) {
      throw new RangeError(`Weekday must be 1 (Monday) to 7 (Sunday), got ${range.weekday}`);
    }
    byWeekday[range.weekday].push({
      ...toMinuteRange(range),
      validFromDay: range.validFrom === undefined ? -Infinity : toEpochDay(range.validFrom),
      validToDay: range.validTo === undefined ? Infinity : toEpochDay(range.validTo),
    });
  }
  return byWeekday;
}

function parseSpecialHours(specialHours: readonly SpecialHours[]): Map<number, MinuteRange[]> {
  const byDay = new Map<number, MinuteRange[]>();
  for (const special of specialHours) {
    const day = toEpochDay(special.date);
    const ranges = byDay.get(day) ?? [];
    for (const range of special.ranges) ranges.push(toMinuteRange(range));
    byDay.set(day, ranges);
  }
  return byDay;
}

function validWeeklyRanges(byWeekday: ParsedWeeklyRange[][], day: number): MinuteRange[] {
  return byWeekday[weekdayOfEpochDay(day)].filter(
    (range) => range.validFromDay <= day && day <= range.validToDay,
  );
}

/** Sorted, disjoint intervals covering the same time; touching ones are joined. */
function mergeIntervals(intervals: MsInterval[]): MsInterval[] {
  intervals.sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [{ ...intervals[0] }];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The first instant at or after `instant` on the grid `origin + k × step`. */
function alignUp(instant: number, origin: number, step: number): number {
  return origin + Math.ceil((instant - origin) / step) * step;
}
