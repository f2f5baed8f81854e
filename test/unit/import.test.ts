import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { importTable, type ImportResult } from '../../server/src/core/import';
import type { Diagnostic } from '../../server/src/core';
import { MANIFEST } from '../helpers/fixtures';
import { checkFiles } from '../helpers/workspace';

const DIR = join(__dirname, '..', 'fixtures', 'import');

function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)));
}

async function imp(name: string, data = bytes(name), opts: Parameters<typeof importTable>[1] = {}): Promise<ImportResult> {
  return importTable({ name, bytes: data }, opts);
}

interface Soa {
  controls: Record<string, Record<string, unknown>>;
  additionalControls?: Record<string, Record<string, unknown>>;
}

function soaOf(r: ImportResult): Soa {
  assert.equal(r.error, undefined, r.error);
  return parse(r.text) as Soa;
}

/** The checker's findings on the imported SoA in a workspace with a clean manifest. */
function findingsOf(r: ImportResult): Diagnostic[] {
  return (
    checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': r.text }, { existing: ['policies/ai-policy.md', 'evidence/x.md'] })[
      'soa.aims.yaml'
    ] ?? []
  );
}

/** The finding of `code` on the line of key `key` (or a line below it, within its entry). */
function findingAt(r: ImportResult, code: string, key: string): Diagnostic | undefined {
  const lines = r.text.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s+${key.replace(/\./g, '\\.')}:`).test(l));
  assert.ok(at >= 0, `${key} is in the file:\n${r.text}`);
  const indent = /^\s*/.exec(lines[at])![0].length;
  let end = at + 1;
  while (end < lines.length && (lines[end].trim() === '' || /^\s*/.exec(lines[end])![0].length > indent)) end++;
  return findingsOf(r).find((d) => d.code === code && d.range.start.line >= at && d.range.start.line < end);
}

describe('import: every row accounted for', () => {
  it('a Markdown SoA with Annex B/C/D/E tables keeps every row, each non-Annex-A id under additionalControls with its source', async () => {
    const r = await imp('annexes.md');
    const soa = soaOf(r);
    assert.deepEqual(Object.keys(soa.controls), ['A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3']);
    assert.deepEqual(Object.keys(soa.additionalControls ?? {}), ['B.2.2', 'B.5.2', 'C.2.5', 'C.3.4', 'D.2', 'E.4.2']);
    assert.equal(soa.additionalControls!['B.2.2'].source, 'annexes.md, table "Annex B guidance we follow", row 2');
    assert.equal(soa.additionalControls!['E.4.2'].title, 'Model cards for every model in production');
    // The row without an id and the topic heading row are comments, not lost.
    assert.match(r.text, /# row 3 of table "Annex E controls from the group framework", without a control id: .*Legacy rule engine review/);
    assert.match(r.text, /# A\.2 Policies related to AI/);
    // The document history table has no id column: reported, not silently dropped.
    assert.ok(r.problems.some((p) => /Document history.*no control id column.*2 rows/.test(p.message)));
    assert.deepEqual(r.summary, { read: 15, written: 13, attention: r.summary.attention });
    assert.ok(r.summary.attention >= 6);
    const b = r.problems.find((p) => p.message.startsWith('B.2.2'))!;
    assert.equal(
      b.message,
      'B.2.2 is not an ISO/IEC 42001 control: Annex B is the implementation guidance for the Annex A controls (B.2.2 is the guidance for A.2.2); the entry is kept under additionalControls.',
    );
    assert.match(
      r.problems.find((p) => p.message.startsWith('E.4.2'))!.message,
      /not an ISO\/IEC 42001 id: the standard has Annexes A to D/,
    );
    assert.match(findingAt(r, 'soa-not-a-control', 'B.2.2')!.message, /Annex B is the implementation guidance/);
    assert.match(
      findingAt(r, 'soa-not-a-control', 'C.2.5')!.message,
      /Annex C lists potential AI-related organisational objectives \(C\.2\) and risk sources \(C\.3\)/,
    );
    assert.match(findingAt(r, 'soa-not-a-control', 'D.2')!.message, /Annex D/);
  });

  it('takes the ID column, not the "Control" column of names, and reports the table\'s real mistakes on their entries', async () => {
    const r = await imp('id-and-name.csv');
    const soa = soaOf(r);
    assert.ok(soa.controls['A.2.2']);
    assert.equal(soa.controls['A.2.2'].title, 'AI policy');
    assert.equal(soa.controls['A.2.2'].applicable, true);
    assert.equal(soa.controls['A.2.2'].justification, 'Root of the AIMS');
    assert.equal(soa.controls['A.10.3'].applicable, false);
    assert.equal(soa.controls['A.2.2'].owner, 'aims-owner');
    assert.ok(r.columns.some((c) => c.header === 'ID' && c.field === 'id'));
    assert.ok(r.columns.some((c) => c.header === 'Control' && c.field === 'title'));
    assert.match(
      findingAt(r, 'soa-unknown-control', 'A.6.2.9')!.message,
      /A\.6\.2\.9 is not an Annex A control.*did you mean A\.6\.2\.8 \(AI system recording of event logs\)/,
    );
    assert.ok(findingAt(r, 'soa-unknown-control', 'A.6.2.10'));
    assert.ok(findingAt(r, 'soa-unknown-control', 'A.6.2.11'));
    assert.match(
      findingAt(r, 'soa-unknown-control', 'A.6.1.1')!.message,
      /A\.6\.1\.2 \(Objectives for responsible development of AI system\)/,
    );
    assert.match(findingAt(r, 'soa-title-mismatch', 'A.7.4')!.message, /that is the title of A\.7\.5/);
    assert.match(findingAt(r, 'soa-title-mismatch', 'A.8.2')!.message, /"Customer communication plan"/);
    assert.equal(findingsOf(r).filter((d) => d.code === 'soa-title-mismatch').length, 2);
  });

  it('reads an id column headed "ISO 42001 Control" and keeps the unrecognised column in notes, named once', async () => {
    const r = await imp('mapping.csv');
    const soa = soaOf(r);
    assert.deepEqual(Object.keys(soa.controls), ['A.5.2', 'A.6.2.7', 'A.6.2.8', 'A.9.2']);
    assert.match(String(soa.controls['A.5.2'].notes), /EU AI Act article: Art\. 27/);
    assert.equal(r.problems.filter((p) => p.message.includes('EU AI Act article')).length, 1);
    assert.deepEqual(r.summary, { read: 4, written: 4, attention: r.summary.attention });
  });

  it('reads GFM tables without outer pipes, with alignment rows and markup around ids, and merges both tables', async () => {
    const r = await imp('gfm-variants.md');
    const soa = soaOf(r);
    assert.deepEqual(Object.keys(soa.controls), ['A.4.5', 'A.4.6', 'A.5.4', 'A.7.2', 'A.7.3']);
    assert.equal(soa.controls['A.4.6'].justification, 'Staffing plan per project | reviewed quarterly');
    assert.equal(soa.controls['A.4.6'].status, 'partial');
    assert.equal(soa.controls['A.5.4'].applicable, false);
    assert.equal(soa.controls['A.7.2'].title, 'Data for development and enhancement of AI system');
  });

  it('reads tab-separated exports and quoted headers with commas', async () => {
    const tsv = soaOf(await imp('tab-export.tsv'));
    assert.deepEqual(Object.keys(tsv.controls), ['A.4.2', 'A.4.3', 'A.4.4']);
    assert.equal(tsv.controls['A.4.3'].justification, 'Data sets are catalogued; see the "data register"');
    const q = await imp('quoted-headers.csv');
    const soa = soaOf(q);
    assert.deepEqual(Object.keys(soa.controls), ['A.5.2', 'A.5.3', 'A.5.5']);
    assert.equal(soa.controls['A.5.2'].justification, 'Needed for every high-risk system, per the impact procedure');
    assert.equal(soa.controls['A.5.2'].owner, 'head-of-risk');
    assert.equal(soa.controls['A.5.5'].applicable, false);
  });

  it('normalises "A 5 2", "A-5-3" and "A.5.4." and says so; keeps an ambiguous "A52" as written; keeps duplicates and id-less rows', async () => {
    const r = await imp('mistakes.csv');
    const soa = soaOf(r);
    assert.ok(soa.controls['A.5.2'] && soa.controls['A.5.3'] && soa.controls['A.5.4']);
    assert.ok(r.problems.some((p) => p.message === 'Read "A 5 2" as A.5.2.'));
    assert.ok(r.problems.some((p) => p.message === 'Read "A-5-3" as A.5.3.'));
    assert.ok(r.problems.some((p) => /"A52" is ambiguous/.test(p.message)));
    assert.ok(soa.controls['A52'], 'A52 is kept under controls for the checker to question');
    assert.match(findingAt(r, 'soa-unknown-control', 'A52')!.message, /did you mean A\.5\.2/);
    // Duplicates: the second row is kept as a comment under the first entry, with a note.
    assert.match(r.text, /# row 7 repeats A\.5\.3/);
    assert.match(r.text, /# row 8 repeats A\.5\.5 with other values: .*No societal reach/);
    assert.ok(r.problems.some((p) => /A\.5\.5 appears in rows 6 and 8 with different values/.test(p.message)));
    assert.match(r.text, /# row 9, without a control id: .*Quarterly AI committee minutes/);
    // The unrecognised column is named once and kept in notes.
    assert.equal(soa.controls['A.5.2'].notes, 'Risk ref: R-3');
    assert.match(findingAt(r, 'soa-unknown-control', 'A.9.5')!.message, /did you mean A\.9\.4 \(Intended use of the AI system\)/);
    assert.match(findingAt(r, 'soa-unknown-control', 'A.3.4')!.message, /did you mean A\.3\.3 \(Reporting of concerns\)/);
    assert.match(
      findingAt(r, 'soa-unknown-control', 'A.6.3.2')!.message,
      /did you mean A\.6\.2\.2 \(AI system requirements and specification\)/,
    );
    assert.match(findingAt(r, 'soa-title-mismatch', 'A.9.2')!.message, /that is the title of A\.2\.2/);
    assert.deepEqual(r.summary, { read: 12, written: 12, attention: r.summary.attention });
  });
});

describe('import: what a row without an id says, and what needs attention', () => {
  const csv = [
    'Control ID;Control name;Applicable?;Justification;Status',
    'A.2.2;AI policy;Yes;Board-approved policy;Implemented',
    'A.2.3;Alignment with other organizational policies;Yes;;Planned',
    'A.2.4;Review of the AI policy;;Reviewed yearly;Planned',
    'Total;;;;',
    'ISO 27001 A.5.1;Information security policies;Yes;ISMS;Implemented',
  ].join('\n');
  const run = () => imp('export.csv', new TextEncoder().encode(csv));

  it('keeps the text of the id column in the comment when it is not an id', async () => {
    const r = await run();
    assert.match(r.text, /# row 5, without a control id: Control ID: Total\n/);
    assert.match(r.text, /# row 6, without a control id: Control ID: ISO 27001 A\.5\.1; Control name: Information security policies; /);
  });

  it('lists every row it counts as needing attention', async () => {
    const r = await run();
    const attention = r.problems.filter((p) => p.level === 'attention');
    assert.equal(r.summary.attention, 4);
    assert.deepEqual(
      attention.map((p) => p.message),
      [
        'Row 5 has no control id; it is kept as a comment.',
        'Row 6 has no control id; it is kept as a comment.',
        'A.2.3 (row 3) has no justification: write why it is included or excluded (clause 6.1.3).',
        'A.2.4 (row 4) has no applicability: set applicable to true or false.',
      ],
    );
  });
});

describe('import: titles judged like an auditor', () => {
  it('a correct list of the 38 controls in British spelling raises no finding at all', async () => {
    const r = await imp('british-38.csv');
    const f = findingsOf(r).filter((d) => d.code.startsWith('soa-'));
    assert.deepEqual(
      f.map((d) => `${d.code} ${d.message}`),
      [],
    );
  });

  it('reworded titles are at most a hint; a "Title — description" cell is split', async () => {
    const r = await imp('reworded.md');
    const f = findingsOf(r).filter((d) => d.code.startsWith('soa-title'));
    assert.ok(
      f.every((d) => d.severity === 'hint'),
      f.map((d) => `${d.severity} ${d.message}`).join('\n'),
    );
    assert.ok(f.length >= 4);
    assert.equal(soaOf(r).controls['A.8.2'].title, 'System documentation and information for users');
    assert.match(String(soaOf(r).controls['A.8.2'].notes), /what each user is told about the system/);
  });

  it('translated titles are kept in notes, not reported as 38 wrong titles', async () => {
    for (const name of ['german.csv', 'french.md', 'spanish.csv']) {
      const r = await imp(name);
      const soa = soaOf(r);
      const first = Object.values(soa.controls)[0];
      assert.equal(first.title, undefined, name);
      assert.match(String(first.notes), /^Title in the table: /, name);
      assert.equal(findingsOf(r).filter((d) => d.code === 'soa-title-mismatch').length, 0, name);
    }
    const de = soaOf(await imp('german.csv'));
    assert.equal(de.controls['A.2.2'].applicable, true);
    assert.equal(de.controls['A.2.2'].status, 'implemented');
    assert.equal(de.controls['A.2.3'].status, 'partial');
    assert.equal(de.controls['A.10.4'].applicable, false);
    assert.equal(de.controls['A.2.2'].justification, 'Grundlage des KI-Managementsystems');
    const fr = soaOf(await imp('french.md'));
    assert.equal(fr.controls['A.2.2'].status, 'implemented');
    assert.equal(fr.controls['A.10.4'].applicable, false);
    const es = soaOf(await imp('spanish.csv'));
    assert.equal(es.controls['A.3.2'].applicable, true);
    assert.equal(es.controls['A.3.3'].justification, 'Cubierto por el canal de denuncias del grupo');
  });
});

/** A workbook as an auditor's spreadsheet looks: a merged title row, rich text, formulas, a second sheet. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'Statement of Applicability — Contoso';
  ws.addRow(['Control', 'Title', 'Applicable', 'Justification', 'Evidence']);
  ws.addRow([
    { richText: [{ text: 'A.2.', font: { bold: true } }, { text: '2' }] },
    'AI policy',
    { formula: 'IF(TRUE,"Yes","No")', result: 'Yes' },
    'Root of the AIMS',
    { text: 'policies/ai-policy.md', hyperlink: 'policies/ai-policy.md' },
  ]);
  ws.addRow([
    'A.2.3',
    { richText: [{ text: 'Alignment with other ' }, { text: 'organisational', font: { italic: true } }, { text: ' policies' }] },
    'No',
    'Only one policy exists',
    null,
  ]);
  const b = wb.addWorksheet('Annex B');
  b.addRow(['Ref', 'Guidance', 'Applicable']);
  b.addRow(['B.7.4', 'Quality of data for AI systems', 'Yes']);
  wb.addWorksheet('Empty');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('import: spreadsheets and unreadable input', () => {
  it('reads every sheet of an .xlsx: merged title rows, rich text, cached formula values, hyperlinks', async () => {
    const r = await imp('contoso.xlsx', await workbook());
    const soa = soaOf(r);
    assert.deepEqual(soa.controls['A.2.2'], {
      title: 'AI policy',
      applicable: true,
      justification: 'Root of the AIMS',
      evidence: ['policies/ai-policy.md'],
    });
    assert.equal(soa.controls['A.2.3'].applicable, false);
    assert.equal(soa.controls['A.2.3'].title, 'Alignment with other organisational policies');
    assert.equal(soa.additionalControls!['B.7.4'].source, 'contoso.xlsx, sheet "Annex B", row 2');
    assert.deepEqual(r.summary, { read: 3, written: 3, attention: r.summary.attention });
  });

  it('refuses what it cannot read with a clear error, never an empty file', async () => {
    const xlsx = await workbook();
    const asCsv = await imp('soa.csv', xlsx);
    assert.match(asCsv.error ?? '', /soa\.csv is an Excel workbook \(\.xlsx\), not CSV text/);
    // …but it is read as the workbook it is when the name says so.
    assert.equal((await imp('soa.xlsx', xlsx)).error, undefined);
    assert.match(
      (await imp('soa.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).error ?? '',
      /legacy Excel 97-2003 workbook.*save it as \.xlsx or CSV/,
    );
    assert.match((await imp('soa.pdf', new TextEncoder().encode('%PDF-1.7\n'))).error ?? '', /soa\.pdf is a PDF/);
    assert.match((await imp('soa.csv', new Uint8Array())).error ?? '', /soa\.csv is empty/);
    assert.match(
      (await imp('notes.md', new TextEncoder().encode('# Notes\n\nNo table here.\n'))).error ?? '',
      /No table found in notes\.md/,
    );
    assert.match((await imp('bin.csv', new Uint8Array([0x41, 0, 0, 0, 0x42, 0xff, 0xfe, 0]))).error ?? '', /binary/);
    assert.match(
      (await imp('huge.csv', new Uint8Array(11 * 1024 * 1024).fill(0x41))).error ?? '',
      /huge\.csv is 11\.0 MB; an SoA table is far smaller/,
    );
  });

  it('reads UTF-16 text as Excel saves "Unicode text"', async () => {
    const text = '\uFEFFControl\tApplicable\tJustification\r\nA.2.2\tyes\tRoot of the AIMS\r\n';
    const buf = Buffer.from(text, 'utf16le');
    const soa = soaOf(await imp('soa.txt', new Uint8Array(buf)));
    assert.equal(soa.controls['A.2.2'].justification, 'Root of the AIMS');
  });
});

describe('import: merge into an existing SoA', () => {
  const EXISTING_SOA = `# Our SoA, kept by the AIMS owner
aims: 1
kind: StatementOfApplicability
approvedBy: aims-owner
controls:
  A.2.2:
    title: AI policy
    applicable: true
    justification: Root of the AIMS # agreed with the board
    status: planned
    reviewedOn: 2026-01-10
  # A.2.3 decided in the March meeting
  A.2.3: { applicable: false, justification: One policy only }
  A.3.2:
    applicable: true
    justification: RACI per system
    status: partial
`;

  it("updates entries in place, keeps comments, order and other keys, adds new ones in the standard's order", async () => {
    const csv =
      'Control,Applicable,Justification,Status\nA.2.2,yes,Root of the AIMS,Implemented\nA.2.4,yes,Yearly review,Planned\nA.2.3,yes,Aligned with the security policy,Partial\n';
    const r = await imp('update.csv', new TextEncoder().encode(csv), { existing: { path: '/ws/soa.aims.yaml', text: EXISTING_SOA } });
    assert.equal(r.created, false);
    // Byte for byte: the status changed in place, the flow entry rewritten with its new values,
    // A.2.4 inserted before A.3.2; every comment and other key as it was.
    assert.equal(
      r.text,
      EXISTING_SOA.replace('    status: planned\n', '    status: implemented\n')
        .replace(
          '{ applicable: false, justification: One policy only }',
          '{ applicable: true, justification: Aligned with the security policy, status: partial }',
        )
        .replace('  A.3.2:\n', '  A.2.4:\n    applicable: true\n    justification: Yearly review\n    status: planned\n  A.3.2:\n'),
    );
    assert.deepEqual(r.changes, [
      'A.2.2: status planned → implemented',
      'A.2.3: applicable false → true; justification changed; status added (partial)',
      'A.2.4: added',
    ]);
    // Importing the same table again changes nothing.
    const again = await imp('update.csv', new TextEncoder().encode(csv), { existing: { path: '/ws/soa.aims.yaml', text: r.text } });
    assert.equal(again.text, r.text);
    assert.deepEqual(again.changes, []);
  });
});

describe('import: merge keeps the file as the user wrote it', () => {
  const csv = (rows: string): Uint8Array => new TextEncoder().encode(`Control,Title,Applicable,Justification,Status,Evidence\n${rows}`);
  const merge = (rows: string, text: string): Promise<ImportResult> =>
    imp('t.csv', csv(rows), { existing: { path: '/ws/soa.aims.yaml', text } });

  it('keeps CRLF line ends and four-space indentation in what it adds', async () => {
    const before =
      'aims: 1\r\nkind: StatementOfApplicability\r\ncontrols:\r\n    A.2.2:\r\n        applicable: true\r\n        justification: Root\r\n';
    const r = await merge('A.2.2,,yes,Root,Planned,\nA.2.3,,no,One policy only,,\n', before);
    assert.equal(
      r.text,
      before + '        status: planned\r\n    A.2.3:\r\n        applicable: false\r\n        justification: One policy only\r\n',
    );
  });

  it('adds additionalControls at the end of a file without a final line break', async () => {
    const before = 'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2: { applicable: true, justification: Root }';
    const r = await merge('B.2.2,Policy guidance,yes,Followed,,\n', before);
    assert.equal(
      r.text,
      before +
        '\nadditionalControls:\n  B.2.2:\n    title: Policy guidance\n    applicable: true\n    justification: Followed\n    source: t.csv, row 2\n',
    );
  });

  it('replaces a block list of evidence at its own indentation', async () => {
    const before =
      'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2:\n    applicable: true\n    evidence:\n      - old.md  # superseded\n    justification: Root\n';
    const r = await merge('A.2.2,,yes,Root,,a.md; b.md\n', before);
    assert.equal(r.text, before.replace('      - old.md  # superseded\n', '      - a.md\n      - b.md  # superseded\n'));
    assert.deepEqual(r.changes, ['A.2.2: evidence changed']);
  });

  it('fills an empty flow mapping, and refuses to rewrite a non-empty one', async () => {
    const empty = 'aims: 1\nkind: StatementOfApplicability\ncontrols: {}\n';
    const r = await merge('A.2.2,,yes,Root,,\n', empty);
    assert.equal(r.text, 'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2:\n    applicable: true\n    justification: Root\n');
    const flow = 'aims: 1\nkind: StatementOfApplicability\ncontrols: { A.2.2: { applicable: true, justification: Root } }\n';
    const refused = await merge('A.2.3,,yes,Aligned,,\n', flow);
    assert.match(refused.error ?? '', /controls in the existing SoA is written in flow style/);
    assert.equal(refused.text, '');
  });

  it('keeps a comment on a value it replaces and leaves keys the table does not have', async () => {
    const before =
      'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2:\n    applicable: true\n    status: planned  # until the board meets\n    justification: Root\n    owner: aims-owner\n    x-internal: keep me\n';
    const r = await merge('A.2.2,,yes,Root,Implemented,\n', before);
    assert.equal(r.text, before.replace('status: planned  #', 'status: implemented  #'));
  });
});
