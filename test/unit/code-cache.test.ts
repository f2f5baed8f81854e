import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { codeCacheDir, runWithCodeCache } from '../../server/src/node/code-cache';

// V8's code cache for the server bundle (server/src/node/code-cache.ts): a cache is code the server runs, so it
// is only read from a folder and files of the user's own that nobody else can change.
const posix = process.platform !== 'win32';
const root = mkdtempSync(join(tmpdir(), 'aims-code-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder path, and a module in it that records how it was run. */
function fixture(
  body = 'globalThis.codeCacheRun = { file: __filename, dir: __dirname, sep: require("node:path").sep, self: module.exports === exports };',
) {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  const file = join(dir, 'bundle.js');
  writeFileSync(file, body);
  return { file, cache: join(dir, 'cache') };
}
const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
/**
 * Starts the bundle in a new process, as the server starts, and says how the cache served it (in this process V8
 * would reuse its own compilation of the same source and never read the cache). The process waits for the write.
 */
function start(file: string, dir: string | undefined): string {
  const code = `const { runWithCodeCache } = require(${JSON.stringify(join(__dirname, '../../server/src/node/code-cache.ts'))});
    process.stdout.write(runWithCodeCache(process.argv[1], process.argv[2] || undefined, 0)); setTimeout(() => {}, 50);`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code, file, dir ?? ''], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
const run = globalThis as unknown as { codeCacheRun?: { file: string; dir: string; sep: string; self: boolean } };

describe('the code cache folder', { skip: !posix && 'ownership and modes cannot be checked on Windows' }, () => {
  it('is created private (0700) where AIMS_CODE_CACHE_DIR says', () => {
    const dir = join(root, 'made', 'cache');
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: dir }), dir);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });
  it('is refused when others may enter it, when it is a link, when turned off, and on Windows', () => {
    const open = join(root, 'open');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: open }), undefined);
    const priv = join(root, 'private');
    mkdirSync(priv, { mode: 0o700 });
    const link = join(root, 'link');
    symlinkSync(priv, link);
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: link }), undefined);
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: priv }), priv);
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: priv, AIMS_CODE_CACHE: 'off' }), undefined);
    assert.equal(codeCacheDir({ AIMS_CODE_CACHE_DIR: priv }, 'win32'), undefined);
  });
});

describe('running a bundle with the code cache', { skip: !posix && 'no cache on Windows' }, () => {
  it('runs it as require would (its own require, __filename, __dirname, module), with or without a cache', () => {
    const { file } = fixture();
    assert.equal(runWithCodeCache(file, undefined, 0), 'off');
    assert.deepEqual(run.codeCacheRun, { file, dir: join(file, '..'), sep: '/', self: true });
  });
  it('writes the cache (0600) after the delay, and the next start uses it', () => {
    const { file, cache } = fixture();
    const dir = codeCacheDir({ AIMS_CODE_CACHE_DIR: cache })!;
    assert.equal(start(file, dir), 'absent');
    const [name] = cacheFiles(dir);
    assert.match(name, /^bundle-[0-9a-f]{32}\.v8cache$/);
    assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600);
    assert.equal(start(file, dir), 'accepted');
  });
  it('keys the cache by the bundle: a changed bundle does not use the old one', () => {
    const { file, cache } = fixture();
    const dir = codeCacheDir({ AIMS_CODE_CACHE_DIR: cache })!;
    start(file, dir);
    writeFileSync(file, 'globalThis.codeCacheRun = undefined; // another build');
    assert.equal(start(file, dir), 'absent');
    assert.equal(cacheFiles(dir).length, 2);
  });
  it('ignores a cache file others could have written, or a link, and replaces one V8 refuses', () => {
    const { file, cache } = fixture();
    const dir = codeCacheDir({ AIMS_CODE_CACHE_DIR: cache })!;
    start(file, dir);
    const path = join(dir, cacheFiles(dir)[0]);
    chmodSync(path, 0o620);
    assert.equal(start(file, dir), 'absent');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(start(file, dir), 'accepted');

    const real = join(root, `elsewhere-${n++}`);
    writeFileSync(real, 'not a cache', { mode: 0o600 });
    rmSync(path);
    symlinkSync(real, path);
    assert.equal(start(file, dir), 'absent');
    assert.equal(readFileSync(real, 'utf8'), 'not a cache'); // the new cache replaced the link, not what it named

    rmSync(path);
    writeFileSync(path, 'garbage, not V8 code cache data', { mode: 0o600 });
    assert.equal(start(file, dir), 'rejected');
    assert.equal(start(file, dir), 'accepted');
  });
});
