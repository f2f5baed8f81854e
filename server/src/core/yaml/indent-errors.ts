import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../types';
import type { LineIndex } from './line-index';

/**
 * Explains YAML's indentation errors in the file's own terms, one finding at
 * the line that is wrong. `yaml` reports an over-indented key as two errors
 * on the line above ("Nested mappings are not allowed in compact mappings",
 * "Implicit keys need to be on a single line") and a key between two columns
 * as "All mapping items must start at the same column"; neither says which
 * line to move or where to. Returns the findings and the errors it explained
 * (the caller reports the others as they are).
 */
export function explainIndentErrors(errors: readonly YAMLError[], lines: LineIndex): { findings: Diagnostic[]; explained: Set<YAMLError> } {
  const findings: Diagnostic[] = [];
  const explained = new Set<YAMLError>();
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
      message: `This line is indented ${own.indent} space${own.indent === 1 ? '' : 's'}, but the keys above it (line ${levels.siblings + 1}) start at column ${indentOf(lines.lineText(levels.siblings))} and their parent at column ${levels.parentCol}. Line it up with one of them; YAML cannot tell which mapping '${own.key}' belongs to.`,
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
      message: `This line is indented deeper than '${above.key}' on line ${valueLine + 1}, which already has a value, so YAML reads both lines as one key. Indent '${deep.key}' like '${above.key}' (column ${above.indent}), or put it under a key that has no value of its own.`,
    });
  }
  return { findings, explained };
}

/** The key a line starts with (after its indent and an optional `- `), and the indent. */
function keyOf(line: string): { key: string; indent: number; start: number } | undefined {
  const m = /^( *)(- +)?([^\s#'"{[\]}&*!|>%@`:-][^:#]*?|"[^"]*"|'[^']*'):(?: |$)/.exec(line);
  if (!m) return undefined;
  return { key: m[3].replace(/^["']|["']$/g, ''), indent: m[1].length, start: m[1].length + (m[2]?.length ?? 0) };
}

function keyRange(lines: LineIndex, line: number, key: { start: number }): Diagnostic['range'] {
  const text = lines.lineText(line);
  return { start: { line, character: key.start }, end: { line, character: text.trimEnd().length } };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The block levels open at `line` around an indent that matches none of them:
 * the nearest line of the innermost level deeper than `indent` (the keys the
 * line was probably meant to join) and the column of the level outside it.
 */
function openLevels(lines: LineIndex, line: number, indent: number): { siblings: number; parentCol: number } | undefined {
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
    else return siblings === undefined ? undefined : { siblings, parentCol: ind };
  }
  return siblings === undefined ? undefined : { siblings, parentCol: 0 };
}

/**
 * The first line from which a file with YAML errors cannot be trusted: the
 * line of the block that holds the first error (its nearest line above with
 * less indent), or the error's own line at the top level. Past it, a key
 * may sit in another mapping than the user meant, so findings there would
 * be a cascade; findings above it are kept.
 */
export function unreliableFrom(syntax: readonly Diagnostic[], lines: LineIndex): number | undefined {
  let first: number | undefined;
  for (const d of syntax)
    if (d.code === 'yaml-syntax' && d.severity === 'error' && (first === undefined || d.range.start.line < first))
      first = d.range.start.line;
  if (first === undefined) return undefined;
  const indent = indentOf(lines.lineText(first));
  if (indent === 0) return first;
  return previousContent(lines, first, (i) => i < indent) ?? 0;
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
