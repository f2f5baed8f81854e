import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { KINDS, type Diagnostic, type Kind, type Range } from '../types';
import { LineIndex } from './line-index';

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
  /** The first YAML document, if the text could be read as YAML at all. */
  readonly doc?: Document.Parsed;
  /** The root mapping, when the document is one. */
  readonly root?: YAMLMap;
  readonly kind?: Kind;
  /** YAML syntax errors and warnings, and limits hit while reading. */
  readonly syntax: Diagnostic[];
  /** Plain JS value of the document (aliases expanded); undefined if it could not be built. */
  readonly value: unknown;
}

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
    value: undefined,
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

/** Parses one AIMS file. Never throws: anything unreadable becomes a diagnostic. */
export function parseFile(path: string, text: string, version = 0): ParsedFile {
  const lines = new LineIndex(text);
  const syntax: Diagnostic[] = [];
  const whole: Range = lines.range(0, Math.min(text.length, lines.offsetAt({ line: 0, character: 10_000 })));
  const base = { path, text, version, lines, syntax, value: undefined };

  if (text.length > MAX_FILE_BYTES) {
    syntax.push({
      range: whole,
      severity: 'error',
      code: 'file-too-large',
      message: `File is ${(text.length / 1048576).toFixed(1)} MB; AIMS files over ${MAX_FILE_BYTES / 1048576} MB are not checked. Split it into several files.`,
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

  let docs: Document.Parsed[];
  try {
    // uniqueKeys is checked below in one pass: the library's own check is quadratic in the number of keys.
    docs = parseAllDocuments(text, {
      prettyErrors: false,
      uniqueKeys: false,
      merge: true,
      strict: true,
      logLevel: 'error',
    }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (e) {
    syntax.push({ range: whole, severity: 'error', code: 'yaml-syntax', message: `YAML could not be read: ${errorText(e)}` });
    return base;
  }
  const doc = docs[0];
  if (!doc) return base;

  for (const err of doc.errors) syntax.push(yamlFinding(lines, err.pos, err.message, err.code, 'error'));
  for (const warn of doc.warnings) syntax.push(yamlFinding(lines, warn.pos, warn.message, warn.code, 'warning'));
  syntax.push(...duplicateKeys(doc, lines));
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

  const root = isMap(doc.contents) ? doc.contents : undefined;
  let kind: Kind | undefined;
  const kindNode = root?.get('kind', true);
  if (isScalar(kindNode) && typeof kindNode.value === 'string' && (KINDS as readonly string[]).includes(kindNode.value)) {
    kind = kindNode.value;
  }
  return { ...base, doc, root, kind, value };
}

/** Keys repeated in the same mapping, found with one set per mapping (linear in the file's size). */
function duplicateKeys(doc: Document.Parsed, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > 256) continue;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key;
        if (k && !isScalar(k) && (k as Node).range) {
          const r = (k as Node).range!;
          out.push({
            range: lines.range(r[0], r[1]),
            severity: 'error',
            code: 'complex-key',
            message: 'A key must be plain text; this one is a list or mapping, which no AIMS field accepts. Write the key as text.',
          });
        } else if (isScalar(k) && k.range) {
          const key = String(k.value);
          if (seen.has(key)) {
            out.push({
              range: lines.range(k.range[0], k.range[1]),
              severity: 'error',
              code: 'duplicate-key',
              message: `Duplicate key '${key}'. Each key may appear once in a mapping; YAML tools keep only one of the values. Merge the two entries.`,
            });
          }
          seen.add(key);
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
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
