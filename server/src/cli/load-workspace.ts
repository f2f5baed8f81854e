import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../core/check-workspace';
import { computeCoverage } from '../core/coverage';
import type { WorkspaceCoverage } from '../core/coverage-types';
import type { CheckOptions } from '../core/types';
import { parseFile, type ParsedFile } from '../core/yaml/parse';
import { findAimsFiles, toCorePath } from '../node/find-files';
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
  const files = findAimsFiles(folder).map((p) => parseFile(toCorePath(p), readText(p)));
  const result = checkWorkspace(root, files, options, nodeFileSystem);
  return { ...result, folder: path.resolve(folder), files, coverage: computeCoverage(result.index, result.diagnostics, options) };
}
