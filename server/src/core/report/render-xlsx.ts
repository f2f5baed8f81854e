import type { Worksheet } from 'exceljs';
import type { WorkspaceCoverage } from '../coverage-types';
import { evidenceCell, evidenceSummary } from '../evidence-text';
import { loadExcelJs } from '../import/exceljs';
import { folderName } from './portable';
import { annexATally } from '../coverage-summary';
import { DISCLAIMER, OBLIGATION_LABEL, STATE_LABEL, timelineNote } from './tables';

/** A row of text cells: every value is written as a string, so a spreadsheet never runs one as a formula. */
type TextRow = (string | undefined)[];

function addTable(ws: Worksheet, header: string[], rows: TextRow[]): void {
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => v ?? ''));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((h, i) => {
    const longest = Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

/**
 * The coverage report as an .xlsx workbook, for auditors who work in a
 * spreadsheet: a summary sheet, one row per Annex A control, one row per
 * obligation of each system. Cell values are plain strings (exceljs writes a
 * formula only for `{ formula }` values), so `=HYPERLINK(…)` in a
 * justification stays text.
 */
export async function renderXlsx(list: WorkspaceCoverage[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AIMS';
  const summary = wb.addWorksheet('Summary');
  const controls = wb.addWorksheet('Annex A');
  const obligations = wb.addWorksheet('AI Act obligations');
  const summaryRows: TextRow[] = [];
  const controlRows: TextRow[] = [];
  const obligationRows: TextRow[] = [];
  for (const c of list) {
    // The folder's name, not its absolute path: a report leaves the machine.
    const root = folderName(c.root);
    summaryRows.push(
      [root, 'Organisation', c.organisation],
      [root, 'Reference date', c.asOf],
      [root, 'Timeline', timelineNote(c)],
      [root, 'Annex A', `${c.annexA.addressed} of ${c.annexA.total} controls addressed; ${annexATally(c.annexA, c.root)}`],
      [root, 'Findings', `${c.findings.error} errors, ${c.findings.warning} warnings, ${c.findings.information} notes`],
      [root, 'AI systems', String(c.systems.length)],
      [root, 'Evidence', evidenceSummary(c)],
    );
    for (const t of c.annexA.topics)
      for (const k of t.controls)
        controlRows.push([
          root,
          `${t.id} ${t.title}`,
          k.id,
          k.title,
          STATE_LABEL[k.state],
          k.owner,
          k.evidence.join('; '),
          k.justification,
          evidenceCell(k, '; '),
        ]);
    for (const s of c.systems)
      for (const o of s.obligations)
        obligationRows.push([
          root,
          `${s.name} (${s.id})`,
          s.tier,
          o.ref,
          o.title,
          OBLIGATION_LABEL[o.status],
          o.appliesFrom,
          o.otherDate,
          o.evidence.join('; '),
          o.controls.map((k) => `${k.id} (${k.state})`).join('; '),
          evidenceCell(o, '; '),
        ]);
  }
  summaryRows.push(['', 'Note', DISCLAIMER]);
  addTable(summary, ['Workspace', 'Item', 'Value'], summaryRows);
  addTable(
    controls,
    ['Workspace', 'Topic', 'Control', 'Title', 'State', 'Owner', 'Evidence', 'Justification', 'Evidence status'],
    controlRows,
  );
  addTable(
    obligations,
    [
      'Workspace',
      'System',
      'Tier',
      'Obligation',
      'Title',
      'Status',
      'Applies from',
      'Other timeline',
      'Evidence',
      'ISO/IEC 42001 controls (SoA state)',
      'Evidence status',
    ],
    obligationRows,
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
