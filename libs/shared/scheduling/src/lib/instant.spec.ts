import fc from 'fast-check';
import { fromEpochMs, toEpochMs } from './instant';

const instants = fc.integer({
  min: Date.parse('0000-01-01T00:00:00Z'),
  max: Date.parse('9999-12-31T23:59:59.999Z'),
});

describe('instants', () => {
  it('reads and writes the UTC form exactly as Date does', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const text = new Date(ms).toISOString();
        expect(fromEpochMs(ms)).toBe(text);
        expect(toEpochMs(text)).toBe(ms);
        const withoutMilliseconds = text.slice(0, 19) + 'Z';
        expect(toEpochMs(withoutMilliseconds)).toBe(Date.parse(withoutMilliseconds));
      }),
    );
  });

  it('reads offsets, minutes without seconds and long fractions', () => {
    expect(toEpochMs('2026-04-04T09:00:00-03:00')).toBe(Date.parse('2026-04-04T12:00:00Z'));
    expect(toEpochMs('2026-04-04T09:00+05:30')).toBe(Date.parse('2026-04-04T03:30:00Z'));
    expect(toEpochMs('2026-04-04T09:00Z')).toBe(Date.parse('2026-04-04T09:00:00Z'));
    expect(toEpochMs('2026-04-04T09:00:00.123456Z')).toBe(Date.parse('2026-04-04T09:00:00.123Z'));
    expect(toEpochMs('2028-02-29T10:00:00.000Z')).toBe(Date.parse('2028-02-29T10:00:00Z'));
  });

  it('writes years outside 0000–9999 as Date does', () => {
    const ms = Date.parse('+010000-01-01T00:00:00Z');
    expect(fromEpochMs(ms)).toBe(new Date(ms).toISOString());
  });

  it('refuses text without an offset or with impossible fields', () => {
    for (const bad of [
      '2026-04-04T09:00:00', // read in the process's zone by Date.parse
      '2026-04-04',
      '2026-02-30T10:00:00Z',
      '2026-02-30T10:00:00.000Z',
      '2026-02-29T10:00:00-05:00',
      '2026-04-31T10:00:00.000Z',
      '2026-04-04T24:30:00.000Z',
      '2026-04-04T09:60:00Z',
      '2026-04-04 09:00:00Z',
      '2a26-04-04T10:00:00.000Z',
      '2026-0a-04T10:00:00.000Z',
      '2026-04-04T10:0:00.000Z',
      '2026-04-04T10:0a:00.000Z',
      '2026-04-04T10:00:00.0a0Z',
      '2026-04-04T1::00:00.000Z',
      '2026-04-04T10:00:/0Z',
      '2026-04-04T09:00:00.000z',
      'yesterday',
      '',
    ]) {
      expect(() => toEpochMs(bad)).toThrow(RangeError);
    }
  });
});
