import { checkWorkspace } from '../check-workspace';
import { computeCoverage } from '../coverage';
import { relative } from '../paths';
import { evidenceNodes, resolveEvidence } from '../rules/evidence';
import type { FileSystem } from '../rules/rule';
import type { CheckOptions } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { text } from '../yaml/nav';
import { checkTexts, parseVersion, treeFileSystem, type VersionFile } from './check-texts';
import { diffVersions } from './compute';
import type { CoverageDelta } from './types';

/** Another version of a workspace folder, sent by a client that can read it (VS Code's Git extension at a ref). */
export interface BaseVersion {
  label: string;
  files: VersionFile[];
  /**
   * Which of the evidence paths the files name exist in that version
   * (relative to the folder). Without it, evidence existence is checked on
   * neither side, so the delta does not report every missing file as fixed.
   */
  existing?: string[];
}

/** Keeps only well-formed files (a request's parameters come from another process). */
export function versionFiles(files: unknown): VersionFile[] {
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is VersionFile =>
      !!f &&
      typeof (f as VersionFile).path === 'string' &&
      ((f as VersionFile).text === undefined || typeof (f as VersionFile).text === 'string') &&
      ((f as VersionFile).size === undefined || typeof (f as VersionFile).size === 'number'),
  );
}

/**
 * The evidence paths a version's files name inside the folder, relative to
 * it and sorted: what a client must look up in that version before asking
 * for the delta. Paths leaving the folder are left out (they are reported,
 * never looked up).
 */
export function evidencePaths(root: string, files: readonly VersionFile[]): string[] {
  const out = new Set<string>();
  for (const f of parseVersion(root, versionFiles(files))) {
    for (const n of evidenceNodes(f)) {
      const t = resolveEvidence(f, root, text(n) ?? '');
      if (t.kind === 'path') out.add(relative(root, t.path));
    }
  }
  return [...out].sort();
}

/**
 * The delta from a base version given as texts to the head version a host
 * holds parsed (the editor's files, unsaved changes included). Both are
 * checked here with the same options, so the findings compare like for like.
 */
export function diffWithBase(
  root: string,
  headFiles: readonly ParsedFile[],
  headFs: FileSystem,
  base: BaseVersion,
  options: CheckOptions,
  headLabel: string,
): CoverageDelta {
  const existing = Array.isArray(base.existing) ? base.existing.filter((p): p is string => typeof p === 'string') : undefined;
  const opts = existing ? options : { ...options, checkEvidence: false };
  const sorted = [...headFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result = checkWorkspace(root, sorted, opts, headFs);
  const head = { files: sorted, diagnostics: result.diagnostics, coverage: computeCoverage(result.index, result.diagnostics, opts) };
  const before = checkTexts(root, versionFiles(base.files), opts, treeFileSystem(root, existing ?? []));
  return diffVersions(before, head, { base: String(base.label), head: headLabel });
}
