import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../core/check-workspace';
import { computeCoverage } from '../core/coverage';
import type { WorkspaceCoverage } from '../core/coverage-types';
import type { CheckOptions } from '../core/types';
import { oversizedFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { toCorePath, walkAimsFiles } from '../node/find-files';
import { readAimsFile, readListedFile } from '../node/read-file';
import { memoFileSystem } from '../core/memo-fs';
import { nodeFileSystem } from '../node/node-fs';

export interface CheckedWorkspace extends WorkspaceResult {
  /** The folder as given on the command line, resolved. */
  folder: string;
  files: ParsedFile[];
  coverage: WorkspaceCoverage;
  /** Entries named like AIMS files that were not read (pipes, links out …), and why. */
  skipped: { path: string; why: string }[];
  /** Set when the walk stopped at a limit (see WALK_LIMITS): what it had read by then. */
  walkStopped?: string;
}

/** Reads one text file, or explains why it could not be read. */
export function readText(p: string): string {
  const buf = fs.readFileSync(p);
  // Invalid UTF-8 is decoded with replacement characters and reported by the parser as text it cannot read.
  return new TextDecoder('utf-8').decode(buf);
}

/** Parses and checks every AIMS file below a folder (one AIMS). */
export function checkFolder(folder: string, options: CheckOptions): CheckedWorkspace {
  const root = toCorePath(folder);
  const walk = walkAimsFiles(folder);
  const skipped = [...walk.skipped];
  const files: ParsedFile[] = [];
  for (const p of walk.files) {
    // Only regular files are read (the walk follows no links); oversized ones are reported from their size, never read.
    const read = readListedFile(p);
    if (!read) continue;
    if ('refused' in read) skipped.push({ path: p, why: read.refused });
    else files.push('text' in read ? parseFile(toCorePath(p), read.text) : oversizedFile(toCorePath(p), read.tooLarge));
  }
  const result = checkWorkspace(root, files, options, memoFileSystem(nodeFileSystem));
  const walkStopped = walk.stopped && (walk.stopped === 'files' ? `${walk.files.length} files` : `${walk.folders} folders`);
  return {
    ...result,
    folder: path.resolve(folder),
    files,
    skipped,
    walkStopped,
    coverage: computeCoverage(result.index, result.diagnostics, options),
  };
}

/**
 * The workspace folder of a single file: the nearest folder above it that
 * holds the AIMS manifest (a `kind: AIMS` file), else the current folder when
 * the file is below it, else the file's own folder.
 */
export function workspaceRootOf(file: string, cwd: string): string {
  let dir = path.dirname(file);
  for (;;) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      names = [];
    }
    for (const n of names) {
      if (!/\.aims\.ya?ml$/i.test(n)) continue;
      // Read as any AIMS file is: a pipe or a link out is not the manifest we are looking for.
      const read = readAimsFile(path.join(dir, n), dir);
      if (read && 'text' in read && /^kind:\s*AIMS\s*$/m.test(read.text.slice(0, 4096))) return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const rel = path.relative(cwd, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? cwd : path.dirname(file);
}
