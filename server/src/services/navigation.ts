import { isMap, type Node, type Pair } from 'yaml';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { findControl } from '../core/catalog/iso';
import { roleReferences } from '../core/rules/workspace-rules';
import type { Position } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import { keyStart, mapNode, pair, valueEnd } from '../core/yaml/fast-parse';
import { fastTrees, type ParsedFile } from '../core/yaml/parse';
import { child, entries, items, pairAt, text } from '../core/yaml/nav';
import type { ServiceConfig } from './config';

export type IdKind = 'role' | 'system' | 'risk' | 'control';

export interface Occurrence {
  file: ParsedFile;
  node: Node;
  definition: boolean;
}

/** Every place an id of a kind is defined or referenced, across the workspace. */
function occurrences(ws: WorkspaceIndex, kind: IdKind, may: (f: ParsedFile) => boolean = () => true): Occurrence[] {
  const out: Occurrence[] = [];
  for (const f of ws.files) {
    if (!may(f)) continue;
    const root = f.root;
    if (kind === 'role') {
      if (f.kind === 'AIMS') for (const e of entries(child(root, 'roles'))) out.push({ file: f, node: e.keyNode, definition: true });
      for (const n of roleReferences(f.kind, root)) out.push({ file: f, node: n, definition: false });
    } else if (kind === 'system') {
      if (f.kind === 'AISystem') {
        const n = child(root, 'id');
        if (n) out.push({ file: f, node: n, definition: true });
      }
      if (f.kind === 'RiskRegister')
        for (const r of entries(child(root, 'risks'))) {
          const n = child(r.value, 'system');
          if (n) out.push({ file: f, node: n, definition: false });
        }
    } else if (kind === 'risk') {
      if (f.kind === 'RiskRegister')
        for (const r of entries(child(root, 'risks'))) out.push({ file: f, node: r.keyNode, definition: true });
      if (f.kind === 'AISystem') for (const n of items(child(root, 'risks'))) out.push({ file: f, node: n, definition: false });
    } else {
      if (f.kind === 'StatementOfApplicability')
        for (const e of entries(child(root, 'controls'))) out.push({ file: f, node: e.keyNode, definition: true });
      if (f.kind === 'AISystem')
        for (const o of entries(child(root, 'obligations')))
          for (const n of items(child(o.value, 'controls'))) out.push({ file: f, node: n, definition: false });
      if (f.kind === 'RiskRegister')
        for (const r of entries(child(root, 'risks')))
          for (const n of items(child(r.value, 'controls'))) out.push({ file: f, node: n, definition: false });
    }
  }
  return out;
}

/** The id under the cursor and what kind of id it is. */
export function idAt(file: ParsedFile, ws: WorkspaceIndex, position: Position): { kind: IdKind; id: string; node: Node } | undefined {
  const offset = file.lines.offsetAt(position);
  // Only the file's own nodes at the cursor can hold it: a hover in a 7,000-control SoA read every control.
  const here = ws.files.includes(file) ? around(file, offset) : undefined;
  const own = { ...ws, files: here ? [here] : [] };
  for (const kind of ['role', 'system', 'risk', 'control'] as IdKind[]) {
    for (const o of occurrences(own, kind)) {
      const r = o.node.range;
      if (r && offset >= r[0] && offset <= r[1]) {
        const id = text(o.node) ?? '';
        if (kind === 'control' && !findControl(id)) continue;
        return { kind, id, node: o.node };
      }
    }
  }
  return undefined;
}

/** Mappings this large are narrowed to their entry at the cursor (found by binary search). */
const LARGE = 64;

/**
 * The file with each large mapping in its top-level entries cut down to the
 * entry that holds `offset` (the others cannot hold it): the same nodes, so
 * the same ranges. Only for trees of the fast path, whose pairs all have
 * scalar keys with ranges; any other file is returned as it is.
 */
function around(file: ParsedFile, offset: number): ParsedFile {
  const root = file.root;
  if (!fastTrees.has(file) || !isMap(root)) return file;
  const cut = (p: Pair<Node, Node>): Pair<Node, Node> => {
    const v = p.value;
    if (!isMap(v) || v.flow || v.items.length < LARGE) return p;
    const list = v.items as Pair<Node, Node>[];
    const i = pairAt(list, offset);
    const hit = i === undefined ? [] : [list[i]];
    const [start, end] = hit.length ? [keyStart(hit[0]), valueEnd(hit[0])] : [offset, offset];
    return pair(p.key, mapNode(hit, start, end));
  };
  const items = (root.items as Pair<Node, Node>[]).map(cut);
  const view = mapNode(items, root.range?.[0] ?? 0, root.range?.[1] ?? 0);
  return { ...file, root: view, contents: view };
}

function rangeOf(file: ParsedFile, node: Node): Range {
  const r = node.range ?? [0, 0, 0];
  return file.lines.range(r[0], r[1]);
}

export function matching(ws: WorkspaceIndex, kind: IdKind, id: string): Occurrence[] {
  return occurrences(ws, kind, (f) => mayName(f, id)).filter((o) => text(o.node) === id);
}

/**
 * Whether a file's text may hold a value equal to `id`. A text without quotes
 * or backslashes has no escapes, so such a value is there as written (an id
 * without spaces cannot come from folded lines): the other files' trees are
 * not read, which matters for records whose tree is dropped (core/dormant-file.ts).
 */
function mayName(f: ParsedFile, id: string): boolean {
  return f.text.includes(id) || /\s/.test(id) || /["'\\]/.test(f.text);
}

/** Go to definition: a role, system or risk id leads to where it is defined; a control id to its SoA entry. */
export function definition(file: ParsedFile, ws: WorkspaceIndex, position: Position, cfg: ServiceConfig): Location[] {
  const at = idAt(file, ws, position);
  if (!at) return [];
  return matching(ws, at.kind, at.id)
    .filter((o) => o.definition)
    .map((o) => ({ uri: cfg.uriOf(o.file.path), range: rangeOf(o.file, o.node) }));
}

/** Find references: every place the id under the cursor appears, across files. */
export function references(
  file: ParsedFile,
  ws: WorkspaceIndex,
  position: Position,
  includeDeclaration: boolean,
  cfg: ServiceConfig,
): Location[] {
  const at = idAt(file, ws, position);
  if (!at) return [];
  return matching(ws, at.kind, at.id)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => ({ uri: cfg.uriOf(o.file.path), range: rangeOf(o.file, o.node) }));
}

/** Rename is offered for role, system and risk ids (control ids are the standard's). */
export function prepareRename(file: ParsedFile, ws: WorkspaceIndex, position: Position): { range: Range; placeholder: string } | null {
  const at = idAt(file, ws, position);
  if (!at || at.kind === 'control') return null;
  return { range: rangeOf(file, at.node), placeholder: at.id };
}

/** Renames an id everywhere it is defined or referenced, keeping each occurrence's quoting. */
export function rename(
  file: ParsedFile,
  ws: WorkspaceIndex,
  position: Position,
  newName: string,
  cfg: ServiceConfig,
): WorkspaceEdit | null {
  const at = idAt(file, ws, position);
  if (!at || at.kind === 'control') return null;
  if (!/^[\w.-]+$/.test(newName)) throw new Error(`'${newName}' is not a valid id: use letters, digits, '-', '_' or '.'.`);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of matching(ws, at.kind, at.id)) {
    const r = o.node.range;
    if (!r) continue;
    const src = o.file.text.slice(r[0], r[1]);
    const q = /^["']/.test(src) ? src[0] : '';
    (changes[cfg.uriOf(o.file.path)] ??= []).push({ range: rangeOf(o.file, o.node), newText: `${q}${newName}${q}` });
  }
  return { changes };
}
