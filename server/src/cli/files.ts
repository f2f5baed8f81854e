import * as path from 'node:path';
import { makeFolders, UnsafeWrite, writeInside } from '../node/safe-write';
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

/** Creates a folder and its missing parents; a failure is one line for the user (exit 2). */
export function ensureFolder(dir: string, cwd: string): void {
  try {
    makeFolders(dir);
  } catch (e) {
    throw new UsageError(`cannot create folder ${shown(cwd, (e as NodeJS.ErrnoException).path ?? dir)}: ${reason(e)}`);
  }
}

/**
 * Writes a file inside `folder` and nowhere else (no symbolic link followed
 * out of it); a refusal or a failure is one line for the user (exit 2).
 */
export function writeSafely(folder: string, file: string, text: string, cwd: string, overwrite: boolean): void {
  ensureFolder(folder, cwd);
  try {
    writeInside(folder, file, text, shown(cwd, file), overwrite);
  } catch (e) {
    if (e instanceof UnsafeWrite) throw new UsageError(e.message);
    if ((e as NodeJS.ErrnoException).syscall === 'mkdir') {
      throw new UsageError(`cannot create folder ${shown(cwd, (e as NodeJS.ErrnoException).path ?? file)}: ${reason(e)}`);
    }
    if ((e as NodeJS.ErrnoException).code) throw new UsageError(`cannot write ${shown(cwd, file)}: ${reason(e)}`);
    throw e;
  }
}
