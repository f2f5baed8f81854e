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
  const b = listOf(before);
  const a = listOf(after);
  if (b.length === a.length && b.every((x, i) => x === a[i])) return undefined;
  const bs = new Set(b);
  const as = new Set(a);
  const added = [...as].filter((x) => !bs.has(x));
  const removed = [...bs].filter((x) => !as.has(x));
  return added.length || removed.length ? { field, added, removed } : undefined;
}

export interface FieldOptions {
  /** Fields in the order they are reported; fields not named come after, sorted. */
  order: readonly string[];
  /** Fields compared as lists (arrays are lists anyway). */
  lists: readonly string[];
  /** Fields left out: derived, positional, or reported elsewhere. */
  skip: readonly string[];
  /** How a field's value is compared, when not as it is (a list of objects by their ids, say). */
  view?: (field: string, value: unknown) => unknown;
}

/**
 * Changes of every field of two records: lists by items, the rest as scalars;
 * skipped fields and nested objects are left out. Fields not named anywhere
 * are still compared, so a field added to the coverage later shows up
 * without a change here. Runs for every obligation of every system: no
 * copies of the records are made.
 */
export function fieldChanges(before: object | undefined, after: object | undefined, opts: FieldOptions): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const known = (k: string) => opts.order.includes(k) || opts.skip.includes(k);
  let extra: string[] | undefined;
  for (const k in b) if (!known(k)) (extra ??= []).push(k);
  for (const k in a) if (!known(k) && !(k in b)) (extra ??= []).push(k);
  const out: FieldChange[] = [];
  for (const k of extra ? [...opts.order, ...extra.sort()] : opts.order) {
    if (opts.skip.includes(k)) continue;
    const bv = opts.view ? opts.view(k, b[k]) : b[k];
    const av = opts.view ? opts.view(k, a[k]) : a[k];
    if (bv === av) continue;
    const list = opts.lists.includes(k) || Array.isArray(bv) || Array.isArray(av);
    if (!list && ((bv !== undefined && !isScalar(bv)) || (av !== undefined && !isScalar(av)))) continue;
    const c = list ? listChange(k, bv, av) : scalarChange(k, bv, av);
    if (c) out.push(c);
  }
  return out;
}
