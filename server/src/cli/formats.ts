import * as path from 'node:path';
import { timelineLabel } from '../core/catalog/timeline';
import { allRuleInfos } from '../core/check';
import { portable } from '../core/report/portable';
import { CONTROL_STATES, STATE_LABEL, systemKind } from '../core/report/tables';
import { plainLine, safeJson } from '../core/safe-text';
import { SEVERITIES, type Diagnostic, type Severity } from '../core/types';
import { count } from '../core/wording';
import { annexATally } from '../core/coverage-summary';
import type { CheckedWorkspace, CoverageDetail } from './load-workspace';
import { RULES_DOC_URL } from './project-links';

export const RULES_DOC = 'docs/rules.md';

/**
 * A line for a terminal or CI log, built from user text that went through
 * plainLine: it cannot be a GitHub Actions workflow command, neither one that
 * starts the line (`::error …`, also after blanks) nor the legacy `##[…]` form
 * the runner finds anywhere in a line. The colon or hash that would make one
 * is written as its escape, like the controls plainLine shows.
 */
export function logLine(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\x3a').replace(/##\[/g, '#\\x23[');
}

/** Native path of a core path, relative to a base folder, with '/' separators. */
export function relativePath(base: string, corePath: string): string {
  const native = path.sep === '/' ? corePath : corePath.replace(/^\//, '').replace(/\//g, '\\');
  return path.relative(base, native).split(path.sep).join('/');
}

/** Every finding of a workspace with the file it is in, sorted by file then position. */
export function allFindings(ws: CheckedWorkspace<CoverageDetail>): { file: string; d: Diagnostic }[] {
  const out: { file: string; d: Diagnostic }[] = [];
  for (const f of ws.files) for (const d of ws.diagnostics.get(f.path) ?? []) out.push({ file: f.path, d });
  return out;
}

/** Compiler-style lines `file:line:col severity code message` (1-based), paths relative to cwd, then a summary per target. */
export function formatText(list: CheckedWorkspace<CoverageDetail>[], cwd: string): string {
  const blocks: string[] = [];
  for (const ws of list) {
    const lines: string[] = [];
    for (const { file, d } of allFindings(ws)) {
      lines.push(
        `${plainLine(relativePath(cwd, file))}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${plainLine(d.message)}`,
      );
    }
    if (lines.length) lines.push('');
    lines.push(...summary(ws, cwd));
    blocks.push(lines.map(logLine).join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

/** Findings by severity over the files reported. */
export function countFindings(ws: CheckedWorkspace<CoverageDetail>): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { d } of allFindings(ws)) n[d.severity]++;
  return n;
}

function summary(ws: CheckedWorkspace<CoverageDetail>, cwd: string): string[] {
  const c = ws.coverage;
  const label = plainLine(ws.target || relativePath(cwd, c.root) || '.');
  if (!ws.files.length) return [`${label}: no AIMS files`];
  const f = countFindings(ws);
  const totals = `  ${count(f.error, 'error')}, ${count(f.warning, 'warning')}, ${count(f.information, 'note')}, ${count(f.hint, 'hint')}`;
  const org = plainLine(c.organisation ?? 'no manifest');
  const when = `as of ${c.asOf}, dates ${c.timeline === 'omnibus' ? timelineLabel('omnibus') : `of ${timelineLabel('original')}`}`;
  if (ws.single) {
    const where = ws.alone ? 'checked on its own' : `checked within ${plainLine(relativePath(cwd, c.root) || '.')}`;
    return [`${label}: ${where} (${org}, ${when})`, totals];
  }
  const out = [`${label}: ${org} (${when})`];
  out.push(`  Annex A: ${c.annexA.addressed}/${c.annexA.total} addressed, ${plainLine(annexATally(c.annexA, c.root))}`);
  const width = Math.max(...c.annexA.topics.map((t) => `${t.id} ${t.title}`.length));
  for (const t of c.annexA.topics) {
    const parts = CONTROL_STATES.filter((s) => t.counts[s]).map((s) => `${t.counts[s]} ${STATE_LABEL[s].toLowerCase()}`);
    out.push(`    ${`${t.id} ${t.title}`.padEnd(width)}  ${parts.join(', ')}`);
  }
  out.push(`  AI systems: ${ws.tallies.length}`);
  for (const s of ws.tallies) {
    const n = s.counts;
    out.push(
      `    ${plainLine(s.id)} (${plainLine(systemKind(s))}): ${n.met} met, ${n.partial} partial, ${count(n.gap, 'gap')}, ${n.missing} missing${n['not-applicable'] ? `, ${n['not-applicable']} n/a` : ''}`,
    );
  }
  out.push(totals);
  return out;
}

/**
 * The JSON shape, the same for one target or several: `{findings, results: [{target, folder,
 * files, findings, diagnostics, coverage}]}`. Ranges are 0-based (LSP). `target`, `folder` and
 * each diagnostic's `file` are relative to `cwd`; inside `coverage` (the workspace's, or null when
 * one file or nothing was checked) files are relative to that workspace folder and `root` is its
 * name, as in every report, so output kept as a CI artifact names no local path.
 */
export function formatJson(list: CheckedWorkspace[], cwd: string): string {
  const rel = (p: string) => relativePath(cwd, p) || '.';
  const results = list.map((ws) => ({
    target: ws.target,
    folder: rel(ws.coverage.root),
    files: ws.files.length,
    findings: countFindings(ws),
    diagnostics: allFindings(ws).map(({ file, d }) => ({
      file: rel(file),
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    coverage: ws.single || !ws.files.length ? null : portable([ws.coverage])[0],
  }));
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const k of SEVERITIES) findings[k] += r.findings[k];
  return safeJson({ findings, results }) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, `:`, non-ASCII), `/` kept. */
export function uriPath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 for code scanning. Artifact URIs are percent-encoded and
 * relative to `cwd` (%SRCROOT%, which is described but not given as a local
 * `file:` URI, so the log names no path of the machine it ran on). Every rule
 * has a full description and, once package.json names the repository, a
 * helpUri to its section of docs/rules.md.
 */
export function formatSarif(list: CheckedWorkspace<CoverageDetail>[], cwd: string, version: string): string {
  const rules = allRuleInfos();
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results = list.flatMap((ws) =>
    allFindings(ws).map(({ file, d }) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriPath(relativePath(cwd, file)), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aims',
            version,
            rules: rules.map((r) => ({
              id: r.code,
              name: r.code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.summary },
              fullDescription: {
                text: `${r.summary} Default severity: ${r.severity} (the aims.severity setting changes it per code). ${RULES_DOC}#${r.code} says why it matters, with a failing and a passing example.`,
              },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              help: { text: `See ${RULES_DOC}#${r.code} in the aims package.` },
              ...(RULES_DOC_URL ? { helpUri: `${RULES_DOC_URL}#${r.code}` } : {}),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder aims check ran in; result URIs are relative to it.' } } },
        results,
      },
    ],
  };
  return safeJson(sarif) + '\n';
}
