import type { Node } from 'yaml';
import { unreliableFrom } from './indent-errors';
import { entry } from './nav';
import type { Kind } from '../types';
import type { ParsedFile } from './parse';

const cuts = new WeakMap<ParsedFile, number>();

/**
 * The first line of a file that a YAML error makes unreliable (see
 * `unreliableFrom`), or Infinity when the whole file reads as written. Past
 * it the tree is not what the user wrote: keys sit in other mappings or are
 * gone, so what the file holds there is unknown, not absent.
 */
export function unreadFrom(file: ParsedFile): number {
  let cut = cuts.get(file);
  if (cut === undefined) {
    cut = unreliableFrom(file.syntax, file.lines) ?? Infinity;
    cuts.set(file, cut);
  }
  return cut;
}

/** Whether a node starts before the unreliable part of its file, so what it says can be trusted. */
export function isRead(file: ParsedFile, node: Node | null | undefined): boolean {
  const cut = unreadFrom(file);
  if (cut === Infinity) return true;
  const start = node?.range?.[0];
  return start !== undefined && file.lines.positionAt(start).line < cut;
}

/**
 * Whether the top-level mapping `key` of a file may hold more than was read:
 * the file has a YAML error before that block ends in the text (or the key
 * itself was not read). An id missing from such a block may be there after
 * all, so no rule may call it missing or undefined.
 */
export function mayHoldMore(file: ParsedFile | undefined, key: string): boolean {
  if (!file) return false;
  const cut = unreadFrom(file);
  if (cut === Infinity) return false;
  const e = entry(file.root, key);
  if (!e || !isRead(file, e.keyNode)) return true;
  // The block ends at the next line written at the key's column or left of it.
  const keyLine = file.lines.positionAt(e.keyNode.range![0]).line;
  const col = indentOf(file.lines.lineText(keyLine));
  for (let l = keyLine + 1; l < cut; l++) {
    const text = file.lines.lineText(l);
    const t = text.trimStart();
    if (t !== '' && !t.startsWith('#') && text.length - t.length <= col) return false;
  }
  return true;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const anyPartial = new WeakMap<readonly ParsedFile[], Map<string, boolean>>();

/**
 * Whether any file of `kind` may hold more under `key` than was read (see
 * `mayHoldMore`), once per workspace file list: rules ask it for every file,
 * and a scan each time was quadratic in a 10,000-record workspace.
 */
export function anyMayHoldMore(files: readonly ParsedFile[], kind: Kind, key: string): boolean {
  let known = anyPartial.get(files);
  if (!known) anyPartial.set(files, (known = new Map<string, boolean>()));
  const k = `${kind}\u0000${key}`;
  let v = known.get(k);
  if (v === undefined) {
    v = files.some((f) => f.kind === kind && mayHoldMore(f, key));
    known.set(k, v);
  }
  return v;
}
