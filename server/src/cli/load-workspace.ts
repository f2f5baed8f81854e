import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../core/check-workspace';
import { computeCoverage } from '../core/coverage';
import type { WorkspaceCoverage } from '../core/coverage-types';
import type { CheckOptions } from '../core/types';
import { isAimsFile, MAX_FILE_BYTES, oversizedFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { findAimsFiles, toCorePath } from '../node/find-files';
import { memoFileSystem } from '../core/memo-fs';
import { nodeFileSystem } from '../node/node-fs';
import { UsageError } from './args';
import { reason, shown } from './files';

export interface CheckedWorkspace extends WorkspaceResult {
  /** The workspace folder, resolved. */
  folder: string;
  /** The files reported: every file of the workspace, or the one file checked. */
  files: ParsedFile[];
  coverage: WorkspaceCoverage;
  /** The target as the user named it, relative to the current folder. */
  target: string;
  /** Whether one file was checked (then only its findings are reported and counted). */
  single: boolean;
  /** Whether that file was checked without its folder (no workspace around it could be read). */
  alone: boolean;
}

/** Reads one text file, or explains in one line why it could not be read. */
export function readText(p: string, cwd: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(p);
  } catch (e) {
    throw new UsageError(`cannot read ${shown(cwd, p)}: ${reason(e)}`);
  }
  // Invalid UTF-8 is decoded with replacement characters and reported by the parser as text it cannot read.
  return new TextDecoder('utf-8').decode(buf);
}

/** Reads and parses one AIMS file (an oversized one is reported from its size, never read). */
export function loadFile(p: string, cwd: string): ParsedFile {
  let size: number;
  try {
    size = fs.statSync(p).size;
  } catch (e) {
    throw new UsageError(`cannot read ${shown(cwd, p)}: ${reason(e)}`);
  }
  return size > MAX_FILE_BYTES ? oversizedFile(toCorePath(p), size) : parseFile(toCorePath(p), readText(p, cwd));
}

/**
 * Parses and checks every AIMS file below a folder (one AIMS). `replace` is a
 * file whose text comes from elsewhere (standard input): it stands in for the
 * file at its path, or is added. A folder that cannot be read is an error: a
 * check that silently left part of the workspace out would pass what it never saw.
 */
export function checkFolder(folder: string, options: CheckOptions, cwd: string, replace?: ParsedFile): CheckedWorkspace {
  const root = toCorePath(folder);
  const paths = findAimsFiles(folder, (dir, e) => {
    throw new UsageError(`cannot read folder ${shown(cwd, dir)}: ${reason(e)}`);
  });
  const files = paths.filter((p) => toCorePath(p) !== replace?.path).map((p) => loadFile(p, cwd));
  if (replace) files.push(replace);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return withCoverage(root, folder, files, options);
}

/**
 * Checks one file alone, without reading its folder (a file directly in a
 * filesystem root or the home folder), or nothing at all (no file).
 */
export function checkAlone(file: ParsedFile | undefined, folder: string, options: CheckOptions): CheckedWorkspace {
  return { ...withCoverage(toCorePath(folder), folder, file ? [file] : [], options), alone: true };
}

function withCoverage(root: string, folder: string, files: ParsedFile[], options: CheckOptions): CheckedWorkspace {
  const result = checkWorkspace(root, files, options, memoFileSystem(nodeFileSystem));
  return {
    ...result,
    folder: path.resolve(folder),
    files,
    coverage: computeCoverage(result.index, result.diagnostics, options),
    target: '',
    single: false,
    alone: false,
  };
}

/** Whether a folder holds an AIMS manifest: a `*.aims.yaml` regular file whose first lines say `kind: AIMS`. */
function holdsManifest(dir: string): boolean {
  let ents: fs.Dirent[];
  try {
    ents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of ents) {
    if (!e.isFile() || !isAimsFile(e.name)) continue;
    let head = '';
    try {
      const fd = fs.openSync(path.join(dir, e.name), 'r');
      try {
        const buf = Buffer.alloc(4096);
        head = buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      continue; // unreadable: not a manifest we can use
    }
    if (/^kind:\s*AIMS\s*(#.*)?$/m.test(head)) return true;
  }
  return false;
}

/**
 * The workspace folder of a single file: the nearest folder at or above it
 * that holds the AIMS manifest, searched no higher than the repository root
 * (a folder with `.git`), and never in the home folder or a filesystem root;
 * without a manifest, the file's own folder. `undefined` when that would be
 * the home folder or a filesystem root: the file is then checked alone, since
 * a workspace there would mean reading everything below it.
 */
export function workspaceRootOf(file: string): string | undefined {
  const own = path.dirname(file);
  const home = os.homedir();
  const isStop = (d: string) => d === home || path.dirname(d) === d;
  for (let dir = own; !isStop(dir); dir = path.dirname(dir)) {
    if (holdsManifest(dir)) return dir;
    if (fs.existsSync(path.join(dir, '.git'))) break;
  }
  return isStop(own) ? undefined : own;
}

/** One file checked within its workspace (found from the file's place), reporting and counting its own findings only. */
export function checkSingleFile(file: ParsedFile, target: string, options: CheckOptions, cwd: string): CheckedWorkspace {
  const native = path.resolve(file.path);
  const root = workspaceRootOf(native);
  const ws = root ? checkFolder(root, options, cwd, file) : checkAlone(file, path.dirname(native), options);
  return { ...ws, files: ws.files.filter((f) => f.path === file.path), target, single: true };
}
