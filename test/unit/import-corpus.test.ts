// The import corpus: realistic tables in the shapes SoAs arrive in (test/fixtures/import/), each
// with the SoA it must produce and the report and findings that go with it (expected/). Run with
// UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then read the diff.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { importTable } from '../../server/src/core/import';
import { countsLine, reportLines } from '../../server/src/core/import/summary';
import { MANIFEST } from '../helpers/fixtures';
import { checkFiles } from '../helpers/workspace';

const DIR = join(__dirname, '..', 'fixtures', 'import');
const EXPECTED = join(DIR, 'expected');
const update = process.env.UPDATE_GOLDEN === '1';

/** A workbook as SoAs are kept in Excel: a merged title row, rich text, formulas, a hyperlink, a second sheet, an empty one. */
export async function corpusWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'Statement of Applicability — Fabrikam Insurance';
  ws.addRow([
    'ISO 42001 Control',
    'Control name',
    'Applicable (Y/N)',
    'Reason for inclusion / exclusion',
    'Implementation status',
    'Evidence',
  ]);
  ws.addRow([
    { richText: [{ text: 'A.8.', font: { bold: true } }, { text: '3' }] },
    'External reporting',
    { formula: 'IF(TRUE,"Y","N")', result: 'Y' },
    'Regulators and customers can report concerns',
    'Partial',
    { text: 'Reporting procedure', hyperlink: 'procedures/external-reporting.md' },
  ]);
  ws.addRow(['A.8.4', 'Communication of incidents', 'Y', 'Incident procedure covers AI', 'Implemented', 'procedures/incidents.md']);
  ws.addRow(['A.8.5', 'Information for interested parties', 'N', 'No interested parties outside the group', null, null]);
  ws.addRow(['A.9.6', 'Human oversight of AI systems', 'Y', 'Four-eyes principle', 'Planned', null]);
  const b = wb.addWorksheet('Annex B');
  b.addRow(['Ref', 'Guidance', 'Applicable']);
  b.addRow(['B.8.4', 'Communication of incidents', 'Y']);
  wb.addWorksheet('Empty');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The report for one input: the counts, the import's own report, and the checker's findings on the result. */
async function run(name: string, bytes: Uint8Array): Promise<{ yaml: string; report: string }> {
  const r = await importTable({ name, bytes });
  if (r.error) return { yaml: '', report: `error: ${r.error}\n` };
  const diags = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': r.text }, { existing: ['evidence/x.md'] })['soa.aims.yaml'] ?? [];
  const findings = diags
    .filter((d) => d.code !== 'soa-missing-control')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
  // One soa-missing-control finding lists every missing control (data.missing): count the controls.
  const missing = diags
    .filter((d) => d.code === 'soa-missing-control')
    .reduce((n, d) => n + ((d.data as { missing?: string[] } | undefined)?.missing?.length ?? 1), 0);
  const report = [
    `${countsLine(r)}.`,
    ...reportLines(r),
    'Findings on the imported SoA:',
    ...findings.map((f) => `  ${f}`),
    `  (${missing} soa-missing-control)`,
  ];
  return { yaml: r.text, report: report.join('\n') + '\n' };
}

const inputs = readdirSync(DIR).filter((f) => !f.startsWith('.') && f !== 'expected' && !f.endsWith('.aims.yaml'));

describe('import corpus: each realistic table gives its expected SoA, report and findings', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ...inputs.map((f): [string, () => Promise<Uint8Array>] => [f, () => Promise.resolve(new Uint8Array(readFileSync(join(DIR, f))))]),
    ['fabrikam.xlsx', corpusWorkbook],
  ];
  for (const [name, load] of cases) {
    it(name, async () => {
      const { yaml, report } = await run(name, await load());
      const yamlFile = join(EXPECTED, `${name}.aims.yaml`);
      const reportFile = join(EXPECTED, `${name}.report.txt`);
      if (update) {
        mkdirSync(EXPECTED, { recursive: true });
        writeFileSync(yamlFile, yaml);
        writeFileSync(reportFile, report);
      }
      assert.equal(yaml, readFileSync(yamlFile, 'utf8'), `${name}: the SoA differs from ${yamlFile}`);
      assert.equal(report, readFileSync(reportFile, 'utf8'), `${name}: the report differs from ${reportFile}`);
      // Importing the same table into the SoA it produced changes nothing, comments included.
      if (yaml) {
        const again = await importTable({ name, bytes: await load() }, { existing: { path: '/ws/soa.aims.yaml', text: yaml } });
        assert.deepEqual([again.error, again.changes, again.text], [undefined, [], yaml], name);
      }
    });
  }
});
