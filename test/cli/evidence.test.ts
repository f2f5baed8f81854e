import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { WorkspaceCoverage } from '../../server/src/core/coverage-types';
import { aims, tempDir } from '../helpers/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'acme-lending');

/** The example with evidenceMaxAge set and one dated evidence entry on the chatbot's Art. 4. */
function example(maxAge = 'P12M'): string {
  const dir = join(tempDir('aims-cli-stale-'), 'acme');
  cpSync(EXAMPLE, dir, { recursive: true });
  const edit = (rel: string, from: string, to: string) => {
    const p = join(dir, rel);
    const text = readFileSync(p, 'utf8');
    assert.ok(text.includes(from), `${rel} has ${from}`);
    writeFileSync(p, text.replace(from, to));
  };
  edit('aims.aims.yaml', '\nscope:', `\nevidenceMaxAge: ${maxAge}\nscope:`);
  edit(
    'systems/support-chatbot.aims.yaml',
    '    evidence: [../evidence/ai-literacy-programme.md]\n',
    '    evidence:\n      - path: ../evidence/ai-literacy-programme.md\n        reviewedOn: 2025-06-01\n        expires: 2027-06-30\n',
  );
  return dir;
}

describe('aims check with dated evidence', () => {
  it('reports stale evidence at its reviewedOn line; --fail-on warning fails on it', async () => {
    const dir = example();
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], dir);
    assert.equal(r.code, 0);
    const stale = r.out.split('\n').filter((l) => l.includes('evidence-stale'));
    assert.deepEqual(stale, [
      "systems/support-chatbot.aims.yaml:27:21 warning evidence-stale Evidence '../evidence/ai-literacy-programme.md' was last reviewed on 1 June 2025; with evidenceMaxAge P12M its next review was due by 1 June 2026. Review it and record the date in reviewedOn.",
    ]);
    assert.equal((await aims(['check', '.', '--as-of', '2026-11-23', '--fail-on', 'warning'], dir)).code, 1);
    const before = await aims(['check', '.', '--as-of', '2026-05-31'], dir);
    assert.ok(!before.out.includes('evidence-stale'), 'not yet stale on the day before it falls due');
  });

  it('puts each entry’s state into the JSON coverage', async () => {
    const r = await aims(['check', '.', '--as-of', '2027-07-01', '--format', 'json'], example());
    const { coverage } = (JSON.parse(r.out) as { results: { coverage: WorkspaceCoverage }[] }).results[0];
    assert.equal(coverage.evidenceMaxAge, 'P12M');
    const o = coverage.systems.find((s) => s.id === 'support-chatbot')!.obligations.find((x) => x.ref === 'Art. 4')!;
    assert.deepEqual(o.evidenceStatus, [
      {
        path: '../evidence/ai-literacy-programme.md',
        state: 'expired',
        reviewedOn: '2025-06-01',
        expires: '2027-06-30',
        reviewDue: '2026-06-01',
      },
    ]);
    assert.equal(o.staleEvidence, 1);
  });

  it('says what is wrong with an evidenceMaxAge that is no duration', async () => {
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], example('12 months'));
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /^aims\.aims\.yaml:\d+:17 error invalid-evidence-max-age evidenceMaxAge '12 months' is not an ISO 8601 duration: write P followed by whole numbers/m,
    );
    assert.ok(!r.out.includes('evidence-stale'));
  });

  it('lists the new codes with their severities', async () => {
    const r = await aims(['rules'], EXAMPLE);
    for (const [code, severity] of [
      ['invalid-evidence-max-age', 'error'],
      ['evidence-expired', 'warning'],
      ['evidence-stale', 'warning'],
      ['evidence-reviewed-in-future', 'warning'],
      ['evidence-expires-before-review', 'warning'],
      ['evidence-review-date-missing', 'hint'],
    ])
      assert.match(r.out, new RegExp(`^${code} +${severity} `, 'm'));
  });
});
