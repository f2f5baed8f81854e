import type { Node } from 'yaml';
import { ALL_RULES } from './rules/index';
import type { FileSystem, Rule, RuleInfo, RuleContext } from './rules/rule';
import type { CheckOptions, Diagnostic, Range, Severity } from './types';
import { buildIndex, type WorkspaceIndex } from './workspace';
import { unreliableFrom } from './yaml/indent-errors';
import type { ParsedFile } from './yaml/parse';
import { endOf, startOf } from './yaml/fast-parse';

/**
 * The most findings one file reports (server and CLI alike). Beyond it one
 * `too-many-findings` finding on line 1 says how many were left out: a
 * million-item list once published a million diagnostics and held 2.4 GB.
 */
export const MAX_FINDINGS_PER_FILE = 1000;
// Written as toLocaleString('en') would, without it: at load, that started ICU, ~10 ms of every server start.
const MAX_FINDINGS_PER_FILE_TEXT = String(MAX_FINDINGS_PER_FILE).replace(/\B(?=(\d{3})+$)/g, ',');

/** Codes reported by the parser rather than a rule (documented alongside the rules). */
export const PARSER_CODES: readonly RuleInfo[] = [
  { code: 'yaml-syntax', severity: 'error', summary: 'The text is not valid YAML.' },
  { code: 'duplicate-key', severity: 'error', summary: 'A key appears twice in the same mapping.' },
  { code: 'complex-key', severity: 'error', summary: 'A key is a list or a mapping instead of text.' },
  { code: 'multiple-documents', severity: 'error', summary: 'The file holds more than one YAML document.' },
  {
    code: 'yaml-alias-limit',
    severity: 'error',
    summary: 'Aliases expand beyond the limit (an alias bomb, or a document too repetitive to check).',
  },
  { code: 'file-too-large', severity: 'error', summary: 'The file is larger than the checker reads.' },
  { code: 'binary-content', severity: 'error', summary: 'The file is binary, not text.' },
  { code: 'invalid-encoding', severity: 'error', summary: 'The file is not UTF-8 (bytes that are not UTF-8, or a UTF-16 file).' },
  {
    code: 'too-many-findings',
    severity: 'warning',
    summary: `A file has more than ${MAX_FINDINGS_PER_FILE_TEXT} findings; the first ones are shown and one finding counts the rest.`,
  },
];

/** Every code the checker can report, with default severity, in documentation order. */
export function allRuleInfos(): RuleInfo[] {
  return [
    ...PARSER_CODES,
    ...ALL_RULES.flatMap((r) => [{ code: r.code, severity: r.severity, summary: r.summary }, ...(r.alsoReports ?? [])]),
  ];
}

/**
 * Checks one parsed file in the context of its workspace: syntax findings,
 * then every rule for the file's kind, with severity overrides applied.
 * Pure: the same inputs give the same findings.
 */
export function checkFile(file: ParsedFile, ws: WorkspaceIndex, options: CheckOptions, fs: FileSystem): Diagnostic[] {
  const out = new CappedFindings(MAX_FINDINGS_PER_FILE, (p) => file.lines.offsetAt(p));
  runChecks(file, ws, options, fs, out, rulesFor(file));
  return out.done(file);
}

/**
 * The findings of a file that no other file can change: its syntax, and those
 * of every rule that ran without reading the workspace index (each rule runs
 * on an index that notes whether it was read; a rule that read it is left
 * out, whatever it found). For an open document's first check while its folder
 * is still being read: nothing here is withdrawn when the folder is indexed,
 * only the findings about other files are added.
 */
export function checkFileAlone(file: ParsedFile, root: string, options: CheckOptions, fs: FileSystem): Diagnostic[] {
  const out = new CappedFindings(MAX_FINDINGS_PER_FILE, (p) => file.lines.offsetAt(p));
  runChecks(file, buildIndex(root, []), options, fs, out, []);
  for (const rule of rulesFor(file)) {
    let read = false;
    const noted = new Proxy(buildIndex(root, []), {
      get(target, key, receiver) {
        read = true;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const found: Diagnostic[] = [];
    const one: FindingSink = { add: (d) => found.push(d), beyond: () => false, omit: () => undefined, lowerBound: false };
    runChecks(file, noted, options, fs, one, [rule], { syntax: false });
    if (read) continue;
    for (const d of found) out.add(d);
    if (one.lowerBound) out.lowerBound = true;
  }
  return out.done(file);
}

/** Where findings go: the capped list of a whole check, or a plain one (check-incremental.ts). */
export interface FindingSink {
  add(d: Diagnostic): void;
  /** Whether a finding starting at this offset can no longer be shown (it is only counted). */
  beyond(offset: number): boolean;
  omit(severity: Severity, n: number): void;
  /** Set when a rule stopped early, so the count of findings is a lower bound. */
  lowerBound: boolean;
  /** Set when a rule threw (an `internal-error` finding was added). */
  failed?: boolean;
}

/** The rules that run on a file: those for its kind, or only the structure rule when it has none. */
export function rulesFor(file: ParsedFile): Rule[] {
  return ALL_RULES.filter((rule) => (file.kind ? rule.kinds.includes(file.kind) : rule.code === 'invalid-structure'));
}

/**
 * Syntax findings, then `rules`, into `out`, with severity overrides applied.
 * `syntax: false` runs the rules alone (a part of a file checked again).
 */
export function runChecks(
  file: ParsedFile,
  ws: WorkspaceIndex,
  options: CheckOptions,
  fs: FileSystem,
  out: FindingSink,
  rules: readonly Rule[],
  { syntax = true } = {},
): void {
  const overrides = options.severities;
  // A YAML error already explains what is wrong at its place; findings that only echo it there are noise,
  // and so is everything from the block that holds it on (a bad indent moves keys to other mappings).
  const broken = new Set<string>();
  for (const d of file.syntax) if (d.severity === 'error') broken.add(`${d.range.start.line}:${d.range.start.character}`);
  const cut = unreliableFrom(file.syntax, file.lines) ?? Infinity;
  const add = (d: Diagnostic, ruled: boolean): void => {
    const o = overrides[d.code];
    if (o === 'off') return;
    if (ruled && (d.range.start.line >= cut || broken.has(`${d.range.start.line}:${d.range.start.character}`))) return;
    out.add(o ? { ...d, severity: o } : d);
  };
  if (syntax) for (const d of file.syntax) add(d, false);
  if (!file.contents && file.syntax.some((d) => UNREAD.has(d.code))) return;

  const firstLine = file.lines.lineRange(0);
  const rangeOf = (node: Node | null | undefined): Range => {
    const start = startOf(node);
    return start !== undefined ? file.lines.range(start, endOf(node)!) : firstLine;
  };
  // One context for the file, reporting for the rule that runs: a context and a closure per rule were
  // ~70 MB of garbage per 10,000 records.
  let rule: Rule;
  const ctx: RuleContext = {
    file,
    ws,
    options,
    fs,
    rangeOf,
    report(target, message, extra = {}) {
      const code = extra.code ?? rule.code;
      const severity = code === rule.code ? rule.severity : (rule.alsoReports?.find((r) => r.code === code)?.severity ?? rule.severity);
      // A finding that cannot be shown any more is only counted: no range, no object (a million-item list).
      const start = isRange(target) ? undefined : startOf(target);
      if (start !== undefined && cut === Infinity && overrides[code] !== 'off' && out.beyond(start)) {
        out.omit(overrides[code] ?? severity, 1);
        return;
      }
      const range = isRange(target) ? target : rangeOf(target);
      const d: Diagnostic = { range, severity, code, message };
      if (extra.related) d.related = extra.related;
      if (extra.data) d.data = extra.data;
      if (extra.tags) d.tags = extra.tags;
      add(d, true);
    },
    incomplete() {
      out.lowerBound = true;
    },
  };
  for (rule of rules) {
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must not hide the other findings; it is reported where the user sees it.
      out.failed = true;
      add(
        {
          range: firstLine,
          severity: 'error',
          code: 'internal-error',
          message: `The check '${rule.code}' failed on this file (${e instanceof Error ? e.message : String(e)}). Please report this.`,
        },
        false,
      );
    }
  }
}

/** Parser codes after which the file is not read at all. */
const UNREAD = new Set(['file-too-large', 'binary-content', 'invalid-encoding']);

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * The first `cap` findings of a file by position, in memory bounded by twice
 * the cap: findings are collected, and whenever twice the cap have piled up
 * they are sorted and the tail is counted (with its worst severity) and dropped.
 */
class CappedFindings implements FindingSink {
  private list: Diagnostic[] = [];
  private omitted = 0;
  private worstOmitted: Severity = 'hint';
  /** The last finding kept at the last trim: anything after it can never be shown. */
  private cutoff: Diagnostic | undefined;
  /** Where `cutoff` starts, as an offset in the text. */
  private cutoffOffset = Infinity;
  lowerBound = false;
  failed?: boolean;

  constructor(
    private readonly cap: number,
    private readonly offsetOf: (p: Diagnostic['range']['start']) => number,
  ) {}

  /** Whether a finding starting at this offset comes after every finding that can still be shown. */
  beyond(offset: number): boolean {
    return offset > this.cutoffOffset;
  }

  add(d: Diagnostic): void {
    // Past the last kept finding once the list is full: only counted (a million findings were a million objects).
    if (this.cutoff && compareDiagnostics(d, this.cutoff) > 0) {
      this.omit(d.severity, 1);
      return;
    }
    this.list.push(d);
    if (this.list.length >= 2 * this.cap) this.trim();
  }

  omit(severity: Severity, n: number): void {
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[this.worstOmitted]) this.worstOmitted = severity;
    this.omitted += n;
  }

  private trim(): void {
    this.list.sort(compareDiagnostics);
    for (let i = this.cap; i < this.list.length; i++) this.omit(this.list[i].severity, 1);
    if (this.list.length >= this.cap) {
      this.list.length = this.cap;
      this.cutoff = this.list[this.cap - 1];
      this.cutoffOffset = this.offsetOf(this.cutoff.range.start);
    }
  }

  /** The kept findings, sorted, with the summary finding first when some were left out. */
  done(file: ParsedFile): Diagnostic[] {
    this.trim();
    if (!this.omitted) return this.list;
    const n = (x: number): string => x.toLocaleString('en');
    const last = this.list[this.list.length - 1].range.start.line + 1;
    const total = this.lowerBound ? `more than ${n(this.list.length + this.omitted)}` : n(this.list.length + this.omitted);
    const rest = this.lowerBound ? 'the rest are' : `${n(this.omitted)} more are`;
    const summary: Diagnostic = {
      range: file.lines.lineRange(0),
      // As severe as the worst finding left out, so `--fail-on` and exit codes stay true.
      severity: this.worstOmitted,
      code: 'too-many-findings',
      message: `This file has ${total} findings; the first ${n(this.list.length)} (to line ${n(last)}) are shown and ${rest} left out. Fix these, or split the file, to see the rest.`,
      data: { omitted: this.omitted, lowerBound: this.lowerBound },
    };
    return [summary, ...this.list];
  }
}

function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && 'start' in x && 'end' in x && !('range' in x);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
