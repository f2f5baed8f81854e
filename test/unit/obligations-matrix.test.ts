/**
 * The scenario matrix: for each combination of role, basis, Annex point and
 * fact that the AI Act distinguishes, the exact set of duties it gives,
 * written from the Official Journal text (Regulation (EU) 2024/1689, OJ L,
 * 2024/1689, 12.7.2024), not from the engine. Each row cites the paragraphs
 * that decide it. `Art. N` without a paragraph is a duty the whole article
 * sets (or, for Art. 9-20, 43, 47, 48, one Art. 16 points to).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DUTIES } from '../../server/src/core/catalog/applicability';
import { dutyDate } from '../../server/src/core/catalog/applicability-dates';
import { applicableDuties, type SystemProfile } from '../../server/src/core/catalog/applicability-eval';

/** Art. 16 (a)-(l) with Art. 72(1), 73(1): the duties every provider of a high-risk system owes. */
const PROVIDER_CORE = ['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 16', 'Art. 17', 'Art. 18'].concat([
  'Art. 19',
  'Art. 20',
  'Art. 43',
  'Art. 47',
  'Art. 48',
  'Art. 72',
  'Art. 73',
]);
const HR_III = { tier: 'high', basis: 'annex-iii' } as const;
const HR_I = { tier: 'high', basis: 'annex-i', thirdPartyAssessment: true } as const;

interface Scenario {
  name: string;
  /** The paragraphs of the OJ text that decide the expected set. */
  cite: string;
  profile: SystemProfile;
  duties: string[];
  /** Rights of affected persons the record is told about (Art. 86). */
  rights?: string[];
}

const SCENARIOS: Scenario[] = [
  // ---- providers of high-risk systems
  {
    name: 'provider, Annex III(4)(a), established in the EU',
    cite: 'Art. 4; Art. 16(a)-(l); Art. 49(1); Art. 72(1); Art. 73(1)',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(4)(a)', establishment: 'eu' },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'provider, Annex III(1)(a) remote biometric identification',
    cite: 'Art. 49(1) (registered in the secure section, 49(4), not a further duty)',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(1)(a)' },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'provider, Annex III(2) critical infrastructure',
    cite: 'Art. 49(1) "with the exception of … point 2"; Art. 49(5) national registration',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(2)' },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(5)'],
  },
  {
    name: 'provider established in a third country, Annex III(5)(b)',
    cite: 'Art. 22(1)',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(5)(b)', establishment: 'third-country' },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 22(1)', 'Art. 49(1)'],
  },
  {
    name: 'provider, Annex I(11) medical device needing third-party assessment (Section A)',
    cite: 'Art. 6(1)(a)-(b); Art. 16; Art. 49(1) covers Annex III only, so no registration',
    profile: { roles: ['provider'], ...HR_I, annexI: 11 },
    duties: ['Art. 4', ...PROVIDER_CORE],
  },
  {
    name: 'provider, Annex I(11) without third-party assessment',
    cite: 'Art. 6(1)(b): not high-risk without the third-party assessment',
    profile: { roles: ['provider'], tier: 'minimal', basis: 'annex-i', annexI: 11, thirdPartyAssessment: false },
    duties: ['Art. 4'],
  },
  {
    name: 'provider, Annex I(18) motor vehicles (Section B)',
    cite: 'Art. 2(2): only Art. 6(1), 102-109 and 112 apply',
    profile: { roles: ['provider'], ...HR_I, annexI: 18 },
    duties: [],
  },
  {
    name: 'provider, Annex III(4)(a) with the Art. 6(3)(a) derogation',
    cite: 'Art. 6(3)-(4); Art. 49(2)',
    profile: {
      roles: ['provider'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      derogation: { applies: true, condition: 'a', profiling: false, assessment: true },
    },
    duties: ['Art. 4', 'Art. 6(4)', 'Art. 49(2)'],
  },
  {
    name: 'provider, Annex III(4)(a) derogation claimed for a profiling system',
    cite: 'Art. 6(3), third subparagraph: profiling is always high-risk',
    profile: {
      roles: ['provider'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      derogation: { applies: true, condition: 'd', profiling: true, assessment: true },
    },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'provider of an Annex III(1)(c) emotion recognition system',
    cite: 'Art. 50(3) binds deployers, not providers',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(1)(c)', transparency: ['emotion-recognition'] },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'provider and deployer of a high-risk Annex III(6)(a) system used by a public authority that is a body governed by public law',
    cite: 'Art. 16; 26; 26(8); 27(1); 49(1); 49(3)',
    profile: {
      roles: ['provider', 'deployer'],
      ...HR_III,
      annexIII: 'Annex III(6)(a)',
      publicAuthority: true,
      publicBody: true,
    },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 26', 'Art. 26(8)', 'Art. 27', 'Art. 49(1)', 'Art. 49(3)'],
    rights: ['Art. 86'],
  },
  // ---- deployers of high-risk systems
  {
    name: 'deployer, Annex III(4)(a), private, not a public authority',
    cite: 'Art. 26; Art. 27(1) not met; Art. 86(1) right of affected persons',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(4)(a)', publicBody: false, publicAuthority: false },
    duties: ['Art. 4', 'Art. 26'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer, Annex III(4)(a), body governed by public law',
    cite: 'Art. 27(1)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(4)(a)', publicBody: true },
    duties: ['Art. 4', 'Art. 26', 'Art. 27'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer, Annex III(5)(b) creditworthiness, private bank',
    cite: 'Art. 27(1) "deployers of high-risk AI systems referred to in points 5 (b) and (c)"',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(5)(b)', publicBody: false },
    duties: ['Art. 4', 'Art. 26', 'Art. 27'],
    rights: ['Art. 86'],
  },
  {
    name: 'provider of an Annex III(5)(b) creditworthiness system (the record names the point; fraud detection would not fall under it)',
    cite: 'Annex III point 5(b); Art. 16; Art. 49(1); Art. 43(2)',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(5)(b)' },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'deployer of an Annex III(1)(a) remote biometric identification system, private',
    cite: 'Art. 26; Art. 50(3) covers emotion recognition and biometric categorisation, not identification; Art. 86(1)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(1)(a)', publicBody: false, publicAuthority: false },
    duties: ['Art. 4', 'Art. 26'],
    rights: ['Art. 86'],
  },
  {
    name: 'provider in a third country of an Annex III(4)(a) system it derogates under Art. 6(3)',
    cite: 'Art. 22(1) binds providers of high-risk systems only; Art. 6(4), 49(2)',
    profile: {
      roles: ['provider'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      establishment: 'third-country',
      derogation: { applies: true, condition: 'a', profiling: false, assessment: true },
    },
    duties: ['Art. 4', 'Art. 6(4)', 'Art. 49(2)'],
  },
  {
    name: 'deployer, Annex III(5)(c) life and health insurance pricing',
    cite: 'Art. 27(1)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(5)(c)' },
    duties: ['Art. 4', 'Art. 26', 'Art. 27'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer, Annex III(5)(a) public benefits, public authority and body governed by public law',
    cite: 'Art. 26(8); Art. 27(1); Art. 49(3)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(5)(a)', publicAuthority: true, publicBody: true },
    duties: ['Art. 4', 'Art. 26', 'Art. 26(8)', 'Art. 27', 'Art. 49(3)'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer, Annex III(2), public authority and body governed by public law',
    cite: 'Art. 27(1), 49(3) and 86(1) all except point 2',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(2)', publicAuthority: true, publicBody: true },
    duties: ['Art. 4', 'Art. 26'],
  },
  {
    name: 'deployer, Annex I(11) Section A, public authority and body governed by public law',
    cite: 'Art. 27(1) only Art. 6(2) systems; Art. 49(3) only Annex III; Art. 86(1) only Annex III',
    profile: { roles: ['deployer'], ...HR_I, annexI: 11, publicAuthority: true, publicBody: true },
    duties: ['Art. 4', 'Art. 26'],
  },
  {
    name: 'deployer, Annex I(16) marine equipment (Section B)',
    cite: 'Art. 2(2)',
    profile: { roles: ['deployer'], ...HR_I, annexI: 16 },
    duties: [],
  },
  {
    name: 'deployer of a high-risk Annex III(1)(c) emotion recognition system (not at work or in education)',
    cite: 'Art. 26; Art. 50(3) with 50(6)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(1)(c)' },
    duties: ['Art. 4', 'Art. 26', 'Art. 50(3)'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer of an emotion recognition system at the workplace',
    cite: 'Art. 5(1)(f): prohibited',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(1)(c)', usedIn: ['workplace'] },
    duties: [],
  },
  {
    name: 'deployer of an emotion recognition system in education for medical or safety reasons',
    cite: 'Art. 5(1)(f) exception; Art. 26; Art. 50(3)',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(1)(c)', usedIn: ['education'], medicalOrSafety: true },
    duties: ['Art. 4', 'Art. 26', 'Art. 50(3)'],
    rights: ['Art. 86'],
  },
  {
    name: 'deployer of an Annex III(4)(a) system its provider derogated under Art. 6(3)',
    cite: 'Art. 6(3): not high-risk, so no Art. 26',
    profile: {
      roles: ['deployer'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      derogation: { applies: true, condition: 'b' },
    },
    duties: ['Art. 4'],
  },
  // ---- other operators
  {
    name: 'importer, Annex III(4)(a)',
    cite: 'Art. 23; Art. 4 binds providers and deployers only',
    profile: { roles: ['importer'], ...HR_III, annexIII: 'Annex III(4)(a)' },
    duties: ['Art. 23'],
  },
  {
    name: 'distributor, Annex III(4)(a)',
    cite: 'Art. 24',
    profile: { roles: ['distributor'], ...HR_III, annexIII: 'Annex III(4)(a)' },
    duties: ['Art. 24'],
  },
  {
    name: 'authorised representative, Annex III(4)(a)',
    cite: 'Art. 22(3)',
    profile: { roles: ['authorised-representative'], ...HR_III, annexIII: 'Annex III(4)(a)' },
    duties: ['Art. 22(3)'],
  },
  {
    name: 'importer that puts its name on a high-risk Annex III(4)(a) system',
    cite: 'Art. 25(1)(a): considered the provider, with the Art. 16 duties',
    profile: { roles: ['importer'], ...HR_III, annexIII: 'Annex III(4)(a)', valueChain: ['own-name'] },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'deployer that substantially modifies a high-risk Annex III(4)(a) system',
    cite: 'Art. 25(1)(b): provider and still deployer',
    profile: { roles: ['deployer'], ...HR_III, annexIII: 'Annex III(4)(a)', valueChain: ['substantial-modification'] },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 26', 'Art. 49(1)'],
    rights: ['Art. 86'],
  },
  {
    name: 'distributor that changes the purpose of a system so that it becomes Annex III(5)(b)',
    cite: 'Art. 25(1)(c)',
    profile: { roles: ['distributor'], ...HR_III, annexIII: 'Annex III(5)(b)', valueChain: ['changed-purpose'] },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)'],
  },
  {
    name: 'product manufacturer, Annex I(1) machinery (Section A) with third-party assessment',
    cite: 'Art. 25(3): considered the provider, Art. 16',
    profile: { roles: ['product-manufacturer'], ...HR_I, annexI: 1 },
    duties: ['Art. 4', ...PROVIDER_CORE],
  },
  {
    name: 'provider that is also the product manufacturer, Annex I(11) (Section A)',
    cite: 'Art. 16 once: Art. 25(3) makes the manufacturer the provider it already is',
    profile: { roles: ['provider', 'product-manufacturer'], ...HR_I, annexI: 11 },
    duties: ['Art. 4', ...PROVIDER_CORE],
  },
  {
    name: 'product manufacturer that also deploys the high-risk AI system of its Annex I(1) machine',
    cite: 'Art. 25(3); Art. 26; no Art. 27 or 49(3) for Annex I systems',
    profile: { roles: ['product-manufacturer', 'deployer'], ...HR_I, annexI: 1, publicAuthority: true, publicBody: true },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 26'],
  },
  {
    name: 'importer of an Annex I(11) medical device with a high-risk AI system',
    cite: 'Art. 23',
    profile: { roles: ['importer'], ...HR_I, annexI: 11 },
    duties: ['Art. 23'],
  },
  {
    name: 'product manufacturer, Annex I(17) rail (Section B)',
    cite: 'Art. 25(3) covers Section A only; Art. 2(2)',
    profile: { roles: ['product-manufacturer'], ...HR_I, annexI: 17 },
    duties: [],
  },
  {
    name: 'product manufacturer of an Annex III system',
    cite: 'Art. 25(3) covers Annex I Section A products only',
    profile: { roles: ['product-manufacturer'], ...HR_III, annexIII: 'Annex III(4)(a)' },
    duties: [],
  },
  // ---- transparency, on top of any tier (Art. 50(6))
  {
    name: 'provider and deployer of a chatbot generating text',
    cite: 'Art. 50(1), 50(2) bind the provider; the deployer owes no Art. 50 duty for them',
    profile: { roles: ['provider', 'deployer'], tier: 'limited', basis: 'article-50', transparency: ['interaction', 'synthetic-content'] },
    duties: ['Art. 4', 'Art. 50(1)', 'Art. 50(2)'],
  },
  {
    name: 'deployer of a chatbot',
    cite: 'Art. 50(1) binds providers only',
    profile: { roles: ['deployer'], tier: 'limited', basis: 'article-50', transparency: ['interaction'] },
    duties: ['Art. 4'],
  },
  {
    name: 'deployer publishing deep fakes',
    cite: 'Art. 50(4), first subparagraph',
    profile: { roles: ['deployer'], tier: 'limited', transparency: ['deep-fake'] },
    duties: ['Art. 4', 'Art. 50(4)'],
  },
  {
    name: 'provider and deployer of a system that generates deep fakes',
    cite: 'Art. 50(2): a deep fake is generated or manipulated image, audio or video content (Art. 3(60)), so its provider marks it; Art. 50(4) for the deployer',
    profile: { roles: ['provider', 'deployer'], tier: 'limited', basis: 'article-50', transparency: ['deep-fake'] },
    duties: ['Art. 4', 'Art. 50(2)', 'Art. 50(4)'],
  },
  {
    name: 'deployer publishing AI-generated text on matters of public interest',
    cite: 'Art. 50(4), second subparagraph',
    profile: { roles: ['deployer'], tier: 'limited', transparency: ['public-interest-text'] },
    duties: ['Art. 4', 'Art. 50(4)'],
  },
  {
    name: 'deployer of a biometric categorisation system outside Annex III',
    cite: 'Art. 50(3)',
    profile: { roles: ['deployer'], tier: 'limited', transparency: ['biometric-categorisation'] },
    duties: ['Art. 4', 'Art. 50(3)'],
  },
  {
    name: 'provider of a high-risk Annex III(4)(a) system that also interacts with candidates',
    cite: 'Art. 50(1) with 50(6)',
    profile: { roles: ['provider'], ...HR_III, annexIII: 'Annex III(4)(a)', transparency: ['interaction'] },
    duties: ['Art. 4', ...PROVIDER_CORE, 'Art. 49(1)', 'Art. 50(1)'],
  },
  {
    name: 'provider and deployer of a minimal-risk system',
    cite: 'Art. 4 only',
    profile: { roles: ['provider', 'deployer'], tier: 'minimal', basis: 'none' },
    duties: ['Art. 4'],
  },
  {
    name: 'a prohibited practice',
    cite: 'Art. 5: no obligation list makes it lawful',
    profile: { roles: ['provider'], tier: 'prohibited' },
    duties: [],
  },
  // ---- general-purpose AI models (Chapter V)
  {
    name: 'GPAI model provider in the EU, not open source, no systemic risk',
    cite: 'Art. 53(1); Art. 4 binds providers of AI systems, not models',
    profile: { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, establishment: 'eu', openSource: false },
    duties: ['Art. 53'],
  },
  {
    name: 'GPAI model provider, open source, no systemic risk',
    cite: 'Art. 53(2): exempt from 53(1)(a) and (b)',
    profile: { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, openSource: true, systemicRisk: false },
    duties: ['Art. 53(1)(c)', 'Art. 53(1)(d)'],
  },
  {
    name: 'GPAI model provider, open source, with systemic risk',
    cite: 'Art. 53(2) last sentence; Art. 52(1); Art. 55(1)',
    profile: { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, openSource: true, systemicRisk: true },
    duties: ['Art. 52(1)', 'Art. 53', 'Art. 55'],
  },
  {
    name: 'GPAI model provider in a third country, not open source',
    cite: 'Art. 54(1)',
    profile: { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, establishment: 'third-country' },
    duties: ['Art. 53', 'Art. 54(1)'],
  },
  {
    name: 'GPAI model provider in a third country, open source, no systemic risk',
    cite: 'Art. 53(2); Art. 54(6)',
    profile: { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, establishment: 'third-country', openSource: true },
    duties: ['Art. 53(1)(c)', 'Art. 53(1)(d)'],
  },
  {
    name: 'GPAI model provider in a third country, open source, with systemic risk',
    cite: 'Art. 54(6) "unless the general-purpose AI models present systemic risks"',
    profile: {
      roles: ['provider'],
      tier: 'minimal',
      generalPurposeModel: true,
      establishment: 'third-country',
      openSource: true,
      systemicRisk: true,
    },
    duties: ['Art. 52(1)', 'Art. 53', 'Art. 54(1)', 'Art. 55'],
  },
  {
    name: 'authorised representative of a GPAI model provider',
    cite: 'Art. 54(3)',
    profile: { roles: ['authorised-representative'], tier: 'minimal', generalPurposeModel: true },
    duties: ['Art. 54(3)'],
  },
];

function order(refs: string[]): string[] {
  const key = (r: string) => {
    const m = /^Art\. (\d+)(.*)$/.exec(r)!;
    return [Number(m[1]), m[2]] as const;
  };
  return [...refs].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1]));
}

describe('scenario matrix: the duties the Act gives each combination', () => {
  for (const s of SCENARIOS) {
    it(`${s.name} (${s.cite})`, () => {
      const all = applicableDuties(s.profile);
      assert.deepEqual(order(all.filter((d) => d.duty.kind === 'duty').map((d) => d.duty.ref)), order(s.duties));
      assert.deepEqual(
        all.filter((d) => d.duty.kind === 'right').map((d) => d.duty.ref),
        s.rights ?? [],
      );
    });
  }
  it('every row of the table is reached by some scenario', () => {
    const reached = new Set(SCENARIOS.flatMap((s) => applicableDuties(s.profile).map((d) => d.duty.id)));
    assert.deepEqual(
      DUTIES.filter((d) => !reached.has(d.id)).map((d) => d.id),
      [],
    );
  });
});

const opts = { asOf: '2026-11-23', timeline: 'in-force' } as const;
function date(ref: string, p: SystemProfile) {
  const d = applicableDuties(p).find((x) => x.duty.ref === ref);
  assert.ok(d, `${ref} applies`);
  return dutyDate(d.duty, p, opts);
}

describe('dates of the duties (Art. 113, Art. 111, reported amendment)', () => {
  const annexIII: SystemProfile = { roles: ['provider', 'deployer'], ...HR_III, annexIII: 'Annex III(4)(a)' };
  const annexI: SystemProfile = { roles: ['provider'], ...HR_I, annexI: 11 };
  it('Annex III duties: 2 August 2026 (Art. 113), reported 2 December 2027', () => {
    const d = date('Art. 9', annexIII);
    assert.equal(d.original.date, '2026-08-02');
    assert.equal(d.amended.date, '2027-12-02');
    assert.ok(d.amended.reported && !d.amended.fact?.inferred);
    assert.equal(d.effective, d.amended);
  });
  it('Annex I duties: 2 August 2027 (Art. 113(c)), reported 2 August 2028', () => {
    const d = date('Art. 9', annexI);
    assert.equal(d.original.date, '2027-08-02');
    assert.equal(d.amended.date, '2028-08-02');
  });
  it('the amended date of Art. 43-49, 72 and 73 is an inference', () => {
    assert.ok(date('Art. 43', annexIII).amended.fact?.inferred);
    assert.ok(date('Art. 49(1)', annexIII).amended.fact?.inferred);
    assert.ok(date('Art. 72', annexIII).amended.fact?.inferred);
    assert.ok(!date('Art. 26', annexIII).amended.fact?.inferred);
  });
  it('Art. 111(2): a system placed before 2 August 2026 waits for a significant change', () => {
    const legacy = { ...annexIII, marketDate: '2026-03-01' };
    assert.equal(date('Art. 9', legacy).original.date, undefined);
    assert.equal(date('Art. 26', legacy).original.date, undefined);
    assert.equal(date('Art. 4', legacy).original.date, '2025-02-02');
  });
  it('Art. 111(2): once its design changes significantly, the duties apply from the change', () => {
    const changed = { ...annexIII, marketDate: '2026-03-01', significantChange: '2026-10-01' };
    assert.equal(date('Art. 9', changed).original.date, '2026-10-01');
  });
  it('Art. 111(2): providers and deployers of systems intended for public authorities comply by 2 August 2030', () => {
    const pa = { ...annexIII, marketDate: '2026-03-01', publicAuthority: true };
    const d = date('Art. 26', pa).original;
    assert.equal(d.date, '2030-08-02');
    assert.ok(d.deadline);
    const importer = { ...pa, roles: ['importer' as const] };
    assert.equal(date('Art. 23', importer).original.date, undefined);
  });
  it('reported Art. 111(2): the cut-off follows the amended Chapter III date', () => {
    const placed = { ...annexIII, marketDate: '2027-01-01' };
    const d = date('Art. 9', placed);
    assert.equal(d.original.date, '2026-08-02');
    assert.equal(d.amended.date, undefined);
    assert.ok(d.amended.reported);
  });
  it('Art. 111(3): a model placed before 2 August 2025 complies by 2 August 2027', () => {
    const model: SystemProfile = { roles: ['provider'], tier: 'minimal', generalPurposeModel: true, marketDate: '2025-03-01' };
    const d = date('Art. 53', model);
    assert.equal(d.original.date, '2027-08-02');
    assert.equal(d.amended.date, '2027-08-02');
  });
  it('reported Art. 111(4): Art. 50(2) for systems placed before 2 August 2026 from 2 December 2026', () => {
    const gen: SystemProfile = { roles: ['provider'], tier: 'limited', transparency: ['synthetic-content'], marketDate: '2026-05-01' };
    const d = date('Art. 50(2)', gen);
    assert.equal(d.original.date, '2026-08-02');
    assert.equal(d.amended.date, '2026-12-02');
    assert.ok(d.amended.reported);
    assert.equal(date('Art. 50(2)', { ...gen, marketDate: '2026-09-01' }).amended.date, '2026-08-02');
  });
  it('Art. 111(2): a significant change before the cut-off does not end the deferral (only a change "as from that date")', () => {
    const early = { ...annexIII, marketDate: '2025-06-01', significantChange: '2026-05-01' };
    const d = date('Art. 9', early);
    assert.equal(d.original.date, undefined);
    assert.match(d.original.basis, /significant change recorded on 1 May 2026 is before that date/);
  });
  it('Annex I systems: the original cut-off is 2 August 2026 too; the reported one is 2 August 2028', () => {
    const placed = { ...annexI, marketDate: '2027-01-01' };
    const d = date('Art. 9', placed);
    assert.equal(d.original.date, '2027-08-02');
    assert.equal(d.amended.date, undefined);
    assert.ok(d.amended.reported);
  });
  it('before the amendment is reported in force (27 July 2026), the 2024 dates are in force', () => {
    const d = dutyDate(applicableDuties(annexIII).find((x) => x.duty.ref === 'Art. 26')!.duty, annexIII, {
      asOf: '2026-05-01',
      timeline: 'in-force',
    });
    assert.equal(d.effective, d.original);
    assert.equal(d.effective.date, '2026-08-02');
  });
  it('--timeline original pins the 2024 dates at any reference date', () => {
    const d = dutyDate(applicableDuties(annexI).find((x) => x.duty.ref === 'Art. 43')!.duty, annexI, {
      asOf: '2028-01-01',
      timeline: 'original',
    });
    assert.equal(d.effective.date, '2027-08-02');
    assert.ok(!d.effective.reported);
  });
  it('the derogation duties are not deferred by Art. 111(2), which concerns high-risk systems', () => {
    const der: SystemProfile = {
      roles: ['provider'],
      tier: 'minimal',
      basis: 'annex-iii',
      annexIII: 'Annex III(4)(a)',
      derogation: { applies: true, condition: 'a', assessment: true },
      marketDate: '2026-03-01',
    };
    assert.equal(date('Art. 49(2)', der).original.date, '2026-08-02');
  });
});
