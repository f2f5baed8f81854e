/**
 * Errors an independent audit of the product's legal statements found,
 * each checked against Regulation (EU) 2024/1689 as published in the
 * Official Journal (OJ L, 2024/1689, 12.7.2024): the test names the
 * provision and what the product said before.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DUTIES } from '../../server/src/core/catalog/applicability';
import { findTerm } from '../../server/src/core/catalog/terms';
import { applicationDate } from '../../server/src/core/catalog/timeline';
import { withTransparency } from '../../server/src/core/templates';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';
import { RULE_CASES } from '../rule-cases';

const ROOT = join(__dirname, '..', '..');

function check(record: string, asOf = '2026-11-23', timeline: 'in-force' | 'original' = 'in-force') {
  const r = checkFiles(
    { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/s.aims.yaml': record },
    { existing: EXISTING, asOf, timeline },
  );
  return r['systems/s.aims.yaml'] ?? [];
}

function hoverText(text: string, timeline: 'in-force' | 'original' = 'in-force'): string {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
  const cfg = config();
  const h = hover(file, ws, position, { ...cfg, options: { ...cfg.options, timeline } });
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

const RECORD = (top: string, cls: string): string =>
  `aims: 1\nkind: AISystem\nid: s\nname: S\nowner: aims-owner\noperatorRoles: [provider]\nestablishment: eu\n${top}classification:\n${cls}`;

describe('a general-purpose AI model is not classified under Art. 6', () => {
  it('says so when a model record claims a high-risk basis, instead of silently dropping the high-risk duties', () => {
    // Art. 6 classifies AI systems (Art. 3(1)); a model (Art. 3(63)) has the Chapter V duties. A record that says
    // generalPurposeModel: true with tier high was given Art. 53 alone, without a word about Art. 9-49, 72, 73.
    const d = find(
      check(RECORD('generalPurposeModel: true\n', '  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n')),
      'gpai-model-classified',
    );
    assert.equal(d.length, 1);
    assert.match(d[0].message, /^Art\. 6 classifies AI systems, not general-purpose AI models \(Art\. 3\(1\), 3\(63\)\)/);
    assert.match(d[0].message, /downstream provider \(Art\. 3\(68\)\)/);
    assert.match(d[0].message, /set generalPurposeModel: false/);
    assert.match(d[0].message, /one record for the model and one for the system/);
  });
  it('stays silent for a model record without a high-risk basis', () => {
    const d = find(check(RECORD('generalPurposeModel: true\n', '  tier: minimal\n  basis: none\n')), 'gpai-model-classified');
    assert.equal(d.length, 0);
  });
});

describe('emotion recognition is an Annex III use case (point 1(c))', () => {
  const ER = (cls: string, extra = ''): string =>
    RECORD(`transparency: [emotion-recognition]\n${extra}`, cls) + 'obligations:\n  Art. 4: { status: partial }\n';
  it('a record that says the system performs emotion recognition cannot be limited-risk without the Art. 6(3) derogation', () => {
    // Annex III point 1(c) lists "AI systems intended to be used for emotion recognition"; such a record was
    // accepted as limited-risk with Art. 50(3) alone, silently without the high-risk duties.
    const d = find(check(ER('  tier: limited\n  basis: article-50\n')), 'tier-basis-mismatch');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /Annex III point 1\(c\)/);
    assert.match(d[0].message, /high-risk under Art\. 6\(2\)/);
    assert.match(d[0].message, /Art\. 6\(3\) derogation/);
  });
  it('stays silent when the record classifies it under Annex III(1)(c)', () => {
    const ok = ER('  tier: high\n  basis: annex-iii\n  annexIII: Annex III(1)(c)\n');
    assert.equal(find(check(ok), 'tier-basis-mismatch').length, 0);
  });
  it('leaves a prohibited use to the Art. 5(1)(f) finding', () => {
    const d = check(ER('  tier: limited\n  basis: article-50\n', 'usedIn: [workplace]\n'));
    assert.equal(find(d, 'prohibited-emotion-recognition').length, 1);
    assert.equal(find(d, 'tier-basis-mismatch').length, 0);
  });
});

describe('New AI System Record: the Art. 50 cases picked decide the classification', () => {
  const base = { id: 's', name: 'S', roles: ['provider' as const], tier: 'minimal' as const, basis: 'none' };
  it('emotion recognition makes the record Annex III(1)(c), high-risk (Art. 6(2)), not limited-risk', () => {
    const spec = withTransparency(base, ['emotion-recognition']);
    assert.deepEqual([spec.tier, spec.basis, spec.annexIII], ['high', 'annex-iii', 'Annex III(1)(c)']);
  });
  it('other cases make a minimal-risk record limited-risk (Art. 50)', () => {
    const spec = withTransparency(base, ['interaction']);
    assert.deepEqual([spec.tier, spec.basis, spec.annexIII], ['limited', 'article-50', undefined]);
  });
  it('an Annex I product that also recognises emotions stays high-risk under Annex I', () => {
    const spec = withTransparency({ ...base, tier: 'high', basis: 'annex-i', annexI: 11 }, ['emotion-recognition']);
    assert.deepEqual([spec.tier, spec.basis, spec.annexIII], ['high', 'annex-i', undefined]);
  });
  it('an Annex III record keeps its point', () => {
    const spec = withTransparency({ ...base, tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)' }, ['emotion-recognition']);
    assert.deepEqual([spec.tier, spec.basis, spec.annexIII], ['high', 'annex-iii', 'Annex III(4)(a)']);
  });
});

describe('Art. 49(4): the secure non-public section', () => {
  it('is for points 1, 6 and 7 of Annex III in the areas of law enforcement, migration, asylum and border control', () => {
    // The Art. 49(1) row said "Points 1, 6 and 7 register in the secure non-public section", which puts every
    // biometric system (point 1) there; Art. 49(4) limits it to those areas.
    const row = DUTIES.find((d) => d.id === 'art-49-1')!;
    assert.match(row.note!, /points 1, 6 and 7 in the areas of law enforcement, migration, asylum and border control management/);
    assert.doesNotMatch(row.note!, /Points 1, 6 and 7 register in the secure non-public section \(/);
  });
});

describe('terms: the Act side states the Act’s conditions', () => {
  it('high-risk under Art. 6(1) needs the third-party conformity assessment of Art. 6(1)(b)', () => {
    assert.match(findTerm('high-risk')!.act, /third-party conformity assessment[^.]*\(Art\. 6\(1\)\)/);
  });
  it('the product manufacturer is treated as the provider for Annex I Section A products only (Art. 25(3))', () => {
    assert.match(findTerm('product manufacturer')!.act, /Annex I Section A/);
  });
  it('Act obligations follow from role and the Act’s conditions, not from a tier alone', () => {
    assert.doesNotMatch(findTerm('Statement of Applicability')!.act, /role and tier/);
  });
  it('no ISO definition is quoted word for word', () => {
    // "fulfilment of a requirement" and "effect of uncertainty" are ISO's own definitions (harmonised structure).
    for (const t of ['conformity', 'risk', 'interested party', 'AI system']) {
      assert.doesNotMatch(findTerm(t)!.iso, /fulfilment of a requirement|effect of uncertainty|is or feels affected|engineered system/i, t);
    }
  });
});

describe('hovers', () => {
  it('a provision the amendment reportedly inserts has no date under the 2024 text', () => {
    // The hover on Art. 6(1a) said "Under the other timeline: 2 August 2027 (Regulation (EU) 2024/1689 as adopted …)",
    // a date for a provision the adopted text does not contain.
    const t = hoverText(RECORD('', '  tier: high\n  basis: annex-i\n  annexI: Annex I(11)\n') + 'notes: see Art. 6(1|a)\n');
    assert.match(t, /Art\. 6\(1a\)/);
    assert.doesNotMatch(t, /Under the other timeline/);
    assert.match(t, /Not in Regulation \(EU\) 2024\/1689 as adopted/);
  });
  for (const [point, exclusion] of [
    ['5(b)', /with the exception of AI systems used for the purpose of detecting financial fraud/],
    ['1(a)', /shall not include AI systems intended to be used for biometric verification the sole purpose of which/],
    ['7(d)', /with the exception of the verification of travel documents/],
  ] as const) {
    it(`Annex III point ${point} names the use case and what the point leaves out`, () => {
      const ref = `Annex III(${point.replace('(', ')(')}`;
      const t = hoverText(RECORD('', '  tier: minimal\n  basis: none\n') + `notes: see ${ref.replace('III', 'II|I')}\n`);
      assert.match(t, exclusion);
    });
  }
});

describe('Art. 111(2) in the legacy-system note', () => {
  it('does not say "no significant change recorded" when the record dates one before the cut-off', () => {
    const rec = RECORD(
      'marketDate: 2025-06-01\nsignificantChange: 2027-03-01\n',
      '  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n',
    );
    const [d] = find(check(rec, '2028-01-01'), 'legacy-system');
    assert.ok(d);
    assert.doesNotMatch(d.message, /no significant change in design recorded/);
    assert.match(d.message, /the significant change recorded on 1 March 2027 is before that date/);
  });
});

const WALKTHROUGH = ['soa', 'system', 'coverage', 'ci'].map((s) => `media/walkthrough/${s}.md`);

describe('product documents', () => {
  it("README's aims diff example shows what the checker says (a deployer owes Art. 50(3), not Art. 50)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const golden = readFileSync(join(ROOT, 'test', 'fixtures', 'diff', 'acme.txt'), 'utf8');
    const block = readme.slice(readme.indexOf('$ aims diff --git main'), readme.indexOf('```', readme.indexOf('$ aims diff --git main')));
    const lines = block.split('\n').filter((l) => /fraud-detection|^\s+Art\. 50/.test(l));
    assert.ok(lines.length >= 2);
    for (const l of lines) {
      const known = l.replace(/ …$/, '').replace(/\(…\).*$/, '');
      assert.ok(golden.includes(known.trimEnd()), `README line not in the checker's output: ${l}`);
    }
  });
  it('no document qualifies "never satisfies" with "on its own"', () => {
    for (const f of ['README.md', 'docs/format.md', 'docs/obligations.md', ...WALKTHROUGH]) {
      assert.doesNotMatch(readFileSync(join(ROOT, f), 'utf8'), /never satisf\w+[^.]*on its own/, f);
    }
  });
});

describe('second audit: what the checker, schemas and glossary say about the Act', () => {
  interface Described {
    description: string;
    properties: Record<string, Described>;
  }
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ai-system.schema.json'), 'utf8')) as {
    properties: Record<string, Described>;
    definitions: Record<string, Described>;
  };
  const cls = schema.properties.classification.properties;
  const obligation = schema.definitions.obligation.properties;
  const DEROGATION = (extra: string): string =>
    RECORD(
      '',
      `  tier: minimal\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n  derogation:\n    applies: true\n    profiling: false\n    assessment: a.md\n${extra}`,
    );

  it('Art. 6(3)(c) is about deviations from prior patterns and the previously completed human assessment', () => {
    // The OJ text: "the AI system is intended to detect decision-making patterns or deviations from prior decision-making
    // patterns and is not meant to replace or influence the previously completed human assessment, without proper human
    // review". The message and the schema said "without replacing or influencing the human assessment without proper
    // review", which drops that the assessment is a previously completed one.
    const [d] = find(check(DEROGATION('')), 'derogation-condition-missing');
    assert.ok(d);
    for (const text of [d.message, cls.derogation.properties.condition.description]) {
      assert.match(text, /deviations from prior decision-making patterns/);
      assert.match(text, /previously completed human assessment,? without proper human review/);
    }
  });

  it('Art. 6(4): the assessment is documented before placing on the market or putting into service', () => {
    // "shall document its assessment before that system is placed on the market or put into service" (Art. 6(4)); the
    // schema and the rule's explanation named only the placing on the market, leaving out systems put into service.
    assert.match(cls.derogation.properties.assessment.description, /before placing on the market or putting into service/);
    const why = RULE_CASES.find((c) => c.code === 'derogation-assessment-missing')!.why;
    assert.match(why, /before placing the system on the market or putting it into service/);
  });

  it('conformity assessment: Annex I Section A products are assessed within the sectoral procedure (Art. 43(3))', () => {
    // The glossary gave internal control (Annex VI) and a notified body (Annex VII) as the only procedures; Art. 43(3)
    // sends Annex I Section A products through the conformity assessment of their own legislation.
    assert.match(findTerm('conformity assessment')!.act, /Annex I Section A[^.]*\(Art\. 43\(3\)\)/);
  });

  it('Art. 43(1): Annex VI is open with harmonised standards or common specifications applied in full', () => {
    // "the provider has applied harmonised standards referred to in Article 40, or, where applicable, common
    // specifications referred to in Article 41" (Art. 43(1)); the route's description and the rule's explanation named
    // harmonised standards only.
    assert.match(obligation.route.description, /harmonised standards or common specifications applied in full \(43\(1\)\)/);
    const why = RULE_CASES.find((c) => c.code === 'conformity-route-mismatch')!.why;
    assert.match(why, /harmonised standards or common specifications applied in full \(43\(1\)\)/);
  });

  it('Art. 86(1): the right to an explanation covers decisions with legal or similarly significant effects', () => {
    // The rule's explanation gave the right for every decision taken with an Annex III system; Art. 86(1) limits it to
    // decisions that produce legal effects or similarly significantly affect the person.
    const why = RULE_CASES.find((c) => c.code === 'explanation-right')!.why;
    assert.match(why, /legal effects or similarly significant/);
  });
});

describe('Art. 113, point (c): only Art. 6(1) and the obligations that go with it wait for 2 August 2027', () => {
  it('Art. 7 (the Commission amending Annex III) applies from 2 August 2026 whatever the record’s basis', () => {
    // The hover on Art. 7 in an Annex I record, and `aims articles`, said "Applies from 2 August 2027 … This date is
    // for a high-risk system under Annex I". Art. 7 empowers the Commission and is no obligation on Annex I systems, so
    // under the 2024 text it has the general date (Art. 113, second paragraph).
    assert.equal(applicationDate(7, { basis: 'annex-i', asOf: '2026-11-23', timeline: 'original' })!.effective.date, '2026-08-02');
    const t = hoverText(RECORD('', '  tier: high\n  basis: annex-i\n  annexI: Annex I(11)\n') + 'notes: see A|rt. 7\n', 'original');
    assert.match(t, /Applies from \*\*2 August 2026\*\* \(Regulation \(EU\) 2024\/1689 as adopted; Article 113, second paragraph/);
    assert.doesNotMatch(t, /2 August 2027/);
  });
  for (const para of ['3', '5']) {
    it(`Art. 6(${para}) applies from 2 August 2026 in an Annex I record: point (c) names Art. 6(1) alone`, () => {
      // The hover said "Applies from 2 August 2027 (… Article 113, third paragraph, point (c) (Article 6(1), Annex I
      // products))" for Art. 6(3) (the Annex III derogation) and 6(5) (the Commission's guidelines) in an Annex I record.
      const t = hoverText(
        RECORD('', '  tier: high\n  basis: annex-i\n  annexI: Annex I(11)\n') + `notes: see A|rt. 6(${para})\n`,
        'original',
      );
      assert.match(t, /Applies from \*\*2 August 2026\*\* \(Regulation \(EU\) 2024\/1689 as adopted; Article 113, second paragraph/);
      assert.doesNotMatch(t, /Applies from \*\*2 August 2027/);
      assert.match(t, /Art\. 6\(1\) \(Annex I products\) applies from 2 August 2027/);
    });
  }
  for (const ref of ['Art. 27', 'Art. 49(1)']) {
    it(`${ref} (Annex III systems only) has no Annex I date`, () => {
      // In an Annex I record the hover said "Applies from 2 August 2027 … This date is for a high-risk system under
      // Annex I", for an article that never applies to Annex I systems (Art. 27(1): Art. 6(2) systems; Art. 49: Annex III).
      const t = hoverText(
        RECORD('', '  tier: high\n  basis: annex-i\n  annexI: Annex I(11)\n') + `notes: see A|${ref.slice(1)}\n`,
        'original',
      );
      assert.match(t, /Applies from \*\*2 August 2026\*\* \(Regulation \(EU\) 2024\/1689 as adopted; Article 113, second paragraph/);
      assert.doesNotMatch(t, /2 August 2027|2 August 2028|under Annex I, Art\. 6\(1\)/);
    });
  }
  it('under the reported amendment, Art. 49 follows the Annex III date for any record', () => {
    const d = applicationDate(49, { basis: 'annex-i', asOf: '2026-11-23', timeline: 'in-force' })!;
    assert.deepEqual([d.original.date, d.effective.date], ['2026-08-02', '2027-12-02']);
  });
  it('the obligations of Annex I systems keep 2 August 2027', () => {
    assert.equal(applicationDate(9, { basis: 'annex-i', asOf: '2026-11-23', timeline: 'original' })!.effective.date, '2027-08-02');
  });
});

describe('the getting-started walkthrough', () => {
  it('does not say the Act’s obligations follow from roles and the risk tier', () => {
    // The walkthrough said the record lists "the obligations the Act sets for those roles and that tier" and "Pick its
    // roles and risk tier; the record lists every obligation the AI Act sets for them". The duties follow the Act's own
    // conditions (Art. 6 basis, Annex point, Art. 50 case, public body, establishment …), not a role × tier table.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { id: string; description: string }[] }[] };
    };
    const step = pkg.contributes.walkthroughs[0].steps.find((s) => s.id === 'system')!;
    for (const text of [step.description, readFileSync(join(ROOT, 'media', 'walkthrough', 'system.md'), 'utf8')]) {
      assert.doesNotMatch(text, /roles and (that|risk) tier/);
      assert.match(text, /conditions/);
    }
  });
});

describe('the hover on an obligation’s status', () => {
  it('says a gap counts when the Act gives the record the duty, not by roles and tier', () => {
    // `gap` read "counted as a gap when the Act requires it for the record’s roles and tier".
    const t = hoverText(RECORD('', '  tier: minimal\n  basis: none\n') + 'obligations:\n  Art. 4: { status: g|ap }\n');
    assert.match(t, /^\*\*gap\*\* in an AI system record/);
    assert.doesNotMatch(t, /roles and tier/);
    assert.match(
      t,
      /`gap`\*\*: not fulfilled yet: counted as a gap when the Act gives the record this duty, by its roles and the Act’s own conditions/,
    );
  });
});
