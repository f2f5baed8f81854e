import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAimsFile } from '../core/yaml/parse';
import { notRegular } from './read-file';
import { SKIP_PATHS, skipsFolder, WALK_LIMITS } from '../core/walk-rules';

export { inSkippedFolder, WALK_LIMITS } from '../core/walk-rules';

/**
 * `AIMS_MAX_FILES` raises (or lowers) how many AIMS files the CLI and the
 * Node server read from one folder before they stop and say so: the default
 * guards against opening a home folder, and an AIMS larger than that needs a
 * way past it. Anything but a whole number from 1 up is refused, with the
 * reason, and the default kept.
 */
export function maxFilesFromEnv(value: string | undefined, warn: (message: string) => void): void {
  if (value === undefined || value === '') return;
  if (/^[1-9]\d{0,8}$/.test(value.trim())) WALK_LIMITS.files = Number(value.trim());
  else
    warn(
      `AIMS_MAX_FILES=${JSON.stringify(value)} is not a whole number from 1 to 999999999; reading at most ${WALK_LIMITS.files} files per folder`,
    );
}
maxFilesFromEnv(process.env.AIMS_MAX_FILES, (m) => process.stderr.write(`aims: ${m}\n`));

export interface WalkResult {
  /** Native paths of the AIMS files found, sorted. */
  files: string[];
  /** Folders read. */
  folders: number;
  /** Set when a limit stopped the walk: which one. */
  stopped?: 'files' | 'folders';
  /** Entries named like AIMS files that are not read, and why (pipes, sockets, devices, links). */
  skipped: { path: string; why: string }[];
}

/**
 * One walk below a folder, a folder at a time, without following symbolic
 * links (a link could lead outside the workspace or loop). Only regular files
 * are listed: pipes, sockets and devices named `*.aims.yaml` are left out.
 */
class Walk {
  readonly files: string[] = [];
  readonly skipped: WalkResult['skipped'] = [];
  folders = 0;
  stopped?: WalkResult['stopped'];
  private readonly stack: { dir: string; depth: number }[];

  constructor(root: string) {
    this.stack = [{ dir: root, depth: 0 }];
  }

  /** The next folder to read, or undefined when the walk is over. */
  next(): { dir: string; depth: number } | undefined {
    if (this.files.length >= WALK_LIMITS.files) this.stopped = 'files';
    else if (this.folders >= WALK_LIMITS.folders && this.stack.length) this.stopped = 'folders';
    if (this.stopped) return undefined;
    const top = this.stack.pop();
    if (top) this.folders++;
    return top;
  }

  /** Takes in what one folder holds. */
  add(dir: string, depth: number, entries: fs.Dirent[]): void {
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < WALK_LIMITS.depth && !skipsFolder(e.name) && !SKIP_PATHS.has(p)) this.stack.push({ dir: p, depth: depth + 1 });
      } else if (isAimsFile(e.name)) {
        if (!e.isFile()) this.skipped.push({ path: p, why: notRegular(e) ?? 'it is not a regular file' });
        else if (this.files.length < WALK_LIMITS.files) this.files.push(p);
      }
    }
  }

  result(): WalkResult {
    return { files: this.files.sort(), folders: this.folders, stopped: this.stopped, skipped: this.skipped };
  }
}

/**
 * All AIMS files below a folder, read synchronously (the CLI). A folder that
 * cannot be read is skipped, or handed to `unreadable` (which may throw: the
 * CLI refuses to pass a check that left part of the workspace unread).
 */
export function walkAimsFiles(root: string, unreadable?: (dir: string, e: unknown) => void): WalkResult {
  const walk = new Walk(root);
  for (let d = walk.next(); d; d = walk.next()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d.dir, { withFileTypes: true });
    } catch (e) {
      unreadable?.(d.dir, e);
      continue;
    }
    walk.add(d.dir, d.depth, entries);
  }
  return walk.result();
}

/** The files alone, for callers that need no more. */
export function findAimsFiles(root: string): string[] {
  return walkAimsFiles(root).files;
}

/**
 * The same walk without blocking: each folder is read off the event loop, so
 * a server answers requests while it looks through a large tree (opening `/`
 * or a home folder took minutes of a blocked server). `progress` is called
 * about every 200 ms; the walk stops when `isCancelled` says so.
 */
export async function walkAimsFilesAsync(
  root: string,
  progress: (r: { folders: number; files: number }) => void = () => {},
  isCancelled: () => boolean = () => false,
): Promise<WalkResult> {
  const walk = new Walk(root);
  // The first folder is reported at once (the user sees the walk start), then at most every 200 ms.
  let told = 0;
  for (let d = walk.next(); d && !isCancelled(); d = walk.next()) {
    try {
      walk.add(d.dir, d.depth, await fs.promises.readdir(d.dir, { withFileTypes: true }));
    } catch {
      // unreadable folder: skipped
    }
    if (Date.now() - told > 200) {
      told = Date.now();
      progress({ folders: walk.folders, files: walk.files.length });
    }
  }
  return walk.result();
}

export { toCorePath } from './node-fs';
