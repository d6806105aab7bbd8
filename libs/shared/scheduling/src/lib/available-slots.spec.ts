import { Temporal } from 'temporal-polyfill';
import { availableSlots, AvailableSlotsInput, WeeklyRange } from './available-slots';
import { Interval } from './instant';

const LIMA = 'America/Lima';

/** Every day of the week, the same hours. */
function everyDay(start: string, end: string, extra: Partial<WeeklyRange> = {}): WeeklyRange[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end, ...extra }));
}

/** A Lima wall time (UTC−5 all year) as a UTC instant. */
function lima(date: string, time: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(LIMA).toInstant().toString();
}

/** Slots as `YYYY-MM-DD HH:mm–HH:mm` in the zone's wall time. */
function local(slots: Interval[], timeZone = LIMA): string[] {
  const wall = (instant: string) =>
    Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDateTime().toString().slice(0, 16);
  return slots.map((slot) => `${wall(slot.start).replace('T', ' ')}–${wall(slot.end).slice(11)}`);
}

// 2026-06-01 is a Monday.
const base: AvailableSlotsInput = {
  timeZone: LIMA,
  from: '2026-06-01',
  to: '2026-06-01',
  weekly: everyDay('09:00', '11:00'),
  durationMinutes: 60,
  granularityMinutes: 60,
};

describe('availableSlots', () => {
  it('steps slots from the start of each working range', () => {
    expect(local(availableSlots(base))).toEqual(['2026-06-01 09:00–10:00', '2026-06-01 10:00–11:00']);
    expect(availableSlots(base)[0]).toEqual({
      start: '2026-06-01T14:00:00.000Z',
      end: '2026-06-01T15:00:00.000Z',
    });
  });

  it('offers nothing for an empty date range or a day without hours', () => {
    expect(availableSlots({ ...base, from: '2026-06-02', to: '2026-06-01' })).toEqual([]);
    expect(availableSlots({ ...base, weekly: [{ weekday: 2, start: '09:00', end: '11:00' }] })).toEqual([]);
    expect(availableSlots({ ...base, weekly: [] })).toEqual([]);
  });

  it('leaves the tail of a range unused when the granularity does not divide it', () => {
    const input = {
      ...base,
      weekly: everyDay('09:00', '10:00'),
      durationMinutes: 25,
      granularityMinutes: 20,
    };
    expect(local(availableSlots(input))).toEqual(['2026-06-01 09:00–09:25', '2026-06-01 09:20–09:45']);
    // A second range restarts the grid at its own start.
    const twoRanges = { ...input, weekly: [...everyDay('09:00', '10:00'), ...everyDay('10:35', '11:00')] };
    expect(local(availableSlots(twoRanges)).at(-1)).toBe('2026-06-01 10:35–11:00');
  });

  it('merges overlapping and touching ranges of a day', () => {
    const overlapping = { ...base, weekly: [...everyDay('09:00', '11:00'), ...everyDay('10:00', '12:00')] };
    expect(local(availableSlots({ ...overlapping, granularityMinutes: 30 }))).toEqual([
      '2026-06-01 09:00–10:00',
      '2026-06-01 09:30–10:30',
      '2026-06-01 10:00–11:00',
      '2026-06-01 10:30–11:30',
      '2026-06-01 11:00–12:00',
    ]);
    const touching = { ...base, weekly: [...everyDay('09:00', '10:00'), ...everyDay('10:00', '11:00')] };
    expect(local(availableSlots({ ...touching, granularityMinutes: 30 }))).toContain(
      '2026-06-01 09:30–10:30',
    );
    const duplicated = { ...base, weekly: [...base.weekly, ...base.weekly] };
    expect(availableSlots(duplicated)).toEqual(availableSlots(base));
  });

  it('applies weekly ranges only on their weekday and within their validity dates', () => {
    const input: AvailableSlotsInput = {
      ...base,
      from: '2026-06-01',
      to: '2026-06-16',
      weekly: [
        { weekday: 1, start: '09:00', end: '10:00', validTo: '2026-06-08' },
        { weekday: 1, start: '15:00', end: '16:00', validFrom: '2026-06-09' },
        { weekday: 3, start: '09:00', end: '10:00', validFrom: '2026-06-03', validTo: '2026-06-03' },
      ],
    };
    expect(local(availableSlots(input))).toEqual([
      '2026-06-01 09:00–10:00',
      '2026-06-03 09:00–10:00',
      '2026-06-08 09:00–10:00',
      '2026-06-15 15:00–16:00',
    ]);
  });

  it('replaces the weekly hours of a date with its special hours, or closes it', () => {
    const input: AvailableSlotsInput = {
      ...base,
      from: '2026-06-01',
      to: '2026-06-07',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '10:00' })),
      specialHours: [
        { date: '2026-06-02', ranges: [{ start: '15:00', end: '16:00' }] },
        { date: '2026-06-03', ranges: [] },
        { date: '2026-06-04', ranges: [{ start: '08:00', end: '09:00' }] },
        { date: '2026-06-04', ranges: [{ start: '12:00', end: '13:00' }] },
        { date: '2026-06-06', ranges: [{ start: '10:00', end: '11:00' }] },
        { date: '2026-07-01', ranges: [] },
      ],
    };
    expect(local(availableSlots(input))).toEqual([
      '2026-06-01 09:00–10:00',
      '2026-06-02 15:00–16:00',
      '2026-06-04 08:00–09:00',
      '2026-06-04 12:00–13:00',
      '2026-06-05 09:00–10:00',
      '2026-06-06 10:00–11:00',
    ]);
  });

  it('closes holidays, even with special hours, and stops overnight ranges at them', () => {
    const input: AvailableSlotsInput = {
      ...base,
      from: '2026-06-27',
      to: '2026-06-30',
      weekly: everyDay('09:00', '10:00'),
      holidays: ['2026-06-29', '2026-06-28'],
      specialHours: [
        { date: '2026-06-27', ranges: [{ start: '22:00', end: '02:00' }] },
        { date: '2026-06-28', ranges: [{ start: '09:00', end: '10:00' }] },
      ],
    };
    expect(local(availableSlots(input))).toEqual([
      '2026-06-27 22:00–23:00',
      '2026-06-27 23:00–00:00',
      '2026-06-30 09:00–10:00',
    ]);
  });

  it('runs overnight ranges into the next day', () => {
    const input = { ...base, weekly: [{ weekday: 1, start: '22:00', end: '01:00' }] };
    expect(local(availableSlots(input))).toEqual([
      '2026-06-01 22:00–23:00',
      '2026-06-01 23:00–00:00',
      '2026-06-02 00:00–01:00',
    ]);
    const toMidnight = { ...base, weekly: [{ weekday: 1, start: '22:00', end: '24:00' }] };
    expect(availableSlots(toMidnight)).toEqual(
      availableSlots({ ...toMidnight, weekly: [{ ...toMidnight.weekly[0], end: '00:00' }] }),
    );
    expect(availableSlots(toMidnight)).toHaveLength(2);
    const wholeDay = { ...base, weekly: [{ weekday: 1, start: '00:00', end: '00:00' }] };
    expect(availableSlots(wholeDay)).toHaveLength(24);
  });

  it('keeps slots off blocked time', () => {
    const input = {
      ...base,
      weekly: everyDay('09:00', '13:00'),
      granularityMinutes: 30,
      blocks: [{ start: lima('2026-06-01', '10:15'), end: lima('2026-06-01', '11:30') }],
    };
    expect(local(availableSlots(input))).toEqual([
      '2026-06-01 09:00–10:00',
      '2026-06-01 11:30–12:30',
      '2026-06-01 12:00–13:00',
    ]);
    // A vacation covering whole days.
    const vacation = {
      ...base,
      to: '2026-06-05',
      blocks: [{ start: lima('2026-06-01', '00:00'), end: lima('2026-06-05', '00:00') }],
    };
    expect(local(availableSlots(vacation))).toEqual(['2026-06-05 09:00–10:00', '2026-06-05 10:00–11:00']);
  });

  describe('buffers', () => {
    const morning = {
      ...base,
      weekly: everyDay('09:00', '13:00'),
      durationMinutes: 30,
      granularityMinutes: 5,
    };
    const booking = { start: lima('2026-06-01', '11:00'), end: lima('2026-06-01', '12:00') };

    it('allows back-to-back slots without a buffer', () => {
      const slots = local(availableSlots({ ...morning, busy: [booking] }));
      expect(slots).toContain('2026-06-01 10:30–11:00');
      expect(slots).toContain('2026-06-01 12:00–12:30');
      expect(slots).not.toContain('2026-06-01 10:35–11:05');
      expect(slots).not.toContain('2026-06-01 11:55–12:25');
    });

    it('keeps the buffer clear on both sides of a booking', () => {
      const slots = local(availableSlots({ ...morning, busy: [booking], bufferMinutes: 10 }));
      expect(slots).toContain('2026-06-01 10:20–10:50');
      expect(slots).not.toContain('2026-06-01 10:25–10:55'); // ends 5 minutes before the booking
      expect(slots).not.toContain('2026-06-01 12:05–12:35');
      expect(slots).toContain('2026-06-01 12:10–12:40');
    });

    it('needs no buffer at the edges of working ranges or blocks', () => {
      const blocked = { start: lima('2026-06-01', '11:00'), end: lima('2026-06-01', '12:00') };
      const slots = local(availableSlots({ ...morning, blocks: [blocked], bufferMinutes: 10 }));
      expect(slots[0]).toBe('2026-06-01 09:00–09:30');
      expect(slots).toContain('2026-06-01 10:30–11:00');
      expect(slots).toContain('2026-06-01 12:00–12:30');
      expect(slots.at(-1)).toBe('2026-06-01 12:30–13:00');
    });

    it('lets bookings outside working hours reach into them through the buffer', () => {
      const early = { start: lima('2026-06-01', '08:00'), end: lima('2026-06-01', '09:00') };
      expect(local(availableSlots({ ...morning, busy: [early], bufferMinutes: 10 }))[0]).toBe(
        '2026-06-01 09:10–09:40',
      );
    });
  });

  it('resumes on the grid after a conflict', () => {
    const input = {
      ...base,
      weekly: everyDay('09:00', '10:00'),
      durationMinutes: 15,
      granularityMinutes: 15,
      busy: [{ start: lima('2026-06-01', '09:10'), end: lima('2026-06-01', '09:20') }],
    };
    expect(local(availableSlots(input))).toEqual(['2026-06-01 09:30–09:45', '2026-06-01 09:45–10:00']);
  });

  it('ignores empty intervals and accepts bookings in any order and with offsets', () => {
    const busy = [
      { start: '2026-06-01T10:00:00-05:00', end: '2026-06-01T10:30:00-05:00' },
      { start: lima('2026-06-01', '09:00'), end: lima('2026-06-01', '09:30') },
      { start: lima('2026-06-01', '09:45'), end: lima('2026-06-01', '09:45') },
    ];
    const input = {
      ...base,
      weekly: everyDay('09:00', '11:00'),
      durationMinutes: 30,
      granularityMinutes: 30,
      busy,
    };
    expect(local(availableSlots(input))).toEqual(['2026-06-01 09:30–10:00', '2026-06-01 10:30–11:00']);
  });

  it('starts no slot before notBefore, without moving the grid', () => {
    const input = {
      ...base,
      weekly: everyDay('09:00', '11:00'),
      durationMinutes: 30,
      granularityMinutes: 15,
    };
    const slots = local(availableSlots({ ...input, notBefore: lima('2026-06-01', '09:07') }));
    expect(slots[0]).toBe('2026-06-01 09:15–09:45');
    expect(local(availableSlots({ ...input, notBefore: lima('2026-06-01', '09:15') }))[0]).toBe(
      '2026-06-01 09:15–09:45',
    );
    expect(availableSlots({ ...input, notBefore: lima('2026-06-02', '00:00') })).toEqual([]);
  });

  it('refuses invalid input', () => {
    const invalid: Partial<AvailableSlotsInput>[] = [
      { timeZone: 'Lima' },
      { from: '2026-06-31' },
      { to: 'tomorrow' },
      { durationMinutes: 0 },
      { durationMinutes: 12.5 },
      { granularityMinutes: 0 },
      { bufferMinutes: -5 },
      { notBefore: '2026-06-01T09:00' },
      { weekly: [{ weekday: 0, start: '09:00', end: '10:00' }] },
      { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] },
      { weekly: [{ weekday: 1, start: '9:00', end: '10:00' }] },
      { weekly: [{ weekday: 1, start: '24:00', end: '10:00' }] },
      { weekly: [{ weekday: 1, start: '09:00', end: '10:00', validFrom: '2026-02-30' }] },
      { specialHours: [{ date: '2026-06-01', ranges: [{ start: '09:00', end: '25:00' }] }] },
      { holidays: ['01/06/2026'] },
      { busy: [{ start: lima('2026-06-01', '10:00'), end: lima('2026-06-01', '09:00') }] },
      { blocks: [{ start: 'now', end: lima('2026-06-01', '09:00') }] },
    ];
    for (const change of invalid) expect(() => availableSlots({ ...base, ...change })).toThrow(RangeError);
  });
});
