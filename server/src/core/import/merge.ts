import { Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { findControl } from '../catalog/iso';
import { parseFile, type ParsedFile } from '../yaml/parse';
import { evidenceEntries } from '../rules/evidence-entries';
import { entries, entry as entryOf, text as textOf, type Entry as YamlEntry } from '../yaml/nav';
import { FIELD_ORDER, type Entry, type Fields, type Plan } from './build';
import { commentLine, entryText, ordered } from './render';

/** A replacement of `[start, end)` in the existing text. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export interface MergeResult {
  text: string;
  edits: Edit[];
  /** What changed, one line per entry: "A.2.2: status planned → implemented", "A.2.4: added". */
  changes: string[];
}

/** Fields short enough to show old and new value in the list of changes. */
const SHORT = new Set<keyof Fields>(['applicable', 'status', 'owner']);

/** A scalar as YAML text for a block mapping (one line: line breaks are written as \n in double quotes). */
function blockScalar(v: string | boolean): string {
  if (typeof v === 'string' && /[\n\r]/.test(v)) return JSON.stringify(v);
  return new Document(v).toString({ lineWidth: 0 }).trimEnd();
}

/** A scalar as YAML text inside `{ … }` or `[ … ]`, where commas and brackets need quotes. */
function flowScalar(v: string | boolean): string {
  const s = blockScalar(v);
  return typeof v === 'string' && /[,[\]{}]/.test(s) && !/^["']/.test(s) ? JSON.stringify(v) : s;
}

function flowList(list: string[]): string {
  return `[${list.map(flowScalar).join(', ')}]`;
}

function same(node: Node | null | undefined, v: string | boolean | string[]): boolean {
  if (Array.isArray(v)) {
    // Evidence, the one list field: entries compare by their path, in either form.
    const have = evidenceEntries(node).map((e) => e.path);
    return have.length === v.length && have.every((h, i) => h === v[i]);
  }
  return textOf(node) === String(v);
}

/**
 * The entries of an imported evidence list as YAML text: a path the file
 * already has as `{path, reviewedOn, expires}` keeps that entry's text as
 * written (a table has no review dates to give), the others as scalars.
 */
function evidenceItems(text: string, node: Node | null | undefined, list: string[], scalar: (s: string) => string): string[] {
  const dated = new Map<string, Node>();
  for (const e of evidenceEntries(node)) if (e.form === 'object' && e.path !== undefined && !dated.has(e.path)) dated.set(e.path, e.node);
  return list.map((x) => {
    const n = dated.get(x);
    return n?.range ? text.slice(n.range[0], n.range[1]) : scalar(x);
  });
}

/** Offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line that holds `offset` (or the end of the text). */
function nextLine(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Where the lines of a map entry end: after its value's last line. */
function entryEnd(text: string, e: YamlEntry): number {
  const node = e.value ?? e.keyNode;
  const end = node.range?.[1] ?? e.keyNode.range![1];
  return nextLine(text, Math.max(0, end - 1));
}

/** The start of an entry including the comment lines right above it, which belong to it. */
function entryStart(text: string, e: YamlEntry): number {
  let start = lineStart(text, e.keyNode.range![0]);
  for (;;) {
    if (start === 0) return start;
    const prev = lineStart(text, start - 1);
    if (!/^\s*#/.test(text.slice(prev, start))) return start;
    start = prev;
  }
}

class Merger {
  readonly edits: Edit[] = [];
  readonly changes: string[] = [];
  readonly eol: string;
  readonly unit: number;

  constructor(private readonly file: ParsedFile) {
    this.eol = /\r\n/.test(file.text) ? '\r\n' : '\n';
    this.unit = Number(/\n( +)\S/.exec(file.text)?.[1].length ?? 2);
  }

  get text(): string {
    return this.file.text;
  }

  insert(at: number, newText: string): void {
    const last = this.edits.find((e) => e.start === at && e.end === at);
    if (last) last.newText += newText;
    else this.edits.push({ start: at, end: at, newText });
  }

  /** Updates an existing entry's fields the table gives, keeping every other key, comment and byte. */
  update(existing: YamlEntry, imported: Entry): void {
    const parts: string[] = [];
    const fields = imported.fields;
    const value = existing.value;
    if (isMap(value) && (value as YAMLMap & { flow?: boolean }).flow) return this.updateFlow(existing, value, imported);
    if (value !== null && !isMap(value))
      throw new MergeError(`${existing.key} in the existing SoA is not a mapping; fix it first, then import again.`);
    const map = value;
    const childIndent = map?.items.length
      ? columnOf(this.text, (map.items[0].key as Node).range![0])
      : columnOf(this.text, existing.keyNode.range![0]) + this.unit;
    const added: string[] = [];
    for (const f of FIELD_ORDER) {
      const v = fields[f];
      if (v === undefined) continue;
      const have = map ? entryOf(map, f) : undefined;
      if (have && (f === 'source' || same(have.value, v))) continue;
      if (have?.value) {
        this.edits.push({ start: have.value.range![0], end: have.value.range![1], newText: this.valueText(existing.key, have.value, v) });
      } else if (have) {
        this.edits.push({
          start: have.keyNode.range![1],
          end: have.keyNode.range![1] + (this.text[have.keyNode.range![1]] === ':' ? 1 : 0),
          newText: `: ${Array.isArray(v) ? flowList(v) : blockScalar(v)}`,
        });
      } else added.push(`${' '.repeat(childIndent)}${f}: ${Array.isArray(v) ? flowList(v) : blockScalar(v)}${this.eol}`);
      parts.push(describe(f, have?.value, v));
    }
    if (added.length) {
      const at = map?.items.length ? entryEnd(this.text, existing) : nextLine(this.text, existing.keyNode.range![1]);
      this.insert(at, added.join(''));
    }
    this.comments(existing, imported);
    if (parts.length) this.changes.push(`${existing.key}: ${parts.join('; ')}`);
  }

  /** A `{ … }` entry: rewritten as a whole, unchanged values copied byte for byte. */
  private updateFlow(existing: YamlEntry, map: YAMLMap, imported: Entry): void {
    const [start, end] = map.range!;
    const src = this.text.slice(start, end);
    if (/[\r\n]/.test(src))
      throw new MergeError(
        `${existing.key} in the existing SoA is a flow mapping over several lines; write it one key per line, then import again.`,
      );
    const parts: string[] = [];
    const pairs = entries(map).map((e) => ({
      key: e.key,
      text: this.text.slice(e.value?.range?.[0] ?? e.keyNode.range![1], e.value?.range?.[1] ?? e.keyNode.range![1]),
    }));
    for (const f of FIELD_ORDER) {
      const v = imported.fields[f];
      if (v === undefined) continue;
      const have = entryOf(map, f);
      if (have && (f === 'source' || same(have.value, v))) continue;
      const t = Array.isArray(v) ? `[${evidenceItems(this.text, have?.value, v, flowScalar).join(', ')}]` : flowScalar(v);
      const pair = pairs.find((p) => p.key === f);
      if (pair) pair.text = t;
      else pairs.push({ key: f, text: t });
      parts.push(describe(f, have?.value, v));
    }
    if (!parts.length) return this.comments(existing, imported);
    this.edits.push({ start, end, newText: `{ ${pairs.map((p) => `${p.key}: ${p.text}`).join(', ')} }` });
    this.comments(existing, imported);
    this.changes.push(`${existing.key}: ${parts.join('; ')}`);
  }

  /** Comment lines the import puts below an entry (repeated rows), unless the file has them already. */
  private comments(existing: YamlEntry, imported: Entry): void {
    const indent = ' '.repeat(columnOf(this.text, existing.keyNode.range![0]));
    const lines = imported.after.map((c) => commentLine(indent, c)).filter((l) => !this.has(l));
    if (lines.length) this.insert(entryEnd(this.text, existing), lines.map((l) => l + this.eol).join(''));
  }

  has(line: string): boolean {
    return this.text.split(/\r?\n/).some((l) => l.trim() === line.trim());
  }

  private valueText(key: string, node: Node, v: string | boolean | string[]): string {
    if (!Array.isArray(v)) return blockScalar(v);
    if (isSeq(node) && !(node as YAMLSeq & { flow?: boolean }).flow) {
      const indent = ' '.repeat(columnOf(this.text, node.range![0]));
      return evidenceItems(this.text, node, v, blockScalar)
        .map((x, i) => `${i ? indent : ''}- ${x}`)
        .join(this.eol);
    }
    if (isMap(node) && !(node as YAMLMap & { flow?: boolean }).flow)
      throw new MergeError(
        `${key}'s evidence is one {path, …} mapping over several lines; write it as a list item (- path: …), then import again.`,
      );
    return `[${evidenceItems(this.text, node, v, flowScalar).join(', ')}]`;
  }

  /** Adds entries missing from a section: Annex A controls where the standard's order puts them, others at the end. */
  section(name: 'controls' | 'additionalControls', imported: Entry[]): void {
    const pair = entryOf(this.file.root, name);
    const list = name === 'controls' ? ordered(imported) : imported;
    if (!list.length && !pair) return;
    const indent = ' '.repeat(this.unit);
    if (!pair) {
      const at = this.text.length;
      const lead = this.text === '' || this.text.endsWith('\n') ? '' : this.eol;
      this.insert(at, `${lead}${name}:${this.eol}${list.map((e) => this.entryBlock(e, indent)).join('')}`);
      for (const e of list) this.changes.push(`${e.key}: added`);
      return;
    }
    const map = pair.value;
    if (map !== null && !isMap(map)) throw new MergeError(`${name} in the existing SoA is not a mapping; fix it first, then import again.`);
    if (map && (map as YAMLMap & { flow?: boolean }).flow) {
      if (map.items.length)
        throw new MergeError(`${name} in the existing SoA is written in flow style ({ … }); write one entry per line, then import again.`);
      const missing = list.filter((e) => !this.has(`${e.key}:`));
      if (!missing.length) return;
      this.edits.push({
        start: pair.keyNode.range![1] + 1,
        end: map.range![1],
        newText: `${this.eol}${missing
          .map((e) => this.entryBlock(e, indent))
          .join('')
          .replace(new RegExp(`${this.eol}$`), '')}`,
      });
      for (const e of missing) this.changes.push(`${e.key}: added`);
      return;
    }
    const have = entries(map);
    const childIndent = have.length ? ' '.repeat(columnOf(this.text, have[0].keyNode.range![0])) : indent;
    const byKey = new Map(have.map((e) => [e.key, e]));
    const sectionEnd = have.length ? entryEnd(this.text, have[have.length - 1]) : nextLine(this.text, pair.keyNode.range![1]);
    for (const e of list) {
      const existing = byKey.get(e.key);
      if (existing) {
        this.update(existing, e);
        continue;
      }
      const order = findControl(e.key)?.order;
      const next = order === undefined ? undefined : have.find((h) => (findControl(h.key)?.order ?? Number.MAX_SAFE_INTEGER) > order);
      this.insert(next ? entryStart(this.text, next) : sectionEnd, this.entryBlock(e, childIndent));
      this.changes.push(`${e.key}: added`);
    }
  }

  entryBlock(e: Entry, indent: string): string {
    return entryText(e, indent, this.unit, this.eol);
  }

  /** Comment lines for rows that have no entry, at the end of `controls`, once. */
  orphans(lines: string[]): void {
    const fresh = lines.map((l) => commentLine(' '.repeat(this.unit), l)).filter((l) => !this.has(l));
    if (!fresh.length) return;
    const pair = entryOf(this.file.root, 'controls');
    const have = entries(pair?.value);
    const at = have.length ? entryEnd(this.text, have[have.length - 1]) : this.text.length;
    this.insert(at, fresh.map((l) => l + this.eol).join(''));
  }
}

/** A merge that would have to rewrite what the user wrote: reported, nothing is changed. */
export class MergeError extends Error {}

function describe(field: keyof Fields, old: Node | null | undefined, v: string | boolean | string[]): string {
  const before = textOf(old);
  if (SHORT.has(field) && !Array.isArray(v))
    return before === undefined ? `${field} added (${String(v)})` : `${field} ${before} → ${String(v)}`;
  return `${field} ${before === undefined && !isSeq(old) ? 'added' : 'changed'}`;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Merges imported entries into an existing SoA as text edits: entries the
 * table has are updated field by field (only the fields the table gives),
 * new ones are inserted where the standard's order puts them, and every
 * other key, comment and byte stays as it was.
 */
export function mergeInto(path: string, existingText: string, plan: Plan): MergeResult {
  const file = parseFile(path, existingText);
  if (!file.root || file.kind !== 'StatementOfApplicability')
    throw new MergeError(`${path.split('/').pop()} is not a readable StatementOfApplicability; fix it first, then import again.`);
  const m = new Merger(file);
  m.section(
    'controls',
    plan.entries.filter((e) => e.section === 'controls'),
  );
  m.section(
    'additionalControls',
    plan.entries.filter((e) => e.section === 'additionalControls'),
  );
  m.orphans(plan.orphans);
  return { text: applyEdits(existingText, m.edits), edits: m.edits, changes: m.changes };
}
