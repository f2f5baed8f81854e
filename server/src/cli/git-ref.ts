import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { isVersionPath, treeFileSystem, type VersionFile } from '../core/diff';
import type { FileSystem } from '../core/rules/rule';
import { isAimsFile, MAX_FILE_BYTES } from '../core/yaml/parse';
import { inSkippedFolder, toCorePath } from '../node/find-files';
import { UsageError } from './args';

/** A workspace folder as it is at a git revision: its AIMS files' texts and the paths that exist there. */
export interface GitVersion {
  /** `main (1a2b3c4d5e6f)`: the ref as given and the commit it names. */
  label: string;
  commit: string;
  files: VersionFile[];
  /** Answers for the revision's tree (evidence checks), never for the disk. */
  fs: FileSystem;
}

/**
 * Runs git without a shell, with no hooks, no fsmonitor and no pager, and
 * pathspecs taken literally. Only plumbing that reads objects is used
 * (rev-parse, ls-tree, cat-file): nothing runs textconv, filters or external
 * diff drivers, and nothing from the repository is executed. The working
 * directory is the temp folder, not the repository, so a `git` program inside
 * the repository is never picked up (Windows looks in the current folder first).
 */
function git(folder: string, args: string[], input?: string, maxBuffer = 64 * 1024 * 1024): Buffer {
  const r = spawnSync(
    'git',
    ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '--no-pager', '--literal-pathspecs', '-C', folder, ...args],
    {
      cwd: tmpdir(),
      input,
      maxBuffer,
      shell: false,
      windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    },
  );
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? '--git needs the git program, and it is not on PATH' : `git failed: ${r.error.message}`);
  }
  if (r.status !== 0) throw new GitError(r.stderr.toString('utf8').trim());
  return r.stdout;
}

class GitError extends Error {}

/** One entry of `git ls-tree -r -l -z`. */
interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  path: string;
}

function parseTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const rec of out.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]+)$/.exec(rec);
    if (m) entries.push({ mode: m[1], type: m[2], object: m[3], size: m[4] === '-' ? 0 : Number(m[4]), path: m[5] });
  }
  return entries;
}

/** Reads blobs in one `git cat-file --batch` run: object id → content. */
function readBlobs(folder: string, objects: string[], totalSize: number): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!objects.length) return out;
  const buf = git(folder, ['cat-file', '--batch'], objects.join('\n') + '\n', totalSize + objects.length * 128 + 1024 * 1024);
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const [oid, type, size] = buf.toString('utf8', at, nl).split(' ');
    at = nl + 1;
    if (type === 'missing' || size === undefined) continue;
    out.set(oid, buf.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return out;
}

/**
 * The AIMS files of `folder` as they are at `ref`, read from git's object
 * store into memory (nothing is checked out or written), with the list of
 * the revision's paths for evidence checks.
 */
export function readGitVersion(folder: string, ref: string): GitVersion {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--git takes a branch, tag or commit, not '${ref}'`);
  let prefix: string;
  try {
    git(folder, ['rev-parse', '--show-toplevel']);
    prefix = git(folder, ['rev-parse', '--show-prefix']).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`${folder} is not in a git repository (${e.message.split('\n')[0]})`);
    throw e;
  }
  let commit: string;
  try {
    commit = git(folder, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch (e) {
    if (e instanceof GitError)
      throw new UsageError(
        `git knows no commit '${ref}' in ${folder} (in CI, fetch it first: a shallow clone has only the checked-out commit)`,
      );
    throw e;
  }
  const listing = parseTree(
    git(
      folder,
      ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, ...(prefix ? ['--', prefix.replace(/\/$/, '')] : [])],
      undefined,
      1024 ** 3,
    ),
  );

  const paths: string[] = [];
  const opaque: string[] = [];
  const linkObjects = new Map<string, string>();
  const wanted: { rel: string; entry: TreeEntry }[] = [];
  for (const e of listing) {
    if (!e.path.startsWith(prefix)) continue;
    const rel = e.path.slice(prefix.length);
    if (!isVersionPath(rel)) continue;
    paths.push(rel);
    if (e.type === 'commit') opaque.push(rel);
    else if (e.mode === '120000') linkObjects.set(rel, e.object);
    // Symbolic links to AIMS files are not followed, as on disk.
    else if (e.type === 'blob' && isAimsFile(rel) && !inSkippedFolder(rel)) wanted.push({ rel, entry: e });
  }
  const toRead = [...wanted.filter((w) => w.entry.size <= MAX_FILE_BYTES).map((w) => w.entry.object), ...linkObjects.values()];
  const blobs = readBlobs(
    folder,
    [...new Set(toRead)],
    wanted.reduce((n, w) => n + (w.entry.size <= MAX_FILE_BYTES ? w.entry.size : 0), 0) + linkObjects.size * 4096,
  );
  const decoder = new TextDecoder('utf-8');
  const files: VersionFile[] = wanted.map(({ rel, entry }) => {
    if (entry.size > MAX_FILE_BYTES) return { path: rel, size: entry.size };
    const blob = blobs.get(entry.object);
    if (!blob) throw new UsageError(`git could not read ${prefix}${rel} at ${ref}`);
    return { path: rel, text: decoder.decode(blob) };
  });
  const links = new Map<string, string>();
  for (const [rel, oid] of linkObjects) {
    const target = blobs.get(oid);
    if (target) links.set(rel, target.toString('utf8'));
  }
  return {
    label: `${ref} (${commit.slice(0, 12)})`,
    commit,
    files,
    fs: treeFileSystem(toCorePath(folder), paths, links, opaque),
  };
}
