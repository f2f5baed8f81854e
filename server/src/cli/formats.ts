import * as path from 'node:path';
import { timelineLabel } from '../core/catalog/timeline';
import { allRuleInfos } from '../core/check';
import type { WorkspaceCoverage } from '../core/coverage-types';
import { CONTROL_STATES, STATE_LABEL, obligationCounts } from '../core/report/tables';
import type { Diagnostic, Severity } from '../core/types';
import type { CheckedWorkspace } from './load-workspace';

export const RULES_DOC = 'docs/rules.md';

/** Native path of a core path, relative to a base folder, with '/' separators. */
export function relativePath(base: string, corePath: string): string {
  const native = path.sep === '/' ? corePath : corePath.replace(/^\//, '').replace(/\//g, '\\');
  return path.relative(base, native).split(path.sep).join('/');
}

/** Every finding of a workspace with the file it is in, sorted by file then position. */
export function allFindings(ws: CheckedWorkspace): { file: string; d: Diagnostic }[] {
  const out: { file: string; d: Diagnostic }[] = [];
  for (const f of ws.files) for (const d of ws.diagnostics.get(f.path) ?? []) out.push({ file: f.path, d });
  return out;
}

/** Compiler-style lines `file:line:col severity code message` (1-based), paths relative to cwd. */
export function formatText(list: CheckedWorkspace[], cwd: string): string {
  const lines: string[] = [];
  for (const ws of list) {
    for (const { file, d } of allFindings(ws)) {
      lines.push(
        `${relativePath(cwd, file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
      );
    }
    lines.push('', ...summary(ws.coverage, relativePath(cwd, ws.coverage.root) || '.'));
  }
  return lines.join('\n') + '\n';
}

function summary(c: WorkspaceCoverage, label: string): string[] {
  const out = [
    `${label}: ${c.organisation ?? 'AIMS'} (as of ${c.asOf}, dates ${c.timeline === 'omnibus' ? timelineLabel('omnibus') : `of ${timelineLabel('original')}`})`,
  ];
  out.push(`  Annex A: ${c.annexA.addressed}/${c.annexA.total} addressed, ${c.annexA.gaps} gaps`);
  const width = Math.max(...c.annexA.topics.map((t) => `${t.id} ${t.title}`.length));
  for (const t of c.annexA.topics) {
    const parts = CONTROL_STATES.filter((s) => t.counts[s]).map((s) => `${t.counts[s]} ${STATE_LABEL[s].toLowerCase()}`);
    out.push(`    ${`${t.id} ${t.title}`.padEnd(width)}  ${parts.join(', ')}`);
  }
  out.push(`  AI systems: ${c.systems.length}`);
  for (const s of c.systems) {
    const n = obligationCounts(s.obligations);
    out.push(
      `    ${s.id} (${s.tier ?? 'unclassified'}${s.annexIII ? `, ${s.annexIII}` : ''}): ${n.met} met, ${n.partial} partial, ${n.gap} gap, ${n.missing} missing${n['not-applicable'] ? `, ${n['not-applicable']} n/a` : ''}`,
    );
  }
  const f = c.findings;
  out.push(`  ${f.error} error(s), ${f.warning} warning(s), ${f.information} note(s), ${f.hint} hint(s)`);
  return out;
}

/** The JSON shape: one workspace → `{diagnostics, coverage}`; several → `{workspaces: [...]}`. */
export function formatJson(list: CheckedWorkspace[]): string {
  const one = (ws: CheckedWorkspace) => ({
    diagnostics: allFindings(ws).map(({ file, d }) => ({
      file: relativePath(ws.folder, file),
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    coverage: ws.coverage,
  });
  const body = list.length === 1 ? one(list[0]) : { workspaces: list.map((ws) => ({ folder: ws.folder, ...one(ws) })) };
  return JSON.stringify(body, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** SARIF 2.1.0 for code scanning; artifact URIs are relative to `cwd` (%SRCROOT%). */
export function formatSarif(list: CheckedWorkspace[], cwd: string, version: string): string {
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
            artifactLocation: { uri: relativePath(cwd, file), uriBaseId: '%SRCROOT%' },
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
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              help: { text: `See ${RULES_DOC}#${r.code} in the aims package.` },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri:
              'file://' +
              cwd
                .split(path.sep)
                .join('/')
                .replace(/^([^/])/, '/$1') +
              '/',
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
