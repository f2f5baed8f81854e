// Bad input and hostile surroundings, through the built command as a shell runs it: one clear line
// on stderr and exit 2 (or 3 for an internal error), never a stack trace, never 1, never a hang.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt } from '../lsp/client';
import { aims, aimsProcess, BIN, EXAMPLES, temp } from './helpers';

/** Runs a process as an unprivileged user when the tests run as root (root reads any file). */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const ONE_LINE = /^aims: [^\n]+\n$/;

before(() => ensureBuilt());

describe('unreadable and odd inputs', () => {
  it('an unreadable AIMS file in a checked folder', () => {
    const dir = temp();
    chmodSync(dir, 0o755);
    cpSync(join(EXAMPLES, 'starter'), join(dir, 'ws'), { recursive: true });
    chmodSync(join(dir, 'ws', 'soa.aims.yaml'), 0o000);
    const r = aimsProcess(['check', 'ws'], { cwd: dir, ...asUser });
    assert.equal(r.code, 2, r.out + r.err);
    assert.equal(r.err, 'aims: cannot read ws/soa.aims.yaml: permission denied\n');
  });
  it('an unreadable folder inside a checked folder', () => {
    const dir = temp();
    chmodSync(dir, 0o755);
    cpSync(join(EXAMPLES, 'starter'), join(dir, 'ws'), { recursive: true });
    chmodSync(join(dir, 'ws', 'systems'), 0o000);
    const r = aimsProcess(['check', 'ws'], { cwd: dir, ...asUser });
    assert.equal(r.code, 2, r.out + r.err);
    assert.equal(r.err, 'aims: cannot read folder ws/systems: permission denied\n');
  });
  it('a FIFO given as the file to check', () => {
    const dir = temp();
    if (spawnSync('mkfifo', [join(dir, 'pipe.aims.yaml')]).status !== 0) return;
    const r = aimsProcess(['check', 'pipe.aims.yaml'], { cwd: dir, timeout: 10_000 });
    assert.equal(r.code, 2, r.out + r.err);
    assert.equal(r.err, 'aims: cannot read pipe.aims.yaml: it is a named pipe (FIFO), not a regular file\n');
  });
});

describe('outputs that cannot be written', () => {
  it('import -o naming a folder', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'soa.csv'), 'Control,Applicable,Justification\nA.2.2,yes,Root of the AIMS\n');
    mkdirSync(join(dir, 'out.aims.yaml'));
    for (const args of [
      ['-o', 'out.aims.yaml'],
      ['-o', 'out.aims.yaml', '--force'],
    ]) {
      const r = await aims(['import', 'soa.csv', ...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.err, 'aims: out.aims.yaml is a folder; -o takes a file name ending in .aims.yaml\n');
    }
  });
  it('init into a file', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plain.txt'), 'x');
    const r = await aims(['init', 'plain.txt'], dir);
    assert.deepEqual(r, { code: 2, out: '', err: 'aims: plain.txt is a file; init takes a folder\n' });
  });
  it('init into a read-only folder', () => {
    const dir = temp();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const r = aimsProcess(['init', 'ro'], { cwd: dir, ...asUser });
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /^aims: cannot write ro\/aims\.aims\.yaml: permission denied\n$/);
  });
  it('init under /proc ends at once', () => {
    const t = Date.now();
    const r = aimsProcess(['init', '/proc/aims-test/ws'], { timeout: 10_000 });
    assert.ok(Date.now() - t < 9_000, 'it did not spin');
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /^aims: cannot create folder \/proc\/aims-test: [a-z ]+\n$/);
  });
});

describe('the process', () => {
  it('a closed pipe (aims check | head -1) ends quietly with exit 2, no stack trace', async () => {
    // Several hundred KB of JSON: more than a pipe holds, so the writer meets the closed end.
    const args = ['check', 'acme-lending', 'starter', 'acme-lending', 'starter', '--format', 'json', '--as-of', '2026-11-23'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: EXAMPLES, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    // Read one chunk, then close our end, as `head -1` does.
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    assert.equal(code, 2);
    assert.equal(err, 'aims: the output was closed before it was complete\n');
  });
  it('aims lsp without a transport prints usage, not source code', () => {
    const r = aimsProcess(['lsp'], { timeout: 10_000 });
    assert.equal(r.code, 2);
    assert.match(r.err, /^aims: lsp needs a transport/);
    assert.ok(r.err.length < 1000, r.err.slice(0, 300));
  });
  it('usage errors are one line on stderr, and nothing is printed on stdout', () => {
    for (const args of [['check', '--as-of', '2026-02-30'], ['check', 'no-such-folder'], ['frobnicate'], ['check', '--format']]) {
      const r = aimsProcess(args, { cwd: EXAMPLES });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, ONE_LINE, args.join(' '));
      assert.equal(r.out, '', args.join(' '));
    }
  });
  it('output has no colour codes, on a terminal or not', () => {
    const r = aimsProcess(['check', 'acme-lending', '--as-of', '2026-11-23'], { cwd: EXAMPLES, env: { ...process.env, FORCE_COLOR: '1' } });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.out, /\x1b/);
  });
});
