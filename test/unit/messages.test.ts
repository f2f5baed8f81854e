// Messages a reader can act on: English counts and articles, no Markdown backticks in plain text,
// a duplicate id that says where the other one is, one finding for many missing controls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace, defaultOptions, parseFile } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { renderReport } from '../../server/src/core/report';
import { count, withArticle } from '../../server/src/core/wording';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';
import { RULE_CASES } from '../rule-cases';

const SYSTEM = (id: string) =>
  [
    'aims: 1',
    'kind: AISystem',
    `id: ${id}`,
    `name: ${id}`,
    'owner: aims-owner',
    'roles: [deployer]',
    'tier: minimal',
    'obligations: {}',
    '',
  ].join('\n');

describe('wording', () => {
  it('counts and articles', () => {
    assert.deepEqual(
      [count(0, 'gap'), count(1, 'gap'), count(2, 'gap'), count(1, 'entry', 'entries')],
      ['0 gaps', '1 gap', '2 gaps', '1 entry'],
    );
    assert.deepEqual(['impact', 'list', 'mapping (key: value)', 'integer', 'unique id', 'EU database'].map(withArticle), [
      'an impact',
      'a list',
      'a mapping (key: value)',
      'an integer',
      'a unique id',
      'an EU database',
    ]);
  });
});

describe('every message of every rule case', () => {
  const messages = new Set<string>();
  for (const c of RULE_CASES) {
    const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(c.excluded ?? []), ...(c.extra ?? {}) };
    if (c.bad !== '' && c.code !== 'file-too-large') files[c.file] = c.bad;
    for (const diags of Object.values(checkFiles(files, { existing: EXISTING, asOf: c.asOf ?? '2026-11-23' })))
      for (const d of diags) messages.add(d.message);
  }
  it('reads as plain text: no Markdown backticks, no "(s)"', () => {
    assert.ok(messages.size > 50);
    assert.deepEqual(
      [...messages].filter((m) => /`|\(s\)/.test(m)),
      [],
    );
  });
  it('uses "a" and "an" as said, and the singular after 1', () => {
    assert.deepEqual(
      [...messages].filter(
        (m) => /\ban [bcdfgjklmnpqrstvwxz][a-z]/.test(m) || /\ba [aio][a-z]/.test(m) || /(^|\s)1 (?!(has|was|is|does)\b)[a-z]+s\b/.test(m),
      ),
      [],
    );
  });
});

describe('specific messages', () => {
  it('an unknown risk level: "an impact level", and a full stop before the list', () => {
    const c = RULE_CASES.find((x) => x.code === 'invalid-impact')!;
    const r = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), ...(c.extra ?? {}), [c.file]: c.bad });
    assert.match(find(r[c.file], 'invalid-impact')[0].message, /^'huge' is not an impact level of the manifest's risk criteria\. Levels: /);
  });

  it('wrong types name a list or a mapping with the right article', () => {
    const r = checkFiles({
      'aims.aims.yaml': MANIFEST,
      'soa.aims.yaml': soa(),
      'systems/a.aims.yaml': SYSTEM('a').replace('obligations: {}', 'obligations: [x]\nrisks: none'),
    });
    const msgs = find(r['systems/a.aims.yaml'], 'wrong-type').map((d) => d.message);
    assert.ok(msgs.includes("'risks' should be a list."), JSON.stringify(msgs));
    assert.ok(msgs.includes("'obligations' should be a mapping (key: value)."), JSON.stringify(msgs));
  });

  it('duplicate-id names the other definition: file and line, and links it', () => {
    const r = checkFiles({
      'aims.aims.yaml': MANIFEST,
      'soa.aims.yaml': soa(),
      'systems/a.aims.yaml': SYSTEM('chat'),
      'systems/b.aims.yaml': '# second\n' + SYSTEM('chat'),
    });
    const [a] = find(r['systems/a.aims.yaml'], 'duplicate-id');
    const [b] = find(r['systems/b.aims.yaml'], 'duplicate-id');
    assert.equal(a.message, "AI system id 'chat' is also defined in systems/b.aims.yaml:4; ids must be unique in the workspace.");
    assert.equal(b.message, "AI system id 'chat' is also defined in systems/a.aims.yaml:3; ids must be unique in the workspace.");
    assert.deepEqual(
      a.related?.map((x) => [x.file, x.range.start.line]),
      [['/ws/systems/b.aims.yaml', 3]],
    );
  });

  it('many missing controls are one finding with the full list', () => {
    const r = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa([], ['A.2.3', 'A.5.4', 'A.10.4']) });
    const found = find(r['soa.aims.yaml'], 'soa-missing-control');
    assert.equal(found.length, 1);
    assert.equal(
      found[0].message,
      '3 Annex A controls are missing: A.2.3 (Alignment with other organizational policies), A.5.4 (Assessing AI system impact on individuals or groups of individuals), A.10.4 (Customers). The Statement of Applicability must address every Annex A control, included or excluded with a justification (ISO/IEC 42001 clause 6.1.3).',
    );
    const one = find(
      checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa([], ['A.2.3']) })['soa.aims.yaml'],
      'soa-missing-control',
    );
    assert.equal(
      one[0].message,
      'Annex A control A.2.3 (Alignment with other organizational policies) is missing. The Statement of Applicability must address every Annex A control, included or excluded with a justification (ISO/IEC 42001 clause 6.1.3).',
    );
  });
});

describe('coverage reports', () => {
  it('count findings and gaps in English', () => {
    // One error (a missing justification) and one gap (that control, unjustified).
    const soaText = soa().replace(/(A\.2\.3:\n(?: {4}.*\n)*?) {4}justification: [^\n]*\n/, '$1');
    const files = [parseFile('/ws/aims.aims.yaml', MANIFEST), parseFile('/ws/soa.aims.yaml', soaText)];
    const options = defaultOptions({ asOf: '2026-11-23' });
    const result = checkWorkspace('/ws', files, options, { exists: () => true });
    const coverage = computeCoverage(result.index, result.diagnostics, options);
    assert.equal(coverage.findings.error, 1, JSON.stringify([...result.diagnostics.values()].flat().map((d) => d.code)));
    const md = renderReport([coverage], 'markdown');
    assert.match(md, /^Findings: 1 error, 0 warnings, 0 notes\.$/m);
    assert.match(md, /controls addressed in the Statement of Applicability; 1 gap\.$/m);
    const html = renderReport([coverage], 'html');
    assert.match(html, /Findings: 1 error, 0 warnings\./);
    assert.match(html, /controls addressed; 1 gap\./);
  });
});

describe('quoted values in messages', () => {
  it('a long placeholder is cut at a word and says it was cut', () => {
    const manifest = MANIFEST.replace(
      /^scope: .*$/m,
      'scope: TODO - which units, sites, AI systems and activities the AI management system covers (clause 4.3)',
    );
    const [d] = find(checkFiles({ 'aims.aims.yaml': manifest }, {})['aims.aims.yaml'], 'placeholder-text');
    assert.equal(
      d.message,
      "Placeholder text left in the file: 'TODO - which units, sites, AI systems and activities the AI …'. Replace it with the real answer before review.",
    );
  });
  it('a mislabelled title is said in plain English', () => {
    const text = soa().replace('  A.2.2:\n', '  A.2.2:\n    title: AI risk assessment\n');
    const [d] = find(checkFiles({ 'soa.aims.yaml': text }, {})['soa.aims.yaml'], 'soa-title-mismatch');
    assert.match(d.message, /A mislabelled control makes the SoA say something other than it means\.$/);
  });
});
