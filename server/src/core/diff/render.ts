import { DISCLAIMER, timelineNote } from '../report/tables';
import { safeJson } from '../safe-text';
import { countRows, headline, sections, type Escaper } from './describe';
import { mdCode, mdText, plain } from './escape';
import type { CoverageDelta } from './types';

export type DiffFormat = 'text' | 'markdown' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json'];

/** Marks the comment in a pull request, so a CI job can find and update its previous one. */
export const MARKDOWN_MARKER = '<!-- aims-diff -->';

function organisation(d: CoverageDelta, esc: (s: string) => string): string {
  const b = d.base.organisation;
  const h = d.head.organisation;
  if (b === h) return h === undefined ? '' : esc(h);
  return `${b === undefined ? '(none)' : esc(b)} → ${h === undefined ? '(none)' : esc(h)}`;
}

/** For a terminal: every value from the files escaped so it cannot start an escape sequence or a new line. */
export function renderDeltaText(d: CoverageDelta): string {
  const esc: Escaper = { text: plain, code: plain };
  const org = organisation(d, plain);
  const out = [
    `AIMS coverage: ${plain(d.base.label)} → ${plain(d.head.label)}${org ? ` (${org})` : ''}`,
    `Reference date ${d.asOf}. ${timelineNote(d)}`,
    '',
    `  ${headline(d)}`,
  ];
  const rows = countRows(d);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, before, after] of rows) out.push(`  ${label.padEnd(width)}  ${before === after ? after : `${before} → ${after}`}`);
  for (const s of sections(d, esc)) {
    out.push('', `${s.title} (${s.items.length})`);
    for (const i of s.items) out.push(`  ${i.line}`, ...i.details.map((x) => `    ${x}`));
  }
  return out.join('\n') + '\n';
}

/**
 * For a pull-request comment: a summary line, a before/after table, then one
 * collapsible section per kind of change. Values from the files are escaped
 * (code spans for ids and paths, backslash escapes and entities for text), so
 * a name cannot add Markdown, HTML, links or mentions.
 */
export function renderDeltaMarkdown(d: CoverageDelta): string {
  const esc: Escaper = { text: mdText, code: mdCode };
  const org = organisation(d, mdText);
  const out = [
    MARKDOWN_MARKER,
    `### AIMS coverage: ${headline(d)}`,
    '',
    `Base ${mdCode(d.base.label)} → head ${mdCode(d.head.label)}${org ? ` · ${org}` : ''} · reference date ${d.asOf}`,
    '',
    '| | Base | Head |',
    '|---|---:|---:|',
    ...countRows(d).map(([label, before, after]) => `| ${label} | ${before} | ${before === after ? after : `**${after}**`} |`),
  ];
  for (const s of sections(d, esc)) {
    out.push('', '<details>', `<summary>${s.title} (${s.items.length})</summary>`, '');
    for (const i of s.items) out.push(`- ${i.line}`, ...i.details.map((x) => `  - ${x}`));
    out.push('', '</details>');
  }
  out.push('', `<sub>${timelineNote(d)} ${DISCLAIMER}</sub>`);
  return out.join('\n') + '\n';
}

/** The delta as JSON (the shape in docs/diff.md). */
export function renderDeltaJson(d: CoverageDelta): string {
  return safeJson(d) + '\n';
}

export function renderDelta(d: CoverageDelta, format: DiffFormat): string {
  return format === 'json' ? renderDeltaJson(d) : format === 'markdown' ? renderDeltaMarkdown(d) : renderDeltaText(d);
}
