import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { Diagnostic } from '../types';
import { LineIndex } from './line-index';

/** A YAML error in the caller's text: where, what, and `yaml`'s code for it. */
export interface YamlProblem {
  pos: [number, number];
  message: string;
  code: string;
}

/** Reads a text again and returns its YAML errors (the caller's parser, with the caller's options). */
export type Reparse = (text: string) => readonly YamlProblem[];

/** `yaml`'s codes for errors that a line indented to another column can cause (and a list item's, below). */
const INDENT_CODES = new Set(['BAD_INDENT', 'TAB_AS_INDENT', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY']);
const isIndentError = (e: YamlProblem): boolean =>
  INDENT_CODES.has(e.code) || (e.code === 'MISSING_CHAR' && /without - indicator/.test(e.message));
/**
 * The most lines re-indented in one file, the most text re-read while trying,
 * and the largest file tried at all (one re-read of a 700 KB file takes a
 * second). Beyond them YAML's errors are explained where they stand.
 */
const MAX_FIXES = 50;
const REPARSE_BUDGET = 1_000_000;
const MAX_REPARSED_TEXT = 256 * 1024;

/** One line found wrongly indented: the indent that makes the file readable again. */
interface Fix {
  line: number;
  to: number;
  errors: readonly YamlProblem[];
  text: string;
}

/**
 * Explains YAML's indentation errors in the file's own terms: one finding at
 * the line that is wrong, saying how far to indent it. `yaml` reports a
 * misplaced line where it stops making sense of the text, often a line later
 * and then again on every later line that no longer fits ("All mapping items
 * must start at the same column" once per SoA control after one control
 * indented 1 space). So the first error is taken apart instead: each nearby
 * line is tried at each column open there, the text is read again, and the
 * try that leaves the fewest errors is the mistake. Its finding is kept, the
 * text with that line moved is the new starting point, and the errors left
 * are explained the same way; whatever cannot be explained is returned, at
 * its place in the original text, for the caller to report as it is.
 */
export function explainIndentErrors(
  errors: readonly YamlProblem[],
  lines: LineIndex,
  text: string,
  reparse: Reparse,
): { findings: Diagnostic[]; rest: YamlProblem[] } {
  const findings: Diagnostic[] = [];
  let cur = { text, lines, errors };
  /** Lines moved so far, with their indent before (as written) and after. */
  const moved = new Map<number, { before: number; after: number }>();
  let budget = text.length > MAX_REPARSED_TEXT ? 0 : REPARSE_BUDGET;
  for (let n = 0; n < MAX_FIXES && cur.errors.length; n++) {
    const first = earliest(cur.errors);
    if (!isIndentError(first)) break;
    const errorLine = cur.lines.positionAt(first.pos[0]).line;
    let best: Fix | undefined;
    for (const c of candidates(cur.lines, first, moved)) {
      if ((budget -= cur.text.length) < 0) break;
      const t = reindent(cur.text, cur.lines, c.line, c.to);
      const fix: Fix = { ...c, text: t, errors: reparse(t) };
      if (!best || better(fix, best, cur.lines, errorLine)) best = fix;
      // The error is gone with nothing new right after it, and the line's deeper lines stay its own: take it.
      if (settles(fix, cur, errorLine)) break;
    }
    if (!best || !improves(best, cur, errorLine)) break;
    const after = new LineIndex(best.text);
    findings.push(describe(lines, cur.lines, after, best, errorLine));
    moved.set(best.line, { before: indentText(lines.lineText(best.line)).length, after: best.to });
    cur = { text: best.text, lines: after, errors: best.errors };
  }
  const rest = moved.size === 0 ? [...errors] : cur.errors.map((e) => backTo(e, cur.lines, lines, moved));
  const old = explainInPlace(rest, lines);
  return { findings: [...findings, ...old.findings], rest: rest.filter((e) => !old.explained.has(e)) };
}

function earliest(errors: readonly YamlProblem[]): YamlProblem {
  let first = errors[0];
  for (const e of errors) if (e.pos[0] < first.pos[0]) first = e;
  return first;
}

/**
 * The lines that may be the one to move (the error's own, the one its error
 * runs to, and the content lines just before and after), each with the
 * columns open there: the levels of the lines above and the next line's.
 * Plausible ones first, so the search can stop at the first that reads cleanly.
 */
function candidates(lines: LineIndex, first: YamlProblem, moved: ReadonlyMap<number, unknown>): { line: number; to: number }[] {
  const own = lines.positionAt(first.pos[0]).line;
  const end = lines.positionAt(first.pos[1]).line;
  const set = [own, end, nextContent(lines, own), previousContent(lines, own, () => true)];
  const out: { line: number; to: number }[] = [];
  const seen = new Set<number>();
  for (const line of set) {
    if (line === undefined || seen.has(line) || moved.has(line)) continue;
    seen.add(line);
    const text = lines.lineText(line);
    const ws = indentText(text);
    if (ws.length === text.length || text.trimStart().startsWith('#')) continue;
    const tab = ws.includes('\t');
    const current = writtenAt(lines, line);
    const cols = new Set<number>();
    const up = previousContent(lines, line, () => true);
    if (up !== undefined) {
      let min = Infinity;
      for (let l: number | undefined = up; l !== undefined && min > 0; l = previousContent(lines, l, (i) => i < min)) {
        min = indentOf(lines.lineText(l));
        cols.add(min);
      }
    }
    const down = nextContent(lines, line);
    if (down !== undefined) cols.add(indentOf(lines.lineText(down)));
    cols.add(0);
    const sorted = [...cols].filter((c) => tab || c !== current).sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || b - a);
    for (const to of sorted) out.push({ line, to });
  }
  return out;
}

/** Whether fix `a` explains the text better than `b`: fewer errors, the first of them later, its own line, its children kept, a smaller move. */
function better(a: Fix, b: Fix, lines: LineIndex, errorLine: number): boolean {
  const key = (f: Fix): number[] => [
    f.errors.length,
    -(f.errors.length ? lines.positionAt(earliest(f.errors).pos[0]).line : Infinity),
    f.line === errorLine ? 0 : 1,
    losesChildren(lines, f) ? 1 : 0,
    Math.abs(f.to - writtenAt(lines, f.line)),
    -f.to,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
  return false;
}

/** A key that opens a block, moved to its first line's column or deeper: the lines under it would stop being its own. */
function losesChildren(lines: LineIndex, f: { line: number; to: number }): boolean {
  const text = lines.lineText(f.line);
  const key = keyOf(text);
  const next = nextContent(lines, f.line);
  if (!key || key.hasValue || next === undefined) return false;
  const child = indentOf(lines.lineText(next));
  // Under a tab nothing says where the line stood, so any column at or past its first line's loses it.
  return child <= f.to && (indentText(text).includes('\t') || child > key.indent);
}

/** Whether a move plainly explains the error: fewer errors, none left near it, and the line keeps its deeper lines. */
function settles(fix: Fix, cur: { lines: LineIndex; errors: readonly YamlProblem[] }, errorLine: number): boolean {
  if (fix.errors.length >= cur.errors.length || losesChildren(cur.lines, fix)) return false;
  return !fix.errors.length || cur.lines.positionAt(earliest(fix.errors).pos[0]).line > Math.max(fix.line, errorLine) + 1;
}

/** A move is kept only if it leaves fewer errors, or the first one further on. */
function improves(fix: Fix, cur: { lines: LineIndex; errors: readonly YamlProblem[] }, errorLine: number): boolean {
  if (fix.errors.length < cur.errors.length) return true;
  return fix.errors.length > 0 && cur.lines.positionAt(earliest(fix.errors).pos[0]).line > errorLine;
}

/** The column a line was written at; for a tab, the previous line's (a tab is most often typed to go on at the same level). */
function writtenAt(lines: LineIndex, line: number): number {
  const text = lines.lineText(line);
  if (!indentText(text).includes('\t')) return indentOf(text);
  const prev = previousContent(lines, line, () => true);
  return prev === undefined ? 0 : indentOf(lines.lineText(prev));
}

function reindent(text: string, lines: LineIndex, line: number, to: number): string {
  const start = lines.offsetAt({ line, character: 0 });
  return text.slice(0, start) + ' '.repeat(to) + text.slice(start + indentText(lines.lineText(line)).length);
}

/** An error in the text with lines moved, placed in the original text (lines keep their numbers; only indents differ). */
function backTo(
  e: YamlProblem,
  now: LineIndex,
  orig: LineIndex,
  moved: ReadonlyMap<number, { before: number; after: number }>,
): YamlProblem {
  const at = (offset: number): number => {
    const p = now.positionAt(offset);
    const m = moved.get(p.line);
    const ch = !m ? p.character : p.character < m.after ? Math.min(p.character, m.before) : p.character - m.after + m.before;
    return orig.offsetAt({ line: p.line, character: ch });
  };
  return { code: e.code, message: e.message, pos: [at(e.pos[0]), at(e.pos[1])] };
}

const sp = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

/** The finding for a move: what is wrong with the line, said from the lines around it, and how far to indent it. */
function describe(orig: LineIndex, before: LineIndex, after: LineIndex, fix: Fix, errorLine: number): Diagnostic {
  const written = orig.lineText(fix.line);
  const ws = indentText(written);
  const from = ws.length;
  const name = keyOf(written)?.key;
  const subject = name ? `'${name}'` : 'This line';
  const mentioned = new Set<number>();
  const at = (l: number): string => {
    mentioned.add(l);
    const k = keyOf(before.lineText(l))?.key;
    return k ? `'${k}' on line ${l + 1}` : `line ${l + 1}`;
  };
  let why: string;
  const prev = previousContent(before, fix.line, () => true);
  const prevKey = prev === undefined ? undefined : keyOf(before.lineText(prev));
  const levels = openLevels(before, fix.line, from);
  const next = nextContent(before, fix.line);
  if (ws.includes('\t')) {
    why = `${subject} is indented with a tab, which YAML does not allow`;
  } else if (from > fix.to && prev !== undefined && prevKey && prevKey.indent === fix.to && prevKey.hasValue) {
    why = `${subject} is indented deeper than ${at(prev)}, which already has a value, so YAML reads both lines as one key`;
  } else if (levels && levels.parentCol < from && fix.line === errorLine) {
    const parent =
      levels.parent === undefined
        ? 'the document has none'
        : `${at(levels.parent)} has ${levels.parentCol ? sp(levels.parentCol) : 'none'}`;
    why = `${subject} is indented ${sp(from)}, which matches no level above it (${at(levels.siblings)} has ${sp(indentOf(before.lineText(levels.siblings)))}, ${parent}), so YAML cannot tell which mapping it belongs to`;
  } else if (next !== undefined && indentOf(before.lineText(next)) === fix.to) {
    why = `${subject} is indented ${sp(from)} and the key after it (${at(next)}) ${sp(indentOf(before.lineText(next)))}, so YAML cannot read them as one mapping`;
  } else {
    why = `${subject} is indented ${sp(from)}, which does not fit the lines around it`;
  }
  const ref = sibling(after, fix.line, fix.to);
  const like = ref === undefined ? '' : `, like ${mentioned.has(ref) ? `'${keyOf(after.lineText(ref))?.key ?? ''}'` : at(ref)}`;
  const how = fix.to === 0 ? `Move it to the start of the line${like}` : `Indent it ${sp(fix.to)}${like}`;
  const start = ws.length;
  return {
    range: { start: { line: fix.line, character: start }, end: { line: fix.line, character: written.trimEnd().length } },
    severity: 'error',
    code: 'yaml-syntax',
    message: `${why}. ${how}.`,
    data: { indent: fix.to },
  };
}

/** How far on each side of a suspect key the entries are searched for a field of its name. */
const NEIGHBOURS = 4;

/**
 * The last field of an entry written at the entries' column (`evidence:` of
 * SoA control A.2.2 at 2 spaces, like the controls) is valid YAML that means
 * something else: an entry named `evidence` with no fields, which the rules
 * then call an unknown control without a justification, while A.2.2 lacks
 * its evidence. Said once, at that line, as the indentation mistake it is,
 * when the key is a field of the entries around it and not of the one above.
 * Only below the top level (the document's own keys are no entries).
 */
export function dedentedFields(contents: unknown, lines: LineIndex, said: readonly Diagnostic[] = [], depth = 0): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A line YAML already found wrongly indented is explained once, by that finding.
  const explained = new Set(said.filter((d) => d.code === 'yaml-syntax').map((d) => d.range.start.line));
  const stack: { node: unknown; name: string; depth: number }[] = [{ node: contents, name: '', depth }];
  while (stack.length) {
    const { node, name, depth } = stack.pop()!;
    if (depth > 64) continue;
    if (isMap(node)) {
      // Never spread a list that grows with the file into a call (a stack overflow on a million keys).
      if (depth > 0 && !node.flow) for (const d of dedentedIn(node.items, name, lines)) if (!explained.has(d.range.start.line)) out.push(d);
      for (const p of node.items) stack.push({ node: p.value, name: isScalar(p.key) ? String(p.key.value) : '', depth: depth + 1 });
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, name, depth: depth + 1 });
    }
  }
  return out;
}

/**
 * Whether entries re-read in place after an edit (`reparse.ts`: `count`
 * entries from `from` of a mapping, `nested` when it is no top-level one)
 * leave a field at its entries' column, which a full parse reports: the
 * caller then parses in full. Only the entries whose neighbours changed are
 * judged; the old tree had no such field, or it would not be re-read in place.
 */
export function leavesDedentedField(items: readonly Pair[], from: number, count: number, nested: boolean, lines: LineIndex): boolean {
  const reach = 2 * NEIGHBOURS + 1;
  if (nested && dedentedIn(items.slice(Math.max(0, from - reach), Math.min(items.length, from + count + reach)), '', lines).length)
    return true;
  for (let i = from; i < from + count; i++) if (dedentedFields(items[i].value, lines, [], 1).length) return true;
  return false;
}

function dedentedIn(items: readonly Pair[], name: string, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fields = (p: Pair | undefined): Pair[] | undefined => (p && isMap(p.value) && !p.value.flow ? p.value.items : undefined);
  const keyText = (p: Pair): string | undefined => (isScalar(p.key) ? String(p.key.value) : undefined);
  for (let i = 1; i < items.length; i++) {
    const it = items[i];
    const above = fields(items[i - 1]);
    const key = keyText(it);
    if (fields(it) || !above?.length || key === undefined || above.some((f) => keyText(f) === key)) continue;
    let elsewhere = false;
    for (let j = Math.max(0, i - 1 - NEIGHBOURS); j <= Math.min(items.length - 1, i + NEIGHBOURS) && !elsewhere; j++)
      if (j !== i && j !== i - 1) elsewhere = !!fields(items[j])?.some((f) => keyText(f) === key);
    const last = above[above.length - 1].key as { range?: [number, number, number] } | null;
    const own = (it.key as { range?: [number, number, number] } | null)?.range;
    if (!elsewhere || !last?.range || !own) continue;
    const at = lines.positionAt(own[0]);
    const field = lines.positionAt(last.range[0]);
    if (field.character <= at.character) continue;
    const entry = keyText(items[i - 1]) ?? '';
    const ref = keyText(above[above.length - 1]) ?? '';
    out.push({
      range: { start: at, end: { line: at.line, character: lines.lineText(at.line).trimEnd().length } },
      severity: 'error',
      code: 'yaml-syntax',
      message: `'${key}' is indented ${sp(at.character)}, like the entries of '${name}' around it, so YAML reads it as an entry of its own, not as a field of '${entry}'. Indent it ${sp(field.character)}, like '${ref}' on line ${field.line + 1}.`,
      data: { indent: field.character },
    });
  }
  return out;
}

/** The nearest line in the same mapping at column `col` (above, else below): the one to line up with. */
function sibling(lines: LineIndex, line: number, col: number): number | undefined {
  for (const step of [-1, 1]) {
    for (let l = line + step; l >= 0 && l < lines.lineCount; l += step) {
      const t = lines.lineText(l);
      if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
      const i = indentOf(t);
      if (i < col) break;
      if (i === col && keyOf(t)) return l;
    }
  }
  return undefined;
}

/**
 * YAML's indentation errors explained one by one where they stand, for the
 * errors that moving a line could not explain: an over-indented key
 * ("Nested mappings are not allowed in compact mappings", "Implicit keys need
 * to be on a single line") and a key between two columns ("All mapping items
 * must start at the same column").
 */
function explainInPlace(errors: readonly YamlProblem[], lines: LineIndex): { findings: Diagnostic[]; explained: Set<YamlProblem> } {
  const findings: Diagnostic[] = [];
  const explained = new Set<YamlProblem>();
  /** Lines already explained as misaligned: YAML's further errors about them are consequences. */
  const misaligned = new Set<number>();
  for (const err of errors) {
    if (!(err.code === 'BAD_INDENT' || (err.code === 'MISSING_CHAR' && /without - indicator/.test(err.message)))) continue;
    const line = lines.positionAt(err.pos[0]).line;
    const own = keyOf(lines.lineText(line));
    const levels = own && openLevels(lines, line, own.indent);
    if (!own || !levels) continue;
    explained.add(err);
    misaligned.add(line);
    findings.push({
      range: keyRange(lines, line, own),
      severity: 'error',
      code: 'yaml-syntax',
      message: `This line is indented ${sp(own.indent)}, but the keys above it (line ${levels.siblings + 1}) are indented ${indentOf(lines.lineText(levels.siblings))} and their parent ${levels.parentCol}. Line it up with one of them; YAML cannot tell which mapping '${own.key}' belongs to.`,
    });
  }
  for (const err of errors) {
    if (err.code !== 'MULTILINE_IMPLICIT_KEY') continue;
    const valueLine = lines.positionAt(err.pos[0]).line;
    const deepLine = lines.positionAt(err.pos[1]).line;
    const above = keyOf(lines.lineText(valueLine));
    const deep = keyOf(lines.lineText(deepLine));
    if (deepLine <= valueLine || !above || !deep) continue;
    explained.add(err);
    // Its companion at the same place says the same thing in other words.
    for (const e of errors) if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && e.pos[0] === err.pos[0]) explained.add(e);
    if (misaligned.has(valueLine)) continue;
    findings.push({
      range: keyRange(lines, deepLine, deep),
      severity: 'error',
      code: 'yaml-syntax',
      message: `This line is indented deeper than '${above.key}' on line ${valueLine + 1}, which already has a value, so YAML reads both lines as one key. Indent '${deep.key}' like '${above.key}' (${sp(above.indent)}), or put it under a key that has no value of its own.`,
    });
  }
  return { findings, explained };
}

/** The key a line starts with (after its indent and an optional `- `), its indent, and whether a value follows on the line. */
function keyOf(line: string): { key: string; indent: number; start: number; hasValue: boolean } | undefined {
  const m = /^([ \t]*)(- +)?([^\s#'"{[\]}&*!|>%@`:-][^:#]*?|"[^"]*"|'[^']*'):(?: +([^\s#].*)?|$)/.exec(line);
  if (!m) return undefined;
  return { key: m[3].replace(/^["']|["']$/g, ''), indent: m[1].length, start: m[1].length + (m[2]?.length ?? 0), hasValue: !!m[4] };
}

function keyRange(lines: LineIndex, line: number, key: { start: number }): Diagnostic['range'] {
  const text = lines.lineText(line);
  return { start: { line, character: key.start }, end: { line, character: text.trimEnd().length } };
}

function indentText(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The block levels open at `line` around an indent that matches none of them:
 * the nearest line of the innermost level deeper than `indent` (the keys the
 * line was probably meant to join) and the line and column of the level outside it.
 */
function openLevels(lines: LineIndex, line: number, indent: number): { siblings: number; parent?: number; parentCol: number } | undefined {
  let min = Infinity;
  let siblings: number | undefined;
  for (let l = line - 1; l >= 0; l--) {
    const text = lines.lineText(l);
    const t = text.trimStart();
    if (t === '' || t.startsWith('#')) continue;
    const ind = text.length - t.length;
    if (ind >= min) continue;
    min = ind;
    if (ind > indent) siblings = l;
    else return siblings === undefined ? undefined : { siblings, parent: l, parentCol: ind };
  }
  return siblings === undefined ? undefined : { siblings, parentCol: 0 };
}

/**
 * The first line from which a file with YAML errors cannot be trusted: the
 * line of the block that holds the first error (its nearest line above with
 * less indent than the line has, or should have where a finding says so), or
 * the error's own line at the top level; for a line written too deep, the
 * line above it too. Past it, a key may sit in
 * another mapping than the user meant, so findings there would be a cascade;
 * findings above it are kept.
 */
export function unreliableFrom(syntax: readonly Diagnostic[], lines: LineIndex): number | undefined {
  let first: Diagnostic | undefined;
  for (const d of syntax)
    if (d.code === 'yaml-syntax' && d.severity === 'error' && (first === undefined || d.range.start.line < first.range.start.line))
      first = d;
  if (first === undefined) return undefined;
  const line = first.range.start.line;
  const ws = indentText(lines.lineText(line));
  const meant = (first.data as { indent?: unknown } | undefined)?.indent;
  // A tab says nothing about columns; spaces are what YAML read.
  const written = ws.includes('\t') ? Infinity : ws.length;
  const indent = Math.min(written, typeof meant === 'number' ? meant : written);
  const block = indent === 0 ? line : (previousContent(lines, line, (i) => i < indent) ?? 0);
  // A line written deeper than it should be was read as part of the line above it.
  const above = typeof meant === 'number' && written !== Infinity && written > meant ? previousContent(lines, line, () => true) : undefined;
  return Math.min(block, above ?? block);
}

/** The nearest line above `line` with content (not blank, not a comment) whose indent passes `test`. */
function previousContent(lines: LineIndex, line: number, test: (indent: number) => boolean): number | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const text = lines.lineText(l);
    const t = text.trimStart();
    if (t === '' || t.startsWith('#')) continue;
    if (test(text.length - t.length)) return l;
  }
  return undefined;
}

/** The nearest line below `line` with content. */
function nextContent(lines: LineIndex, line: number): number | undefined {
  for (let l = line + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l).trimStart();
    if (t !== '' && !t.startsWith('#')) return l;
  }
  return undefined;
}
