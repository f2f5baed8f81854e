import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a write was refused: said to the user as it stands. */
export class UnsafeWrite extends Error {}

function inside(folder: string, p: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The nearest existing ancestor of a path (the path itself when it exists), without following a final link. */
function existingAncestor(p: string): string {
  let cur = p;
  for (;;) {
    try {
      fs.lstatSync(cur);
      return cur;
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return cur;
      cur = up;
    }
  }
}

/**
 * Creates a folder and its missing parents one at a time. (`mkdirSync` with
 * `recursive` never returns on some virtual file systems such as /proc.)
 * Errors are the file system's own, with `path` naming the folder that failed.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const m of missing) fs.mkdirSync(m);
}

/**
 * Writes a file inside `folder` and nowhere else: the target must not be a
 * symbolic link (dangling or not), and the folders on the way must resolve
 * inside `folder` (a linked folder that leads out is refused). New files are
 * created exclusively, so a link made in the meantime is not followed either.
 * `shown` is how messages name the file.
 */
export function writeInside(folder: string, file: string, data: string | Uint8Array, shown: string, overwrite: boolean): void {
  const root = fs.realpathSync(existingAncestor(folder));
  const target = path.resolve(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) throw new UnsafeWrite(`${shown} is a symbolic link; refusing to write through it`);
  if (stat && !stat.isFile()) throw new UnsafeWrite(`${shown} exists and is not a regular file`);
  if (stat && !overwrite) throw new UnsafeWrite(`${shown} exists; use --force to overwrite it`);
  const parent = fs.realpathSync(existingAncestor(path.dirname(target)));
  if (!inside(root, parent)) throw new UnsafeWrite(`${shown} would be written outside ${folder} (through a linked folder); refusing`);
  makeFolders(path.dirname(target));
  if (!inside(root, fs.realpathSync(path.dirname(target)))) throw new UnsafeWrite(`${shown} would be written outside ${folder}; refusing`);
  fs.writeFileSync(target, data, { flag: stat ? 'w' : 'wx' });
}
