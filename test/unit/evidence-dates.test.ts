import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace, defaultOptions, parseFile, type CheckOptions, type WorkspaceCoverage } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { addDuration, parseDuration } from '../../server/src/core/duration';
import { evidencePaths } from '../../server/src/core/diff';
import { documentLinks } from '../../server/src/services/outline';
import { buildIndex } from '../../server/src/core/workspace';
import { complete } from '../../server/src/services/complete';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, codes, fakeFs, find, ROOT } from '../helpers/workspace';

const SYS = (obligations: string): string =>
  `aims: 1\nkind: AISystem\nid: chat\nname: Chat\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n${obligations}`;

/** Coverage of an in-memory workspace, checked as checkFiles does. */
function computeCoverageFor(files: Record<string, string>, opts: Partial<CheckOptions> = {}): WorkspaceCoverage {
  const parsed = Object.entries(files).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const options = defaultOptions({ asOf: '2026-11-23', ...opts });
  const r = checkWorkspace(ROOT, parsed, options, fakeFs(EXISTING));
  return computeCoverage(r.index, r.diagnostics, options);
}

/** The clean manifest with `evidenceMaxAge` set. */
const manifestWithMaxAge = (age: string): string => MANIFEST.replace('scope:', `evidenceMaxAge: ${age}\nscope:`);

describe('ISO 8601 durations for evidenceMaxAge', () => {
  it('reads whole years, months, weeks and days', () => {
    assert.deepEqual(parseDuration('P12M'), { ok: true, duration: { years: 0, months: 12, weeks: 0, days: 0 } });
    assert.deepEqual(parseDuration('P1Y'), { ok: true, duration: { years: 1, months: 0, weeks: 0, days: 0 } });
    assert.deepEqual(parseDuration('P90D'), { ok: true, duration: { years: 0, months: 0, weeks: 0, days: 90 } });
    assert.deepEqual(parseDuration('P6M15D'), { ok: true, duration: { years: 0, months: 6, weeks: 0, days: 15 } });
    assert.deepEqual(parseDuration('P2W'), { ok: true, duration: { years: 0, months: 0, weeks: 2, days: 0 } });
  });

  it('refuses what is not one, saying why', () => {
    const why = (s: string): string => {
      const r = parseDuration(s);
      assert.equal(r.ok, false, s);
      return (r as { why: string }).why;
    };
    assert.match(why('PT24H'), /time part/);
    assert.match(why('P1DT12H'), /time part/);
    assert.match(why('P1.5Y'), /fraction/);
    assert.match(why('p12m'), /capitals: P12M/);
    assert.match(why('P0D'), /zero/);
    assert.match(why('P'), /write P followed by/);
    assert.match(why('12 months'), /e\.g\. P12M, P1Y, P90D or P6M15D/);
    assert.match(why('P12M1Y'), /write P followed by/, 'units in ISO order only');
    assert.match(why('P99999Y'), /1,000 years/);
  });

  it('adds calendar months keeping the day, clamped to the end of the month', () => {
    assert.equal(addDuration('2025-05-01', { years: 0, months: 12, weeks: 0, days: 0 }), '2026-05-01');
    assert.equal(addDuration('2025-01-31', { years: 0, months: 1, weeks: 0, days: 0 }), '2025-02-28');
    assert.equal(addDuration('2024-01-31', { years: 0, months: 1, weeks: 0, days: 0 }), '2024-02-29');
    assert.equal(addDuration('2024-02-29', { years: 1, months: 0, weeks: 0, days: 0 }), '2025-02-28');
    assert.equal(addDuration('2025-12-20', { years: 0, months: 0, weeks: 1, days: 12 }), '2026-01-08');
    assert.equal(addDuration('2025-08-31', { years: 0, months: 6, weeks: 0, days: 15 }), '2026-03-15');
    assert.equal(addDuration('9999-06-01', { years: 1, months: 0, weeks: 0, days: 0 }), '9999-12-31');
  });
});

describe('the object form {path, reviewedOn, expires} is read wherever evidence is', () => {
  const OBJ = '  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/gone.md  # a note\n        reviewedOn: 2026-06-01\n';

  it('checks the path of an object entry for existence, at the path value', () => {
    const d = checkFiles(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': SYS(OBJ) },
      { existing: EXISTING },
    )['systems/chat.aims.yaml'];
    const missing = find(d, 'evidence-missing');
    assert.equal(missing.length, 1);
    assert.equal(
      missing[0].message,
      "Evidence '../evidence/gone.md' does not exist (paths are relative to this file). Fix the path or add the document.",
    );
    assert.deepEqual(missing[0].range, { start: { line: 11, character: 14 }, end: { line: 11, character: 33 } });
  });

  it('keeps a path that leaves the folder out of the file system in the object form too', () => {
    const asked: string[] = [];
    const text = SYS('  Art. 4: { status: met, evidence: [{ path: ../../secret.md, reviewedOn: 2026-06-01 }] }\n');
    const files = [parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST), parseFile(`${ROOT}/systems/chat.aims.yaml`, text)];
    const r = checkWorkspace(ROOT, files, defaultOptions({ asOf: '2026-11-23' }), {
      exists: (p) => (asked.push(p), false),
      readlink: (p) => (asked.push(p), undefined),
    });
    assert.deepEqual(
      codes(r.diagnostics.get(`${ROOT}/systems/chat.aims.yaml`)).filter((c) => c.startsWith('evidence')),
      ['evidence-outside-workspace'],
    );
    for (const p of asked) assert.ok(p.startsWith(`${ROOT}/`), `asked about ${p}`);
  });

  it('counts an object entry as evidence for implemented controls and met obligations', () => {
    const soaText = soa().replace('    evidence: [evidence/x.md]', '    evidence: [{ path: evidence/x.md, reviewedOn: 2026-06-01 }]');
    const block = soa().replace('    evidence: [evidence/x.md]', '    evidence:\n      path: evidence/x.md\n      expires: 2027-01-01');
    for (const s of [soaText, block]) {
      const d = checkFiles(
        { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': s, 'systems/chat.aims.yaml': SYS(OBJ.replace('gone.md', 'x.md')) },
        { existing: EXISTING },
      );
      assert.deepEqual(codes(d['soa.aims.yaml']), []);
      assert.deepEqual(codes(d['systems/chat.aims.yaml']), []);
    }
    const noPath = checkFiles(
      {
        'aims.aims.yaml': MANIFEST,
        'soa.aims.yaml': soa(),
        'systems/chat.aims.yaml': SYS('  Art. 4:\n    status: met\n    evidence: [{ reviewedOn: 2026-06-01 }]\n'),
      },
      { existing: EXISTING },
    )['systems/chat.aims.yaml'];
    assert.deepEqual(codes(noPath).sort(), ['missing-key', 'obligation-met-without-evidence']);
  });

  it('lists object paths for document links and for the diff of another version', () => {
    const text = SYS("  Art. 4: { status: met, evidence: [../evidence/x.md, { path: '../evidence/y.md', expires: 2027-01-01 }] }\n");
    const file = parseFile(`${ROOT}/systems/chat.aims.yaml`, text);
    const links = documentLinks(file, buildIndex(ROOT, [file]), config({ fs: fakeFs(['evidence/x.md', 'evidence/y.md']) }));
    assert.deepEqual(
      links.map((l) => [text.split('\n')[l.range.start.line].slice(l.range.start.character, l.range.end.character), l.target]),
      [
        ['../evidence/x.md', 'file:///ws/evidence/x.md'],
        ["'../evidence/y.md'", 'file:///ws/evidence/y.md'],
      ],
    );
    assert.deepEqual(evidencePaths(ROOT, [{ path: 'systems/chat.aims.yaml', text }]), ['evidence/x.md', 'evidence/y.md']);
  });

  it('gives coverage the paths of both forms', () => {
    const text = SYS('  Art. 4: { status: met, evidence: [../evidence/x.md, { path: ../evidence/y.md }] }\n');
    const c = computeCoverageFor({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': text });
    assert.deepEqual(c.systems[0].obligations.find((o) => o.ref === 'Art. 4')?.evidence, ['../evidence/x.md', '../evidence/y.md']);
  });
});

describe('a wrong evidence value gets the finding of its own form, not one per form', () => {
  const findings = (evidence: string): string[] =>
    checkFiles(
      {
        'aims.aims.yaml': MANIFEST,
        'soa.aims.yaml': soa(),
        'systems/chat.aims.yaml': SYS(`  Art. 4: { status: met, evidence: ${evidence} }\n`),
      },
      { existing: EXISTING },
    )['systems/chat.aims.yaml'].map((d) => `${d.range.start.character} ${d.code}: ${d.message}`);

  it('a value of no allowed type: one finding naming the forms', () => {
    assert.deepEqual(findings('42'), [
      "35 evidence-missing: Evidence '42' does not exist (paths are relative to this file). Fix the path or add the document.",
      "35 wrong-type: 'obligations.Art. 4.evidence' should be a string, a mapping (key: value) or a list.",
    ]);
    assert.deepEqual(findings('[../evidence/x.md, [a]]'), [
      "54 wrong-type: 'obligations.Art. 4.evidence.1' should be a string or a mapping (key: value).",
    ]);
  });

  it('a mapping: only what is wrong inside it', () => {
    assert.deepEqual(findings('[{ path: ../evidence/x.md, revewedOn: 2026-01-01 }]'), [
      "62 unknown-key: Unknown key 'revewedOn' in 'obligations.Art. 4.evidence.0'; did you mean 'reviewedOn'?",
    ]);
    assert.deepEqual(findings('{ path: ../evidence/x.md, expires: 1 Jan 2027 }'), [
      "70 invalid-structure: 'obligations.Art. 4.evidence.expires' must be a date written YYYY-MM-DD.",
    ]);
    assert.deepEqual(findings('{ path: ../evidence/x.md, expires: 2027-02-30 }'), [
      '70 invalid-date: 2027-02-30 is not a calendar date; write a real date as YYYY-MM-DD.',
    ]);
    assert.deepEqual(findings('[{ reviewedOn: 2026-01-01 }]'), [
      '20 obligation-met-without-evidence: Art. 4 is marked met but names no evidence; add the documents that show it.',
      "38 missing-key: 'obligations.Art. 4.evidence.0' is missing the required key 'path'.",
    ]);
  });
});

describe('evidence that goes stale or expires, at the reference date', () => {
  const BLOCK = (fields: string): string => SYS(`  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n${fields}`);
  const run = (record: string, opts: { manifest?: string; asOf?: string; severities?: Record<string, 'off'> } = {}) =>
    checkFiles(
      { 'aims.aims.yaml': opts.manifest ?? manifestWithMaxAge('P12M'), 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': record },
      { existing: EXISTING, asOf: opts.asOf ?? '2026-11-23', severities: opts.severities ?? {} },
    )['systems/chat.aims.yaml'].map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}: ${d.message}`);

  it('stale: on the reviewedOn value, saying when the review was due', () => {
    assert.deepEqual(run(BLOCK('        reviewedOn: 2025-10-01\n')), [
      "12:20 warning evidence-stale: Evidence '../evidence/x.md' was last reviewed on 1 October 2025; with evidenceMaxAge P12M its next review was due by 1 October 2026. Review it and record the date in reviewedOn.",
    ]);
    assert.deepEqual(run(BLOCK('        reviewedOn: 2025-11-23\n')), [], 'exactly twelve months old on the reference date is not stale');
    assert.equal(run(BLOCK('        reviewedOn: 2025-11-22\n')).length, 1, 'a day more is');
    assert.deepEqual(run(BLOCK('        reviewedOn: 2025-10-01\n'), { asOf: '2026-09-30' }), [], 'the reference date decides');
    assert.match(
      run(BLOCK('        reviewedOn: 2026-06-01\n'), { manifest: manifestWithMaxAge('P90D') })[0],
      /evidenceMaxAge P90D its next review was due by 30 August 2026/,
    );
  });

  it('expired: on the expires value, valid through that day; with no evidenceMaxAge as well', () => {
    assert.deepEqual(run(BLOCK('        expires: 2026-08-31\n'), { manifest: MANIFEST }), [
      "12:17 warning evidence-expired: Evidence '../evidence/x.md' expired on 31 August 2026; at the reference date (23 November 2026) it no longer shows anything. Replace it with a current document and record when that one expires.",
    ]);
    assert.deepEqual(run(BLOCK('        expires: 2026-11-23\n'), { manifest: MANIFEST }), []);
  });

  it('a review in the future, and an expiry before the review', () => {
    assert.deepEqual(run(BLOCK('        reviewedOn: 2026-12-01\n')), [
      "12:20 warning evidence-reviewed-in-future: Evidence '../evidence/x.md' is marked reviewed on 1 December 2026, after the reference date (23 November 2026); record a review once it has taken place.",
    ]);
    assert.deepEqual(run(BLOCK('        reviewedOn: 2026-10-01\n        expires: 2026-09-30\n')), [
      "13:17 warning evidence-expired: Evidence '../evidence/x.md' expired on 30 September 2026; at the reference date (23 November 2026) it no longer shows anything. Replace it with a current document and record when that one expires.",
      "13:17 warning evidence-expires-before-review: Evidence '../evidence/x.md' expires on 30 September 2026, before its review on 1 October 2026: a review cannot confirm a document that had lapsed. Correct the dates, or replace the document.",
    ]);
  });

  it('a hint for entries without a review date, only when evidenceMaxAge is set', () => {
    const plain = SYS('  Art. 4: { status: met, evidence: [../evidence/x.md, https://example.com/cert] }\n');
    assert.deepEqual(run(plain), [
      "8:36 hint evidence-review-date-missing: Evidence '../evidence/x.md' has no review date, so its age cannot be checked against evidenceMaxAge P12M. Once it has been reviewed, write it as {path: …, reviewedOn: YYYY-MM-DD}.",
      "8:54 hint evidence-review-date-missing: Evidence 'https://example.com/cert' has no review date, so its age cannot be checked against evidenceMaxAge P12M. Once it has been reviewed, write it as {path: …, reviewedOn: YYYY-MM-DD}.",
    ]);
    assert.deepEqual(run(BLOCK('        expires: 2027-01-01\n')), [
      "11:14 hint evidence-review-date-missing: Evidence '../evidence/x.md' has no review date, so its age cannot be checked against evidenceMaxAge P12M. Once it has been reviewed, record the date in reviewedOn.",
    ]);
    assert.deepEqual(run(plain, { manifest: MANIFEST }), []);
  });

  it('an evidenceMaxAge that is no duration is reported on the manifest and checks no age', () => {
    const m = manifestWithMaxAge('PT720H');
    const d = checkFiles({ 'aims.aims.yaml': m, 'soa.aims.yaml': soa() }, { existing: EXISTING })['aims.aims.yaml'];
    assert.deepEqual(
      d.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.severity} ${x.code}: ${x.message}`),
      [
        "4:16 error invalid-evidence-max-age: evidenceMaxAge 'PT720H' is not an ISO 8601 duration: it has a time part (T…); evidence is dated by the day, so write P followed by whole numbers with Y (years), M (months), W (weeks) or D (days), e.g. P12M, P1Y, P90D or P6M15D. Until it is one, no evidence is checked for age.",
      ],
    );
    assert.deepEqual(run(BLOCK('        reviewedOn: 2020-01-01\n'), { manifest: m }), []);
    const n = checkFiles({ 'aims.aims.yaml': manifestWithMaxAge('12'), 'soa.aims.yaml': soa() }, { existing: EXISTING })['aims.aims.yaml'];
    assert.deepEqual(codes(n), ['wrong-type']);
  });

  it('a code turned off is not reported', () => {
    assert.deepEqual(run(BLOCK('        reviewedOn: 2025-10-01\n'), { severities: { 'evidence-stale': 'off' } }), []);
  });
});

describe('coverage tells stale and expired evidence apart from missing', () => {
  const record = SYS(
    '  Art. 4:\n    status: met\n    evidence:\n      - ../evidence/x.md\n      - { path: ../evidence/gone.md, reviewedOn: 2026-06-01 }\n      - { path: ../evidence/x.md, reviewedOn: 2025-06-01 }\n      - { path: https://example.com/cert, reviewedOn: 2026-06-01, expires: 2026-10-31 }\n      - "TODO - path of the literacy plan"\n',
  );
  const files = { 'aims.aims.yaml': manifestWithMaxAge('P12M'), 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': record };

  it('gives each entry its state and dates, and counts the stale and expired ones', () => {
    const o = computeCoverageFor(files).systems[0].obligations.find((x) => x.ref === 'Art. 4')!;
    assert.deepEqual(o.evidenceStatus, [
      { path: '../evidence/x.md', state: 'ok' },
      { path: '../evidence/gone.md', state: 'missing', reviewedOn: '2026-06-01', reviewDue: '2027-06-01' },
      { path: '../evidence/x.md', state: 'stale', reviewedOn: '2025-06-01', reviewDue: '2026-06-01' },
      { path: 'https://example.com/cert', state: 'expired', reviewedOn: '2026-06-01', expires: '2026-10-31', reviewDue: '2027-06-01' },
      { path: 'TODO - path of the literacy plan', state: 'missing' },
    ]);
    assert.equal(o.staleEvidence, 2);
    assert.deepEqual(o.evidence, [
      '../evidence/x.md',
      '../evidence/gone.md',
      '../evidence/x.md',
      'https://example.com/cert',
      'TODO - path of the literacy plan',
    ]);
  });

  it('follows the checks that ran: no existence check, a code turned off', () => {
    const o = computeCoverageFor(files, { checkEvidence: false, severities: { 'evidence-stale': 'off' } }).systems[0].obligations.find(
      (x) => x.ref === 'Art. 4',
    )!;
    assert.deepEqual(
      o.evidenceStatus.map((s) => s.state),
      ['ok', 'ok', 'ok', 'expired', 'missing'],
    );
    assert.equal(o.staleEvidence, 1);
  });

  it('does the same for SoA controls', () => {
    const s = soa().replace('    evidence: [evidence/x.md]', '    evidence: [{ path: evidence/x.md, reviewedOn: 2025-01-01 }]');
    const c = computeCoverageFor({ 'aims.aims.yaml': manifestWithMaxAge('P1Y'), 'soa.aims.yaml': s });
    const [first, second] = c.annexA.topics[0].controls;
    assert.deepEqual(first.evidenceStatus, [{ path: 'evidence/x.md', state: 'stale', reviewedOn: '2025-01-01', reviewDue: '2026-01-01' }]);
    assert.equal(first.staleEvidence, 1);
    assert.deepEqual(second.evidenceStatus, [{ path: 'evidence/x.md', state: 'ok' }]);
    assert.equal(second.staleEvidence, 0);
  });
});

describe('completion and hover know the evidence keys', () => {
  const SOA_HEAD = 'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2:\n    applicable: true\n    justification: x\n';
  const items = (text: string, at = 'soa.aims.yaml') => {
    const { file, ws, position } = workspaceAt({ 'aims.aims.yaml': MANIFEST, [at]: text }, at);
    const fs = { ...fakeFs(EXISTING), list: (dir: string) => (dir === ROOT ? ['evidence/', 'soa.aims.yaml'] : []) };
    return complete(file, ws, position, config({ fs })).items;
  };
  const hoverText = (text: string, at = 'soa.aims.yaml'): string => {
    const { file, ws, position } = workspaceAt({ [at]: text }, at);
    return (hover(file, ws, position, config())?.contents as { value: string } | undefined)?.value ?? '';
  };

  it('offers reviewedOn and expires inside an entry', () => {
    const block = items(SOA_HEAD + '    evidence:\n      - path: evidence/x.md\n        |\n').map((i) => i.label);
    assert.deepEqual(block, ['path', 'reviewedOn', 'expires']);
  });

  it('offers evidence paths for path, and the reference date for reviewedOn', () => {
    assert.deepEqual(
      items(SOA_HEAD + '    evidence:\n      - path: |\n').map((i) => i.label),
      ['evidence/', 'soa.aims.yaml'],
    );
    assert.deepEqual(
      items(SOA_HEAD + '    evidence:\n      - path: evidence/x.md\n        reviewedOn: |\n').map((i) => [i.label, i.detail]),
      [['2026-11-23', 'the reference date']],
    );
  });

  it('offers evidenceMaxAge in the manifest', () => {
    const l = items('aims: 1\nkind: AIMS\n|\n', 'aims.aims.yaml');
    assert.ok(l.some((i) => i.label === 'evidenceMaxAge' && /ISO 8601 duration/.test(JSON.stringify(i.documentation))));
  });

  it('explains reviewedOn and expires on hover, in lists too', () => {
    assert.match(
      hoverText(SOA_HEAD + '    evidence:\n      - path: evidence/x.md\n        revi|ewedOn: 2026-01-01\n'),
      /\*\*reviewedOn\*\*: When someone last checked/,
    );
    assert.match(
      hoverText(SOA_HEAD + '    evidence: [{ path: evidence/x.md, exp|ires: 2027-01-01 }]\n'),
      /\*\*expires\*\*: The last day the document is valid/,
    );
    assert.match(hoverText(SOA_HEAD + '    evidence: { pa|th: evidence/x.md }\n'), /\*\*path\*\*: Path \(relative to this file\) or URL/);
    assert.equal(hoverText('aims: 1\nkind: AIMS\naudits:\n  - da|te: 2026-01-01\n', 'aims.aims.yaml'), '**date**: Date of the audit.');
  });
});
