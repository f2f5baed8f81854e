import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedFile } from '../core/yaml/parse';
import { entry, type Entry } from '../core/yaml/nav';
import { changesOnly, withoutKeys } from './edit-check';

/** The line break a file uses (CRLF files get CRLF). */
export function eol(file: ParsedFile): string {
  return /\r\n/.test(file.text) ? '\r\n' : '\n';
}

/** The indentation unit of a file (spaces per level), from its first indented key. */
export function indentUnit(file: ParsedFile): number {
  const m = /\n( +)\S/.exec(file.text);
  return m ? m[1].length : 2;
}

/** The column of a node's first character. */
export function columnOf(file: ParsedFile, node: Node): number {
  return file.lines.positionAt(node.range?.[0] ?? 0).character;
}

/**
 * The offset just after the last line of a block mapping's content (before
 * trailing blank lines and comments that belong to what follows), where new
 * entries of the same mapping are inserted.
 */
export function endOfBlock(file: ParsedFile, map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  const lastNode = (last?.value as Node | null) ?? (last?.key as Node | null);
  return lineEnd(file, lastNode?.range?.[1] ?? map.range?.[1] ?? file.text.length);
}

/** Whether a node is a block (not flow) mapping we can append lines to. */
export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !(node as YAMLMap & { flow?: boolean }).flow;
}

/** Whether a plain scalar would be read back as something else, or end early. */
export function needsQuotes(s: string, flow = false): boolean {
  return /^[\s#&*!|>'"%@`?:-]|: | #|:$|\s$|^(true|false|null|~|yes|no)$/i.test(s) || /^[\d.]+$/.test(s) || (flow && /[,[\]{}]/.test(s));
}

/** A scalar as YAML text: plain where that reads back the same, double-quoted otherwise. */
export function yamlScalar(s: string, flow = false): string {
  return needsQuotes(s, flow) ? JSON.stringify(s) : s;
}

/**
 * A new mapping entry: a value, or a small mapping of values, each as YAML
 * text that reads the same in block and flow style; the comment is written
 * where the layout allows one (block lines, flow entries on lines of their own).
 */
export interface NewEntry {
  key: string;
  value: string | [string, string][];
  comment?: string;
}

/** Where entries go: after an existing entry, or before the first one. */
export interface Placement {
  after?: Entry;
  entries: NewEntry[];
}

/** Longest line an inline flow insertion may make; past it each new entry gets its own line. */
const INLINE_WIDTH = 120;

/**
 * Edits that add entries to the mapping under `key`, in any style it is
 * written in: block lines after their predecessors; inside the braces of a
 * flow mapping (inline when short, else one entry per line) with the commas
 * it needs; below the key when the value is empty (`key:`, `key: {}`,
 * `key: ~`), keeping an anchor, tag or comment on the key's line. Only
 * inserts, except the empty value itself. Undefined when the value is
 * anything else (an alias, a scalar, a list): adding to those would change
 * what they mean.
 */
export function insertEntries(file: ParsedFile, key: Entry, placements: Placement[]): TextEdit[] | undefined {
  const value = key.value;
  const all = placements.flatMap((p) => p.entries);
  if (!all.length) return undefined;
  const ownerCol = columnOf(file, key.keyNode);
  const unit = indentUnit(file);
  if (value === null || isEmptyScalar(file, value) || (isMap(value) && value.items.length === 0)) {
    return offsetEdits(file, belowKey(file, key, value, all, ownerCol + unit));
  }
  return isMap(value) ? intoMapping(file, value, placements, ownerCol + unit) : undefined;
}

/**
 * Edits that add entries to a non-empty mapping that is no key's value (an
 * item of a list, such as an evidence entry), in the style it is written in.
 */
export function insertIntoMapping(file: ParsedFile, map: YAMLMap, placements: Placement[]): TextEdit[] | undefined {
  return map.items.length ? intoMapping(file, map, placements, columnOf(file, map) + indentUnit(file)) : undefined;
}

function intoMapping(file: ParsedFile, map: YAMLMap, placements: Placement[], flowIndent: number): TextEdit[] | undefined {
  const unit = indentUnit(file);
  const edits: OffsetEdit[] = [];
  for (const p of placements) {
    if (!p.entries.length) continue;
    const made = isBlockMap(map) ? blockPlacement(file, map, p, unit) : flowPlacement(file, map, p, flowIndent);
    if (!made) return undefined;
    edits.push(...made);
  }
  return offsetEdits(file, edits);
}

/**
 * Edits that add entries to the top-level mapping `key` (made at the end of
 * the file when the key is absent), checked by changesOnly: undefined when
 * they cannot be added without changing other data.
 */
export function addEntries(file: ParsedFile, key: string, placements: Placement[]): TextEdit[] | undefined {
  const owner = entry(file.root, key);
  const edits = owner
    ? insertEntries(file, owner, placements)
    : appendKey(
        file,
        key,
        placements.flatMap((p) => p.entries),
      );
  const added = placements.flatMap((p) => p.entries.map((e) => e.key));
  return edits && changesOnly(file, edits, withoutKeys(file.value(), key, added)) ? edits : undefined;
}

/** Edits that add `key:` with `entries` below it at the end of the file (a top-level key the file lacks). */
function appendKey(file: ParsedFile, key: string, entries: NewEntry[]): TextEdit[] {
  const nl = eol(file);
  const unit = indentUnit(file);
  const lead = file.text === '' || file.text.endsWith('\n') ? '' : nl;
  const at = file.text.length;
  const block = entries.map((e) => blockLines(e, unit, unit, nl)).join(nl);
  return offsetEdits(file, [{ start: at, end: at, text: `${lead}${key}:${nl}${block}${nl}` }]);
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function isEmptyScalar(file: ParsedFile, node: Node): boolean {
  if (!isScalar(node) || node.value !== null || !node.range) return false;
  return /^(~|null|Null|NULL)?$/.test(file.text.slice(node.range[0], node.range[1]));
}

/** The offset at the end of the line that holds `offset - 1` (the last character of a node ending at `offset`). */
export function lineEnd(file: ParsedFile, offset: number): number {
  const pos = file.lines.positionAt(Math.max(0, offset - 1));
  return file.lines.offsetAt({ line: pos.line, character: file.lines.lineText(pos.line).length });
}

function blockLines(e: NewEntry, col: number, unit: number, nl: string): string {
  const pad = ' '.repeat(col);
  const comment = e.comment ? `  # ${e.comment}` : '';
  if (typeof e.value === 'string') return `${pad}${e.key}: ${e.value}${comment}`;
  return [`${pad}${e.key}:${comment}`, ...e.value.map(([k, v]) => `${pad}${' '.repeat(unit)}${k}: ${v}`)].join(nl);
}

function flowText(e: NewEntry): string {
  if (typeof e.value === 'string') return `${e.key}: ${e.value}`;
  return `${e.key}: { ${e.value.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/** Replaces an empty value with block lines below the key; what else is on the key's line stays. */
function belowKey(file: ParsedFile, key: Entry, value: Node | null, entries: NewEntry[], col: number): OffsetEdit[] {
  const nl = eol(file);
  const unit = indentUnit(file);
  const block = entries.map((e) => blockLines(e, col, unit, nl)).join(nl);
  const edits: OffsetEdit[] = [];
  let lastOffset = key.keyNode.range?.[1] ?? 0;
  if (value?.range && value.range[1] > value.range[0]) {
    // Drop `{}` or `~` and the blanks before it; an anchor or tag before them stays.
    let start = value.range[0];
    while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t')) start--;
    edits.push({ start, end: value.range[1], text: '' });
    lastOffset = value.range[1];
  }
  const at = lineEnd(file, lastOffset);
  edits.push({ start: at, end: at, text: nl + block });
  return edits;
}

function blockPlacement(file: ParsedFile, map: YAMLMap, p: Placement, unit: number): OffsetEdit[] | undefined {
  const nl = eol(file);
  const first = map.items[0].key as Node;
  const col = columnOf(file, first);
  const text = p.entries.map((e) => blockLines(e, col, unit, nl)).join(nl);
  if (p.after) {
    const endNode = p.after.value?.range && p.after.value.range[1] > p.after.value.range[0] ? p.after.value : p.after.keyNode;
    const at = lineEnd(file, endNode.range?.[1] ?? 0);
    return [{ start: at, end: at, text: nl + text }];
  }
  const pos = file.lines.positionAt(first.range?.[0] ?? 0);
  if (file.lines.lineText(pos.line).slice(0, pos.character).trim()) return undefined;
  const at = file.lines.offsetAt({ line: pos.line, character: 0 });
  return [{ start: at, end: at, text: text + nl }];
}

/**
 * Entries inside a flow mapping. After an entry that ends its line (after its
 * comma and comment, if any) each new entry gets a line of its own; after one
 * followed by more on the same line, the new entries go right after it, inline
 * when short. The separator that followed the predecessor then follows the
 * last new entry, so no existing comma, comment or brace moves.
 */
function flowPlacement(file: ParsedFile, map: YAMLMap, p: Placement, minIndent: number): OffsetEdit[] | undefined {
  const nl = eol(file);
  const t = file.text;
  const texts = p.entries.map(flowText);
  const indentAt = (node: Node): number => {
    const pos = file.lines.positionAt(node.range?.[0] ?? 0);
    return file.lines.lineText(pos.line).slice(0, pos.character).trim() ? minIndent : pos.character;
  };
  const fitsInline = (at: number, extra: number): boolean => {
    const pos = file.lines.positionAt(at);
    const mapStart = file.lines.positionAt(map.range?.[0] ?? at);
    const mapEnd = file.lines.positionAt(map.range?.[1] ?? at);
    return mapStart.line === mapEnd.line && file.lines.lineText(pos.line).length + extra <= INLINE_WIDTH;
  };
  if (!p.after) {
    const first = map.items[0].key as Node | null;
    if (!first?.range) return undefined;
    const at = first.range[0];
    const pos = file.lines.positionAt(at);
    if (!file.lines.lineText(pos.line).slice(0, pos.character).trim()) {
      const pad = ' '.repeat(pos.character);
      const lineStart = at - pos.character;
      return [{ start: lineStart, end: lineStart, text: texts.map((s) => `${pad}${s},${nl}`).join('') }];
    }
    const inline = texts.map((s) => `${s}, `).join('');
    if (fitsInline(at, inline.length)) return [{ start: at, end: at, text: inline }];
    const pad = ' '.repeat(minIndent);
    return [{ start: at, end: at, text: texts.map((s) => `${s},${nl}${pad}`).join('') }];
  }
  const v = p.after.value;
  let end = v?.range && v.range[1] > v.range[0] ? v.range[1] : (p.after.keyNode.range?.[1] ?? 0);
  if (end === p.after.keyNode.range?.[1]) {
    // A key without a value (`{a, b}` or `{a: , b}`): the entry ends after its colon.
    let i = end;
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (t[i] === ':') end = i + 1;
  }
  let i = end;
  while (t[i] === ' ' || t[i] === '\t') i++;
  const comma = t[i] === ',';
  if (comma) i++;
  while (t[i] === ' ' || t[i] === '\t') i++;
  if (t[i] === '#' && /\s/.test(t[i - 1])) while (i < t.length && t[i] !== '\n' && t[i] !== '\r') i++;
  const pad = ' '.repeat(indentAt(p.after.keyNode));
  if (i >= t.length || t[i] === '\n' || t[i] === '\r') {
    // The entry ends its line: new lines below it, each with its comment.
    const lines = p.entries.map((e, k) => {
      const sep = comma || k < p.entries.length - 1 ? ',' : '';
      return `${nl}${pad}${texts[k]}${sep}${e.comment ? `  # ${e.comment}` : ''}`;
    });
    const edits: OffsetEdit[] = [];
    if (!comma) edits.push({ start: end, end, text: ',' });
    edits.push({ start: i, end: i, text: lines.join('') });
    return edits;
  }
  const inline = texts.map((s) => `, ${s}`).join('');
  if (fitsInline(end, inline.length)) return [{ start: end, end, text: inline }];
  return [{ start: end, end, text: texts.map((s) => `,${nl}${' '.repeat(minIndent)}${s}`).join('') }];
}

/** Offset edits as LSP edits, those at one offset merged in order (editors may apply same-position inserts in any order). */
function offsetEdits(file: ParsedFile, edits: OffsetEdit[]): TextEdit[] {
  const sorted = edits.map((e, k) => ({ ...e, k })).sort((a, b) => a.start - b.start || a.end - b.end || a.k - b.k);
  const merged: OffsetEdit[] = [];
  for (const e of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && e.start === prev.end && e.start === e.end) prev.text += e.text;
    else merged.push({ start: e.start, end: e.end, text: e.text });
  }
  return merged.map((e) => ({ range: file.lines.range(e.start, e.end), newText: e.text }));
}
