import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allAnnexes, allArticles, allDefinitions, annexIIIAreas, findArticle } from '../../server/src/core/catalog/act';
import { allClauses, allControls, allTopics, findControl, suggestControl, titleMatches } from '../../server/src/core/catalog/iso';
import { isoForArticle } from '../../server/src/core/catalog/mapping';
import { requiredObligations } from '../../server/src/core/catalog/obligations';
import { checkActRef, checkIsoRef } from '../../server/src/core/catalog/refs';
import { allTerms, findTerm } from '../../server/src/core/catalog/terms';
import { applicationDate, timelineFor } from '../../server/src/core/catalog/timeline';

describe('ISO/IEC 42001 catalog', () => {
  it('has the 38 Annex A controls in 9 topics and the clauses 4 to 10', () => {
    assert.equal(allControls().length, 38);
    assert.equal(allTopics().length, 9);
    assert.deepEqual(
      allTopics().map((t) => t.id),
      ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'],
    );
    assert.ok(allClauses().some((c) => c.id === '6.1.3' && c.title === 'AI risk treatment'));
    assert.equal(findControl('A.6.2.8')?.title, 'AI system recording of event logs');
  });
  it('has exactly the Annex A control ids of ISO/IEC 42001:2023, in order', () => {
    // A.n.1 are control objectives, not controls; A.6 has two objectives (A.6.1, A.6.2).
    assert.deepEqual(
      allControls().map((c) => c.id),
      [
        ...['A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6'],
        ...['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5', 'A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5'],
        ...['A.6.2.6', 'A.6.2.7', 'A.6.2.8', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6', 'A.8.2', 'A.8.3'],
        ...['A.8.4', 'A.8.5', 'A.9.2', 'A.9.3', 'A.9.4', 'A.10.2', 'A.10.3', 'A.10.4'],
      ],
    );
  });
  it('accepts known title variants and suggests near-miss ids', () => {
    assert.ok(titleMatches('A.9.3', 'Objectives for responsible use of AI systems'));
    assert.ok(!titleMatches('A.2.2', 'AI risk assessment'));
    assert.equal(suggestControl('A.6.2.44'), 'A.6.2.4');
  });
});

describe('EU AI Act catalog', () => {
  it('has 113 articles, 13 annexes, 68 definitions and Annex III areas 1 to 8', () => {
    assert.equal(allArticles().length, 113);
    assert.equal(allAnnexes().length, 13);
    assert.equal(allDefinitions().length, 68);
    assert.deepEqual(
      annexIIIAreas().map((a) => a.point),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.deepEqual(findArticle(17)?.details.get(1)?.points, 'abcdefghijklm'.split(''));
  });
  for (const [ref, canonical] of [
    ['Art. 17', 'Art. 17'],
    ['Art 17', 'Art. 17'],
    ['Article 17(1)(a)', 'Art. 17(1)(a)'],
    ['Art. 16(a)', 'Art. 16(a)'],
    ['Annex IV', 'Annex IV'],
    ['Annex III(5)(b)', 'Annex III(5)(b)'],
    ['Annex III(2)', 'Annex III(2)'],
  ]) {
    it(`accepts ${ref} as ${canonical}`, () => {
      const r = checkActRef(ref);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.ok && r.ref.canonical, canonical);
    });
  }
  for (const [ref, words] of [
    ['Art. 114', 'Articles 1 to 113'],
    ['Art. 17(5)', 'paragraphs 1 to 4'],
    ['Art. 17(1)(n)', 'points (a) to (m)'],
    ['Annex XIV', 'Annexes I to XIII'],
    ['Annex III(2)(a)', 'no lettered points'],
    ['Annex III(9)', 'points 1 to 8'],
  ]) {
    it(`rejects ${ref}, saying what exists`, () => {
      const r = checkActRef(ref);
      assert.ok(!r.ok);
      assert.match(r.ok ? '' : r.message, new RegExp(words.replace(/[()]/g, '\\$&')));
    });
  }
  it('checks ISO references with "did you mean"', () => {
    const r = checkIsoRef('A.6.2.44');
    assert.ok(!r.ok && r.suggestion === 'A.6.2.4');
    assert.ok(checkIsoRef('Clause 6.1.3').ok);
  });
});

describe('application dates', () => {
  it('gives the 2024 date and the amended date for an Annex III high-risk duty', () => {
    const d = applicationDate(9, { basis: 'annex-iii', asOf: '2026-11-23', timeline: 'in-force' })!;
    assert.equal(d.original.date, '2026-08-02');
    assert.equal(d.amended?.date, '2027-12-02');
    assert.equal(d.effective.date, '2027-12-02');
  });
  it('uses the original text when pinned, or before the amendment was in force', () => {
    assert.equal(applicationDate(9, { basis: 'annex-iii', asOf: '2026-11-23', timeline: 'original' })!.effective.date, '2026-08-02');
    assert.equal(timelineFor('2026-07-01', 'in-force'), 'original');
  });
  it('dates Annex I products under Article 113(c) and the amendment', () => {
    const d = applicationDate(43, { basis: 'annex-i', asOf: '2026-11-23', timeline: 'in-force' })!;
    assert.equal(d.original.date, '2027-08-02');
    assert.equal(d.amended?.date, '2028-08-02');
  });
  it('keeps Article 4 and Article 50 dates unchanged', () => {
    assert.equal(applicationDate(4, { asOf: '2026-11-23', timeline: 'in-force' })!.effective.date, '2025-02-02');
    assert.equal(applicationDate(50, { asOf: '2026-11-23', timeline: 'in-force' })!.amended, undefined);
  });
});

describe('obligations by role and tier', () => {
  // The full matrix of roles, bases, Annex points and facts is test/unit/obligations-matrix.test.ts.
  const refs = (p: Parameters<typeof requiredObligations>[0]) => requiredObligations(p).map((o) => o.ref);
  it("lists a provider's duties in article order, registration by its paragraph", () => {
    assert.deepEqual(refs({ roles: ['provider'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)' }), [
      'Art. 4',
      ...[9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 43, 47, 48].map((a) => `Art. ${a}`),
      'Art. 49(1)',
      'Art. 72',
      'Art. 73',
    ]);
  });
  it('leaves out the Art. 6(4) assessment, recorded under classification.derogation, and the Art. 86 right', () => {
    const derogated = { applies: true, condition: 'a', assessment: true };
    assert.deepEqual(
      refs({ roles: ['provider'], tier: 'minimal', basis: 'annex-iii', annexIII: 'Annex III(4)(a)', derogation: derogated }),
      ['Art. 4', 'Art. 49(2)'],
    );
    assert.deepEqual(refs({ roles: ['deployer'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)' }), ['Art. 4', 'Art. 26']);
  });
  it('maps Art. 12 to ISO event logging evidence', () => {
    assert.ok(isoForArticle(12).iso.includes('A.6.2.8'));
  });
});

describe('terminology comparison', () => {
  it('cites only articles and Article 3 points that exist', () => {
    for (const t of allTerms()) {
      for (const a of t.articles) assert.ok(checkActRef(a).ok, `${t.id}: ${a}`);
      if (t.actDefinition) {
        const d = allDefinitions().find((x) => x.number === t.actDefinition);
        assert.ok(d, `${t.id}: Art. 3(${t.actDefinition})`);
        assert.ok(
          t.aliases
            .concat(t.term.toLowerCase())
            .some((w) => d.term.toLowerCase().includes(w.split(' ')[0]) || w.includes(d.term.toLowerCase())) ||
            // An ISO role quotes the Act's nearest defined role, which its Act column names.
            t.act.toLowerCase().includes(d.term.toLowerCase()),
          `${t.id} quotes '${d.term}'`,
        );
      }
      for (const m of `${t.iso} ${t.act} ${t.pitfall}`.matchAll(/Art\. (\d+)/g))
        assert.ok(findArticle(Number(m[1])), `${t.id}: Art. ${m[1]}`);
    }
  });
  it('never claims that ISO/IEC 42001 certification satisfies the Act', () => {
    for (const t of allTerms()) assert.doesNotMatch(`${t.iso} ${t.act} ${t.pitfall}`, /certif\w* (satisf|fulfil|meets)/i);
  });
  it('finds terms by enum value and word', () => {
    assert.equal(findTerm('Provider')?.actDefinition, 3);
    assert.equal(findTerm('high')?.id, 'high');
  });
});
