import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { checkWorkspace, defaultOptions, parseFile, type WorkspaceCoverage } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { checkTexts, diffVersions, renderDeltaText } from '../../server/src/core/diff';
import { renderCsv, renderHtml, renderJson, renderMarkdown, renderXlsx } from '../../server/src/core/report';
import { MANIFEST, soa } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';

/** A workspace with evidence that is current, stale, expired and missing. */
function coverage(maxAge = true): WorkspaceCoverage[] {
  const files = {
    'aims.aims.yaml': maxAge ? MANIFEST.replace('scope:', 'evidenceMaxAge: P12M\nscope:') : MANIFEST,
    'soa.aims.yaml': soa().replace('    evidence: [evidence/x.md]', '    evidence: [{ path: evidence/x.md, reviewedOn: 2025-05-01 }]'),
    'systems/chat.aims.yaml':
      'aims: 1\nkind: AISystem\nid: chat\nname: Chat\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n  Art. 4:\n    status: met\n    evidence:\n      - { path: ../evidence/x.md, reviewedOn: 2026-06-01 }\n      - { path: ../evidence/cert.pdf, expires: 2026-10-31 }\n      - ../evidence/gone.md\n',
  };
  const parsed = Object.entries(files).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const options = defaultOptions({ asOf: '2026-11-23' });
  const r = checkWorkspace(ROOT, parsed, options, fakeFs(['evidence/x.md', 'evidence/cert.pdf']));
  return [computeCoverage(r.index, r.diagnostics, options)];
}

const ART4 = '../evidence/x.md (reviewed 1 June 2026), ../evidence/cert.pdf (expired 31 October 2026), ../evidence/gone.md (missing)';
const A22 = 'evidence/x.md (stale: reviewed 1 May 2025, review due 1 May 2026)';

describe('every report format shows stale and expired evidence apart from missing', () => {
  it('Markdown: a summary line, and each entry with its state', () => {
    const md = renderMarkdown(coverage());
    assert.ok(
      md.includes('\nEvidence: 41 entries: 1 stale, 1 expired, 1 missing. A review holds for P12M (evidenceMaxAge).\n'),
      md.slice(0, 600),
    );
    assert.ok(md.includes(`| A.2.2 | AI policy | Implemented | aims-owner | ${A22.replace(/[()]/g, '\\$&')} |`), md);
    assert.ok(md.includes(`| ${ART4.replace(/[()]/g, '\\$&')} |`));
    assert.ok(
      renderMarkdown(coverage(false)).includes(
        '\nEvidence: 41 entries: 1 expired, 1 missing. No evidenceMaxAge is set, so only expiry dates make evidence out of date.\n',
      ),
    );
  });

  it('HTML: the same words, escaped', () => {
    const html = renderHtml(coverage(), { nonce: 'n', webview: false });
    assert.ok(html.includes('Evidence: 41 entries: 1 stale, 1 expired, 1 missing. A review holds for P12M (evidenceMaxAge).'));
    assert.ok(html.includes(`<td>${A22}</td>`));
    assert.ok(html.includes(`<td>${ART4}</td>`));
  });

  it('CSV: two more columns at the end, the old ones where they were', () => {
    const rows = renderCsv(coverage()).split('\r\n');
    assert.equal(
      rows[0],
      'workspace,type,system,id,title,state,applies_from,owner,evidence,justification_or_controls,applies_from_source,evidence_status,stale_evidence',
    );
    const a22 = rows.find((r) => r.includes(',control,,A.2.2,'))!;
    assert.equal(a22, `ws,control,,A.2.2,AI policy,implemented,,aims-owner,evidence/x.md,Needed for our systems.,,"${A22}",1`);
    const art4 = rows.find((r) => r.includes(',obligation,chat,Art. 4,'))!;
    assert.ok(art4.endsWith(`,${ART4.replace(/, /g, '; ')},1`), art4);
  });

  it('JSON: the state of each entry, the count, and the maximum age', () => {
    const json = JSON.parse(renderJson(coverage())) as { workspaces: WorkspaceCoverage[] };
    const w = json.workspaces[0];
    assert.equal(w.evidenceMaxAge, 'P12M');
    const o = w.systems[0].obligations.find((x) => x.ref === 'Art. 4')!;
    assert.deepEqual(
      o.evidenceStatus.map((s) => s.state),
      ['ok', 'expired', 'missing'],
    );
    assert.equal(o.staleEvidence, 1);
  });

  it('xlsx: an "Evidence status" column on both sheets and an Evidence row in the summary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(coverage())) as unknown as ArrayBuffer);
    const a = wb.getWorksheet('Annex A')!;
    assert.equal(a.getRow(1).getCell(9).value, 'Evidence status');
    assert.equal(a.getRow(2).getCell(9).value, A22);
    const o = wb.getWorksheet('AI Act obligations')!;
    assert.equal(o.getRow(1).getCell(11).value, 'Evidence status');
    const art4 = o.getRows(2, o.rowCount - 1)!.find((r) => r.getCell(4).value === 'Art. 4')!;
    assert.equal(art4.getCell(11).value, ART4.replace(/, \.\./g, '; ..'));
    const summary = wb.getWorksheet('Summary')!;
    const row = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(2).value === 'Evidence')!;
    assert.equal(row.getCell(3).value, 'Evidence: 41 entries: 1 stale, 1 expired, 1 missing. A review holds for P12M (evidenceMaxAge).');
  });
});

describe('aims diff on a review of stale evidence', () => {
  it('shows the finding fixed, with no noise from the derived states and counts', () => {
    const manifest = MANIFEST.replace('scope:', 'evidenceMaxAge: P12M\nscope:');
    const at = (reviewedOn: string) => ({
      'aims.aims.yaml': manifest,
      'soa.aims.yaml': soa().replace('    evidence: [evidence/x.md]', `    evidence: [{ path: evidence/x.md, reviewedOn: ${reviewedOn} }]`),
    });
    const version = (files: Record<string, string>) =>
      checkTexts(
        ROOT,
        Object.entries(files).map(([path, text]) => ({ path, text })),
        defaultOptions({ asOf: '2026-11-23' }),
        fakeFs(['evidence/x.md']),
      );
    const text = renderDeltaText(diffVersions(version(at('2025-05-01')), version(at('2026-11-23')), { base: 'base', head: 'head' }));
    assert.doesNotMatch(text, /Annex A controls changed/);
    assert.match(text, /soa\.aims\.yaml:\d+:\d+ warning evidence-stale Evidence 'evidence\/x\.md' was last reviewed on 1 May 2025/);
    assert.doesNotMatch(text, /evidenceStatus|staleEvidence|reviewDue|"state"/);
  });
});
