import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt, ROOT_DIR } from './client';

/**
 * Neovim's built-in LSP client, a client nobody here wrote, driven headless by test/lsp/nvim-probe.lua.
 * CI installs Neovim (`npm run setup:test`); there a missing nvim fails the test instead of skipping it.
 */
const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const skip = !hasNvim && process.env.CI !== 'true' ? 'nvim is not installed (npm run setup:test installs it)' : false;

interface ProbeResult {
  nvim: string;
  error?: string;
  publishes: { file: string; diagnostics: { code: string; line: number; message: string }[] }[];
  diagnostics: { line: number; message: string }[];
  completion: string[];
  hover?: string;
}

let work = '';
let dir = '';
before(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'aims-nvim-'));
  dir = join(work, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Opens `file` in Neovim with our server attached; completion and hover at a 0-based position. */
function probe(file: string, line: number, character: number): ProbeResult {
  const config = join(work, 'probe.json');
  const out = join(work, 'result.json');
  rmSync(out, { force: true });
  writeFileSync(
    config,
    JSON.stringify({
      cmd: [process.execPath, join(ROOT_DIR, 'bin', 'aims.js'), 'lsp', '--stdio'],
      root: dir,
      file,
      line,
      character,
      settings: { aims: { referenceDate: '2026-11-23' } },
      timeoutMs: 30_000,
      out,
    }),
  );
  const xdg = join(work, 'xdg');
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(__dirname, 'nvim-probe.lua')}`], {
    env: {
      ...process.env,
      AIMS_NVIM_PROBE: config,
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_STATE_HOME: join(xdg, 'state'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
    },
    encoding: 'utf8',
    timeout: 110_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let result: ProbeResult;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as ProbeResult;
  } catch {
    assert.fail(`the probe wrote no result (exit ${r.status}, ${r.signal ?? ''}): ${r.stderr}${r.stdout}`);
  }
  assert.equal(r.status, 0, `probe failed in Neovim ${result.nvim}: ${result.error ?? ''}\n${r.stderr}`);
  return result;
}

describe('Neovim', { skip, timeout: 240_000 }, () => {
  it('shows diagnostics, completes and hovers', () => {
    const file = join(dir, 'systems', 'credit-scoring.aims.yaml');
    const text = readFileSync(file, 'utf8').replace('  Art. 12:\n', '  Art. 12(9):\n');
    writeFileSync(file, text);
    const lines = text.split('\n');
    const tier = lines.indexOf('  tier: high');
    const r = probe(file, tier, 8);
    const bad = lines.indexOf('  Art. 12(9):');
    assert.ok(
      r.diagnostics.some((d) => d.line === bad && /no paragraph 9/.test(d.message)),
      `a diagnostic on line ${bad}: ${JSON.stringify(r.diagnostics)}`,
    );
    assert.ok(r.completion.includes('high'), JSON.stringify(r.completion));
    assert.match(r.hover ?? '', /Art\. 6/);
  });

  it('never flashes workspace findings (missing manifest or SoA) before the workspace is read', () => {
    const file = join(dir, 'systems', 'fraud-detection.aims.yaml');
    const r = probe(file, 0, 0);
    const workspaceLevel = r.publishes.flatMap((p) =>
      p.diagnostics.filter((d) => d.code === 'missing-manifest' || d.code === 'missing-soa').map((d) => `${p.file}: ${d.message}`),
    );
    assert.deepEqual(workspaceLevel, []);
    assert.ok(r.publishes.length > 0);
  });
});
