import { Temporal } from 'temporal-polyfill';
import { availableSlots, AvailableSlotsInput } from './available-slots';
import { eachLocalDate } from './local-date';
import { localDateOf } from './time-zone';

const SANTIAGO = 'America/Santiago';
const MINUTE = 60_000;

function wallTime(instant: string, timeZone = SANTIAGO): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainTime().toString().slice(0, 5);
}

function offsetAt(instant: string, timeZone = SANTIAGO): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).offset;
}

const nineToOne: AvailableSlotsInput = {
  timeZone: SANTIAGO,
  from: '2026-04-02',
  to: '2026-04-07',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '13:00' })),
  durationMinutes: 30,
  granularityMinutes: 30,
};

describe('availableSlots across DST changes (America/Santiago, 2026)', () => {
  it('has its transitions where these tests expect them, says Temporal', () => {
    // Clocks go back at 24:00 on 2026-04-04 (to 23:00) and forward at 24:00 on 2026-09-05 (to 01:00).
    const autumn = Temporal.ZonedDateTime.from('2026-03-01T00:00[America/Santiago]').getTimeZoneTransition(
      'next',
    )!;
    expect(autumn.toString()).toBe('2026-04-04T23:00:00-04:00[America/Santiago]');
    expect(autumn.subtract({ minutes: 1 }).toString()).toBe('2026-04-04T23:59:00-03:00[America/Santiago]');
    const spring = autumn.getTimeZoneTransition('next')!;
    expect(spring.toString()).toBe('2026-09-06T01:00:00-03:00[America/Santiago]');
    expect(spring.subtract({ minutes: 1 }).toString()).toBe('2026-09-05T23:59:00-04:00[America/Santiago]');
  });

  it.each([
    ['autumn', '2026-04-02', '2026-04-07', '-03:00', '-04:00'],
    ['spring', '2026-09-03', '2026-09-08', '-04:00', '-03:00'],
  ])(
    'keeps a 09:00–13:00 shift at 09:00 local around the %s change',
    (_, from, to, offsetBefore, offsetAfter) => {
      const slots = availableSlots({ ...nineToOne, from, to });
      const byDate = new Map<string, string[]>();
      for (const slot of slots) {
        const date = localDateOf(slot.start, SANTIAGO);
        byDate.set(date, [...(byDate.get(date) ?? []), slot.start]);
      }
      const dates = eachLocalDate(from, to);
      expect([...byDate.keys()]).toEqual(dates);
      for (const date of dates) {
        const starts = byDate.get(date)!;
        expect(starts).toHaveLength(8);
        expect(starts.map((start) => wallTime(start))).toEqual([
          '09:00',
          '09:30',
          '10:00',
          '10:30',
          '11:00',
          '11:30',
          '12:00',
          '12:30',
        ]);
      }
      // The UTC hour of the first slot moves with the offset: the shift follows the wall clock.
      expect(offsetAt(byDate.get(dates[0])![0])).toBe(offsetBefore);
      expect(offsetAt(byDate.get(dates.at(-1)!)![0])).toBe(offsetAfter);
      expect(byDate.get(dates[0])![0].slice(11, 16)).not.toBe(byDate.get(dates.at(-1)!)![0].slice(11, 16));
    },
  );

  it('works the repeated hour of a 22:00–02:00 range once each time it happens', () => {
    const slots = availableSlots({
      ...nineToOne,
      from: '2026-04-04',
      to: '2026-04-04',
      specialHours: [{ date: '2026-04-04', ranges: [{ start: '22:00', end: '02:00' }] }],
    });
    // Five real hours: 22:00–24:00 at −3, 23:00–02:00 at −4.
    expect(slots.map((slot) => wallTime(slot.start))).toEqual([
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '23:00',
      '23:30',
      '00:00',
      '00:30',
      '01:00',
      '01:30',
    ]);
    expectConsecutive(slots, 30);
    expect(slots[0].start).toBe('2026-04-05T01:00:00.000Z');
    expect(slots.at(-1)!.end).toBe('2026-04-05T06:00:00.000Z');
  });

  it('skips the missing hour of a 22:00–02:00 range without losing or doubling a slot', () => {
    const slots = availableSlots({
      ...nineToOne,
      from: '2026-09-05',
      to: '2026-09-05',
      specialHours: [{ date: '2026-09-05', ranges: [{ start: '22:00', end: '02:00' }] }],
    });
    // Three real hours: 22:00–24:00 at −4, then 01:00–02:00 at −3.
    expect(slots.map((slot) => wallTime(slot.start))).toEqual([
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '01:00',
      '01:30',
    ]);
    expectConsecutive(slots, 30);
    expect(slots[0].start).toBe('2026-09-06T02:00:00.000Z');
    expect(slots.at(-1)!.end).toBe('2026-09-06T05:00:00.000Z');

    // Hour-long slots on a 45-minute grid keep stepping in absolute time through the gap.
    const hourly = availableSlots({
      ...nineToOne,
      from: '2026-09-05',
      to: '2026-09-05',
      specialHours: [{ date: '2026-09-05', ranges: [{ start: '22:00', end: '02:00' }] }],
      durationMinutes: 60,
      granularityMinutes: 45,
    });
    expect(hourly.map((slot) => wallTime(slot.start))).toEqual(['22:00', '22:45', '23:30']);
    expect(hourly.map((slot) => wallTime(slot.end))).toEqual(['23:00', '23:45', '01:30']);
  });

  it('opens the day after a skipped midnight when the clocks reach it', () => {
    const slots = availableSlots({
      ...nineToOne,
      from: '2026-09-06',
      to: '2026-09-06',
      weekly: [{ weekday: 7, start: '00:00', end: '02:00' }],
      durationMinutes: 60,
      granularityMinutes: 60,
    });
    // 00:00 does not exist that day: the range starts at 01:00 and lasts one real hour.
    expect(slots.map((slot) => wallTime(slot.start))).toEqual(['01:00']);
  });
});

function expectConsecutive(slots: { start: string; end: string }[], minutes: number): void {
  for (let index = 1; index < slots.length; index++) {
    expect(Date.parse(slots[index].start) - Date.parse(slots[index - 1].start)).toBe(minutes * MINUTE);
  }
  for (const slot of slots) expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(minutes * MINUTE);
}
