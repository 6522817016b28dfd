// Binary search over arrays kept sorted.

/** How many of `sorted` (ascending by `key`) have a key below `value`: the index of the first at or after it. */
export function countBelow<T>(sorted: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
