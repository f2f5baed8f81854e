/**
 * What the system-record findings say about dates and amendments: never "has
 * applied since" where Art. 111 gives more time, the amended dates labelled
 * reported (and an inference for Art. 43-49, 72, 73), whole-article entries
 * that cannot stand for two paragraph duties.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';

function check(record: string, asOf: string, timeline: 'in-force' | 'original' = 'in-force') {
  const r = checkFiles(
    { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/s.aims.yaml': record },
    { existing: EXISTING, asOf, timeline },
  );
  return r['systems/s.aims.yaml'] ?? [];
}

const PROVIDER = (extra: string, obligations: string): string => `aims: 1
kind: AISystem
id: s
name: S
owner: aims-owner
operatorRoles: [provider]
establishment: eu
${extra}classification:
  tier: high
  basis: annex-iii
  annexIII: Annex III(4)(a)
obligations:
${obligations}`;

const ALL_BUT = (skip: string[], status = 'partial'): string =>
  ['Art. 4', 'Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 16', 'Art. 17', 'Art. 18', 'Art. 19']
    .concat(['Art. 20', 'Art. 43', 'Art. 47', 'Art. 48', 'Art. 49(1)', 'Art. 72', 'Art. 73'])
    .filter((r) => !skip.includes(r))
    .map((r) => `  ${r}: { status: ${r === 'Art. 9' ? status : 'partial'}${r === 'Art. 43' ? ', route: annex-vi' : ''} }`)
    .join('\n') + '\n';

describe('dates in findings', () => {
  it('labels the amended date reported, and for Art. 43 an inference', () => {
    const [d] = find(check(PROVIDER('', ALL_BUT(['Art. 43'])), '2026-11-23'), 'missing-obligation');
    assert.match(
      d.message,
      /^Art\. 43 \(Conformity assessment\) applies to providers of high-risk AI systems \(Art\. 16\(f\)\) from 2 December 2027 \(as amended by the Digital Omnibus on AI \(2026\), reported \(Official Journal text not verified\); Article 113, third paragraph, point \(c\), as amended: Chapter III, Sections 1 to 3, for Annex III high-risk systems \(Article 6\(2\)\); inferred: the amendment reportedly moves Chapter III, Sections 1 to 3 only; Art\. 43 keeps its date in the text/,
    );
    assert.match(
      d.message,
      /; from 2 August 2026 \(Regulation \(EU\) 2024\/1689 as adopted; Article 113, second paragraph \(general date of application\)\), but the record does not address it\. Add 'Art\. 43' under obligations\.$/,
    );
  });
  it('under the original text, names the reported date second, labelled', () => {
    const [d] = find(check(PROVIDER('', ALL_BUT(['Art. 10'])), '2026-11-23', 'original'), 'missing-obligation');
    assert.match(
      d.message,
      /from 2 August 2026 \(Regulation \(EU\) 2024\/1689 as adopted; Article 113, second paragraph \(general date of application\)\); from 2 December 2027 \(as amended by the Digital Omnibus on AI \(2026\), reported \(Official Journal text not verified\);/,
    );
    assert.doesNotMatch(d.message, /inferred/);
  });
  it('does not say "has applied since" for a system already on the market before 2 August 2026 (Art. 111(2))', () => {
    const legacy = check(PROVIDER('marketDate: 2026-03-01\n', ALL_BUT([], 'gap')), '2026-11-23', 'original');
    assert.deepEqual(find(legacy, 'obligation-gap-in-force'), []);
    const [note] = find(legacy, 'legacy-system');
    assert.match(
      note.message,
      /^Art\. 111\(2\): placed on the market before 2 August 2026, no significant change in design recorded since\. Its high-risk duties apply only once its design changes significantly: record the date as significantChange when it does\. Art\. 4 and Art\. 50 keep their own dates\.$/,
    );
    const changed = check(
      PROVIDER('marketDate: 2026-03-01\nsignificantChange: 2026-09-01\n', ALL_BUT([], 'gap')),
      '2026-11-23',
      'original',
    );
    assert.match(
      find(changed, 'obligation-gap-in-force')[0].message,
      /^Art\. 9 has applied to this system since 1 September 2026 \(Regulation \(EU\) 2024\/1689 as adopted; Art\. 111\(2\): placed on the market before 2 August 2026, significant change in design on 1 September 2026\)/,
    );
  });
  it('gives public-authority legacy systems until 2 August 2030', () => {
    const d = find(
      check(PROVIDER('marketDate: 2026-03-01\npublicAuthority: true\n', ALL_BUT(['Art. 11'])), '2026-11-23', 'original'),
      'missing-obligation',
    );
    assert.match(
      d[0].message,
      /^Art\. 11 \(Technical documentation\) applies to providers of high-risk AI systems \(Art\. 16\(a\)\) by 2 August 2030 \(Regulation \(EU\) 2024\/1689 as adopted; Art\. 111\(2\): placed on the market before 2 August 2026, intended to be used by public authorities\)/,
    );
  });
  it('does not say "has applied since" for a model placed before 2 August 2025 (Art. 111(3))', () => {
    const model = `aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\ngeneralPurposeModel: true\nsystemicRisk: false\nopenSource: false\nestablishment: eu\nmarketDate: 2025-03-01\nclassification:\n  tier: minimal\n  basis: none\nobligations:\n  Art. 53: { status: gap }\n`;
    assert.deepEqual(find(check(model, '2026-11-23'), 'obligation-gap-in-force'), []);
    assert.equal(find(check(model, '2027-09-01'), 'obligation-gap-in-force').length, 1);
  });
  it('applies the reported Art. 111(4) grace period to Art. 50(2), and says so', () => {
    const gen = `aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\ntransparency: [synthetic-content]\nmarketDate: 2026-05-01\nclassification:\n  tier: limited\n  basis: article-50\nobligations:\n  Art. 4: { status: partial }\n  Art. 50(2): { status: gap }\n`;
    assert.deepEqual(find(check(gen, '2026-11-01'), 'obligation-gap-in-force'), []);
    const [orig] = find(check(gen, '2026-11-01', 'original'), 'obligation-gap-in-force');
    assert.match(orig.message, /^Art\. 50\(2\) has applied to this system since 2 August 2026/);
    const [late] = find(check(gen, '2026-12-10'), 'obligation-gap-in-force');
    assert.match(
      late.message,
      /since 2 December 2026 \(as amended by the Digital Omnibus on AI \(2026\), reported \(Official Journal text not verified\); Art\. 111\(4\) as amended by the Digital Omnibus on AI \(2026\): a system placed on the market before 2 August 2026\)/,
    );
  });
});

describe('entries that cannot stand for two duties', () => {
  it("asks a provider that is also a public-authority deployer to list Art. 49(1) and 49(3), not 'Art. 49'", () => {
    const record = `aims: 1
kind: AISystem
id: s
name: S
owner: aims-owner
operatorRoles: [provider, deployer]
establishment: eu
publicBody: true
publicAuthority: true
classification:
  tier: high
  basis: annex-iii
  annexIII: Annex III(5)(a)
obligations:
${ALL_BUT(['Art. 49(1)'])}  Art. 49: { status: partial }
  Art. 26: { status: partial }
  Art. 26(8): { status: partial }
  Art. 27: { status: partial }
  Art. 86: { status: partial }
`;
    const missing = find(check(record, '2026-11-23'), 'missing-obligation').map((d) => d.message);
    assert.equal(missing.length, 2);
    assert.match(
      missing[0],
      /^Art\. 49\(1\) \(Registration\)[\s\S]* 'Art\. 49' is listed, but this record owes Art\. 49\(1\) and Art\. 49\(3\) separately; list 'Art\. 49\(1\)' on its own\.$/,
    );
    assert.match(
      missing[1],
      /^Art\. 49\(3\) \(Registration\) applies to deployers of Annex III systems \(except point 2\) that are public authorities/,
    );
  });
  it('reads a reported Annex I point as reported, not as a point of the 2024 text', () => {
    const record = `aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n  basis: annex-i\n  annexI: Annex I(21)\n  thirdPartyAssessment: true\n`;
    const [d] = find(check(record, '2026-11-23'), 'annex-i-point-missing');
    assert.match(
      d.message,
      /^Annex I has points 1 to 20 in the Official Journal text\. Point 21 \(machinery, Regulation \(EU\) 2023\/1230, in Section B\) is reported to be added by the Digital Omnibus on AI \(2026\) — reported, Official Journal text not verified/,
    );
  });

  it('says an entry is not required only when no fact left out could make it one', () => {
    const deployer = (facts: string) =>
      `aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [deployer]\n${facts}classification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\nobligations:\n  Art. 4: { status: partial }\n  Art. 26: { status: partial }\n  Art. 27: { status: gap }\n  Art. 86: { status: partial }\n`;
    assert.deepEqual(find(check(deployer('publicAuthority: false\n'), '2026-11-23'), 'obligation-not-required'), []);
    const [d] = find(check(deployer('publicBody: false\npublicAuthority: false\n'), '2026-11-23'), 'obligation-not-required');
    assert.match(d.message, /^Art\. 27 is not a duty the Act gives this record: Art\. 27 binds deployers of Art\. 6\(2\) systems/);
    const limited = `aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: limited\n  basis: article-50\nobligations:\n  Art. 4: { status: partial }\n  Art. 50: { status: partial }\n`;
    const r = check(limited, '2026-11-23');
    assert.deepEqual(find(r, 'obligation-not-required'), []);
    assert.equal(find(r, 'transparency-cases-missing').length, 1);
  });
});
