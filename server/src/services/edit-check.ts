import type { TextEdit } from 'vscode-languageserver-types';
import { parseFile, type ParsedFile } from '../core/yaml/parse';

/*
 * Checks that an edit a fix makes changes the file's data exactly as meant:
 * the edited text is read again and compared with the data before it.
 */

/**
 * What a fix may remove: blanks, and an empty value it replaces (`{}`, `[]`,
 * `~`, `null`, empty quotes, a block scalar's header). Anything else would be
 * data, even where YAML cannot read it (a mangled entry reads as nothing, so
 * comparing the data alone would not see it go).
 */
const REMOVABLE = /^\s*(\{\s*\}|\[\s*\]|~|null|''|""|[|>][-+0-9]*)?\s*$/;

/** The text after applying LSP edits; undefined when they overlap (no editor applies those) or remove what `mayRemove` refuses. */
function applyEdits(file: ParsedFile, edits: TextEdit[], mayRemove: (text: string) => boolean): string | undefined {
  const spans = edits
    .map((e) => ({ start: file.lines.offsetAt(e.range.start), end: file.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || !mayRemove(file.text.slice(s.start, s.end))) return undefined;
    out += file.text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + file.text.slice(at);
}

/**
 * Whether `edits` change the file's data exactly as intended and nothing
 * else: it may remove only blanks and the empty value it fills (REMOVABLE;
 * a fix that replaces one value says which text in `mayRemove`), the new text must read with no more errors than before, and `undo`
 * (which removes the intended change from the new data in place, and answers
 * false when it is not there) must give back the old data. A fix that fails
 * this is not offered: a missing fix is better than one that loses data.
 */
export function changesOnly(
  file: ParsedFile,
  edits: TextEdit[],
  undo: (data: Record<string, unknown>) => boolean,
  mayRemove: (text: string) => boolean = (t) => REMOVABLE.test(t),
): boolean {
  const before = file.value();
  if (!isRecord(before)) return false;
  const text = applyEdits(file, edits, mayRemove);
  if (text === undefined) return false;
  const next = parseFile(file.path, text);
  const errors = (f: ParsedFile) => f.syntax.filter((d) => d.severity === 'error').length;
  if (errors(next) > errors(file)) return false;
  const after = next.value();
  return isRecord(after) && undo(after) && sameData(before, after);
}

/** Undo for inserted keys of the mapping under `key` (absent or empty before: removed or emptied again). */
export function withoutKeys(
  before: unknown,
  key: string,
  added: string[],
  check: (value: unknown) => boolean = () => true,
): (data: Record<string, unknown>) => boolean {
  const old = isRecord(before) ? before[key] : undefined;
  return (data) => {
    const map = data[key];
    if (!isRecord(map)) return false;
    for (const k of added) {
      if (!Object.prototype.hasOwnProperty.call(map, k) || !check(map[k])) return false;
      delete map[k];
    }
    if (old === undefined || old === null) {
      if (Object.keys(map).length) return false;
      if (old === undefined) delete data[key];
      else data[key] = null;
    }
    return true;
  };
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return isRecord(v) || Array.isArray(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Structural equality of plain YAML data (objects, arrays, scalars, dates). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
}

/**
 * Undo for a value the fix sets at `path`: it must be `intended`, and is put
 * back to what it was (or removed, or the mapping that held it set back to
 * empty `null` when the fix created it).
 */
export function withValue(before: unknown, path: (string | number)[], intended: unknown): (data: Record<string, unknown>) => boolean {
  return (data) => {
    // Numbers step into lists (an entry of an evidence list).
    let holder: Container = data;
    let old: unknown = before;
    const parents: [Container, string | number][] = [];
    for (const k of path.slice(0, -1)) {
      const next: unknown = (holder as Record<string | number, unknown>)[k];
      if (!isContainer(next)) return false;
      parents.push([holder, k]);
      holder = next;
      old = isContainer(old) ? (old as Record<string | number, unknown>)[k] : undefined;
    }
    const last = path[path.length - 1];
    const at = holder as Record<string | number, unknown>;
    if (!sameData(at[last], intended)) return false;
    if (isContainer(old) && Object.prototype.hasOwnProperty.call(old, last)) at[last] = (old as Record<string | number, unknown>)[last];
    else delete at[last];
    if (old === null && Object.keys(holder).length === 0) {
      const [grand, k] = parents[parents.length - 1];
      (grand as Record<string | number, unknown>)[k] = null;
    }
    return true;
  };
}
