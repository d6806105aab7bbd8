import { Temporal } from 'temporal-polyfill';

/**
 * Turns local wall-clock times into instants for one time zone within a bounded span of time,
 * with the zone's offsets and transitions read from Temporal once. `availableSlots` converts a
 * few wall times per day: Temporal (the polyfill) needs ~15 µs for each, this a few nanoseconds.
 * It resolves missing and repeated wall times like Temporal's `'compatible'` disambiguation
 * (see `zonedInstant`), which the tests check around every transition of several zones.
 */
export class ZoneOffsetTable {
  /** Epoch ms at which each period of constant offset starts (the first period has no start). */
  private readonly periodStarts: number[] = [-Infinity];
  /** UTC offset in ms during each period (local = UTC + offset). */
  private readonly periodOffsets: number[];

  /**
   * @param timeZone A valid IANA time zone.
   * @param fromMs Epoch ms before every instant the table will be asked about.
   * @param toMs Epoch ms after every instant the table will be asked about.
   */
  constructor(timeZone: string, fromMs: number, toMs: number) {
    let zoned = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
    this.periodOffsets = [zoned.offsetNanoseconds / 1e6];
    for (;;) {
      const next = zoned.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds > toMs) break;
      this.periodStarts.push(next.epochMilliseconds);
      this.periodOffsets.push(next.offsetNanoseconds / 1e6);
      zoned = next;
    }
  }

  /**
   * The instant (epoch ms) at which the zone's clocks show `wallMs`, a wall time written as
   * milliseconds since 1970-01-01T00:00 on a clock without time zone.
   */
  toEpochMs(wallMs: number): number {
    const starts = this.periodStarts;
    const offsets = this.periodOffsets;
    const count = starts.length;
    // Each period's candidate lies in that period, so the first match is the earliest one: the
    // summer-time reading of a repeated wall time.
    for (let period = 0; period < count; period++) {
      const candidate = wallMs - offsets[period];
      const periodEnd = period + 1 < count ? starts[period + 1] : Infinity;
      if (candidate >= starts[period] && candidate < periodEnd) return candidate;
    }
    // No period shows this wall time: it lies in a gap. Read it with the offset from before the
    // gap, which moves it forward by the gap's length.
    for (let period = 1; period < count; period++) {
      const before = wallMs - offsets[period - 1];
      if (before >= starts[period] && wallMs - offsets[period] < starts[period]) return before;
    }
    return wallMs - offsets[0];
  }
}
