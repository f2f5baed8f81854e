// The test runner's summary must count right on every Node version the project supports:
// Node 23 and later print a different default reporter than Node 20 and 22.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
// @ts-expect-error -- a plain .mjs script without type declarations
import { countLine, newCounts, nodeTestArgs } from '../../scripts/test-summary.mjs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  skips: string[];
  oks: string[];
}
const count = countLine as (line: string, c: Counts) => void;

const dir = mkdtempSync(join(tmpdir(), 'aims-runner-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fixture = join(dir, 'fixture.test.ts');
writeFileSync(
  fixture,
  [
    "import { describe, it } from 'node:test';",
    "describe('suite', () => { it('passes', () => {}); it('fails', () => { throw new Error('no'); }); });",
    "it('is skipped', { skip: 'no tool here' }, () => {});",
    "it('also passes', () => {});",
  ].join('\n'),
);

const NODE24 = join(process.env.AIMS_E2E_ROOT ?? join(homedir(), '.cache', 'aims-e2e'), 'node24', 'package', 'bin', 'node');
const nodes: [string, string][] = [[`this Node (${process.version})`, process.execPath]];
if (existsSync(NODE24)) nodes.push(['Node 24 from npm run setup:test', NODE24]);

for (const [name, bin] of nodes) {
  it(`counts passed, failed and skipped tests, with the reason, on ${name}`, () => {
    // Without NODE_TEST_CONTEXT, which would make the inner run report to this one instead of printing.
    const env = { ...process.env, NODE_TEST_CONTEXT: undefined };
    const r = spawnSync(bin, (nodeTestArgs as (f: string[]) => string[])([fixture]), {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env,
    });
    const c = (newCounts as () => Counts)();
    for (const line of r.stdout.split('\n')) count(line, c);
    assert.deepEqual(
      { passed: c.passed, failed: c.failed, skipped: c.skipped, skips: c.skips },
      {
        passed: 2,
        failed: 1,
        skipped: 1,
        skips: ['is skipped: no tool here'],
      },
    );
    assert.ok(c.oks.includes('passes') && c.oks.includes('also passes'), JSON.stringify(c.oks));
  });
}

it('reads the real-editor suite’s own lines and its skip notice', () => {
  const c = (newCounts as () => Counts)();
  for (const line of ['ok 1 - the SoA defect shows', 'not ok 2 - a hover', '', '1 passed, 1 failed', '# SKIP e2e: code-server missing'])
    count(line, c);
  assert.deepEqual([c.passed, c.failed, c.skipped, c.skips, c.oks], [1, 1, 1, ['e2e: code-server missing'], ['the SoA defect shows']]);
});
