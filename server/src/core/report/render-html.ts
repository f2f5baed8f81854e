import type { ControlState, WorkspaceCoverage } from '../coverage-types';
import { evidenceCell, evidenceSummary } from '../evidence-text';
import {
  CONTROL_STATES,
  DISCLAIMER,
  OBLIGATION_LABEL,
  STATE_LABEL,
  obligationCounts,
  stateColumns,
  systemKind,
  timelineNote,
} from './tables';
import { annexATally, gapCount } from '../coverage-summary';
import { count } from '../wording';
import { formatDate } from '../format-date';

export interface HtmlOptions {
  /** Nonce for the one inline style block (the webview's CSP allows only that). */
  nonce: string;
  /** In a VS Code webview: use the editor's theme variables; standalone: follow the OS light/dark setting. */
  webview: boolean;
}

/** Colour classes (the CSP forbids inline style attributes, so colours come from the style block). */
const COLORS: Record<ControlState, string> = {
  implemented: 'c-ok',
  partial: 'c-partial',
  planned: 'c-planned',
  'not-started': 'c-todo',
  excluded: 'c-muted',
  'no-status': 'c-todo',
  unjustified: 'c-warn',
  missing: 'c-err',
  unread: 'c-muted',
};
const COLOR_CSS = ['ok', 'partial', 'planned', 'todo', 'muted', 'warn', 'err']
  .map((c) => `.c-${c}{fill:var(--${c});background:var(--${c})}`)
  .join('');

function esc(s: string | number | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Each date of an escaped note in a span that does not wrap; the note around it wraps (a long one widened the table). */
function datesWhole(note: string): string {
  return note.replace(
    /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g,
    (d) => `<span class="date">${d}</span>`,
  );
}

/** A horizontal stacked bar as inline SVG (no script, no remote content). */
function bar(parts: { value: number; color: string; label: string }[], total: number): string {
  let x = 0;
  const rects = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const w = total ? (p.value / total) * 100 : 0;
      const r = `<rect x="${x}%" width="${w}%" height="14" class="${p.color}"><title>${esc(p.label)}: ${p.value}</title></rect>`;
      x += w;
      return r;
    })
    .join('');
  return `<svg class="bar" width="100%" height="14" role="img" aria-label="${esc(parts.map((p) => `${p.label} ${p.value}`).join(', '))}">${rects}</svg>`;
}

/**
 * The coverage report as one self-contained HTML page: per-topic and
 * per-system charts and tables. Used by the report webview (with a strict
 * CSP and the editor's theme) and by "Export Coverage Report" as HTML.
 */
export function renderHtml(list: WorkspaceCoverage[], opts: HtmlOptions): string {
  const theme = opts.webview
    ? `:root{--fg:var(--vscode-foreground);--bg:var(--vscode-editor-background);--border:var(--vscode-panel-border);--muted:var(--vscode-disabledForeground);--ok:var(--vscode-testing-iconPassed);--partial:var(--vscode-charts-yellow);--planned:var(--vscode-charts-blue);--todo:var(--vscode-charts-orange);--warn:var(--vscode-problemsWarningIcon-foreground);--err:var(--vscode-problemsErrorIcon-foreground)}body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}`
    : `:root{--fg:#1f2328;--bg:#fff;--border:#d0d7de;--muted:#8c959f;--ok:#1a7f37;--partial:#bf8700;--planned:#0969da;--todo:#bc4c00;--warn:#9a6700;--err:#cf222e}@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--border:#30363d;--muted:#6e7681;--ok:#3fb950;--partial:#d29922;--planned:#58a6ff;--todo:#db6d28;--warn:#d29922;--err:#f85149}}body{font-family:system-ui,sans-serif}`;
  const css = `${theme}body{color:var(--fg);background:var(--bg);margin:1.5em;line-height:1.4}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border-bottom:1px solid var(--border);padding:.25em .5em;text-align:left;vertical-align:top}td.n{text-align:right}.bar{display:block;min-width:12em}.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}.note{color:var(--muted)}.date{white-space:nowrap}${COLOR_CSS}`;
  const legend = `<p class="legend">${stateColumns(list.some((c) => c.annexA.unread > 0))
    .map((s) => `<span><i class="${COLORS[s]}"></i>${STATE_LABEL[s]}</span>`)
    .join('')}</p>`;
  const body: string[] = [];
  for (const c of list) {
    body.push(`<h1>AIMS coverage${c.organisation ? `: ${esc(c.organisation)}` : ''}</h1>`);
    body.push(
      `<p class="note">Reference date ${esc(c.asOf)}. ${esc(timelineNote(c))} Findings: ${count(c.findings.error, 'error')}, ${count(c.findings.warning, 'warning')}. ${esc(evidenceSummary(c))}</p>`,
    );
    body.push(
      `<h2>ISO/IEC 42001 Annex A</h2><p>${c.annexA.addressed} of ${c.annexA.total} controls addressed; ${esc(annexATally(c.annexA, c.root))}.</p>${legend}`,
    );
    body.push('<table><thead><tr><th>Topic</th><th>Coverage</th><th>Implemented</th><th>Gaps</th></tr></thead><tbody>');
    for (const t of c.annexA.topics) {
      const parts = CONTROL_STATES.map((s) => ({ value: t.counts[s], color: COLORS[s], label: STATE_LABEL[s] }));
      const gaps = gapCount(t.counts);
      body.push(
        `<tr><td>${esc(t.id)} ${esc(t.title)}</td><td>${bar(parts, t.controls.length)}</td><td class="n">${t.counts.implemented}/${t.controls.length}</td><td class="n">${gaps}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
    body.push(
      '<details><summary>Every control</summary><table><thead><tr><th>Control</th><th>State</th><th>Owner</th><th>Evidence</th><th>Justification</th></tr></thead><tbody>',
    );
    for (const k of c.annexA.topics.flatMap((t) => t.controls)) {
      body.push(
        `<tr><td>${esc(k.id)} ${esc(k.title)}</td><td>${STATE_LABEL[k.state]}</td><td>${esc(k.owner)}</td><td>${esc(evidenceCell(k))}</td><td>${esc(k.justification)}</td></tr>`,
      );
    }
    body.push('</tbody></table></details>');
    body.push('<h2>EU AI Act obligations per system</h2>');
    if (c.systems.length === 0) body.push('<p>No AI system records.</p>');
    for (const s of c.systems) {
      const n = obligationCounts(s.obligations);
      const parts = [
        { value: n.met, color: COLORS.implemented, label: 'Met' },
        { value: n.partial, color: COLORS.partial, label: 'Partial' },
        { value: n.gap, color: COLORS.unjustified, label: 'Gap' },
        { value: n.missing, color: COLORS.missing, label: 'Missing' },
        { value: n['not-applicable'], color: COLORS.excluded, label: 'Not applicable' },
      ];
      body.push(`<h3>${esc(s.name)} <span class="note">${esc(s.id)} · ${esc(systemKind(s))} · ${esc(s.roles.join(', '))}</span></h3>`);
      body.push(bar(parts, s.obligations.length));
      body.push(
        '<table><thead><tr><th>Obligation</th><th>Status</th><th>Applies from</th><th>Evidence</th><th>ISO/IEC 42001 controls</th></tr></thead><tbody>',
      );
      for (const o of s.obligations) {
        body.push(
          `<tr><td>${esc(o.ref)} ${esc(o.title)}</td><td>${OBLIGATION_LABEL[o.status]}</td><td>${datesWhole(esc(o.dateNote ?? (o.appliesFrom && formatDate(o.appliesFrom))))}</td><td>${esc(evidenceCell(o))}</td><td>${esc(o.controls.map((k) => `${k.id} (${k.state})`).join(', '))}</td></tr>`,
        );
      }
      body.push('</tbody></table>');
    }
    body.push(`<p class="note">${esc(DISCLAIMER)}</p>`);
  }
  const csp = `default-src 'none'; style-src 'nonce-${opts.nonce}'; img-src data:;`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>AIMS coverage report</title><style nonce="${opts.nonce}">${css}</style></head><body>${body.join('\n')}</body></html>\n`;
}
