import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../core/check-workspace';
import { computeCoverage } from '../core/coverage';
import type { WorkspaceCoverage } from '../core/coverage-types';
import type { CheckOptions } from '../core/types';
import { MAX_FILE_BYTES, oversizedFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { findAimsFiles, toCorePath } from '../node/find-files';
import { memoFileSystem } from '../core/memo-fs';
import { nodeFileSystem } from '../node/node-fs';

export interface CheckedWorkspace extends WorkspaceResult {
  /** The folder as given on the command line, resolved. */
  folder: string;
  files: ParsedFile[];
  coverage: WorkspaceCoverage;
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
  // Oversized files are reported from their size; they are never read into memory.
  const files = findAimsFiles(folder).map((p) => {
    const size = fs.statSync(p).size;
    return size > MAX_FILE_BYTES ? oversizedFile(toCorePath(p), size) : parseFile(toCorePath(p), readText(p));
  });
  const result = checkWorkspace(root, files, options, memoFileSystem(nodeFileSystem));
  return { ...result, folder: path.resolve(folder), files, coverage: computeCoverage(result.index, result.diagnostics, options) };
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
      try {
        if (/^kind:\s*AIMS\s*$/m.test(fs.readFileSync(path.join(dir, n), 'utf8').slice(0, 4096))) return dir;
      } catch {
        // unreadable: not the manifest we are looking for
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const rel = path.relative(cwd, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? cwd : path.dirname(file);
}
