import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace, defaultOptions, parseFile, type WorkspaceCoverage } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { annexATally } from '../../server/src/core/coverage-summary';
import { checkTexts, diffVersions, renderDeltaText } from '../../server/src/core/diff';
import { renderReport } from '../../server/src/core/report';
import {
  folderDescription,
  folderTooltip,
  needsAttention,
  statusDetail,
  topicDescription,
  unreadLabel,
} from '../../client/src/trees/coverage-text';
import { EXISTING, MANIFEST, soa, SYSTEM } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';

const OPTIONS = defaultOptions({ asOf: '2026-11-23' });

/** The clean SoA with A.2.3 indented 1 space instead of 2: a YAML error on line 12. */
const BROKEN = soa().replace('\n  A.2.3:\n', '\n A.2.3:\n');
const SYS = SYSTEM.replace('  Art. 9: { status: partial }', '  Art. 9: { status: partial, controls: [A.2.2, A.6.2.4] }');
const files = (soaText: string) => ({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soaText, 'systems/hiring.aims.yaml': SYS });

function coverageOf(f: Record<string, string>): WorkspaceCoverage {
  const parsed = Object.entries(f).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const r = checkWorkspace(ROOT, parsed, OPTIONS, fakeFs(EXISTING));
  return computeCoverage(r.index, r.diagnostics, OPTIONS);
}

describe('coverage of an SoA with a YAML error', () => {
  it('the fixture breaks the SoA on line 12', () => {
    assert.equal(BROKEN.split('\n')[11], ' A.2.3:');
  });

  it('calls the controls past the error unread, not missing, and counts them apart from gaps', () => {
    const a = coverageOf(files(BROKEN)).annexA;
    const states = a.topics.flatMap((t) => t.controls.map((c) => `${c.id} ${c.state}`));
    assert.equal(states[0], 'A.2.2 implemented');
    assert.deepEqual(states.slice(1, 3), ['A.2.3 unread', 'A.2.4 unread']);
    assert.equal(a.totals.missing, 0);
    assert.equal(a.totals.unread, 37);
    assert.deepEqual([a.addressed, a.total, a.gaps, a.unread], [1, 38, 0, 37]);
    assert.deepEqual(a.yamlError, { file: `${ROOT}/soa.aims.yaml`, line: 12 });
    assert.equal(a.topics[0].counts.unread, 2);
    assert.equal(annexATally(a, ROOT), '37 not read (YAML error in soa.aims.yaml line 12)');
  });

  it('keeps gaps and unread apart in the tally', () => {
    const a = coverageOf(files(BROKEN.replace('    status: implemented\n', ''))).annexA;
    assert.equal(a.topics[0].controls[0].state, 'no-status');
    assert.equal(annexATally(a, ROOT), '1 gap, 37 not read (YAML error in soa.aims.yaml line 11)');
  });

  it('an entry whose own block holds the error is not read either', () => {
    const a = coverageOf(files(soa().replace('    status: implemented\n', '   status: implemented\n'))).annexA;
    assert.equal(a.topics[0].controls[0].state, 'unread');
    assert.deepEqual([a.addressed, a.gaps, a.unread, a.yamlError?.line], [0, 0, 38, 9]);
  });

  it('a whole SoA still says how many gaps, and nothing about reading', () => {
    const a = coverageOf(files(soa([], ['A.2.3']))).annexA;
    assert.deepEqual([a.addressed, a.gaps, a.unread, a.yamlError], [37, 1, 0, undefined]);
    assert.equal(annexATally(a, ROOT), '1 gap');
  });

  it('an obligation citing a control the SoA could not read shows it unread', () => {
    const art9 = coverageOf(files(BROKEN)).systems[0].obligations.find((o) => o.ref === 'Art. 9')!;
    assert.deepEqual(art9.controls, [
      { id: 'A.2.2', state: 'implemented' },
      { id: 'A.6.2.4', state: 'unread' },
    ]);
  });

  it('the reports say not read, not missing', () => {
    const c = [coverageOf(files(BROKEN))];
    const md = renderReport(c, 'markdown');
    assert.match(
      md,
      /1 of 38 controls addressed in the Statement of Applicability; 37 not read \(YAML error in soa\.aims\.yaml line 12\)\./,
    );
    assert.match(md, /\| A\.2\.3 \| [^|]+ \| Not read \|/);
    assert.doesNotMatch(md, /Missing from SoA/);
    assert.match(renderReport(c, 'html'), /1 of 38 controls addressed; 37 not read \(YAML error in soa\.aims\.yaml line 12\)/);
    assert.match(renderReport(c, 'csv'), /A\.2\.3,[^\n]*,unread,/);
    const json = (JSON.parse(renderReport(c, 'json')) as { workspaces: WorkspaceCoverage[] }).workspaces[0].annexA;
    assert.deepEqual([json.unread, json.gaps, json.yamlError], [37, 0, { file: 'soa.aims.yaml', line: 12 }]);
  });
});

describe('aims diff against an SoA with a YAML error', () => {
  const version = (f: Record<string, string>) =>
    checkTexts(
      ROOT,
      Object.entries(f).map(([path, text]) => ({ path, text })),
      OPTIONS,
      fakeFs(EXISTING),
    );
  it('opens no gaps for the controls it could not read, and says they are not read', () => {
    const d = diffVersions(version(files(soa())), version(files(BROKEN)), { base: 'base', head: 'head' });
    assert.deepEqual(d.gaps.opened, []);
    assert.deepEqual(d.summary.annexA.gaps, { before: 0, after: 0 });
    assert.deepEqual(d.summary.annexA.unread, { before: 0, after: 37 });
    const text = renderDeltaText(d);
    assert.match(text, /Annex A controls not read \(SoA YAML error\) +0 → 37/);
    assert.doesNotMatch(text, /opened|: missing/);
  });
});

describe('the Annex A tree and status item words for an SoA with a YAML error', () => {
  const a = coverageOf(files(BROKEN)).annexA;
  it('counts controls not read apart from gaps', () => {
    assert.equal(folderDescription(a), '1/38 · 37 not read');
    assert.equal(folderTooltip(a, ROOT), '/ws\n1 of 38 Annex A controls addressed · 37 not read (YAML error in soa.aims.yaml line 12)');
    assert.equal(topicDescription(a.topics[0].counts, 3), '1/3 · 2 not read');
    assert.equal(unreadLabel(a), 'not read: the SoA has a YAML error at line 12');
    assert.equal(statusDetail(a.gaps, a.unread, 0), '37 controls not read (SoA YAML error)');
    assert.equal(needsAttention(a.topics[0].counts), 2);
  });
  it('says nothing of reading for a whole SoA', () => {
    const whole = coverageOf(files(soa([], ['A.2.3']))).annexA;
    assert.equal(folderDescription(whole), '37/38 · 1 gap');
    assert.equal(statusDetail(whole.gaps, whole.unread, 0), '1 SoA gap');
    assert.equal(statusDetail(0, 0, 0), 'no gaps');
  });
});
