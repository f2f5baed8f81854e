import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CoverageDelta } from '../../server/src/core/diff';
import { aims, tempDir } from '../helpers/cli';
import { applyEdits, BASE_EDITS, EXAMPLE, HEAD_EDITS, makeVersions } from '../helpers/diff-fixture';
import { commitAll, git } from '../helpers/git';

const GOLDEN = join(__dirname, '..', 'fixtures', 'diff');
const AS_OF = ['--as-of', '2026-11-23'];

/** Compares with a golden file; `AIMS_UPDATE_GOLDEN=1` rewrites it (then review the change). */
function golden(name: string, actual: string): void {
  const p = join(GOLDEN, name);
  if (process.env.AIMS_UPDATE_GOLDEN === '1') writeFileSync(p, actual);
  assert.equal(actual, readFileSync(p, 'utf8'), `${name} differs from the golden file (AIMS_UPDATE_GOLDEN=1 rewrites it)`);
}

describe('aims diff <base> <head>', () => {
  const dir = tempDir('aims-diff-');
  makeVersions(dir);

  for (const [format, file] of [
    ['text', 'acme.txt'],
    ['markdown', 'acme.md'],
    ['json', 'acme.json'],
  ] as const) {
    it(`prints the exact changes as ${format}`, async () => {
      const r = await aims(['diff', 'base', 'head', '--format', format, ...AS_OF], dir);
      assert.equal(r.err, '');
      assert.equal(r.code, 0);
      golden(file, r.out);
    });
  }

  it('reports a control status change, an exclusion, a new system and the findings introduced and fixed', async () => {
    const d = JSON.parse((await aims(['diff', 'base', 'head', '--format', 'json', ...AS_OF], dir)).out) as CoverageDelta;
    assert.deepEqual(
      d.controls.map((c) => [c.id, c.before.state, c.after.state]),
      [
        ['A.3.3', 'partial', 'implemented'],
        ['A.4.5', 'implemented', 'excluded'],
        ['A.7.6', 'implemented', 'no-status'],
      ],
    );
    assert.deepEqual(
      d.systems.added.map((s) => s.id),
      ['document-triage'],
    );
    assert.deepEqual(
      d.findings.introduced.map((f) => [f.file, f.code, f.anchor.join(' > ')]),
      [
        ['soa.aims.yaml', 'soa-missing-status', 'controls > A.7.6'],
        ['systems/fraud-detection.aims.yaml', 'missing-obligation', 'obligations'],
      ],
    );
    assert.deepEqual(
      d.findings.fixed.map((f) => [f.file, f.code, f.anchor.join(' > ')]),
      [['systems/credit-scoring.aims.yaml', 'evidence-missing', 'obligations > Art. 15 > evidence > ../evidence/validation-report.md']],
    );
    // The mislabelled A.2.2 is reported in both versions, a line apart: not a change.
    const base = JSON.parse((await aims(['check', 'base', '--format', 'json', ...AS_OF], dir)).out) as {
      results: { diagnostics: { code: string }[] }[];
    };
    assert.ok(base.results[0].diagnostics.some((x) => x.code === 'soa-title-mismatch'));
    assert.ok(!JSON.stringify(d.findings).includes('soa-title-mismatch'));
  });

  it('says so when nothing changed', async () => {
    const r = await aims(['diff', 'base', 'base', ...AS_OF], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^ {2}no change to coverage or findings$/m);
    assert.doesNotMatch(r.out.slice(r.out.indexOf('\n')), /→/, 'no figure changed');
  });

  it('--fail-on decides the exit code', async () => {
    const code = async (...extra: string[]) => (await aims(['diff', 'base', 'head', ...AS_OF, ...extra], dir)).code;
    assert.equal(await code(), 0);
    assert.equal(await code('--fail-on', 'never'), 0);
    assert.equal(await code('--fail-on', 'new-gaps'), 1);
    assert.equal(await code('--fail-on', 'new-errors'), 1);
    assert.equal(await code('--fail-on', 'new-findings'), 1);
    // Backwards: head → base fixes the two findings and opens the closed gap; no new errors, one new finding (a warning).
    const back = async (...extra: string[]) => (await aims(['diff', 'head', 'base', ...AS_OF, ...extra], dir)).code;
    assert.equal(await back('--fail-on', 'new-errors'), 0);
    assert.equal(await back('--fail-on', 'new-findings'), 1);
    assert.equal(await back('--fail-on', 'new-errors,new-gaps'), 1);
  });

  it('has its own help', async () => {
    const r = await aims(['diff', '--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^ {2}aims diff --git <ref> \[folder\] \[options\]/m);
    assert.match(r.out, /--fail-on never\|new-gaps\|new-findings\|new-errors/);
  });

  it('exits 2 with a clear message on usage errors', async () => {
    for (const [args, message] of [
      [['diff', 'base'], /diff needs two folders/],
      [['diff', 'base', 'nowhere'], /nowhere is not a folder/],
      [['diff', 'base', 'head', '--format', 'sarif'], /--format must be one of text, markdown, json/],
      [['diff', 'base', 'head', '--fail-on', 'new-gaps,sometimes'], /--fail-on must be one or more of never, new-gaps/],
      [['diff', '--git'], /--git needs a value/],
      [['diff', '--git', 'main', 'base', 'head'], /--git compares one folder with a ref/],
      [['diff', '--git', 'main', 'base'], /is not in a git repository/],
      [['diff', '--git', '--output=x', 'base'], /--git takes a branch, tag or commit/],
    ] as const) {
      const r = await aims([...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, /^aims: .+\n$/);
    }
  });
});

describe('aims diff --git', () => {
  /** A repository whose last commit holds the base version in `aims/`, with the head version in the working tree. */
  function repository(): string {
    const repo = tempDir('aims-diff-git-');
    const ws = join(repo, 'aims');
    cpSync(EXAMPLE, ws, { recursive: true });
    applyEdits(ws, BASE_EDITS);
    commitAll(repo, 'base', true);
    applyEdits(ws, HEAD_EDITS);
    return repo;
  }

  it('compares the working tree with a ref: the same delta as two folders', async () => {
    const repo = repository();
    const r = await aims(['diff', '--git', 'HEAD', 'aims', '--format', 'json', ...AS_OF], repo);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    const d = JSON.parse(r.out) as CoverageDelta;
    const commit = git(repo, 'rev-parse', 'HEAD');
    assert.equal(d.base.label, `HEAD (${commit.slice(0, 12)})`);
    assert.equal(d.head.label, 'working tree');
    const expected = JSON.parse(readFileSync(join(GOLDEN, 'acme.json'), 'utf8')) as CoverageDelta;
    assert.deepEqual({ ...d, base: expected.base, head: expected.head }, expected);
    // From inside the folder, with the folder left out, and by branch name.
    const inside = await aims(['diff', '--git', 'main', '--format', 'json', ...AS_OF], join(repo, 'aims'));
    assert.deepEqual((JSON.parse(inside.out) as CoverageDelta).findings, d.findings);
  });

  it('checks evidence against the files of the ref, not the disk', async () => {
    const repo = repository();
    // The evidence the head fixes its path to exists only in the working tree: at the ref it was missing too.
    const file = join(repo, 'aims', 'evidence', 'validation-report.md');
    writeFileSync(file, 'added after the commit\n');
    const d = JSON.parse((await aims(['diff', '--git', 'HEAD', 'aims', '--format', 'json', ...AS_OF], repo)).out) as CoverageDelta;
    assert.deepEqual(
      d.findings.fixed.map((f) => f.code),
      ['evidence-missing'],
    );
    // A document deleted since the ref is a missing evidence introduced.
    git(repo, 'rm', '-q', 'aims/evidence/monitoring-plan.md');
    const d2 = JSON.parse((await aims(['diff', '--git', 'HEAD', 'aims', '--format', 'json', ...AS_OF], repo)).out) as CoverageDelta;
    assert.deepEqual(
      d2.findings.introduced.filter((f) => f.code === 'evidence-missing').map((f) => `${f.file}: ${f.message}`),
      [
        "soa.aims.yaml: Evidence 'evidence/monitoring-plan.md' does not exist (paths are relative to this file). Fix the path or add the document.",
        "systems/credit-scoring.aims.yaml: Evidence '../evidence/monitoring-plan.md' does not exist (paths are relative to this file). Fix the path or add the document.",
      ],
    );
  });

  it('reports an unknown ref, and a shallow clone without the base, clearly', async () => {
    const repo = repository();
    const r = await aims(['diff', '--git', 'origin/main', 'aims'], repo);
    assert.equal(r.code, 2);
    assert.match(r.err, /^aims: git knows no commit 'origin\/main' in .*aims \(in CI, fetch it first/);
  });

  it('runs nothing from the repository: no hooks, filters, textconv or fsmonitor', async () => {
    const repo = repository();
    const marker = join(repo, 'ran');
    const script = join(repo, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    writeFileSync(join(repo, '.gitattributes'), '*.yaml filter=evil diff=evil\n');
    for (const [k, v] of [
      ['filter.evil.smudge', script],
      ['filter.evil.clean', script],
      ['diff.evil.textconv', script],
      ['core.fsmonitor', script],
      ['core.pager', script],
    ])
      git(repo, 'config', k, v);
    mkdirSync(join(repo, '.git', 'hooks'), { recursive: true });
    writeFileSync(join(repo, '.git', 'hooks', 'post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(join(repo, '.git', 'hooks', 'post-checkout'), 0o755);
    const r = await aims(['diff', '--git', 'HEAD', 'aims', '--format', 'json', ...AS_OF], repo);
    assert.equal(r.code, 0, r.err);
    assert.equal(existsSync(marker), false, 'a program from the repository ran');
    assert.equal((JSON.parse(r.out) as CoverageDelta).systems.added[0]?.id, 'document-triage');
  });
});
