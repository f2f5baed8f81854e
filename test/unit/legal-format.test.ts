/**
 * The format additions of the legal model (docs/format.md): completion offers
 * the new keys and values, and a hover on each key says what it means with
 * the article it comes from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/services/complete';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';

const HEAD = 'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\n';
const CLS = 'classification:\n  tier: high\n  basis: annex-i\n';

function items(text: string) {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
  return complete(file, ws, position, config()).items;
}
const labels = (text: string): string[] => items(text).map((i) => i.label);

function hoverOn(text: string): string {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
  const h = hover(file, ws, position, config());
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

describe('completion of the legal model keys', () => {
  it('offers the new record keys', () => {
    const l = labels(HEAD + CLS + '|');
    for (const k of ['transparency', 'publicAuthority', 'establishment', 'openSource', 'valueChain', 'significantChange', 'usedIn'])
      assert.ok(l.includes(k), k);
  });
  it('offers annexI, thirdPartyAssessment and derogation under classification', () => {
    const l = labels(HEAD + CLS + '  |');
    for (const k of ['annexI', 'thirdPartyAssessment', 'derogation']) assert.ok(l.includes(k), k);
    assert.deepEqual(labels(HEAD + CLS + '  derogation:\n    |').sort(), ['applies', 'assessment', 'condition', 'profiling']);
  });
  it('offers the twenty Annex I points with their legislation and section, found by the product', () => {
    const all = items(HEAD + CLS + '  annexI: |');
    assert.equal(all.length, 20);
    assert.deepEqual([all[0].label, all[19].label], ['Annex I(1)', 'Annex I(20)']);
    const mdr = all.find((i) => i.label === 'Annex I(11)')!;
    assert.equal(mdr.detail, 'medical devices (Section A)');
    assert.match(mdr.filterText ?? '', /2017\/745/);
    assert.equal(all.find((i) => i.label === 'Annex I(18)')!.detail, 'motor vehicles and their trailers (Section B)');
  });
  it('offers the Art. 50 cases, the value-chain events, the routes and the standards applied', () => {
    assert.deepEqual(labels(HEAD + 'transparency: [|]\n' + CLS), [
      'interaction',
      'synthetic-content',
      'emotion-recognition',
      'biometric-categorisation',
      'deep-fake',
      'public-interest-text',
    ]);
    assert.deepEqual(labels(HEAD + 'valueChain: [|]\n' + CLS), ['own-name', 'substantial-modification', 'changed-purpose']);
    assert.deepEqual(labels(HEAD + CLS + 'obligations:\n  Art. 43:\n    route: |'), ['annex-vi', 'annex-vii', 'sectoral']);
    assert.deepEqual(labels(HEAD + CLS + 'obligations:\n  Art. 43:\n    harmonisedStandards: |'), ['full', 'partial', 'none']);
    assert.deepEqual(labels(HEAD + CLS + '  derogation:\n    condition: |'), ['a', 'b', 'c', 'd']);
  });
});

describe('hovers on the legal model keys', () => {
  const cases: [string, RegExp][] = [
    [HEAD + 'public|Authority: true\n' + CLS, /Art\. 26\(8\), 49\(3\)/],
    [HEAD + 'public|Body: true\n' + CLS, /fundamental rights impact assessment[\s\S]*Art\. 27\(1\)/],
    [HEAD + 'establish|ment: eu\n' + CLS, /Art\. 22\(1\), 54\(1\)/],
    [HEAD + 'open|Source: true\n' + CLS, /Art\. 53\(2\), 54\(6\)/],
    [HEAD + 'trans|parency: [interaction]\n' + CLS, /Art\. 50\(1\)-\(4\), 50\(6\)/],
    [HEAD + 'value|Chain: [own-name]\n' + CLS, /Art\. 25\(1\)\(a\)-\(c\)/],
    [HEAD + 'significant|Change: 2027-01-01\n' + CLS, /Art\. 111\(2\)/],
    [HEAD + 'used|In: [workplace]\n' + CLS, /Art\. 5\(1\)\(f\)/],
    [HEAD + CLS + '  third|PartyAssessment: true\n', /Art\. 6\(1\)\(b\)/],
    [HEAD + CLS + '  annex|I: Annex I(11)\n', /Section A is points 1-12[\s\S]*Art\. 2\(2\)/],
    [HEAD + CLS + '  derogation:\n    profil|ing: false\n', /always high-risk[\s\S]*Art\. 6\(3\), third subparagraph/],
    [HEAD + CLS + 'obligations:\n  Art. 43:\n    rou|te: sectoral\n', /Annex I Section A: sectoral \(43\(3\)\)/],
    [HEAD + CLS + 'obligations:\n  Art. 43:\n    harmonised|Standards: full\n', /Art\. 43\(1\)/],
  ];
  for (const [text, want] of cases) {
    const key = /(\w*)\|(\w*)/.exec(text)!;
    it(`explains ${key[1]}${key[2]}`, () => {
      assert.match(hoverOn(text), want);
    });
  }
});
