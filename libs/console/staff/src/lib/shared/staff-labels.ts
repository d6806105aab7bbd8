import type { TranslationKey } from '@consultorio/console/core';
import { BlockKind } from '@consultorio/shared/contracts';

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const WEEKDAY_KEYS: Readonly<Record<number, TranslationKey>> = {
  1: 'staff.weekday.1',
  2: 'staff.weekday.2',
  3: 'staff.weekday.3',
  4: 'staff.weekday.4',
  5: 'staff.weekday.5',
  6: 'staff.weekday.6',
  7: 'staff.weekday.7',
};

/** Weekdays in the plural ("los jueves"), for sentences about every week. */
export const WEEKDAY_PLURAL_KEYS: Readonly<Record<number, TranslationKey>> = {
  1: 'staff.weekdays.1',
  2: 'staff.weekdays.2',
  3: 'staff.weekdays.3',
  4: 'staff.weekdays.4',
  5: 'staff.weekdays.5',
  6: 'staff.weekdays.6',
  7: 'staff.weekdays.7',
};

export const BLOCK_KINDS: readonly BlockKind[] = [BlockKind.Vacation, BlockKind.Block];

export const BLOCK_KIND_KEYS: Readonly<Record<BlockKind, TranslationKey>> = {
  [BlockKind.Vacation]: 'staff.blockKind.vacation',
  [BlockKind.Block]: 'staff.blockKind.block',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (`YYYY-MM-DD`, no time zone involved) in the console's locale, e.g. `4 ago 2026`. */
export function formatLocalDate(date: string, locale: string, weekday = false): string {
  const key = `${locale}|${weekday}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      dateStyle: weekday ? 'full' : 'medium',
    });
    dateFormats.set(key, format);
  }
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : format.format(parsed);
}

/** Wall time `HH:mm` of an instant in the clinic's time zone. */
export function clinicTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** Whether two `HH:mm` ranges overlap (touching ends do not). */
export function rangesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Colours offered for a new doctor's calendar, readable on light and dark agendas. */
export const DOCTOR_COLOURS = [
  '#1e88e5',
  '#43a047',
  '#8e24aa',
  '#f4511e',
  '#00897b',
  '#c0ca33',
  '#6d4c41',
  '#d81b60',
];
