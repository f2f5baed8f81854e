import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../core/yaml/parse';
import { NOT_READ } from '../core/walk-rules';

/** What reading an AIMS file from disk gave: its text, its size when too large, or why it was not read. */
export type DiskText = { text: string } | { tooLarge: number } | { refused: string };

/** O_NONBLOCK and O_NOFOLLOW where the platform has them (not on Windows). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Reads one AIMS file, or says why not; undefined when it does not exist.
 * Only regular files are read, and only inside `root` (a native folder path)
 * once symbolic links are resolved: a FIFO named `x.aims.yaml` blocked the
 * server for good on open, and a link could carry another folder's file in.
 * The checks are made on the open descriptor too (see readListedFile).
 * `failed` hears why an existing file could not be read (see readListedFile).
 */
export function readAimsFile(file: string, root?: string, failed?: (e: NodeJS.ErrnoException) => void): DiskText | undefined {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ? { refused: 'it is a symbolic link to nothing' } : undefined;
  }
  if (root !== undefined && !inside(realRoot(root), real)) return { refused: 'it is a symbolic link to a place outside its folder' };
  try {
    // Devices are never opened (opening some has effects); pipes and sockets would be refused after the open too.
    const why = notRegular(fs.statSync(real));
    if (why) return { refused: why };
  } catch {
    return undefined;
  }
  return readListedFile(real, failed);
}

/**
 * Reads a file that a walk listed as a regular file (walks never follow
 * links). Opened with O_NONBLOCK and O_NOFOLLOW, then judged by the open
 * descriptor: a file swapped for a pipe or a link after the listing is
 * refused, and no open can wait for a writer. Saves the real-path and stat
 * calls of readAimsFile, which cost a fifth of indexing 10,000 files.
 * Undefined when the file is gone or cannot be read; `failed` hears why when
 * it exists (the CLI makes an unreadable file an error, the server skips it).
 */
export function readListedFile(file: string, failed?: (e: NodeJS.ErrnoException) => void): DiskText | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') return { refused: NOT_READ.link };
    if (err.code !== 'ENOENT') failed?.(err);
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    const why = notRegular(stat);
    if (why) return { refused: why };
    if (stat.size > MAX_FILE_BYTES) return { tooLarge: stat.size };
    // As editors read it: a UTF-8 byte-order mark is dropped; bytes that are not UTF-8 become U+FFFD (and a finding).
    const text = fs.readFileSync(fd).toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (e) {
    failed?.(e as NodeJS.ErrnoException);
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a file the user named (a table to import, a file to merge into): links are
 * followed, since the user chose the name, but only a regular file is read. Opened
 * with O_NONBLOCK and judged by the descriptor, so a FIFO can never block the read.
 * Throws an Error whose message says why when it is not a regular file.
 */
export function readNamedFile(file: string): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const why = notRegular(fs.fstatSync(fd));
    if (why) throw new Error(why);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why an entry is not read, in words; undefined for a regular file. */
export function notRegular(e: fs.Stats | fs.Dirent): string | undefined {
  if (e.isFile()) return undefined;
  if (e.isSymbolicLink()) return NOT_READ.link;
  if (e.isFIFO()) return NOT_READ.fifo;
  if (e.isSocket()) return NOT_READ.socket;
  if (e.isCharacterDevice() || e.isBlockDevice()) return NOT_READ.device;
  if (e.isDirectory()) return NOT_READ.folder;
  return NOT_READ.other;
}

/** The last root resolved, for a second: a folder's files are read one after another, each asking for the same root. */
let lastRoot: { root: string; real: string; at: number } | undefined;
function realRoot(root: string): string {
  if (lastRoot?.root !== root || Date.now() - lastRoot.at > 1000) {
    let real: string;
    try {
      real = fs.realpathSync.native(root);
    } catch {
      real = path.resolve(root);
    }
    lastRoot = { root, real, at: Date.now() };
  }
  return lastRoot.real;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}
