import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/services/complete';
import { config, workspaceAt } from '../helpers/cursor';
import { MANIFEST, soa } from '../helpers/fixtures';

const labels = (files: Record<string, string>, at: string, snippets = true): string[] => {
  const { file, ws, position } = workspaceAt(files, at);
  // Editors order items by sortText; so do the assertions.
  return complete(file, ws, position, config({ snippetSupport: snippets }))
    .items.slice()
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
};
const SYS = 'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n';

describe('completion', () => {
  it('builds Act references step by step: articles, paragraphs, points', () => {
    assert.ok(labels({ 's.aims.yaml': SYS + 'obligations:\n  Art. |' }, 's.aims.yaml').includes('Art. 17'));
    assert.deepEqual(labels({ 's.aims.yaml': SYS + 'obligations:\n  Art. 17(|' }, 's.aims.yaml'), [
      'Art. 17(1)',
      'Art. 17(2)',
      'Art. 17(3)',
      'Art. 17(4)',
    ]);
    assert.deepEqual(
      labels({ 's.aims.yaml': SYS + 'obligations:\n  Art. 17(1)(|' }, 's.aims.yaml'),
      'abcdefghijklm'.split('').map((p) => `Art. 17(1)(${p})`),
    );
  });
  it('offers Annex III points for annexIII, with the lettered use cases', () => {
    const l = labels({ 's.aims.yaml': SYS.replace('  tier: high\n', '  tier: high\n  annexIII: |\n') }, 's.aims.yaml');
    assert.ok(l.includes('Annex III(5)(b)'));
    assert.ok(l.includes('Annex III(2)'));
    assert.ok(!l.includes('Annex III(2)(a)'));
  });
  it('lists the SoA controls still missing, in the standard order', () => {
    const l = labels(
      {
        'soa.aims.yaml':
          'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2: { applicable: true, justification: x, status: planned }\n  |',
      },
      'soa.aims.yaml',
    );
    assert.equal(l.length, 37);
    assert.equal(l[0], 'A.2.3');
    assert.ok(!l.includes('A.2.2'));
  });
  it('offers keys not yet present, with their documentation', () => {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': SYS + '|' }, 's.aims.yaml');
    const items = complete(file, ws, position, config()).items;
    const l = items.map((i) => i.label);
    assert.ok(l.includes('intendedPurpose'));
    assert.ok(!l.includes('classification'));
    assert.match(JSON.stringify(items.find((i) => i.label === 'publicBody')?.documentation), /Art\. 27/);
  });
  it('offers enum values and role ids from the manifest', () => {
    assert.deepEqual(labels({ 's.aims.yaml': SYS.replace('  tier: high\n', '  tier: |\n') }, 's.aims.yaml'), [
      'prohibited',
      'high',
      'limited',
      'minimal',
    ]);
    const roles = labels({ 'aims.aims.yaml': MANIFEST, 's.aims.yaml': SYS + 'owner: |\n' }, 's.aims.yaml');
    assert.deepEqual(roles, ['aims-owner', 'head-of-risk']);
  });
  it('offers control ids in an obligation, applicable ones first', () => {
    const l = labels(
      { 'soa.aims.yaml': soa(['A.2.2']), 's.aims.yaml': SYS + 'obligations:\n  Art. 9:\n    controls: [|]\n' },
      's.aims.yaml',
    );
    assert.equal(l.length, 38);
    assert.equal(l[l.length - 1], 'A.2.2');
  });
  it('gives plain text, not snippet syntax, to clients without snippet support', () => {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': SYS + 'obligations:\n  |' }, 's.aims.yaml');
    const items = complete(file, ws, position, config({ snippetSupport: false })).items;
    assert.ok(items.length > 0);
    for (const i of items) assert.doesNotMatch(String(i.textEdit?.newText ?? i.insertText), /\$\{\d/);
  });
  it('completes kind in a file that has none yet', () => {
    assert.deepEqual(labels({ 'n.aims.yaml': 'aims: 1\nkind: |' }, 'n.aims.yaml'), [
      'AIMS',
      'StatementOfApplicability',
      'AISystem',
      'RiskRegister',
    ]);
  });
});

describe('completion in flow style', () => {
  it('offers control ids inside `{ …, controls: [` of a risk', () => {
    const l = labels(
      { 'soa.aims.yaml': soa(), 'r.aims.yaml': 'aims: 1\nkind: RiskRegister\nrisks:\n  R-1: { title: t, controls: [A.6.2.|' },
      'r.aims.yaml',
    );
    assert.ok(l.includes('A.6.2.4'));
  });
  it('offers enum values inside a flow mapping', () => {
    const l = labels({ 'r.aims.yaml': 'aims: 1\nkind: RiskRegister\nrisks:\n  R-1: { title: t, treatment: |' }, 'r.aims.yaml');
    assert.deepEqual(l, ['mitigate', 'accept', 'avoid', 'transfer']);
  });
});
