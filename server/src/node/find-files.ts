import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAimsFile } from '../core/yaml/parse';

/** Folders never searched for AIMS files. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Whether a '/'-separated path below a folder lies in a folder `findAimsFiles` never enters. */
export function inSkippedFolder(rel: string): boolean {
  return rel
    .split('/')
    .slice(0, -1)
    .some((d) => SKIP.has(d) || d.startsWith('.'));
}

/** Bounds the walk so a huge or looping tree cannot hang a host. */
export const MAX_FILES = 50_000;

/**
 * All `*.aims.yaml|yml` files below a folder, sorted, without following
 * symbolic links (a link could lead outside the workspace or loop).
 */
export function findAimsFiles(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length && out.length < MAX_FILES) {
    const dir = stack.pop()!;
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of ents) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) stack.push(p);
      } else if (e.isFile() && isAimsFile(e.name)) out.push(p);
    }
  }
  return out.sort();
}

/** Converts a native path to the core's '/'-separated absolute form. */
export function toCorePath(p: string): string {
  const abs = path.resolve(p);
  return path.sep === '/' ? abs : '/' + abs.replace(/\\/g, '/');
}
