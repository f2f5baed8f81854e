import type { Node } from 'yaml';
import { ALL_RULES } from './rules/index';
import type { FileSystem, RuleInfo, RuleContext } from './rules/rule';
import type { CheckOptions, Diagnostic, Range } from './types';
import type { WorkspaceIndex } from './workspace';
import type { ParsedFile } from './yaml/parse';

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
  const out: Diagnostic[] = [];
  const overrides = options.severities;
  const add = (d: Diagnostic): void => {
    const o = overrides[d.code];
    if (o === 'off') return;
    out.push(o ? { ...d, severity: o } : d);
  };
  for (const d of file.syntax) add(d);
  if (file.syntax.some((d) => d.code === 'file-too-large' || d.code === 'binary-content')) return out;

  const firstLine = file.lines.lineRange(0);
  const rangeOf = (node: Node | null | undefined): Range => {
    const r = node?.range;
    return r ? file.lines.range(r[0], r[1]) : firstLine;
  };
  for (const rule of ALL_RULES) {
    if (file.kind ? !rule.kinds.includes(file.kind) : rule.code !== 'invalid-structure') continue;
    const ctx: RuleContext = {
      file,
      ws,
      options,
      fs,
      rangeOf,
      report(target, message, extra = {}) {
        const range = isRange(target) ? target : rangeOf(target);
        const code = extra.code ?? rule.code;
        const severity = code === rule.code ? rule.severity : (rule.alsoReports?.find((r) => r.code === code)?.severity ?? rule.severity);
        const d: Diagnostic = { range, severity, code, message };
        if (extra.related) d.related = extra.related;
        if (extra.data) d.data = extra.data;
        if (extra.tags) d.tags = extra.tags;
        add(d);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must not hide the other findings; it is reported where the user sees it.
      add({
        range: firstLine,
        severity: 'error',
        code: 'internal-error',
        message: `The check '${rule.code}' failed on this file (${e instanceof Error ? e.message : String(e)}). Please report this.`,
      });
    }
  }
  // A YAML error already explains what is wrong at its place; findings that only echo it there are noise.
  const broken = new Set(file.syntax.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line}:${d.range.start.character}`));
  const kept = broken.size
    ? out.filter((d) => file.syntax.includes(d) || !broken.has(`${d.range.start.line}:${d.range.start.character}`))
    : out;
  return kept.sort(compareDiagnostics);
}

function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && 'start' in x && 'end' in x && !('range' in x);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
