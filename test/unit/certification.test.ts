import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificationClaimIn } from '../../server/src/core/rules/certification';
import { MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';

/** Claims that ISO/IEC 42001 (or its certification) satisfies an AI Act duty, in any word order. */
const CLAIMS = [
  'Art. 9 is covered by our ISO 42001 certificate',
  'ISO/IEC 42001 certification meets the Art. 17 QMS requirement',
  'our certification (ISO 42001) satisfies Art. 43',
  'Our ISO 42001 certification satisfies Art. 43.',
  'Our ISO 42001 certificate satisfies Art. 43, so no notified body is needed.',
  'ISO 42001 certification fulfils our AI Act obligations',
  'The ISO/IEC 42001 certificate replaces the conformity assessment',
  'CE marking based on our ISO 42001 certificate',
  'ISO 42001 gives us a presumption of conformity',
  'Being certified to ISO 42001, we meet the EU AI Act requirements',
  'The duties of Article 72 are fulfilled by ISO 42001 clause 9.1',
  'ISO 42001 is a harmonised standard under the AI Act',
  'Compliance with Art. 15 is satisfied through ISO/IEC 42001 certification',
  'Evidence: see audit report. ISO 42001 covers Art. 10 in full.',
  'Our ISO42001 certification serves as the Art. 43 conformity assessment',
  'ISO 42001 certified; this discharges Article 26 for us',
  'ISO/IEC 42001 certification is sufficient for Art. 17',
  'Our ISO 42001 certificate is enough for the Art. 9 risk management system',
  'Compliance with Art. 9 is achieved through our ISO 42001 certification',
  'ISO 42001 certified, therefore compliant with Art. 17',
  'Our ISO 42001 certificate makes us compliant with the AI Act',
];

/** Honest text that mentions both and must not be reported. */
const HONEST = [
  'ISO 42001 does not satisfy Art. 43',
  'A.6.2.4 evidence supports Art. 15',
  'ISO 42001 evidence supports, but does not replace, the Annex VI procedure.',
  'Internal control under Annex VI; ISO/IEC 42001 certification does not replace it.',
  'ISO/IEC 42001 certification is not a conformity assessment under Art. 43 and gives no basis for CE marking (Art. 48).',
  'We comply with the EU AI Act and use ISO/IEC 42001 as our management system.',
  'The ISO 42001 audit covers clauses 4 to 10',
  'Art. 9 risk management file; ISO/IEC 42001 clause 6.1.2 supports it',
  'ISO 42001 certification is planned for 2027; Art. 43 assessment via Annex VI',
  'Neither ISO 42001 nor its certificate satisfies Art. 43',
  'Our ISO 42001 certificate covers the AIMS, not Art. 43',
  'Certification to ISO 42001 cannot replace CE marking',
  'ISO 42001 never satisfies an Act duty',
  'Does ISO 42001 satisfy Art. 43? No.',
  'Art. 17 QMS manual v3 meets the points of Art. 17(1); the AIMS is certified separately',
  'Our quality manual covers Art. 17(1)(a) to (m).',
  'ISO 42001 evidence alone is not enough for Art. 17',
  'ISO 42001 helps us prepare for Art. 17; compliance is achieved through the QMS manual',
  'Being ISO 42001 certified does not make us compliant with the AI Act',
  'We achieved ISO 42001 certification in 2025 and now work on Art. 9',
];

describe('ISO certification claims: a table of true and false positives', () => {
  for (const s of CLAIMS) it(`reports: ${s}`, () => assert.ok(certificationClaimIn(s), s));
  for (const s of HONEST) it(`lets pass: ${s}`, () => assert.equal(certificationClaimIn(s), undefined));
});

describe('caught in every kind of file', () => {
  const claim = 'Our ISO 42001 certification satisfies Art. 43';
  const cases: [string, string, number][] = [
    ['aims.aims.yaml', MANIFEST.replace('scope: Development and operation of AI systems', `scope: ${claim}`), 4],
    ['soa.aims.yaml', soa().replace(/justification: [^,}\n]+/, `justification: ${claim}`), 7],
    [
      'risk.aims.yaml',
      `aims: 1\nkind: RiskRegister\nrisks:\n  R-1: { title: t, system: s, likelihood: rare, impact: minor, treatment: accept, owner: aims-owner, notes: "${claim}" }\n`,
      3,
    ],
    [
      'systems/s.aims.yaml',
      `aims: 1\nkind: AISystem\nid: s\nname: S\nowner: aims-owner\noperatorRoles: [deployer]\nclassification:\n  tier: minimal\n  basis: none\ndescription: ${claim}\n`,
      9,
    ],
  ];
  for (const [file, text, line] of cases) {
    it(file, () => {
      const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa() };
      files[file] = text;
      const d = find(checkFiles(files)[file], 'iso-certification-claim');
      assert.equal(d.length, 1, `one finding in ${file}`);
      assert.equal(d[0].range.start.line, line);
      assert.match(d[0].message, /supports Act obligations but never satisfies them/);
      assert.match(d[0].message, /Art\. 43/);
    });
  }
  it('still reports ISO 42001 given as the conformity assessment route', () => {
    const text = `aims: 1\nkind: AISystem\nid: s\nname: S\nowner: aims-owner\noperatorRoles: [provider]\nclassification:\n  tier: minimal\n  basis: none\nobligations:\n  Art. 43: { status: met, route: ISO 42001 }\n`;
    const d = find(
      checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 's.aims.yaml': text })['s.aims.yaml'],
      'iso-certification-claim',
    );
    assert.equal(d.length, 1);
  });
});
