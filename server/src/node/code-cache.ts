import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * V8's code cache for the server bundle: the bytecode of what start-up compiled, kept from one start to
 * the next, so a start does not compile the ~800 KB bundle again (docs/performance.md, "Cold start").
 * `module.enableCompileCache` would do this from Node 22; VS Code's Node and Node 20 lack it.
 *
 * V8 does not defend itself against a crafted cache, so the cache is code the server runs: it lives only
 * in a folder of the user's own (created 0700, rejected unless owned by the user with no access for
 * others), in files the user owns that nobody else can write, opened without following links, and keyed
 * by the bundle's SHA-256, the Node and V8 versions and the architecture (V8 refuses a cache made under
 * other V8 flags; it is then written again). Never a workspace folder. Where ownership cannot be checked
 * (Windows) there is no cache.
 */

/** How the cache served this start: used, refused by V8, not there yet, or not in use here. */
export type CacheUse = 'accepted' | 'rejected' | 'absent' | 'off';

/**
 * The private folder for the cache, created if needed, or undefined when there is none: `AIMS_CODE_CACHE=off`,
 * Windows, or a folder that is not the user's own. `AIMS_CODE_CACHE_DIR` names another folder (tests).
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.AIMS_CODE_CACHE === 'off' || platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  try {
    const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
    const base = platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : (xdg ?? join(homedir(), '.cache'));
    const dir = env.AIMS_CODE_CACHE_DIR && isAbsolute(env.AIMS_CODE_CACHE_DIR) ? env.AIMS_CODE_CACHE_DIR : join(base, 'aims-lsp');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined; // no home folder, or none that can be written
  }
}

/**
 * Runs a CommonJS bundle as `require` would, compiled with the code cache from `dir` if there is a valid one.
 * Without one, the cache is written `writeAfterMs` later (when start-up and the first checks have compiled
 * what they need; the timer does not keep the process alive).
 */
export function runWithCodeCache(file: string, dir: string | undefined, writeAfterMs: number): CacheUse {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const name = dir && cacheName(file, bytes);
  const cached = name ? readPrivate(join(dir, name)) : undefined;
  // The wrapper Node puts around a CommonJS module, on the first line so that line numbers stay as they are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: cached,
  });
  const mod = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const use: CacheUse = !name ? 'off' : !cached ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (dir && name && use !== 'accepted') setTimeout(() => writePrivate(dir, name, script.createCachedData()), writeAfterMs).unref();
  return use;
}

function cacheName(file: string, bundle: Buffer): string {
  const key = createHash('sha256').update(bundle).update([process.version, process.versions.v8, process.arch].join('\0')).digest('hex');
  return `${basename(file, '.js')}-${key.slice(0, 32)}.v8cache`;
}

/** A cache file's bytes if it is a regular file of the user's that nobody else can read or write. */
function readPrivate(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const st = fstatSync(fd);
    if (!st.isFile() || st.uid !== process.getuid?.() || (st.mode & 0o077) !== 0) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Caches older than this are removed when a new one is written (earlier versions of the extension). */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** Writes the cache atomically (a new file of mode 0600, then renamed), and drops stale ones. Best effort. */
function writePrivate(dir: string, name: string, data: Buffer): void {
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, join(dir, name));
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (n !== name && n.endsWith('.v8cache') && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
    }
  } catch {
    rmSync(tmp, { force: true });
  }
}
