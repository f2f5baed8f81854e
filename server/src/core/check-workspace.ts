import { checkFile } from './check';
import type { FileSystem } from './rules/rule';
import type { CheckOptions, Diagnostic } from './types';
import { buildIndex, type WorkspaceIndex } from './workspace';
import type { ParsedFile } from './yaml/parse';

export interface WorkspaceResult {
  index: WorkspaceIndex;
  /** Findings per file path, for every file given (empty arrays included). */
  diagnostics: Map<string, Diagnostic[]>;
}

/** Checks every AIMS file of one workspace folder. Files should be sorted by path for stable output. */
export function checkWorkspace(root: string, files: readonly ParsedFile[], options: CheckOptions, fs: FileSystem): WorkspaceResult {
  const index = buildIndex(root, files);
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const f of files) diagnostics.set(f.path, checkFile(f, index, options, fs));
  return { index, diagnostics };
}
