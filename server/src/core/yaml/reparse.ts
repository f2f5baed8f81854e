import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { firstFalse } from '../binary-search';
import { leavesDedentedField } from './indent-errors';
import { knownLineIndex, remember } from './line-index';
import { fastParseEntries, keyStart, mapNode, pair, shifted, valueEnd } from './fast-parse';
import { scalarString } from './nav';
import { duplicateKeys, fastTrees, kindOf, MAX_FILE_BYTES, parseFile, plainValue, type ParsedFile } from './parse';
import { textDiff, type TextEdit } from './text-diff';

/**
 * How many mappings deep an edit is looked for: the file's own entries, and
 * the entries of a mapping in one of them. A 50,000-line SoA is one entry
 * (`additionalControls`) holding 7,000: a keystroke re-reads one of those.
 */
const LEVELS = 2;

type Map_ = YAMLMap<Node, Node>;

/**
 * A file's new text, parsed: when the old text was read by the fast path
 * without findings, only the entries the edit touched are read again, and
 * the rest of the tree is shared with the old one (moved where the edit
 * changed the length before it). Anything else is a full `parseFile`. The
 * result is the same tree, values, findings and line index as a full parse
 * of `text` (test/unit/reparse.test.ts holds it to that after random edits).
 */
export function reparseFile(old: ParsedFile | undefined, path: string, text: string, version: number): ParsedFile {
  if (old && old.path === path && old.text === text && fastTrees.has(old)) {
    // The same text (opening a file as it is on disk): the same tree, under the new version.
    const same: ParsedFile = { ...old, version };
    fastTrees.add(same);
    return same;
  }
  return (old && old.path === path && incremental(old, text, version)) || parseFile(path, text, version);
}

/**
 * Per file made by an edit of another, that file (held weakly: each version would keep every earlier
 * one alive) and the edit, so the index and the check need not compare the two texts again.
 */
const madeBy = new WeakMap<ParsedFile, { before: WeakRef<ParsedFile>; edit: TextEdit }>();

/** Where `after`'s text differs from `before`'s (the edit reparse saw, when `after` came from it). */
export function editBetween(before: ParsedFile, after: ParsedFile): TextEdit {
  const m = madeBy.get(after);
  return m?.before.deref() === before ? m.edit : textDiff(before.text, after.text);
}

/** The last index `i < n` with `at(i) <= x`, or -1. */
function lastAtOrBefore(n: number, at: (i: number) => number, x: number): number {
  return firstFalse(n, (i) => at(i) <= x) - 1;
}

function incremental(old: ParsedFile, text: string, version: number): ParsedFile | undefined {
  const root = old.root as Map_ | undefined;
  if (!root || !fastTrees.has(old) || text.length > MAX_FILE_BYTES || root.flow) return undefined;
  const edit = textDiff(old.text, text);
  if (edit.start === edit.oldEnd && edit.start === edit.newEnd) return undefined;
  // Whatever the full parse would refuse or report as a whole (tabs, CRs, encodings) sends the text there.
  if (/[\t\r\0\uFEFF\uFFFD]/.test(text.slice(edit.start, edit.newEnd))) return undefined;
  const delta = edit.newEnd - edit.oldEnd;

  // From the file's entries down: the innermost block mapping in which whole entries hold the edit.
  const path: { map: Map_; index: number }[] = [];
  let map = root;
  let col = 0;
  let end = old.text.length;
  let from: number;
  let to: number;
  let regionStart: number;
  let regionEnd: number;
  for (;;) {
    const items = map.items;
    // An entry spans from its key's line to the next key's line (or the end of its mapping's span).
    const lineStart = (i: number): number => keyStart(items[i]) - col;
    from = lastAtOrBefore(items.length, lineStart, edit.start);
    if (from < 0) return undefined; // the edit touches what comes before the first entry
    to = Math.max(from, lastAtOrBefore(items.length, lineStart, edit.oldEnd - 1));
    regionStart = lineStart(from);
    regionEnd = to + 1 < items.length ? lineStart(to + 1) : end;
    if (from !== to || path.length + 1 >= LEVELS) break;
    const value = items[from].value;
    if (!isMap(value) || value.flow || !value.items.length) break;
    const firstKey = keyStart(value.items[0]);
    const childCol = old.lines.positionAt(firstKey).character;
    // An edit on the entry's own key line (or between it and its first key) is re-read with the entry.
    if (edit.start < firstKey - childCol) break;
    path.push({ map, index: from });
    map = value as Map_;
    col = childCol;
    end = regionEnd;
  }

  // The new text of the region must end where a line starts, as the old one did, so what follows is read as before.
  const newEnd = regionEnd + delta;
  if (newEnd < text.length && text.charCodeAt(newEnd - 1) !== 10) return undefined;
  const parsed = fastParseEntries(text.slice(regionStart, newEnd), col, path.length);
  if (!parsed) return undefined;
  const placed = parsed.map((p) => shifted(p, regionStart));
  const items = map.items;
  if (items.length - (to - from + 1) + placed.length === 0) return undefined; // an empty mapping reads as null
  for (const p of placed) if (duplicateKeys(p.value, old.lines).length) return undefined;
  const next = spliced(items, from, to, placed, delta);
  if (!takeKeyCounts(map, next, from, to, placed)) return undefined;

  // Rebuild the mappings on the path around the new one; what follows the edit moves by `delta`.
  let child = next;
  for (let k = path.length - 1; k >= 0; k--) {
    const { map: parent, index } = path[k];
    child = spliced(parent.items, index, index, [pair(parent.items[index].key, child)], delta);
  }
  // The editor's copy of the document may have updated the index for this text already (lsp/text-document.ts).
  const lines = knownLineIndex(text) ?? remember(old.lines.edited(text, edit.start, edit.oldEnd, edit.newEnd));
  // A field left at its entries' column is a finding of the full parse (indent-errors.ts).
  if (leavesDedentedField(next.items, from, placed.length, path.length > 0, lines)) return undefined;
  const tree = child;
  const file: ParsedFile = {
    path: old.path,
    text,
    version,
    lines,
    syntax: [],
    value: () => plainValue(tree),
    contents: tree,
    root: tree,
    kind: kindOf(tree),
  };
  fastTrees.add(file);
  madeBy.set(file, { before: new WeakRef(old), edit });
  return file;
}

/** A block mapping with `items[from..to]` replaced by `placed` and the items after them moved by `delta`. */
function spliced(items: readonly Pair<Node, Node>[], from: number, to: number, placed: Pair<Node, Node>[], delta: number): Map_ {
  const out = new Array<Pair<Node, Node>>(items.length - (to - from + 1) + placed.length);
  let k = 0;
  for (let i = 0; i < from; i++) out[k++] = items[i];
  for (const p of placed) out[k++] = p;
  for (let i = to + 1; i < items.length; i++) out[k++] = shifted(items[i], delta);
  return mapNode(out, keyStart(out[0]), valueEnd(out[out.length - 1]));
}

/** Mappings at least this large keep a count of their keys, carried from one version to the next. */
const COUNTED = 64;
const keyCounts = new WeakMap<object, Map<string, number>>();

const keyOf = (p: Pair<Node, Node>): string => scalarString((p.key as { value: unknown }).value);

/**
 * Whether the keys of `next` (the old mapping with `old.items[from..to]`
 * replaced by `placed`) are still all different; if so, a large mapping's
 * count of keys passes to `next` (a duplicate is left to the full parse,
 * which reports it).
 */
function takeKeyCounts(old: Map_, next: Map_, from: number, to: number, placed: Pair<Node, Node>[]): boolean {
  if (next.items.length < COUNTED) {
    const seen = new Set<string>();
    for (const p of next.items) {
      const k = keyOf(p);
      if (seen.has(k)) return false;
      seen.add(k);
    }
    return true;
  }
  let counts = keyCounts.get(old);
  if (!counts) {
    counts = new Map();
    for (const p of old.items) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
  }
  const change = new Map<string, number>();
  for (let i = from; i <= to; i++) change.set(keyOf(old.items[i]), (change.get(keyOf(old.items[i])) ?? 0) - 1);
  for (const p of placed) change.set(keyOf(p), (change.get(keyOf(p)) ?? 0) + 1);
  for (const [k, d] of change) if ((counts.get(k) ?? 0) + d > 1) return false;
  for (const [k, d] of change) {
    const n = (counts.get(k) ?? 0) + d;
    if (n > 0) counts.set(k, n);
    else counts.delete(k);
  }
  keyCounts.delete(old);
  keyCounts.set(next, counts);
  return true;
}
