import type { Node } from 'yaml';
import type { RelatedInfo } from '../types';
import type { Definition } from '../workspace';
import { addDuration } from '../duration';

/** A related-location entry pointing at a definition in another (or the same) file. */
export function relatedTo(def: Definition, message: string): RelatedInfo {
  const r = def.node.range;
  return { file: def.file.path, range: def.file.lines.range(r?.[0] ?? 0, r?.[1] ?? 0), message };
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The date `months` months before an ISO date: the same day, or the last day of a shorter month. */
export function monthsBefore(iso: string, months: number): string {
  return addDuration(iso, { years: 0, months: -months, weeks: 0, days: 0 });
}

/** Whether a node is present and holds something other than blank text. */
export function isBlank(node: Node | null | undefined, value: string | undefined): boolean {
  return !node || value === undefined || value.trim() === '';
}
