import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../core/check-workspace';
import { folderCoverage, systemCoverage, systemTally } from '../core/coverage';
import type { SystemCoverage, SystemTally, WorkspaceCoverage } from '../core/coverage-types';
import { dormant } from '../core/dormant-file';
import { tallyOf } from '../core/report/tables';
import type { CheckOptions } from '../core/types';
import { isAimsFile, oversizedFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { toCorePath, walkAimsFiles } from '../node/find-files';
import { readAimsFile, readListedFile, type DiskText } from '../node/read-file';
import { memoFileSystem } from '../core/memo-fs';
import { nodeFileSystem } from '../node/node-fs';
import { UsageError } from './args';
import { reason, shown } from './files';

/**
 * How much of each AI system's coverage a command keeps: every obligation
 * (`full`: JSON output, diffs, reports), or the counts its summary line prints
 * (`tally`: text and SARIF output). At 100,000 records the full coverage held
 * over a gigabyte that text output never read.
 */
export type CoverageDetail = 'full' | 'tally';

export interface CheckedWorkspace<D extends CoverageDetail = 'full'> extends WorkspaceResult {
  /** The workspace folder, resolved. */
  folder: string;
  /** The files reported: every file of the workspace, or the one file checked. */
  files: ParsedFile[];
  /** The folder's coverage; each system's obligations only with `full` detail. */
  coverage: D extends 'full' ? WorkspaceCoverage : Omit<WorkspaceCoverage, 'systems'>;
  /** Every AI system record, as a summary line needs it, in file order. */
  tallies: SystemTally[];
  /** The target as the user named it, relative to the current folder. */
  target: string;
  /** Whether one file was checked (then only its findings are reported and counted). */
  single: boolean;
  /** Whether that file was checked without its folder (no workspace around it could be read). */
  alone: boolean;
  /** Entries named like AIMS files that were not read (pipes, links out …), and why. */
  skipped: { path: string; why: string }[];
  /** Set when the walk stopped at a limit (see WALK_LIMITS): what it had read by then. */
  walkStopped?: string;
}

/** A file's text as read from disk, parsed (an oversized one is reported from its size, never read). */
function parsed(p: string, read: Exclude<DiskText, { refused: string }>): ParsedFile {
  return 'text' in read ? parseFile(toCorePath(p), read.text) : oversizedFile(toCorePath(p), read.tooLarge);
}

/** A file that exists but cannot be read is one line for the user (exit 2). */
function cannotRead(p: string, cwd: string): (e: unknown) => never {
  return (e) => {
    throw new UsageError(`cannot read ${shown(cwd, p)}: ${reason(e)}`);
  };
}

/**
 * Reads and parses one AIMS file named by the user: only a regular file
 * inside its own folder once links are resolved (a FIFO blocked `aims check`
 * for good; a link could carry another folder's file in).
 */
export function loadFile(p: string, cwd: string): ParsedFile {
  const read = readAimsFile(p, path.dirname(p), cannotRead(p, cwd));
  if (!read) throw new UsageError(`cannot read ${shown(cwd, p)}: ${reason({ code: 'ENOENT' })}`);
  if ('refused' in read) throw new UsageError(`cannot read ${shown(cwd, p)}: ${read.refused}`);
  return parsed(p, read);
}

/**
 * Parses and checks every AIMS file below a folder (one AIMS). `replace` is a
 * file whose text comes from elsewhere (standard input): it stands in for the
 * file at its path, or is added. A folder or file that cannot be read is an
 * error: a check that silently left part of the workspace out would pass what
 * it never saw. Entries that are not regular files are left out and named in
 * `skipped`; a walk stopped at a limit says so in `walkStopped`.
 */
export function checkFolder(folder: string, options: CheckOptions, cwd: string, replace?: ParsedFile): CheckedWorkspace;
export function checkFolder<D extends CoverageDetail>(
  folder: string,
  options: CheckOptions,
  cwd: string,
  replace: ParsedFile | undefined,
  detail: D,
): CheckedWorkspace<D>;
export function checkFolder(
  folder: string,
  options: CheckOptions,
  cwd: string,
  replace?: ParsedFile,
  detail: CoverageDetail = 'full',
): CheckedWorkspace<CoverageDetail> {
  const walk = walkAimsFiles(folder, (dir, e) => {
    throw new UsageError(`cannot read folder ${shown(cwd, dir)}: ${reason(e)}`);
  });
  const skipped = [...walk.skipped];
  const files: ParsedFile[] = [];
  for (const p of walk.files) {
    if (toCorePath(p) === replace?.path) continue;
    // Only regular files are read (the walk follows no links); a file gone since the walk is left out.
    const read = readListedFile(p, cannotRead(p, cwd));
    if (!read) continue;
    if ('refused' in read) skipped.push({ path: p, why: read.refused });
    // With counts alone kept, a record keeps its text and what the index needs, and its tree is parsed
    // again for its check (core/dormant-file.ts): at 100,000 records the trees were most of what was left.
    // Full coverage is most of the memory anyway, and there parsing twice cost more than it saved.
    else files.push(detail === 'tally' ? dormant(parsed(p, read)) : parsed(p, read));
  }
  if (replace) {
    files.push(replace);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  const walkStopped = walk.stopped && (walk.stopped === 'files' ? `${walk.files.length} files` : `${walk.folders} folders`);
  return { ...withCoverage(toCorePath(folder), folder, files, options, detail), skipped, walkStopped };
}

/**
 * Checks one file alone, without reading its folder (a file directly in a
 * filesystem root or the home folder), or nothing at all (no file).
 */
export function checkAlone(file: ParsedFile | undefined, folder: string, options: CheckOptions): CheckedWorkspace {
  return { ...withCoverage(toCorePath(folder), folder, file ? [file] : [], options, 'full'), alone: true };
}

function withCoverage<D extends CoverageDetail>(
  root: string,
  folder: string,
  files: ParsedFile[],
  options: CheckOptions,
  detail: D,
): CheckedWorkspace<D> {
  // A record's coverage is computed right after its check, while its tree is still held.
  const systems: SystemCoverage[] = [];
  const tallies: SystemTally[] = [];
  const result = checkWorkspace(root, files, options, memoFileSystem(nodeFileSystem), (f, index, findings) => {
    if (f.kind !== 'AISystem') return;
    if (detail === 'tally') return void tallies.push(systemTally(f, options));
    const c = systemCoverage(f, index, options, findings);
    tallies.push(tallyOf(c));
    systems.push(c);
  });
  const { findings, ...head } = folderCoverage(result.index, result.diagnostics, options);
  return {
    ...result,
    folder: path.resolve(folder),
    files,
    coverage: (detail === 'full' ? { ...head, systems, findings } : { ...head, findings }) as CheckedWorkspace<D>['coverage'],
    tallies,
    target: '',
    single: false,
    alone: false,
    skipped: [],
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
    // Read as any AIMS file is: a pipe, a link out or an unreadable file is not a manifest we can use.
    const read = readAimsFile(path.join(dir, e.name), dir);
    if (read && 'text' in read && /^kind:\s*AIMS\s*(#.*)?$/m.test(read.text.slice(0, 4096))) return true;
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
export function checkSingleFile(file: ParsedFile, target: string, options: CheckOptions, cwd: string): CheckedWorkspace;
export function checkSingleFile<D extends CoverageDetail>(
  file: ParsedFile,
  target: string,
  options: CheckOptions,
  cwd: string,
  detail: D,
): CheckedWorkspace<D>;
export function checkSingleFile(
  file: ParsedFile,
  target: string,
  options: CheckOptions,
  cwd: string,
  detail: CoverageDetail = 'full',
): CheckedWorkspace<CoverageDetail> {
  const native = path.resolve(file.path);
  const root = workspaceRootOf(native);
  const ws = root ? checkFolder(root, options, cwd, file, detail) : checkAlone(file, path.dirname(native), options);
  return { ...ws, files: ws.files.filter((f) => f.path === file.path), target, single: true };
}
