// Binary search over arrays kept sorted.

/** The first index in `[0, length)` where `holds` (false up to some index, true from there on) is true; `length` if none. */
export function firstIndexWhere(length: number, holds: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many of `sorted` (ascending by `key`) have a key below `value`: the index of the first at or after it. */
export function countBelow<T>(sorted: readonly T[], key: (item: T) => number, value: number): number {
  return firstIndexWhere(sorted.length, (i) => key(sorted[i]) >= value);
}
