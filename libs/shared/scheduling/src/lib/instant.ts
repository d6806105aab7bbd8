import { toEpochDay } from './local-date';

/**
 * An instant as ISO 8601 text. Inputs need an explicit `Z` or `±HH:mm` offset (text without one
 * would be read in the process's own zone); every output is UTC as `Date#toISOString` writes it,
 * `YYYY-MM-DDTHH:mm:ss.sssZ`, the form a `Date` (so a `timestamptz` column) takes in JSON.
 */
export type IsoInstant = string;

/** A half-open span of time `[start, end)`: it contains `start` but not `end`. */
export interface Interval {
  /** First instant inside the interval. */
  start: IsoInstant;
  /** First instant after the interval. */
  end: IsoInstant;
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHAR_ZERO = 48;
const NOT_A_DIGIT = -100_000;

/**
 * Epoch milliseconds of an ISO 8601 instant.
 *
 * Slot searches read thousands of bookings, and `Date.parse` costs a fair share of the budget,
 * so the UTC form that `toISOString` writes (with or without milliseconds) is decoded by hand;
 * anything else goes through `Date.parse`.
 * @throws RangeError when the text is not an ISO instant with a `Z` or `±HH:mm` offset.
 */
export function toEpochMs(instant: IsoInstant): number {
  const fast = decodeUtcInstant(instant);
  if (fast !== undefined) return fast;
  const ms = INSTANT_PATTERN.test(instant) ? Date.parse(instant) : NaN;
  // Date.parse rolls 2026-02-30 over into March instead of refusing it.
  if (Number.isNaN(ms) || (instant.slice(8, 10) > '28' && !isCalendarDate(instant.slice(0, 10)))) {
    throw new RangeError(`Invalid instant "${instant}", expected ISO 8601 with Z or an offset`);
  }
  return ms;
}

/** The UTC ISO text of epoch milliseconds, exactly as `Date#toISOString` writes it. */
export function fromEpochMs(ms: number): IsoInstant {
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== lastFormattedDay) {
    const date = new Date(day * MS_PER_DAY);
    const year = date.getUTCFullYear();
    // Years outside 0000–9999 take the six-digit form; leave those to the runtime.
    if (year < 0 || year > 9999) return new Date(ms).toISOString();
    lastFormattedDay = day;
    lastFormattedDate = date.toISOString().slice(0, 11);
  }
  const msOfDay = ms - day * MS_PER_DAY;
  const seconds = Math.floor(msOfDay / 1000);
  return (
    lastFormattedDate +
    TWO_DIGITS[Math.floor(seconds / 3600)] +
    ':' +
    TWO_DIGITS[Math.floor(seconds / 60) % 60] +
    ':' +
    TWO_DIGITS[seconds % 60] +
    '.' +
    THREE_DIGITS[msOfDay % 1000] +
    'Z'
  );
}

// Slots come in time order, so remembering one date's text saves nearly all date formatting.
let lastFormattedDay = NaN;
let lastFormattedDate = '';
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** Decodes `YYYY-MM-DDTHH:mm:ssZ` and `YYYY-MM-DDTHH:mm:ss.sssZ`; undefined for anything else. */
function decodeUtcInstant(text: string): number | undefined {
  const length = text.length;
  if (
    (length !== 24 && length !== 20) ||
    text.charCodeAt(length - 1) !== 90 /* Z */ ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    (length === 24 && text.charCodeAt(19) !== 46) /* . */
  ) {
    return undefined;
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const milli = length === 24 ? twoDigits(text, 20) * 10 + digitAt(text, 22) : 0;
  // A non-digit anywhere makes its field negative.
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    (day > 28 && day > daysInMonth(year, month)) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    milli < 0
  ) {
    return undefined;
  }
  return epochDayOfCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}

/**
 * The digit at `index`, or a negative number large enough to make any field it is part of
 * negative (an integer, unlike NaN, keeps the arithmetic on V8's fast path).
 */
function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - CHAR_ZERO;
  return digit >= 0 && digit <= 9 ? digit : NOT_A_DIGIT;
}

/** The two-digit number at `index`; negative when either character is not a digit. */
function twoDigits(text: string, index: number): number {
  return digitAt(text, index) * 10 + digitAt(text, index + 1);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function epochDayOfCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isCalendarDate(date: string): boolean {
  try {
    toEpochDay(date);
    return true;
  } catch {
    return false;
  }
}
