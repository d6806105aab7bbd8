import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { addDays, eachLocalDate, fromEpochDay, toEpochDay, toMinuteOfDay, weekdayOf } from './local-date';

const plainDates = fc
  .integer({ min: toEpochDay('0003-01-01'), max: toEpochDay('9997-12-31') })
  .map((epochDay) => Temporal.PlainDate.from('1970-01-01').add({ days: epochDay }));

describe('local dates', () => {
  it('gives ISO weekdays, Monday first', () => {
    expect(weekdayOf('2026-04-06')).toBe(1);
    expect(weekdayOf('2026-04-04')).toBe(6);
    expect(weekdayOf('2026-04-05')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(7);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-05', 0)).toBe('2026-09-05');
  });

  it('lists every date of an inclusive range', () => {
    expect(eachLocalDate('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(eachLocalDate('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachLocalDate('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('agrees with Temporal on weekdays and day arithmetic', () => {
    fc.assert(
      fc.property(plainDates, fc.integer({ min: -700, max: 700 }), (date, days) => {
        const text = date.toString();
        expect(toEpochDay(text)).toBe(date.since('1970-01-01').days);
        expect(fromEpochDay(toEpochDay(text))).toBe(text);
        expect(weekdayOf(text)).toBe(date.dayOfWeek);
        expect(addDays(text, days)).toBe(date.add({ days }).toString());
      }),
    );
  });

  it('refuses text that is not a calendar date', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-4-1',
      '20260401',
      '2026-04-01T00:00',
      '',
    ]) {
      expect(() => weekdayOf(bad)).toThrow(RangeError);
    }
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(addDays('0000-01-01', 0)).toBe('0000-01-01');
    expect(() => eachLocalDate('2026-01-01', 'soon')).toThrow(RangeError);
  });

  it('reads HH:mm wall times, 24:00 only as an end', () => {
    expect(toMinuteOfDay('00:00')).toBe(0);
    expect(toMinuteOfDay('09:30')).toBe(570);
    expect(toMinuteOfDay('23:59')).toBe(1439);
    expect(toMinuteOfDay('24:00', true)).toBe(1440);
    for (const bad of ['24:00', '9:30', '09:60', '25:00', '09:30:00', '']) {
      expect(() => toMinuteOfDay(bad)).toThrow(RangeError);
    }
    expect(() => toMinuteOfDay('24:01', true)).toThrow(RangeError);
  });
});
