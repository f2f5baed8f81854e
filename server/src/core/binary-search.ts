/**
 * The first `i < n` for which `ok(i)` is false, when `ok` holds for a prefix
 * of 0..n-1 only; `n` if it holds for all. One binary search for the sorted
 * runs the incremental paths look up (entries, files, pairs by offset).
 */
export function firstFalse(n: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
