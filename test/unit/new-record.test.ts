import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freeSystemId, systemRecordText, type NewSystem } from '../../server/src/core/templates';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, codes } from '../helpers/workspace';

function record(spec: Omit<NewSystem, 'id' | 'name'>): string {
  return systemRecordText({ id: 'new-system', name: 'New system', owner: 'aims-owner', ...spec }, '2026-11-23').text;
}

/** The findings of a new record other than the placeholders it leaves on purpose. */
function findings(text: string): string[] {
  const r = checkFiles(
    { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/new-system.aims.yaml': text },
    { existing: EXISTING },
  );
  return codes(r['systems/new-system.aims.yaml']).filter((c) => c !== 'placeholder-text');
}

describe('a new AI system record', () => {
  it('writes only the facts it was given, never false unasked', () => {
    const text = record({ roles: ['deployer'], tier: 'minimal', basis: 'none' });
    assert.doesNotMatch(text, /publicBody|publicAuthority|generalPurposeModel|establishment/);
    assert.deepEqual(findings(text), []);
  });
  it('pre-fills the Art. 43 route its basis allows: Annex VII for Annex III point 1 without standards in full', () => {
    const text = record({ roles: ['provider'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(1)(a)', establishment: 'eu' });
    assert.match(text, /^ {4}route: annex-vii {2}# Art\. 43\(1\): annex-vi, internal control \(Annex VI\); or annex-vii/m);
    assert.match(text, /^ {2}Art\. 49\(1\):/m);
    assert.deepEqual(findings(text), []);
  });
  it('pre-fills internal control for points 2-8 and registers point 2 nationally', () => {
    const text = record({ roles: ['provider'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(2)', establishment: 'eu' });
    assert.match(text, /^ {4}route: annex-vi {2}# Art\. 43\(2\)/m);
    assert.match(text, /^ {2}Art\. 49\(5\):/m);
    assert.doesNotMatch(text, /Art\. 49\(1\)/);
    assert.deepEqual(findings(text), []);
  });
  it('writes the Annex I point and the sectoral route for a Section A product, and no registration', () => {
    const text = record({
      roles: ['provider'],
      tier: 'high',
      basis: 'annex-i',
      annexI: 11,
      thirdPartyAssessment: true,
      establishment: 'eu',
    });
    assert.match(text, /^ {2}annexI: Annex I\(11\)\n {2}thirdPartyAssessment: true$/m);
    assert.match(text, /^ {4}route: sectoral {2}# Art\. 43\(3\)/m);
    assert.doesNotMatch(text, /Art\. 49/);
    assert.deepEqual(findings(text), []);
  });
  it('records the Art. 6(3) derogation with its assessment to fill and Art. 49(2)', () => {
    const text = record({
      roles: ['provider'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      derogation: { applies: true, condition: 'a', profiling: false },
    });
    assert.match(text, /derogation:\n {4}applies: true\n {4}condition: a\n {4}profiling: false\n {4}assessment: TODO/);
    assert.match(text, /^ {2}Art\. 49\(2\):/m);
    assert.deepEqual(findings(text), []);
  });
  it('lists the Art. 50 duties of the cases given, and the facts of a public deployer', () => {
    const chatbot = record({ roles: ['provider', 'deployer'], tier: 'limited', basis: 'article-50', transparency: ['interaction'] });
    assert.match(chatbot, /^transparency: \[interaction\]$/m);
    assert.match(chatbot, /^ {2}Art\. 50\(1\):/m);
    assert.deepEqual(findings(chatbot), []);
    const pa = record({
      roles: ['deployer'],
      tier: 'high',
      basis: 'annex-iii',
      annexIII: 'Annex III(5)(a)',
      publicBody: true,
      publicAuthority: true,
    });
    for (const ref of ['Art. 26', 'Art. 26(8)', 'Art. 27', 'Art. 49(3)', 'Art. 86'])
      assert.match(pa, new RegExp(`^  ${ref.replace(/[().]/g, '\\$&')}:`, 'm'));
    assert.deepEqual(findings(pa), []);
  });
  it('lists the Chapter V duties of an open-source model', () => {
    const text = record({
      roles: ['provider'],
      tier: 'minimal',
      basis: 'none',
      generalPurposeModel: true,
      openSource: true,
      systemicRisk: false,
      establishment: 'eu',
    });
    assert.match(text, /^generalPurposeModel: true\nsystemicRisk: false\nopenSource: true\nestablishment: eu$/m);
    assert.match(text, /^ {2}Art\. 53\(1\)\(c\):[^\n]*\n {4}status: gap\n {2}Art\. 53\(1\)\(d\):/m);
    assert.deepEqual(findings(text), []);
  });
});

describe('the id of a new record', () => {
  it('is the slug of its name, or the slug with -2, -3 … when the id or file is taken', () => {
    assert.equal(freeSystemId('Credit scoring', new Set()), 'credit-scoring');
    assert.equal(freeSystemId('Credit scoring', new Set(['credit-scoring'])), 'credit-scoring-2');
    assert.equal(freeSystemId('Credit scoring', new Set(['credit-scoring', 'credit-scoring-2'])), 'credit-scoring-3');
  });
});
