import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { ZoneOffsetTable } from './zone-offset-table';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Zones with one-hour, half-hour and 45-minute offsets and changes, a zone that skipped a whole
// day (Apia, 2011-12-30) and zones whose rules changed (Mexico dropped DST in 2022).
const ZONES = [
  'America/Santiago',
  'America/Lima',
  'America/Mexico_City',
  'Europe/Madrid',
  'UTC',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Asia/Kathmandu',
];

/** What Temporal says, for a wall time written as ms since 1970-01-01T00:00 wall clock. */
function temporalInstant(zone: string, wallMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(wallMs)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime()
    .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The zone's transitions in a span, with the wall-clock readings just before and after each. */
function transitions(zone: string, fromMs: number, toMs: number) {
  const found: { wallBefore: number; wallAfter: number }[] = [];
  let zoned = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone);
  for (;;) {
    const next = zoned.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > toMs) return found;
    const offsetBefore = next.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e6;
    const offsetAfter = next.offsetNanoseconds / 1e6;
    found.push({
      wallBefore: next.epochMilliseconds + offsetBefore,
      wallAfter: next.epochMilliseconds + offsetAfter,
    });
    zoned = next;
  }
}

describe('ZoneOffsetTable', () => {
  it.each(ZONES)('agrees with Temporal around every transition of %s, 2005–2030', (zone) => {
    const from = Date.parse('2005-01-01T00:00:00Z');
    const to = Date.parse('2030-12-31T00:00:00Z');
    const table = new ZoneOffsetTable(zone, from - 2 * DAY, to + 2 * DAY);
    const changes = transitions(zone, from, to);
    if (zone === 'America/Santiago') expect(changes.length).toBeGreaterThan(40);
    for (const { wallBefore, wallAfter } of changes) {
      // Every 15 minutes from 3 h before to 3 h after the skipped or repeated wall times, and
      // the minutes on either side of their edges.
      const walls = [wallBefore, wallAfter].flatMap((edge) => [edge - MINUTE, edge, edge + MINUTE]);
      const first = Math.min(wallBefore, wallAfter) - 3 * HOUR;
      for (let wall = first; wall <= Math.max(wallBefore, wallAfter) + 3 * HOUR; wall += 15 * MINUTE) {
        walls.push(wall);
      }
      for (const wall of walls) expect(table.toEpochMs(wall)).toBe(temporalInstant(zone, wall));
    }
  });

  it('agrees with Temporal for random wall times in windows of a few weeks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: Date.parse('2000-01-01T00:00:00Z') / MINUTE,
          max: Date.parse('2035-01-01T00:00:00Z') / MINUTE,
        }),
        fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 20 }),
        (zone, firstMinute, offsets) => {
          const first = firstMinute * MINUTE;
          const table = new ZoneOffsetTable(zone, first - DAY, first + 42 * DAY);
          for (const minutes of offsets) {
            const wall = first + minutes * MINUTE;
            expect(table.toEpochMs(wall)).toBe(temporalInstant(zone, wall));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
