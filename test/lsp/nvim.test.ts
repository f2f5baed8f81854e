import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { ensureBuilt, ROOT_DIR } from './client';

/** Neovim's built-in LSP client, driven headless by the shared probe: a client nobody here wrote. */
const PROBE = join(ROOT_DIR, '..', 'shared', 'tools', 'nvim-lsp', 'run.sh');
const hasNvim = spawnSync('nvim', ['--version']).status === 0;
// CI installs Neovim (npm run setup:test); there a missing nvim is a failure, not a skip.
const skip =
  !hasNvim && process.env.CI !== 'true'
    ? 'nvim is not installed (npm run setup:test installs it)'
    : !existsSync(PROBE)
      ? `no probe at ${PROBE}`
      : false;

let dir = '';
before(() => {
  ensureBuilt();
  dir = join(mkdtempSync(join(tmpdir(), 'aims-nvim-')), 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

it('works in Neovim: diagnostics, completion and hover arrive', { skip, timeout: 120_000 }, () => {
  const file = join(dir, 'systems', 'credit-scoring.aims.yaml');
  const text = readFileSync(file, 'utf8').replace('  Art. 12:\n', '  Art. 12(9):\n');
  writeFileSync(file, text);
  const lines = text.split('\n');
  const tierLine = lines.findIndex((l) => l === '  tier: high') + 1;
  const r = spawnSync(
    'bash',
    [PROBE, `${process.execPath} ${join(ROOT_DIR, 'bin', 'aims.js')} lsp --stdio`, file, String(tierLine), '13'],
    {
      env: { ...process.env, LSP_ROOT: dir, LSP_LANG: 'aims', LSP_SETTINGS: JSON.stringify({ aims: { referenceDate: '2026-11-23' } }) },
      encoding: 'utf8',
      timeout: 110_000,
    },
  );
  assert.equal(r.status, 0, `probe failed: ${r.stderr}\n${r.stdout}`);
  const events = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; [k: string]: unknown });
  const diag = events.filter((e) => e.event === 'diagnostic') as unknown as { message: string; range: { start: { line: number } } }[];
  const badLine = lines.findIndex((l) => l.includes('Art. 12(9)')) + 1;
  assert.ok(
    diag.some((d) => /no paragraph 9/.test(d.message) && d.range.start.line === badLine),
    `diagnostic on line ${badLine}: ${JSON.stringify(diag)}`,
  );
  const completion = events.find((e) => e.event === 'completion');
  assert.ok(JSON.stringify(completion).includes('high'), JSON.stringify(completion));
  const hover = events.find((e) => e.event === 'hover');
  assert.match(JSON.stringify(hover), /Art\. 6/);
});
