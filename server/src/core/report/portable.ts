import type { Location, WorkspaceCoverage } from '../coverage-types';

/** A core path relative to a workspace root ('/'-separated); a path outside it keeps only its file name. */
export function relativeTo(root: string, path: string): string {
  const base = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(base) ? path.slice(base.length) : path.slice(path.lastIndexOf('/') + 1);
}

/** The folder name of a workspace root: how reports name a workspace without saying where it lives. */
export function folderName(root: string): string {
  return root.replace(/\/+$/, '').split('/').pop() || root;
}

/**
 * Coverage as reports and exports show it: every file relative to its
 * workspace folder and the folder by its name, so a report handed to an
 * auditor does not carry the absolute paths (user names, machine layout) of
 * the machine it was made on. The tree views keep the absolute paths.
 */
export function portable(list: WorkspaceCoverage[]): WorkspaceCoverage[] {
  return list.map((c) => {
    const loc = <T extends { location?: Location }>(x: T): T =>
      x.location ? { ...x, location: { ...x.location, file: relativeTo(c.root, x.location.file) } } : x;
    return {
      ...c,
      root: folderName(c.root),
      annexA: {
        ...c.annexA,
        ...(c.annexA.yamlError && { yamlError: { ...c.annexA.yamlError, file: relativeTo(c.root, c.annexA.yamlError.file) } }),
        topics: c.annexA.topics.map((t) => ({ ...t, controls: t.controls.map(loc) })),
      },
      systems: c.systems.map((s) => ({ ...loc(s), file: relativeTo(c.root, s.file), obligations: s.obligations.map(loc) })),
    };
  });
}
