/** Half-open intervals `[starts[i], ends[i])` in epoch ms, as two parallel arrays. */
export interface MsIntervals {
  starts: Float64Array;
  ends: Float64Array;
}

/** Disjoint, sorted intervals in epoch ms: the first `count` entries of each array. */
export interface IntervalUnion extends MsIntervals {
  count: number;
}

/**
 * The union of several sets of non-empty half-open intervals, as disjoint sorted intervals
 * (touching ones joined). Sorts the given arrays in place.
 *
 * Starts and ends are sorted separately, as typed arrays, and an array already in order (the
 * bookings of a query with `ORDER BY start`) is not sorted again; the sets are then merged and
 * swept. The k-th smallest end never comes before the k-th smallest start, so counting the
 * intervals open at each point finds where the union begins and ends.
 */
export function unionOfIntervals(sets: readonly MsIntervals[]): IntervalUnion {
  const starts = sets.map((set) => sortInPlace(set.starts)).reduce(mergeSorted, new Float64Array(0));
  const ends = sets.map((set) => sortInPlace(set.ends)).reduce(mergeSorted, new Float64Array(0));
  const total = starts.length;
  const union: IntervalUnion = { starts: new Float64Array(total), ends: new Float64Array(total), count: 0 };
  let open = 0;
  let nextEnd = 0;
  for (let nextStart = 0; nextStart < total; nextStart++) {
    // Close the intervals ending strictly before this start (an end equal to it touches).
    while (ends[nextEnd] < starts[nextStart]) {
      if (--open === 0) union.ends[union.count++] = ends[nextEnd];
      nextEnd++;
    }
    if (open++ === 0) union.starts[union.count] = starts[nextStart];
  }
  if (total > 0) union.ends[union.count++] = ends[total - 1];
  return union;
}

function sortInPlace(values: Float64Array): Float64Array {
  for (let index = 1; index < values.length; index++) {
    if (values[index] < values[index - 1]) return values.sort();
  }
  return values;
}

function mergeSorted(left: Float64Array, right: Float64Array): Float64Array {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const merged = new Float64Array(left.length + right.length);
  let fromLeft = 0;
  let fromRight = 0;
  for (let index = 0; index < merged.length; index++) {
    merged[index] =
      fromRight >= right.length || (fromLeft < left.length && left[fromLeft] <= right[fromRight])
        ? left[fromLeft++]
        : right[fromRight++];
  }
  return merged;
}
