import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { scalarString } from '../yaml/nav';

const MAX_DEPTH = 64;

/**
 * Where a finding sits in its file as a path of YAML keys (`controls`, `A.2.2`,
 * `title`), so the same finding is recognised in two versions of a file even
 * when lines were added above it. Items of a list are named by their value
 * when they are scalars (`controls`, `A.7.4`: inserting an item does not move
 * the others) and by their index otherwise. A finding on a key ends the path
 * with that key; one outside any node (a file-level finding) has an empty path.
 */
export function anchorOf(file: ParsedFile, range: Range): string[] {
  const offset = file.lines.offsetAt(range.start);
  const path: string[] = [];
  let node: unknown = file.contents;
  for (let depth = 0; depth < MAX_DEPTH && node; depth++) {
    const next = step(node, offset, path);
    if (next === undefined) break;
    node = next;
  }
  return path;
}

/** The child holding `offset`, after pushing its name; undefined when `node` is the innermost one. */
function step(node: unknown, offset: number, path: string[]): unknown {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const name = isScalar(key) ? scalarString(key.value) : '?';
      if (within(key, offset)) {
        path.push(name);
        return undefined;
      }
      if (within(value, offset)) {
        path.push(name);
        return value;
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!within(item, offset)) continue;
      path.push(isScalar(item) ? scalarString(item.value) : `[${i}]`);
      return isScalar(item) ? undefined : item;
    }
  }
  return undefined;
}

function within(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && offset >= r[0] && offset < Math.max(r[1], r[0] + 1);
}
