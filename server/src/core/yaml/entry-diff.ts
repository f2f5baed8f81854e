import { firstFalse } from '../binary-search';
import { keyStart, pairSource, valueEnd } from './fast-parse';
import type { TextEdit } from './text-diff';

/**
 * How many entries at the start (`head`) and at the end (`tail`) of a
 * mapping's items are the same entries in an edited version of it: the same
 * pair before the edit, a pair moved by it (or the same, when the edit kept
 * the length) after it, as reparse.ts shares what the edit did not reach.
 * Found by binary search; two unrelated trees share nothing (0, 0).
 */
export function sharedEnds(before: readonly unknown[], after: readonly unknown[], edit: TextEdit): { head: number; tail: number } {
  const n = Math.min(before.length, after.length);
  const head = firstFalse(n, (i) => before[i] === after[i] && valueEnd(after[i]) < edit.start);
  const last = (xs: readonly unknown[], i: number): unknown => xs[xs.length - 1 - i];
  const tail = firstFalse(
    n - head,
    (i) => pairSource(last(before, i)) === pairSource(last(after, i)) && keyStart(last(after, i)) >= edit.newEnd,
  );
  return { head, tail };
}
