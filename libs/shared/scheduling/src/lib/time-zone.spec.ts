import { Temporal } from 'temporal-polyfill';
import { addDays, eachLocalDate } from './local-date';
import {
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  localDateOf,
  localDayRange,
  startOfLocalDay,
  zonedInstant,
} from './time-zone';

const SANTIAGO = 'America/Santiago';
const HOUR = 3_600_000;

function hoursIn(range: { start: string; end: string }): number {
  return (Date.parse(range.end) - Date.parse(range.start)) / HOUR;
}

/** Santiago's first DST transition after `instant`, read from Temporal itself. */
function nextSantiagoTransition(instant: string) {
  const before = Temporal.Instant.from(instant).toZonedDateTimeISO(SANTIAGO);
  const transition = before.getTimeZoneTransition('next')!;
  const lastBefore = transition.subtract({ nanoseconds: 1 });
  return { at: transition.toInstant().toString(), before: lastBefore, after: transition };
}

describe('time zones', () => {
  it('knows IANA names and refuses the rest', () => {
    expect(DEFAULT_TIME_ZONE).toBe('America/Lima');
    for (const zone of ['America/Lima', 'America/Santiago', 'Europe/Madrid', 'UTC', 'america/lima']) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
    for (const zone of ['America/Atlantis', '-05:00', '+00:00', 'Lima', '']) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
    expect(() => localDateOf('2026-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('gives the local date of an instant', () => {
    expect(localDateOf('2026-04-05T02:30:00Z', 'America/Lima')).toBe('2026-04-04');
    expect(localDateOf('2026-04-05T05:00:00Z', 'America/Lima')).toBe('2026-04-05');
    expect(localDateOf('2026-04-05T02:30:00Z')).toBe('2026-04-04');
    expect(localDateOf('2026-04-04T22:30:00Z', 'Europe/Madrid')).toBe('2026-04-05');
    // Santiago's repeated hour belongs to the evening before the change.
    expect(localDateOf('2026-04-05T03:30:00Z', SANTIAGO)).toBe('2026-04-04');
    expect(localDateOf('2026-04-05T04:00:00Z', SANTIAGO)).toBe('2026-04-05');
  });

  it('puts 09:00 in Lima at 14:00Z on every day of the year', () => {
    for (const date of eachLocalDate('2026-01-01', '2026-12-31')) {
      expect(zonedInstant(date, '09:00', 'America/Lima')).toBe(`${date}T14:00:00.000Z`);
      expect(localDayRange(date, 'America/Lima')).toEqual({
        start: `${date}T05:00:00.000Z`,
        end: `${addDays(date, 1)}T05:00:00.000Z`,
      });
    }
  });

  describe('America/Santiago in 2026', () => {
    it('has the transitions the tests below assume', () => {
      const autumn = nextSantiagoTransition('2026-03-01T00:00:00Z');
      expect(autumn.at).toBe('2026-04-05T03:00:00Z');
      expect(autumn.before.toPlainDateTime().toString()).toBe('2026-04-04T23:59:59.999999999');
      expect(autumn.before.offset).toBe('-03:00');
      expect(autumn.after.toPlainDateTime().toString()).toBe('2026-04-04T23:00:00');
      expect(autumn.after.offset).toBe('-04:00');

      const spring = nextSantiagoTransition(autumn.at);
      expect(spring.at).toBe('2026-09-06T04:00:00Z');
      expect(spring.before.toPlainDateTime().toString()).toBe('2026-09-05T23:59:59.999999999');
      expect(spring.after.toPlainDateTime().toString()).toBe('2026-09-06T01:00:00');
      expect(spring.after.offset).toBe('-03:00');
    });

    it('has a 25-hour day when clocks go back and a 23-hour day when they go forward', () => {
      expect(localDayRange('2026-04-04', SANTIAGO)).toEqual({
        start: '2026-04-04T03:00:00.000Z',
        end: '2026-04-05T04:00:00.000Z',
      });
      expect(hoursIn(localDayRange('2026-04-04', SANTIAGO))).toBe(25);
      expect(localDayRange('2026-09-06', SANTIAGO)).toEqual({
        start: '2026-09-06T04:00:00.000Z',
        end: '2026-09-07T03:00:00.000Z',
      });
      expect(hoursIn(localDayRange('2026-09-06', SANTIAGO))).toBe(23);
      for (const date of ['2026-04-03', '2026-04-05', '2026-09-05', '2026-09-07']) {
        expect(hoursIn(localDayRange(date, SANTIAGO))).toBe(24);
      }
    });

    it('starts the day after the gap when midnight is skipped', () => {
      expect(startOfLocalDay('2026-09-06', SANTIAGO)).toBe('2026-09-06T04:00:00.000Z');
      expect(localDateOf(startOfLocalDay('2026-09-06', SANTIAGO), SANTIAGO)).toBe('2026-09-06');
    });

    it('moves a skipped wall time forward and takes a repeated one the first time', () => {
      // 00:30 on 6 September does not exist: 'compatible' reads it with the old offset (−4).
      expect(zonedInstant('2026-09-06', '00:30', SANTIAGO)).toBe('2026-09-06T04:30:00.000Z');
      expect(zonedInstant('2026-09-06', '01:30', SANTIAGO)).toBe('2026-09-06T04:30:00.000Z');
      // 23:30 on 4 April happens at −3 and again at −4.
      expect(zonedInstant('2026-04-04', '23:30', SANTIAGO)).toBe('2026-04-05T02:30:00.000Z');
      expect(zonedInstant('2026-04-04', '22:59', SANTIAGO)).toBe('2026-04-05T01:59:00.000Z');
      expect(zonedInstant('2026-04-05', '00:00', SANTIAGO)).toBe('2026-04-05T04:00:00.000Z');
    });
  });

  it('refuses bad dates and wall times', () => {
    expect(() => zonedInstant('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-03', '9:00')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-03', '24:00')).toThrow(RangeError);
    expect(() => startOfLocalDay('20260203')).toThrow(RangeError);
    expect(() => localDateOf('2026-02-03T10:00:00')).toThrow(RangeError);
  });
});
