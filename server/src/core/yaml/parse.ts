import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLError, type YAMLMap } from 'yaml';
import { KINDS, type Diagnostic, type Kind, type Range } from '../types';
import { endOf, fastParse, startOf } from './fast-parse';
import { dedentedFields, explainIndentErrors } from './indent-errors';
import { LineIndex, lineIndexOf } from './line-index';
import { child, scalarString, text } from './nav';

/** Files larger than this are not parsed: a diagnostic says so instead. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The most alias expansions one document may ask for (defuses "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

/**
 * One AIMS file, parsed once per text version and shared by every feature.
 * The YAML AST is the model: every node keeps its offsets, so any finding
 * can be placed on the exact key or value.
 */
export interface ParsedFile {
  /** Absolute '/'-separated path: the identity of the file (hosts map URIs to paths). */
  readonly path: string;
  readonly text: string;
  readonly version: number;
  readonly lines: LineIndex;
  /**
   * The first YAML document's content: undefined when the text could not be
   * read as YAML at all, null for an empty document. Every node's range is
   * `[start, end, end]`, where a collection ends with its last value (see
   * `normalizeRanges`).
   */
  readonly contents?: Node | null;
  /** The root mapping, when the document is one. */
  readonly root?: YAMLMap;
  readonly kind?: Kind;
  /** YAML syntax errors and warnings, and limits hit while reading. */
  readonly syntax: Diagnostic[];
  /**
   * The plain JS value of the document (aliases expanded), for schema
   * validation; undefined if it could not be built. A function: the copy is
   * made when a check needs it and then dropped, since keeping one for every
   * file would double the memory of a large workspace.
   */
  readonly value: () => unknown;
}

const noValue = (): unknown => undefined;

/**
 * Files read by the fast path without a finding, in a text without '\r':
 * the ones an edit can be re-read for in part (reparse.ts).
 */
export const fastTrees = new WeakSet<ParsedFile>();

/** Whether a path names an AIMS file (`*.aims.yaml` / `*.aims.yml`). */
export function isAimsFile(path: string): boolean {
  return /\.aims\.ya?ml$/i.test(path);
}

/** The finding for a file over the size limit, made from its size alone (hosts need not read it). */
export function oversizedFile(path: string, bytes: number): ParsedFile {
  const lines = new LineIndex('');
  return {
    path,
    text: '',
    version: 0,
    lines,
    value: noValue,
    syntax: [
      {
        range: lines.range(0, 0),
        severity: 'error',
        code: 'file-too-large',
        message: `File is ${(bytes / 1048576).toFixed(1)} MB; AIMS files over ${MAX_FILE_BYTES / 1048576} MB are not checked. Split it into several files.`,
      },
    ],
  };
}

// uniqueKeys is checked in one pass (duplicateKeys): the library's own check is quadratic in the number of keys.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: true, strict: true, logLevel: 'error' } as const;

/** The errors of a text's first YAML document: what explainIndentErrors reads again after moving a line. */
function yamlErrors(text: string): readonly YAMLError[] {
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  return (Array.isArray(docs) ? docs[0] : docs)?.errors ?? [];
}

/**
 * Parses one AIMS file. Never throws: anything unreadable becomes a diagnostic.
 * `fastPath: false` always uses the general parser (the tests compare the two).
 */
export function parseFile(path: string, text: string, version = 0, { fastPath = true } = {}): ParsedFile {
  const lines = lineIndexOf(text);
  const syntax: Diagnostic[] = [];
  const whole: Range = lines.range(0, Math.min(text.length, lines.offsetAt({ line: 0, character: 10_000 })));
  const base = { path, text, version, lines, syntax, value: noValue };

  if (text.length > MAX_FILE_BYTES) {
    syntax.push({
      range: whole,
      severity: 'error',
      code: 'file-too-large',
      message: `File is ${(text.length / 1048576).toFixed(1)} MB; AIMS files over ${MAX_FILE_BYTES / 1048576} MB are not checked. Split it into several files.`,
    });
    return base;
  }
  const utf16 = utf16Name(text);
  if (utf16) {
    syntax.push({
      range: lines.range(0, 0),
      severity: 'error',
      code: 'invalid-encoding',
      message: `This file is ${utf16} (it starts with a UTF-16 byte-order mark); AIMS files are UTF-8. Save it as UTF-8 to have it checked.`,
    });
    return base;
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    syntax.push({
      range: lines.range(nul, nul + 1),
      severity: 'error',
      code: 'binary-content',
      message: 'File contains a NUL byte: it looks binary, not YAML text. It is not checked.',
    });
    return base;
  }

  const badBytes = invalidUtf8(text, lines);
  if (badBytes) syntax.push(badBytes);
  // A lone CR is a line break to editors and LineIndex but not to `yaml`: parse with '\n' there (same offsets).
  const src = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;

  // Most AIMS files are plain block YAML: read those the fast way (see fast-parse.ts).
  const fast = fastPath ? fastParseOrNothing(src) : undefined;
  if (fast) {
    for (const d of duplicateKeys(fast, lines)) syntax.push(d);
    for (const d of dedentedFields(fast, lines)) syntax.push(d);
    const file: ParsedFile = {
      ...base,
      contents: fast,
      root: isMap(fast) ? fast : undefined,
      kind: kindOf(fast),
      value: () => plainValue(fast),
    };
    if (!syntax.length && !text.includes('\r')) fastTrees.add(file);
    return file;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(src, YAML_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (e) {
    syntax.push({ range: whole, severity: 'error', code: 'yaml-syntax', message: `YAML could not be read: ${errorText(e)}` });
    return base;
  }
  const doc = docs[0];
  if (!doc) return base;

  const indents = explainIndentErrors(doc.errors, lines, src, yamlErrors);
  for (const d of indents.findings) syntax.push(d);
  for (const err of indents.rest) syntax.push(yamlFinding(lines, err.pos, err.message, err.code, 'error'));
  for (const warn of doc.warnings) syntax.push(yamlFinding(lines, warn.pos, warn.message, warn.code, 'warning'));
  normalizeRanges(doc.contents);
  // Never spread a list that grows with the file into a call: a million duplicates overflowed the stack.
  for (const d of duplicateKeys(doc.contents, lines)) syntax.push(d);
  for (const d of dedentedFields(doc.contents, lines, syntax)) syntax.push(d);
  for (const extra of docs.slice(1)) {
    const start = extra.range?.[0] ?? text.length;
    const marker = text.lastIndexOf('---', start);
    syntax.push({
      range: marker >= 0 ? lines.range(marker, marker + 3) : lines.range(start, start),
      severity: 'error',
      code: 'multiple-documents',
      message: 'An AIMS file holds one YAML document; this and later documents are ignored. Put each record in its own file.',
    });
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    syntax.push({
      range: whole,
      severity: 'error',
      code: 'yaml-alias-limit',
      message: `Document could not be expanded: ${errorText(e)}. Aliases are limited to ${MAX_ALIAS_COUNT} expansions; write the values out instead.`,
    });
  }

  const contents = doc.contents;
  return { ...base, contents, root: isMap(contents) ? contents : undefined, kind: kindOf(contents), value: () => value };
}

/**
 * The UTF-16 flavour of a file read as UTF-8: its byte-order mark decodes to
 * two replacement characters, and its ASCII characters come with NULs.
 */
function utf16Name(text: string): string | undefined {
  if (!text.startsWith('\uFFFD\uFFFD')) return undefined;
  if (text.charCodeAt(2) === 0) return 'UTF-16 BE';
  if (text.charCodeAt(3) === 0) return 'UTF-16 LE';
  return undefined;
}

/**
 * Bytes that are not UTF-8 reach the checker as U+FFFD (hosts and editors
 * decode with replacement): one finding at the first, counting the others,
 * instead of reading the replacement characters as text without a word.
 */
function invalidUtf8(text: string, lines: LineIndex): Diagnostic | undefined {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return undefined;
  let more = 0;
  for (let i = text.indexOf('\uFFFD', first + 1); i >= 0; i = text.indexOf('\uFFFD', i + 1)) if (text.charCodeAt(i - 1) !== 0xfffd) more++;
  return {
    range: lines.range(first, first + 1),
    severity: 'error',
    code: 'invalid-encoding',
    message: `This file is not valid UTF-8 here (the bytes read as the replacement character U+FFFD)${more ? `, and in ${more} more place${more === 1 ? '' : 's'}` : ''}. Save the file as UTF-8, or delete the character if it was typed.`,
  };
}

/** The fast path, where a bug in it can only cost time: the general parser reads the text instead. */
function fastParseOrNothing(text: string): Node | undefined {
  try {
    return fastParse(text);
  } catch {
    return undefined;
  }
}

export function kindOf(contents: Node | null): Kind | undefined {
  const kind = text(child(contents, 'kind'));
  return kind !== undefined && (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : undefined;
}

/**
 * The plain JS value of a fast-path tree: what `toJS` gives for it (the fast
 * path has no aliases or merge keys, which are the cases where `toJS` does
 * more). A key named `__proto__` becomes an own property, as `toJS` makes it:
 * assigning it would set the object's prototype instead, and the keys under it
 * would pass for the record's own (a missing required key went unreported).
 */
export function plainValue(node: unknown): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      // Fast-path keys are scalars holding a string, number, boolean or null.
      const raw = (pair.key as { value: string | number | boolean | null }).value;
      const key = raw === null ? '' : String(raw);
      const value = plainValue(pair.value);
      if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  if (isSeq(node)) return node.items.map(plainValue);
  return isScalar(node) ? node.value : null;
}

/**
 * Makes every range `[start, end, end]`, where a scalar or flow collection
 * ends after its last character and a block collection where its last value
 * ends. `yaml` lets ranges run on over trailing comment lines by rules no
 * feature needs; a squiggle or fold should stop at the content. Both parse
 * paths give the same ranges this way.
 */
export function normalizeRanges(contents: unknown): void {
  const order: Node[] = [];
  const stack: unknown[] = [contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node) || isSeq(node)) {
      order.push(node);
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    } else if (node && (node as Node).range) order.push(node as Node);
  }
  // Children come after their parents in `order`, so walking it backwards finishes them first.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const r = node.range;
    if (!r) continue;
    let end = r[1];
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
      const last: unknown = node.items[node.items.length - 1];
      const tail = (isPair(last) ? (last.value ?? last.key) : last) as Node | null;
      if (tail?.range) end = tail.range[1];
    }
    node.range = [r[0], end, end];
  }
}

/** Keys repeated in the same mapping, in one pass that is linear in the file's size. */
export function duplicateKeys(contents: Node | null, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Nodes and their depths in two stacks: no object per node (this runs on every parse).
  const nodes: unknown[] = [contents];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (depth > 256) continue;
    if (isMap(node)) {
      const items = node.items;
      // Most mappings are small: comparing with the keys before is cheaper than a set.
      const seen = items.length > 12 ? new Set<string>() : undefined;
      for (let i = 0; i < items.length; i++) {
        const k = items[i].key;
        if (isScalar(k) && startOf(k) !== undefined) {
          const key = scalarString(k.value);
          let dup = false;
          if (seen) {
            dup = seen.has(key);
            seen.add(key);
          } else {
            for (let j = 0; j < i && !dup; j++) {
              const other = items[j].key;
              dup = isScalar(other) && scalarString(other.value) === key;
            }
          }
          if (dup) {
            out.push({
              range: lines.range(startOf(k)!, endOf(k)!),
              severity: 'error',
              code: 'duplicate-key',
              message: `Duplicate key '${key}'. Each key may appear once in a mapping; YAML tools keep only one of the values. Merge the two entries.`,
            });
          }
        } else if (k && (k as Node).range) {
          const r = (k as Node).range!;
          out.push({
            range: lines.range(r[0], r[1]),
            severity: 'error',
            code: 'complex-key',
            message: 'A key must be plain text; this one is a list or mapping, which no AIMS field accepts. Write the key as text.',
          });
        }
        nodes.push(items[i].value);
        depths.push(depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        nodes.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return out;
}

function yamlFinding(lines: LineIndex, pos: [number, number], message: string, code: string, severity: 'error' | 'warning'): Diagnostic {
  const isDup = code === 'DUPLICATE_KEY';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    range: lines.range(pos[0], Math.max(pos[1], pos[0] + 1)),
    severity,
    code: isDup ? 'duplicate-key' : 'yaml-syntax',
    message: isDup ? `Duplicate key: ${first}. Each key may appear once in a mapping; merge the two entries.` : `YAML: ${first}`,
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/** The source range of a node (key or value). */
export function nodeRange(file: ParsedFile, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return file.lines.range(r[0], r[1]);
}
