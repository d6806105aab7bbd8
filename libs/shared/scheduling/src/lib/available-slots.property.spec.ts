import fc from 'fast-check';
import { availableSlots, AvailableSlotsInput, WallTimeRange } from './available-slots';
import { Interval } from './instant';
import { addDays, eachLocalDate, weekdayOf } from './local-date';
import { localDayRange, startOfLocalDay, zonedInstant } from './time-zone';

const MINUTE = 60_000;
const ZONES = [
  'America/Santiago',
  'America/Lima',
  'America/Mexico_City',
  'Europe/Madrid',
  'UTC',
  'Australia/Lord_Howe',
];
// Dates around the 2026 DST changes of these zones, and two ordinary ones.
const ANCHORS = [
  '2026-04-04',
  '2026-09-05',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-10-04',
  '2026-06-15',
  '2027-01-10',
];

type Input = Required<Omit<AvailableSlotsInput, 'notBefore'>> & Pick<AvailableSlotsInput, 'notBefore'>;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const wallRange: fc.Arbitrary<WallTimeRange> = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 0, max: 288 }))
  .map(([start, end]) => ({ start: hhmm(start * 5), end: hhmm(end * 5) }));

const scenarios: fc.Arbitrary<Input> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    anchor: fc.constantFrom(...ANCHORS),
    shift: fc.integer({ min: -3, max: 3 }),
    days: fc.integer({ min: 0, max: 5 }),
  })
  .chain(({ timeZone, anchor, shift, days }) => {
    const from = addDays(anchor, shift);
    const to = addDays(from, days);
    const nearbyDate = fc.integer({ min: -1, max: days + 1 }).map((n) => addDays(from, n));
    const first = Date.parse(startOfLocalDay(addDays(from, -1), timeZone)) / MINUTE;
    const last = Date.parse(startOfLocalDay(addDays(to, 2), timeZone)) / MINUTE;
    const instant = fc
      .integer({ min: first, max: last })
      .map((minute) => new Date(minute * MINUTE).toISOString());
    const interval: fc.Arbitrary<Interval> = fc
      .tuple(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 240 }))
      .map(([start, length]) => ({
        start: new Date(start * MINUTE).toISOString(),
        end: new Date((start + length) * MINUTE).toISOString(),
      }));
    return fc.record({
      timeZone: fc.constant(timeZone),
      from: fc.constant(from),
      to: fc.constant(to),
      weekly: fc.array(
        fc.record(
          {
            weekday: fc.integer({ min: 1, max: 7 }),
            start: wallRange.map((range) => range.start),
            end: wallRange.map((range) => range.end),
            validFrom: nearbyDate,
            validTo: nearbyDate,
          },
          { requiredKeys: ['weekday', 'start', 'end'] },
        ),
        { maxLength: 10 },
      ),
      specialHours: fc.array(fc.record({ date: nearbyDate, ranges: fc.array(wallRange, { maxLength: 2 }) }), {
        maxLength: 3,
      }),
      blocks: fc.array(interval, { maxLength: 4 }),
      holidays: fc.array(nearbyDate, { maxLength: 2 }),
      busy: fc.array(interval, { maxLength: 25 }),
      durationMinutes: fc.integer({ min: 5, max: 120 }),
      granularityMinutes: fc.oneof(fc.constantFrom(5, 10, 15, 20, 30, 60), fc.integer({ min: 1, max: 90 })),
      bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      notBefore: fc.option(instant, { nil: undefined }),
    });
  });

/**
 * The working time of the input, one date at a time through Temporal (`zonedInstant`), merged:
 * what the slots must lie in.
 */
function workingIntervals(input: Input): [number, number][] {
  const intervals: [number, number][] = [];
  for (const date of eachLocalDate(input.from, input.to)) {
    if (input.holidays.includes(date)) continue;
    const special = input.specialHours.filter((entry) => entry.date === date);
    const ranges =
      special.length > 0
        ? special.flatMap((entry) => entry.ranges)
        : input.weekly.filter(
            (range) =>
              range.weekday === weekdayOf(date) &&
              (range.validFrom === undefined || range.validFrom <= date) &&
              (range.validTo === undefined || date <= range.validTo),
          );
    for (const range of ranges) {
      const start = Date.parse(zonedInstant(date, range.start, input.timeZone));
      const nextDay = range.end === '24:00' || range.end <= range.start;
      const endTime = range.end === '24:00' ? '00:00' : range.end;
      const end = Date.parse(zonedInstant(nextDay ? addDays(date, 1) : date, endTime, input.timeZone));
      if (end > start) intervals.push([start, end]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Time no slot may overlap: blocks, holidays, and bookings widened by the buffer. */
function forbiddenIntervals(input: Input): [number, number][] {
  const buffer = input.bufferMinutes * MINUTE;
  const nonEmpty = (intervals: readonly Interval[]) =>
    intervals
      .map((i): [number, number] => [Date.parse(i.start), Date.parse(i.end)])
      .filter(([s, e]) => e > s);
  return [
    ...nonEmpty(input.blocks),
    ...nonEmpty(input.holidays.map((date) => localDayRange(date, input.timeZone))),
    ...nonEmpty(input.busy).map(([start, end]): [number, number] => [start - buffer, end + buffer]),
  ];
}

/** The slot search done the slow, obvious way: every grid point against every interval. */
function referenceSlots(input: Input): Interval[] {
  const duration = input.durationMinutes * MINUTE;
  const step = input.granularityMinutes * MINUTE;
  const notBefore = input.notBefore === undefined ? -Infinity : Date.parse(input.notBefore);
  const forbidden = forbiddenIntervals(input);
  const slots: Interval[] = [];
  for (const [workStart, workEnd] of workingIntervals(input)) {
    for (let start = workStart; start + duration <= workEnd; start += step) {
      const end = start + duration;
      if (start >= notBefore && !forbidden.some(([s, e]) => start < e && end > s)) {
        slots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
      }
    }
  }
  return slots;
}

const toMs = (interval: Interval) => [Date.parse(interval.start), Date.parse(interval.end)];

describe('availableSlots properties', () => {
  it('finds exactly the slots the brute-force search finds', () => {
    fc.assert(
      fc.property(scenarios, (input) => {
        expect(availableSlots(input)).toEqual(referenceSlots(input));
      }),
      { numRuns: 300 },
    );
  });

  it('returns sorted, unique, full-length slots inside working hours and clear of everything else', () => {
    fc.assert(
      fc.property(scenarios, (input) => {
        const working = workingIntervals(input);
        const buffer = input.bufferMinutes * MINUTE;
        const notBefore = input.notBefore === undefined ? -Infinity : Date.parse(input.notBefore);
        // Overnight ranges reach into the day after `to`, never further.
        const firstInstant = Date.parse(startOfLocalDay(input.from, input.timeZone));
        const lastInstant = Date.parse(startOfLocalDay(addDays(input.to, 2), input.timeZone));
        const holidays = input.holidays.map((date) => toMs(localDayRange(date, input.timeZone)));
        const nonEmpty = ([start, end]: number[]) => end > start;
        const blocks = input.blocks.map(toMs).filter(nonEmpty);
        const bookings = input.busy
          .map(toMs)
          .filter(nonEmpty)
          .map(([start, end]) => [start - buffer, end + buffer]);
        // Collected rather than asserted one by one: a run can hold thousands of slots.
        const problems: string[] = [];
        let previousStart = -Infinity;
        for (const slot of availableSlots(input)) {
          const [start, end] = toMs(slot);
          const overlapsAny = (intervals: number[][]) => intervals.some(([s, e]) => start < e && end > s);
          if (end - start !== input.durationMinutes * MINUTE) problems.push(`length of ${slot.start}`);
          if (start <= previousStart) problems.push(`order at ${slot.start}`);
          if (start < notBefore) problems.push(`${slot.start} before notBefore`);
          if (start < firstInstant || start >= lastInstant) problems.push(`${slot.start} out of range`);
          if (!working.some(([s, e]) => s <= start && end <= e)) problems.push(`${slot.start} off hours`);
          if (overlapsAny(holidays)) problems.push(`${slot.start} on a holiday`);
          if (overlapsAny(blocks)) problems.push(`${slot.start} blocked`);
          if (overlapsAny(bookings)) problems.push(`${slot.start} within the buffer of a booking`);
          previousStart = start;
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  // Holidays are left out: closing a date can split a range merged across midnight, and the
  // part left steps from its own start, on another grid.
  it('never gains a slot from another booking, block or a longer buffer', () => {
    const changes = fc.record({
      booking: fc.integer({ min: 0, max: 8 * 24 * 60 }),
      length: fc.integer({ min: 1, max: 180 }),
      extraBuffer: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(scenarios, changes, (input, { booking, length, extraBuffer }) => {
        const before = new Set(availableSlots(input).map((slot) => slot.start));
        const start = Date.parse(startOfLocalDay(input.from, input.timeZone)) + booking * MINUTE;
        const added = {
          start: new Date(start).toISOString(),
          end: new Date(start + length * MINUTE).toISOString(),
        };
        const variants: Input[] = [
          { ...input, busy: [...input.busy, added] },
          { ...input, busy: [added, ...input.busy] },
          { ...input, blocks: [...input.blocks, added] },
          { ...input, bufferMinutes: input.bufferMinutes + extraBuffer },
        ];
        for (const variant of variants) {
          const gained = availableSlots(variant).filter((slot) => !before.has(slot.start));
          expect(gained).toEqual([]);
        }
        expect(availableSlots({ ...input, busy: [...input.busy, added] }).length).toBeLessThanOrEqual(
          before.size,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('matches the brute-force search on a month with 5,000 bookings, in any order', () => {
    const weekly = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { weekday, start: '08:00', end: '13:00' },
      { weekday, start: '14:00', end: '20:00' },
    ]);
    // One doctor's bookings back to back with short gaps, from before the month to after it.
    const pieces = fc.sample(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 5 })), {
      numRuns: 5_000,
      seed: 7,
    });
    let cursor = Date.parse('2026-03-19T00:00:00Z') / MINUTE;
    const busy = pieces.map(([gap, length]) => {
      cursor += gap + length;
      return [cursor - length, length];
    });
    const input: Input = {
      timeZone: 'America/Santiago',
      from: '2026-03-20',
      to: '2026-04-19',
      weekly,
      specialHours: [],
      blocks: [],
      holidays: ['2026-04-03'],
      busy: busy.map(([start, length]) => ({
        start: new Date(start * MINUTE).toISOString(),
        end: new Date((start + length) * MINUTE).toISOString(),
      })),
      durationMinutes: 15,
      granularityMinutes: 15,
      bufferMinutes: 0,
    };
    const expected = referenceSlots(input);
    expect(expected.length).toBeGreaterThan(100);
    expect(availableSlots(input)).toEqual(expected);
    const shuffled = fc.sample(fc.shuffledSubarray([...input.busy], { minLength: 5_000 }), {
      numRuns: 1,
      seed: 7,
    })[0];
    expect(availableSlots({ ...input, busy: shuffled })).toEqual(expected);
  });
});
