import type { WorkspaceCoverage } from '../coverage-types';
import { escapeMarkdown } from '../escape-markdown';
import { evidenceCell, evidenceSummary } from '../evidence-text';
import { portable } from './portable';
import { DISCLAIMER, OBLIGATION_LABEL, STATE_LABEL, obligationCounts, stateColumns, timelineNote } from './tables';
import { annexATally } from '../coverage-summary';
import { count } from '../wording';

/** A value from the records as inline Markdown (a heading, a table cell, running text): it cannot add a block, HTML or a link. */
function cell(s: string | number | undefined): string {
  return escapeMarkdown(String(s ?? ''));
}

/** The auditor's coverage report as Markdown: Annex A by topic, every control, obligations per system. */
export function renderMarkdown(list: WorkspaceCoverage[]): string {
  const out: string[] = [];
  for (const c of list) {
    out.push(`# AIMS coverage report${c.organisation ? `: ${cell(c.organisation)}` : ''}`, '');
    out.push(`Reference date ${c.asOf}. ${timelineNote(c)}`, '');
    out.push(
      `Findings: ${count(c.findings.error, 'error')}, ${count(c.findings.warning, 'warning')}, ${count(c.findings.information, 'note')}.`,
      '',
    );
    // Generated words; the one value from the records, evidenceMaxAge, is a validated duration.
    out.push(evidenceSummary(c), '');
    out.push('## ISO/IEC 42001 Annex A', '');
    out.push(
      `${c.annexA.addressed} of ${c.annexA.total} controls addressed in the Statement of Applicability; ${annexATally(c.annexA, c.root)}.`,
      '',
    );
    const columns = stateColumns(c.annexA.unread > 0);
    out.push(`| Topic | ${columns.map((s) => STATE_LABEL[s]).join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`);
    for (const t of c.annexA.topics) out.push(`| ${cell(`${t.id} ${t.title}`)} | ${columns.map((s) => t.counts[s]).join(' | ')} |`);
    out.push(`| **Total** | ${columns.map((s) => `**${c.annexA.totals[s]}**`).join(' | ')} |`, '');
    out.push('| Control | Title | State | Owner | Evidence | Justification |', '|---|---|---|---|---|---|');
    for (const t of c.annexA.topics) {
      for (const k of t.controls) {
        out.push(
          `| ${cell(k.id)} | ${cell(k.title)} | ${STATE_LABEL[k.state]} | ${cell(k.owner)} | ${cell(evidenceCell(k))} | ${cell(k.justification)} |`,
        );
      }
    }
    out.push('', '## EU AI Act obligations per system', '');
    if (c.systems.length === 0) out.push('No AI system records.', '');
    for (const s of c.systems) {
      const n = obligationCounts(s.obligations);
      out.push(`### ${cell(s.name)} (${cell(s.id)})`, '');
      out.push(
        `${s.gpaiModel ? 'A general-purpose AI model (Chapter V)' : `Tier: ${cell(s.tier ?? 'not classified')}${s.annexIII || s.annexI ? ` (${cell(s.annexIII ?? s.annexI ?? '')})` : ''}`}. Roles: ${cell(s.roles.join(', ')) || 'none'}. ${n.met} met, ${n.partial} partial, ${count(n.gap, 'gap')}, ${n.missing} missing.`,
        '',
      );
      out.push('| Obligation | Status | Applies from | Evidence | ISO/IEC 42001 controls (SoA state) |', '|---|---|---|---|---|');
      for (const o of s.obligations) {
        out.push(
          `| ${cell(`${o.ref} ${o.title}`)} | ${OBLIGATION_LABEL[o.status]} | ${cell(o.dateNote ?? o.appliesFrom)} | ${cell(evidenceCell(o))} | ${o.controls.map((k) => `${cell(k.id)} (${k.state})`).join(', ')} |`,
        );
      }
      out.push('');
    }
    out.push(`> ${DISCLAIMER}`, '');
  }
  return out.join('\n');
}

/**
 * A CSV cell. One that a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms)
 * gets a leading single quote and double quotes around it, as OWASP's CSV
 * injection guidance says: the cell then shows the text as written.
 */
function csvCell(v: string | number | boolean | undefined): string {
  const raw = String(v ?? '');
  const formula = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(raw);
  const s = formula ? `'${raw}` : raw;
  return formula || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per Annex A control and per obligation, for spreadsheets. */
export function renderCsv(all: WorkspaceCoverage[]): string {
  const list = portable(all);
  const rows: (string | number | undefined)[][] = [
    [
      'workspace',
      'type',
      'system',
      'id',
      'title',
      'state',
      'applies_from',
      'owner',
      'evidence',
      'justification_or_controls',
      'applies_from_source',
      'evidence_status',
      'stale_evidence',
    ],
  ];
  for (const c of list) {
    for (const t of c.annexA.topics) {
      for (const k of t.controls)
        rows.push([
          c.root,
          'control',
          '',
          k.id,
          k.title,
          k.state,
          '',
          k.owner,
          k.evidence.join('; '),
          k.justification,
          '',
          evidenceCell(k, '; '),
          k.staleEvidence,
        ]);
    }
    for (const s of c.systems) {
      for (const o of s.obligations) {
        rows.push([
          c.root,
          'obligation',
          s.id,
          o.ref,
          o.title,
          o.status,
          o.appliesFrom,
          '',
          o.evidence.join('; '),
          o.controls.map((k) => k.id).join('; '),
          o.dateNote,
          evidenceCell(o, '; '),
          o.staleEvidence,
        ]);
      }
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The coverage data itself, with paths relative to each workspace folder. */
export function renderJson(list: WorkspaceCoverage[]): string {
  // The notes travel with the data, so a reader of the JSON alone knows where dates come from.
  return (
    JSON.stringify({ workspaces: portable(list).map((c) => ({ ...c, timelineNote: timelineNote(c), disclaimer: DISCLAIMER })) }, null, 2) +
    '\n'
  );
}
