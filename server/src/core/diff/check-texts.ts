import { checkWorkspace } from '../check-workspace';
import { computeCoverage } from '../coverage';
import { dirname, isAbsolute, isInside, join, normalize, relative } from '../paths';
import type { FileSystem } from '../rules/rule';
import type { CheckOptions } from '../types';
import { isAimsFile, oversizedFile, parseFile, type ParsedFile } from '../yaml/parse';
import type { CheckedVersion } from './compute';

/** One AIMS file of a version that is not on disk (a git ref): its text, or only its size when too large to read. */
export interface VersionFile {
  /** Relative to the workspace folder, '/'-separated. */
  path: string;
  text?: string;
  size?: number;
}

/**
 * Whether a relative path may name a file of the version: inside the folder,
 * no '..', no absolute or Windows form. Paths come from a client or from git;
 * anything else is dropped rather than placed outside the folder.
 */
export function isVersionPath(p: string): boolean {
  return p !== '' && !isAbsolute(p) && !p.includes('\\') && !p.includes('\u0000') && normalize(p) === p && !p.split('/').includes('..');
}

/** Parses a version's AIMS files, placed under `root` and sorted by path; paths that could leave the folder are dropped. */
export function parseVersion(root: string, files: readonly VersionFile[]): ParsedFile[] {
  return files
    .filter((f) => isVersionPath(f.path) && isAimsFile(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => (f.text === undefined ? oversizedFile(join(root, f.path), f.size ?? 0) : parseFile(join(root, f.path), f.text)));
}

/**
 * Checks a version of a workspace given as texts (another revision of the
 * folder at `root`). Files are placed under `root`, so findings and coverage
 * line up with the version on disk; `fs` answers for that version's other
 * files (evidence), never the disk's.
 */
export function checkTexts(root: string, files: readonly VersionFile[], options: CheckOptions, fs: FileSystem): CheckedVersion {
  const parsed = parseVersion(root, files);
  const result = checkWorkspace(root, parsed, options, fs);
  return { files: parsed, diagnostics: result.diagnostics, coverage: computeCoverage(result.index, result.diagnostics, options) };
}

/**
 * The file system of a version known only by the list of its paths (a git
 * tree): a path exists when it is listed or is a folder above a listed one.
 * `links` maps symbolic links to their targets, so a link leaving the folder
 * is caught as it would be on disk. Paths below `opaque` entries (git
 * submodules, whose files are not in the tree) are taken to exist.
 */
export function treeFileSystem(
  root: string,
  paths: Iterable<string>,
  links: ReadonlyMap<string, string> = new Map(),
  opaque: readonly string[] = [],
): FileSystem {
  const known = new Set<string>();
  for (const p of paths) {
    if (!isVersionPath(p)) continue;
    for (let d = p; d !== '.' && !known.has(d); d = dirname(d)) known.add(d);
  }
  const rel = (abs: string) => relative(root, abs);
  return {
    exists(abs) {
      if (!isInside(root, abs)) return false;
      const r = rel(abs);
      return r === '.' || known.has(r) || opaque.some((o) => r === o || r.startsWith(o + '/'));
    },
    realpath(abs) {
      let p = normalize(abs);
      for (let hops = 0; hops < 40; hops++) {
        if (!isInside(root, p)) return p;
        const segs = rel(p).split('/');
        const i = segs.findIndex((_, n) => links.has(segs.slice(0, n + 1).join('/')));
        if (i < 0) return p;
        const link = segs.slice(0, i + 1).join('/');
        const target = links.get(link)!;
        const rest = segs.slice(i + 1).join('/');
        p = normalize(isAbsolute(target) ? join(target, rest) : join(root, dirname(link), target, rest));
      }
      return undefined;
    },
  };
}
