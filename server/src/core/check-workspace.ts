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

/**
 * Checks every AIMS file of one workspace folder. Files should be sorted by path for stable output.
 * `checked` is called after each file's check, while its tree is at hand (a dormant record's is
 * parsed again for the check and dropped later: core/dormant-file.ts).
 */
export function checkWorkspace(
  root: string,
  files: readonly ParsedFile[],
  options: CheckOptions,
  fs: FileSystem,
  checked?: (file: ParsedFile, index: WorkspaceIndex, findings: Diagnostic[]) => void,
): WorkspaceResult {
  const index = buildIndex(root, files);
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const f of files) {
    const findings = checkFile(f, index, options, fs);
    diagnostics.set(f.path, findings);
    checked?.(f, index, findings);
  }
  return { index, diagnostics };
}
