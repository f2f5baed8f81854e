import { checkWorkspace, defaultOptions, parseFile, type CheckOptions, type Diagnostic, type FileSystem } from '../../server/src/core';

/** The root of in-memory test workspaces. */
export const ROOT = '/ws';

/** A file system that knows only the given paths (absolute, or relative to ROOT). */
export function fakeFs(paths: string[] = []): FileSystem {
  const set = new Set(paths.map((p) => (p.startsWith('/') ? p : `${ROOT}/${p}`)));
  return {
    exists: (p) => set.has(p) || [...set].some((x) => x.startsWith(p.endsWith('/') ? p : p + '/')),
  };
}

/**
 * Checks an in-memory workspace: `files` maps paths relative to ROOT to YAML
 * text. Returns findings per relative path. Defaults: as-of 2026-11-23,
 * in-force timeline, evidence checked against `existing`.
 */
export function checkFiles(
  files: Record<string, string>,
  opts: Partial<CheckOptions> & { existing?: string[] } = {},
): Record<string, Diagnostic[]> {
  const parsed = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const { existing, ...options } = opts;
  const result = checkWorkspace(ROOT, parsed, defaultOptions({ asOf: '2026-11-23', ...options }), fakeFs(existing ?? []));
  const out: Record<string, Diagnostic[]> = {};
  for (const [path, diags] of result.diagnostics) out[path.slice(ROOT.length + 1)] = diags;
  return out;
}

/** The codes found in one file, for compact assertions. */
export function codes(diags: Diagnostic[] | undefined): string[] {
  return (diags ?? []).map((d) => d.code);
}

/** Findings of one code, with their 0-based start line. */
export function find(diags: Diagnostic[] | undefined, code: string): Diagnostic[] {
  return (diags ?? []).filter((d) => d.code === code);
}
