import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

/** Why a file-system call failed, in words (the error's own message carries the raw path and syscall). */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EEXIST':
      return 'a file of that name exists';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** A path as the user sees it: relative to the current folder when below it. */
export function shown(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel.split(path.sep).join('/');
}

/**
 * Creates a folder and its missing parents, one at a time. (`mkdirSync` with
 * `recursive` never returns on some virtual file systems such as /proc.)
 */
export function ensureFolder(dir: string, cwd: string): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(d);
    } catch {
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) throw new UsageError(`cannot create folder ${shown(cwd, missing[0] ?? d)}: ${shown(cwd, d)} is a file`);
      break;
    }
    missing.unshift(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) {
    try {
      fs.mkdirSync(m);
    } catch (e) {
      throw new UsageError(`cannot create folder ${shown(cwd, m)}: ${reason(e)}`);
    }
  }
}

/** Writes a text file, creating its folder; failures are one line for the user (exit 2). */
export function writeText(file: string, text: string, cwd: string): void {
  ensureFolder(path.dirname(file), cwd);
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${shown(cwd, file)}: ${reason(e)}`);
  }
}
