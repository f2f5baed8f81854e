import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { firstFalse } from '../binary-search';
import { isFastPair, keyStart, valueEnd } from './fast-parse';

/** One key/value pair of a mapping, with the key as text. */
export interface Entry {
  readonly key: string;
  readonly keyNode: Node;
  readonly value: Node | null;
  readonly pair: Pair;
}

/**
 * Entries per mapping, made once: parsed trees are never changed, and every
 * rule walks the same SoA and register mappings.
 */
const entryCache = new WeakMap<YAMLMap, Entry[]>();

/** The entries of a mapping node whose keys are scalars; others are skipped. */
export function entries(node: unknown): readonly Entry[] {
  if (!isMap(node)) return [];
  let out = entryCache.get(node);
  if (!out) entryCache.set(node, (out = entriesOf(node)));
  return out;
}

/**
 * An entry whose value is read when asked for: after an edit in a large
 * mapping the entries that moved copy their nodes only when read (see
 * `shifted` in fast-parse.ts), and a rule that wants the keys alone (which
 * controls the SoA lists) should not make it copy every value.
 */
class LazyEntry implements Entry {
  constructor(
    readonly key: string,
    readonly keyNode: Node,
    readonly pair: Pair,
  ) {}
  get value(): Node | null {
    return (this.pair.value as Node | null) ?? null;
  }
}

function entriesOf(node: YAMLMap): Entry[] {
  const out: Entry[] = [];
  for (const pair of node.items) {
    const e = entryOf(pair);
    if (e) out.push(e);
  }
  return out;
}

/** A mapping's pair as an entry; undefined when its key is not a scalar (`entries` skips it). */
export function entryOf(pair: Pair): Entry | undefined {
  const key = entryKey(pair);
  return key === undefined ? undefined : new LazyEntry(key, pair.key as Node, pair);
}

/** The key of a mapping's pair as `entries` gives it, without making the entry. */
export function entryKey(pair: Pair): string | undefined {
  const k = pair.key;
  return isScalar(k) && k.value !== null && k.value !== undefined ? scalarString(k.value) : undefined;
}

/** The pair for `key` in a mapping node, if any (no allocation: rules call this for every entry). */
function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const k = pair.key;
    if (isScalar(k) && (k.value === key || scalarString(k.value) === key)) return pair;
  }
  return undefined;
}

/** The entry for `key` in a mapping node, if any. */
export function entry(node: unknown, key: string): Entry | undefined {
  const pair = pairOf(node, key);
  return pair && { key, keyNode: pair.key as Node, value: (pair.value as Node | null) ?? null, pair };
}

/** The value node under `key`, or undefined. */
export function child(node: unknown, key: string): Node | undefined {
  return (pairOf(node, key)?.value as Node | null) ?? undefined;
}

/** A scalar's value as a string (numbers and booleans stringified), or undefined. */
export function text(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return scalarString(node.value);
}

/** A scalar's value as text: dates as YYYY-MM-DD, anything else as YAML would print it. */
export function scalarString(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

/** The items of a sequence node, or a lone scalar treated as a one-item list. */
export function items(node: unknown): Node[] {
  if (isSeq(node)) return (node as YAMLSeq<Node>).items.filter((n): n is Node => n !== null && n !== undefined);
  if (isScalar(node) && node.value !== null) return [node];
  return [];
}

/** Whether a node is a YAML mapping. */
export function isMapping(node: unknown): node is YAMLMap {
  return isMap(node);
}

/**
 * The chain of nodes that contains `offset`, outermost first. Each step
 * records whether the offset is on a key or inside a value, so completion and
 * hover know where the cursor is.
 */
export interface PathStep {
  /** Mapping key or sequence index leading to `node`. */
  key: string | number;
  node: Node | null;
  keyNode?: Node;
  onKey: boolean;
}

export function pathAt(root: Node | null | undefined, offset: number): PathStep[] {
  const steps: PathStep[] = [];
  let current: unknown = root;
  for (;;) {
    if (isMap(current)) {
      let next: PathStep | undefined;
      // In a large mapping of the fast path only the pair found by binary search can hold the offset (a hover in a
      // 7,000-control SoA read every key and value, copying the moved ones).
      const list = current.items;
      const at = list.length >= 64 && isFastPair(list[0]) ? pairAt(list, offset) : -1;
      for (const pair of at === -1 ? list : at === undefined ? [] : [list[at]]) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        const v = pair.value as Node | null;
        const kr = k?.range;
        const vr = v?.range;
        if (kr && offset >= kr[0] && offset <= kr[1]) {
          next = { key: isScalar(k) ? scalarString(k.value) : '', node: v, keyNode: k ?? undefined, onKey: true };
          steps.push(next);
          return steps;
        }
        if (vr && offset >= vr[0] && offset <= vr[1]) {
          next = { key: isScalar(k) ? scalarString(k.value) : '', node: v, keyNode: k ?? undefined, onKey: false };
          break;
        }
      }
      if (!next) return steps;
      steps.push(next);
      current = next.node;
    } else if (isSeq(current)) {
      const idx = current.items.findIndex((n) => {
        const r = (n as Node | null)?.range;
        return r && offset >= r[0] && offset <= r[1];
      });
      if (idx < 0) return steps;
      const n = current.items[idx] as Node;
      steps.push({ key: idx, node: n, onKey: false });
      current = n;
    } else {
      return steps;
    }
  }
}

/**
 * Where the first key of the block mapping holding the key at `offset` starts,
 * when that key is written at column `col`: every line from there to the key
 * belongs to the mapping's entries. Found by binary search at each level, for
 * trees of the fast path (keyStart and valueEnd read a pair's place without
 * copying it); undefined when no such key is at `offset`.
 */
export function mappingStart(root: unknown, offset: number, col: number, column: (offset: number) => number): number | undefined {
  let node = root;
  while (isMap(node) && !node.flow && node.items.length) {
    const list = node.items;
    const i = pairAt(list, offset);
    if (i === undefined) return undefined;
    const at = keyStart(list[i]);
    if (at === offset) return column(at) === col ? keyStart(list[0]) : undefined;
    node = list[i].value;
  }
  return undefined;
}

/** The index of the pair of a fast-path block mapping that holds `offset` (from its key to its value's end), by binary search. */
export function pairAt(list: readonly unknown[], offset: number): number | undefined {
  const i = firstFalse(list.length, (j) => keyStart(list[j]) <= offset) - 1;
  return i >= 0 && offset <= valueEnd(list[i]) ? i : undefined;
}
