import type { FieldChange } from './types';

type Scalar = string | number | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * A list item as text: strings as they are, objects (an evidence entry that
 * grew fields, say) by their `path` or `id` when they have one, else as JSON
 * with sorted keys, so equal items compare equal.
 */
export function itemText(v: unknown): string {
  if (isScalar(v)) return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const name = isScalar(o.path) ? String(o.path) : isScalar(o.id) ? String(o.id) : undefined;
    const rest = Object.keys(o)
      .filter((k) => k !== 'path' && k !== 'id' && o[k] !== undefined)
      .sort();
    const json = `{${rest.map((k) => `${JSON.stringify(k)}:${JSON.stringify(o[k])}`).join(',')}}`;
    return name === undefined ? json : rest.length ? `${name} ${json}` : name;
  }
  return JSON.stringify(v) ?? '';
}

/** Items of a list field as text (a lone value counts as a list of one). */
export function listOf(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(itemText);
}

/** The change of one scalar field, or undefined when it is the same. */
export function scalarChange(field: string, before: unknown, after: unknown): FieldChange | undefined {
  const b = isScalar(before) ? before : undefined;
  const a = isScalar(after) ? after : undefined;
  return b === a ? undefined : { field, ...(b !== undefined && { before: b }), ...(a !== undefined && { after: a }) };
}

/** The change of a list field as items added and removed (order and repeats ignored), or undefined. */
export function listChange(field: string, before: unknown, after: unknown): FieldChange | undefined {
  const b = new Set(listOf(before));
  const a = new Set(listOf(after));
  const added = [...a].filter((x) => !b.has(x));
  const removed = [...b].filter((x) => !a.has(x));
  return added.length || removed.length ? { field, added, removed } : undefined;
}

/**
 * Changes of every field of two records: `lists` by items, the rest as
 * scalars; fields in `skip` (derived, positional or reported elsewhere) and
 * nested objects are left out. Fields not named anywhere are still compared,
 * so a field added to the coverage later shows up without a change here.
 */
export function fieldChanges(
  before: object | undefined,
  after: object | undefined,
  opts: { order: readonly string[]; lists: readonly string[]; skip: readonly string[] },
): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const extra = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !opts.order.includes(k)).sort();
  const out: FieldChange[] = [];
  for (const k of [...opts.order, ...extra]) {
    if (opts.skip.includes(k)) continue;
    const list = opts.lists.includes(k) || Array.isArray(b[k]) || Array.isArray(a[k]);
    if (!list && ((b[k] !== undefined && !isScalar(b[k])) || (a[k] !== undefined && !isScalar(a[k])))) continue;
    const c = list ? listChange(k, b[k], a[k]) : scalarChange(k, b[k], a[k]);
    if (c) out.push(c);
  }
  return out;
}
