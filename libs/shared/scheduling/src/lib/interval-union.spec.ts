import fc from 'fast-check';
import { MsIntervals, unionOfIntervals } from './interval-union';

const intervalSets = fc.array(
  fc.array(
    fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 })).map(([start, length]) => ({
      start,
      end: start + length,
    })),
    { maxLength: 25 },
  ),
  { maxLength: 4 },
);

function toSet(intervals: { start: number; end: number }[]): MsIntervals {
  return {
    starts: Float64Array.from(intervals, (interval) => interval.start),
    ends: Float64Array.from(intervals, (interval) => interval.end),
  };
}

describe('unionOfIntervals', () => {
  it('covers exactly the points of its intervals, with disjoint sorted pieces', () => {
    fc.assert(
      fc.property(intervalSets, fc.boolean(), (sets, presorted) => {
        if (presorted) for (const set of sets) set.sort((a, b) => a.start - b.start);
        const union = unionOfIntervals(sets.map(toSet));
        const pieces = Array.from({ length: union.count }, (_, index) => [
          union.starts[index],
          union.ends[index],
        ]);
        for (let index = 0; index < pieces.length; index++) {
          expect(pieces[index][0]).toBeLessThan(pieces[index][1]);
          // Pieces neither overlap nor touch: touching intervals are joined.
          if (index > 0) expect(pieces[index][0]).toBeGreaterThan(pieces[index - 1][1]);
        }
        const all = sets.flat();
        for (let point = 0; point <= 231; point += 0.5) {
          const covered = all.some((interval) => interval.start <= point && point < interval.end);
          expect(pieces.some(([start, end]) => start <= point && point < end)).toBe(covered);
        }
      }),
    );
  });

  it('joins touching intervals and keeps apart ones', () => {
    const union = unionOfIntervals([
      toSet([
        { start: 5, end: 10 },
        { start: 0, end: 5 },
      ]),
      toSet([{ start: 11, end: 12 }]),
    ]);
    expect(union.count).toBe(2);
    expect([...union.starts.subarray(0, 2)]).toEqual([0, 11]);
    expect([...union.ends.subarray(0, 2)]).toEqual([10, 12]);
    expect(unionOfIntervals([]).count).toBe(0);
  });
});
