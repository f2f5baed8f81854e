import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionByNumber } from '../../server/src/core/catalog/act';
import { findClause, findControl, findSubObjective, findTopic } from '../../server/src/core/catalog/iso';
import { allTerms, findTerm, termAt } from '../../server/src/core/catalog/terms';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';

const ROLES_4_1 = [
  'AI provider',
  'AI producer',
  'AI developer',
  'AI operator',
  'AI deployer',
  'AI tester',
  'AI impact assessor',
  'AI customer',
  'AI user',
  'AI partner',
  'AI subject',
  'relevant authorities',
];

describe('ISO/IEC 42001 clause 4.1 roles', () => {
  for (const role of ROLES_4_1) {
    it(`${role}: compared with the Act, citing clause 4.1`, () => {
      const t = findTerm(role);
      assert.ok(t, `a term for ${role}`);
      assert.equal(t.term, role);
      assert.match(t.iso, /clause 4\.1/);
      assert.match(t.act, /Art\. \d+/);
    });
  }
  it('spells out the false friends', () => {
    const deployer = findTerm('AI deployer')!;
    assert.match(`${deployer.iso} ${deployer.pitfall}`, /not the Act's deployer/);
    assert.match(deployer.act, /Art\. 3\(4\)/);
    assert.match(deployer.pitfall, /AI customer/);
    const operator = findTerm('AI operator')!;
    assert.match(`${operator.iso} ${operator.pitfall}`, /not the Act's "operator"/);
    assert.match(operator.act, /Art\. 3\(8\)/);
    assert.match(findTerm('deployer')!.iso, /AI deployer.*producer/);
    assert.match(findTerm('operator')!.iso, /AI operator.*producer/);
    assert.match(findTerm('provider')!.act, /AI producer and AI provider/);
  });
});

describe('terms that look alike', () => {
  it('interested party: a defined ISO term with no Act counterpart', () => {
    const t = findTerm('interested parties')!;
    assert.equal(t.id, 'interested-party');
    assert.match(t.iso, /clause 3/);
    assert.match(t.iso, /4\.2/);
    assert.match(t.act, /Art\. 86/);
  });
  it('conformity: a defined ISO term, not the Act’s conformity assessment', () => {
    const t = findTerm('conformity')!;
    assert.equal(t.id, 'conformity');
    assert.match(t.iso, /clause 3/);
    assert.match(t.iso, /10\.2/);
    assert.match(t.act, /Art\. 3\(20\)/);
    assert.match(t.act, /Art\. 43/);
    assert.equal(findTerm('conformity assessment')!.id, 'conformity-assessment');
  });
  it('risk: effect of uncertainty against Art. 3(2)', () => {
    const t = findTerm('risk')!;
    assert.match(t.iso, /6\.1\.1/);
    assert.match(t.act, /Art\. 3\(2\)/);
  });
  it('cites Art. 3(n) for every Act definition it quotes', () => {
    for (const t of allTerms()) {
      if (!t.actDefinition) continue;
      assert.ok(definitionByNumber(t.actDefinition), `${t.id}: Art. 3(${t.actDefinition}) exists`);
      assert.match(t.act, new RegExp(`Art\\. 3\\(${t.actDefinition}\\)`), `${t.id} cites Art. 3(${t.actDefinition})`);
    }
  });
  it('names only ISO clauses and controls that exist', () => {
    const known = (id: string): boolean => id === '3' || !!findClause(id) || !!findControl(id) || !!findTopic(id) || !!findSubObjective(id);
    for (const t of allTerms()) {
      const text = `${t.iso} ${t.pitfall}`;
      for (const m of text.matchAll(/\bclauses? (\d+(?:\.\d+)*)/g)) assert.ok(known(m[1]), `${t.id}: clause ${m[1]}`);
      for (const m of text.matchAll(/(?<![\w.])(A\.\d+(?:\.\d+){0,2})(?![\w.])/g)) assert.ok(known(m[1]), `${t.id}: ${m[1]}`);
      for (const m of text.matchAll(/(?<![\w.])(\d+\.\d+(?:\.\d+)?)(?![\w.])/g)) assert.ok(known(m[1]), `${t.id}: ${m[1]}`);
    }
  });
});

describe('the term around the cursor, including phrases of several words', () => {
  const at = (marked: string): { id: string; text: string } | undefined => {
    const i = marked.indexOf('|');
    const line = marked.slice(0, i) + marked.slice(i + 1);
    const hit = termAt(line, i);
    return hit && { id: hit.term.id, text: line.slice(hit.start, hit.end) };
  };
  for (const [marked, id, phrase] of [
    ['notes: Placing on the mar|ket is planned for May', 'placing-on-the-market', 'Placing on the market'],
    ['notes: before putting into ser|vice', 'putting-into-service', 'putting into service'],
    ['notes: our quality manage|ment system covers it', 'quality-management-system', 'quality management system'],
    ['notes: built on a general-purpose AI mo|del', 'general-purpose-ai-model', 'general-purpose AI model'],
    ['notes: a conformity asse|ssment by a notified body', 'conformity-assessment', 'conformity assessment'],
    ['notes: our post-market moni|toring plan', 'post-market-monitoring', 'post-market monitoring'],
    ['notes: no substantial modi|fication since', 'substantial-modification', 'substantial modification'],
    ['notes: the intended pur|pose is credit scoring', 'intended-purpose', 'intended purpose'],
    ['notes: we act as AI deploy|er under ISO', 'ai-deployer', 'AI deployer'],
    ['notes: we are the deploy|er', 'deployer', 'deployer'],
    ['notes: the interested par|ties were asked', 'interested-party', 'interested parties'],
    ['notes: no non|conformity', 'nonconformity', 'nonconformity'],
  ] as const) {
    it(`${phrase} in '${marked.replace('|', '')}'`, () => {
      assert.deepEqual(at(marked), { id, text: phrase });
    });
  }
  it('finds nothing between terms', () => {
    assert.equal(at('notes: nothing to see h|ere'), undefined);
  });
});

describe('hover on a term inside a value', () => {
  const SYS = 'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: minimal\n';
  function hoverOn(text: string): { value: string; range: unknown } {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
    const h = hover(file, ws, position, config());
    assert.ok(h, 'a hover');
    return { value: (h.contents as { value: string }).value, range: h.range };
  }
  it('compares both meanings of a phrase and quotes its Art. 3 definition', () => {
    const h = hoverOn(SYS + 'description: Our post-market moni|toring plan is in the QMS\n');
    assert.match(h.value, /\*\*post-market monitoring\*\*/);
    assert.match(h.value, /‘post-market monitoring system’ means/);
    assert.match(h.value, /Art\. 3\(25\)/);
    assert.deepEqual(h.range, { start: { line: 7, character: 17 }, end: { line: 7, character: 39 } });
  });
  it('names the false friend on an ISO role', () => {
    const h = hoverOn(SYS + 'description: We are the AI deplo|yer of this system\n');
    assert.match(h.value, /\*\*AI deployer\*\*/);
    assert.match(h.value, /not the Act's deployer/);
  });
});
