import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MANIFEST, soaText, systemText } from '../../bench/generate';
import { checkFile } from '../../server/src/core/check';
import { checkFileIncremental, INCREMENTAL_MIN_CHARS, type CheckMemo } from '../../server/src/core/check-incremental';
import { defaultOptions } from '../../server/src/core/types';
import { buildIndex } from '../../server/src/core/workspace';
import { parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
import { reparseFile } from '../../server/src/core/yaml/reparse';
import { fakeFs } from '../helpers/workspace';
import { prng, randomEdit, registerText } from '../helpers/yaml-gen';

/** An SoA with entries of every shape the SoA rules look at: excluded, unjustified, placeholders, bad dates, claims. */
function variedSoa(extra: number): string {
  let t = soaText(extra);
  const before = t;
  t = t.replace(
    '    applicable: true\n    justification: Needed for the systems in scope.\n    status: implemented',
    '    applicable: false\n    justification: Not needed.\n    status: planned',
  );
  t = t.replace('title: Internal control 7\n', 'title: Internal control 7\n    reviewedOn: 2026-02-30\n');
  t = t.replace('title: Internal control 9\n', 'title: Internal control 9\n    notes: TODO - fill in\n');
  t = t.replace(
    'owner: risk-lead\n    evidence: [evidence/policy.md]\n  BENCH-12:',
    'owner: nobody\n    evidence: [../outside.md]\n  BENCH-12:',
  );
  // Dated evidence: stale, expired, reviewed in the future, and dates that contradict each other.
  t = t.replace(
    'owner: risk-lead\n    evidence: [evidence/policy.md]\n  BENCH-20:',
    'owner: risk-lead\n    evidence: [{ path: evidence/policy.md, reviewedOn: 2025-01-01 }]\n  BENCH-20:',
  );
  t = t.replace(
    'owner: risk-lead\n    evidence: [evidence/policy.md]\n  BENCH-30:',
    'owner: risk-lead\n    evidence:\n      - path: evidence/policy.md\n        reviewedOn: 2027-01-01\n        expires: 2026-01-01\n  BENCH-30:',
  );
  assert.notEqual(t, before);
  assert.ok(!parseFile('/ws/soa.aims.yaml', t).syntax.length);
  return t;
}

/**
 * Random edit sequences on large files; after each, the incremental check
 * (carrying its memo from one version to the next) must give exactly the
 * findings of a whole check.
 */
function property(
  seed: number,
  base: string,
  path: string,
  others: ParsedFile[],
  rounds: number,
  steps: number,
): { steps: number; incremental: number } {
  const rand = prng(seed);
  const options = defaultOptions({ asOf: '2026-11-23' });
  const fs = fakeFs(['evidence/policy.md']);
  let total = 0;
  let incremental = 0;
  for (let round = 0; round < rounds; round++) {
    let file = parseFile(path, base, 0);
    let memo: CheckMemo | undefined;
    let lastClean = base;
    for (let k = 0; k <= steps; k++) {
      if (k > 0) {
        const text = file.syntax.length && rand() < 0.6 ? lastClean : randomEdit(rand, file.text);
        file = reparseFile(file, path, text, k);
        if (!file.syntax.length) lastClean = text;
      }
      const ws = buildIndex(
        '/ws',
        [...others, file].sort((a, b) => (a.path < b.path ? -1 : 1)),
      );
      const r = checkFileIncremental(file, ws, options, fs, memo);
      const full = checkFile(file, ws, options, fs);
      assert.deepEqual(r.findings, full, `findings differ after edit ${k} of round ${round}:\n${file.text.slice(0, 3000)}`);
      memo = r.memo;
      total++;
      if (r.incremental) incremental++;
    }
  }
  return { steps: total, incremental };
}

/** 8 rounds of 30 edits in every run (fixed seeds); AIMS_PROPERTY_SCALE=3 or more for the long run the work was proved with. */
const SCALE = Number(process.env.AIMS_PROPERTY_SCALE ?? 1);

describe('checking only the entries an edit touched', () => {
  // A maximum age of evidence, so that reviews go stale and entries without a review date get a hint.
  const manifest = MANIFEST.replace('kind: AIMS\n', 'kind: AIMS\nevidenceMaxAge: P6M\n');
  const others = [parseFile('/ws/aims.aims.yaml', manifest), parseFile('/ws/systems/s1.aims.yaml', systemText(1))];

  it('gives the findings of a whole check for an SoA after random edit sequences', () => {
    const base = variedSoa(260);
    assert.ok(base.length > INCREMENTAL_MIN_CHARS);
    const t0 = performance.now();
    const r = property(20261130, base, '/ws/soa.aims.yaml', others, 8 * SCALE, 30);
    console.log(`incremental check property (SoA): ${r.steps} checks, ${r.incremental} in part, ${Math.round(performance.now() - t0)} ms`);
    assert.ok(r.incremental > r.steps / 3, `only ${r.incremental} of ${r.steps} checks were done in part`);
  });

  it('gives the findings of a whole check for a risk register after random edit sequences', () => {
    const base = registerText(300)
      .replace('likelihood: possible', 'likelihood: sometimes')
      .replace('system: system-3', 'system: system-77');
    assert.ok(base.length > INCREMENTAL_MIN_CHARS);
    const soa = parseFile(
      '/ws/soa.aims.yaml',
      soaText(0).replace(
        'A.7.4:\n    title: Data for development and enhancement of AI system\n    applicable: true',
        'A.7.4:\n    title: Data for development and enhancement of AI system\n    applicable: false',
      ),
    );
    const t0 = performance.now();
    const r = property(20261201, base, '/ws/risks.aims.yaml', [...others, soa], 8 * SCALE, 30);
    console.log(
      `incremental check property (register): ${r.steps} checks, ${r.incremental} in part, ${Math.round(performance.now() - t0)} ms`,
    );
    assert.ok(r.incremental > r.steps / 3, `only ${r.incremental} of ${r.steps} checks were done in part`);
  });

  it('checks the whole file again when an evidence file appears on disk', () => {
    const options = defaultOptions({ asOf: '2026-11-23' });
    const text = soaText(300).replace('evidence: [evidence/policy.md]\n  BENCH-12:', 'evidence: [evidence/new.md]\n  BENCH-12:');
    const file = parseFile('/ws/soa.aims.yaml', text);
    const ws = buildIndex('/ws', [parseFile('/ws/aims.aims.yaml', MANIFEST), file]);
    const first = checkFileIncremental(file, ws, options, fakeFs(['evidence/policy.md']));
    assert.ok(first.findings.some((d) => d.code === 'evidence-missing'));
    const at = text.indexOf('Internal control 200') + 5;
    const edited = reparseFile(file, file.path, text.slice(0, at) + 'x' + text.slice(at), 2);
    const ws2 = buildIndex('/ws', [parseFile('/ws/aims.aims.yaml', MANIFEST), edited]);
    const again = checkFileIncremental(edited, ws2, options, fakeFs(['evidence/policy.md', 'evidence/new.md']), first.memo);
    assert.equal(again.incremental, false);
    assert.deepEqual(
      again.findings.filter((d) => d.code === 'evidence-missing'),
      [],
    );
  });
});
