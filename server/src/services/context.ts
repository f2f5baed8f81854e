import type { Position } from '../core/types';
import { mappingStart } from '../core/yaml/nav';
import { fastTrees, type ParsedFile } from '../core/yaml/parse';
import { schemaFor } from '../core/rules/structure';
import { branches, childSchema, deref, mappingSchema, type Schema } from '../core/schema-walk';

/**
 * Where the cursor is, read from the lines above it rather than the AST, so
 * completion works while the document is half-typed and not valid YAML.
 */
export interface CursorContext {
  /** Keys from the root down to the mapping the cursor is in. */
  path: string[];
  /** Text of the line before the cursor. */
  before: string;
  /** Indentation of the current line. */
  indent: number;
  /** 'key': typing a key; 'value': after `key: `; 'item': a list item (`- ` or inside `[...]`). */
  where: 'key' | 'value' | 'item';
  /** The key whose value is being typed (value/item). */
  key?: string;
  /** The partial word before the cursor. */
  prefix: string;
}

const KEY_LINE = /^(\s*)(?:-\s+)?("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(\s|$)/;

function unquote(k: string): string {
  return k.replace(/^["']|["']$/g, '');
}

/** The parent keys of a line: each earlier line with smaller indentation that opens a mapping. */
export function parentKeys(file: ParsedFile, line: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  const text = file.text;
  const column = (offset: number): number => file.lines.positionAt(offset).character;
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    // A line indented at least as deep as the limit cannot hold a parent: skip it without copying it
    // (a value deep in a 10,000-line SoA scanned and copied every line above it, ~2 ms a completion).
    const start = file.lines.offsetAt({ line: l, character: 0 });
    let lead = 0;
    while (lead < limit && (text.charCodeAt(start + lead) === 32 || text.charCodeAt(start + lead) === 9)) lead++;
    if (lead >= limit) continue;
    const t = file.lines.lineText(l);
    if (!t.trim() || t.trim().startsWith('#')) continue;
    const m = KEY_LINE.exec(t);
    const ind = t.length - t.trimStart().length;
    const itemInd = /^\s*-\s/.test(t) ? ind + (t.trimStart().length - t.trimStart().replace(/^-\s+/, '').length) : ind;
    if (m && itemInd < limit) {
      path.unshift(unquote(m[2].trim()));
      limit = ind;
      // The lines above, up to the first key of the same mapping, are its other entries: none can be a parent
      // (the cursor deep in a 7,000-control SoA read 25,000 lines). Taken from the tree where the fast path read it.
      const first = ind === itemInd && fastTrees.has(file) ? mappingStart(file.root, start + ind, ind, column) : undefined;
      if (first !== undefined) l = Math.min(l, file.lines.positionAt(first).line);
    } else if (ind < limit) {
      limit = ind;
    }
  }
  return path;
}

export function cursorContext(file: ParsedFile, pos: Position): CursorContext {
  const lineText = file.lines.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  const indent = lineText.length - lineText.trimStart().length;
  // On a blank line the cursor column is the indentation being typed.
  const path = parentKeys(file, pos.line, before.trim() === '' ? before.length : indent);
  const kv = /^(\s*)(?:-\s+)?("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:\s+(.*)$/.exec(before);
  if (kv) {
    const key = unquote(kv[2].trim());
    const rest = kv[3];
    const inFlow = rest.lastIndexOf('[') > rest.lastIndexOf(']');
    const word = /[^\s,[\]{}]*$/.exec(rest)?.[0] ?? '';
    // Inside a flow mapping (`R-7: { title: t, controls: [A.6.`) the innermost key is the one being filled.
    const inner = /([\w.-]+)\s*:\s*(\[[^\]]*|[^,{}[\]]*)$/.exec(rest.slice(rest.lastIndexOf('{') + 1));
    if (rest.lastIndexOf('{') > rest.lastIndexOf('}') && inner) {
      return {
        path: [...path, key],
        before,
        indent,
        where: inFlow ? 'item' : 'value',
        key: inner[1],
        prefix: inFlow ? word : inner[2].trimStart(),
      };
    }
    return { path, before, indent, where: inFlow ? 'item' : 'value', key, prefix: inFlow ? word : rest.trimStart() };
  }
  const item = /^\s*-\s+(.*)$/.exec(before);
  if (item && !item[1].includes(':')) {
    return { path: path.slice(0, -1), before, indent, where: 'item', key: path[path.length - 1], prefix: item[1] };
  }
  return { path, before, indent, where: 'key', prefix: before.trimStart() };
}

/** The schema of the value at a key path (object properties, maps' values, list items, `anyOf` branches). */
export function schemaAt(file: ParsedFile, path: readonly string[]): Schema | undefined {
  if (!file.kind) return undefined;
  const root = schemaFor(file.kind);
  let s: Schema | undefined = root;
  for (const key of path) {
    s = childSchema(root, s, key);
    if (!s) return undefined;
  }
  return s;
}

/** The schema of the mappings a value may hold (a list's items, the mapping branch of an `anyOf`), for their keys. */
export function keysSchema(file: ParsedFile, s: Schema | undefined): Schema | undefined {
  return file.kind ? mappingSchema(schemaFor(file.kind), s) : undefined;
}

/** For a property schema: its items' schema if it is a list (the branch that is one, in an `anyOf`). */
export function itemSchema(file: ParsedFile, s: Schema | undefined): Schema | undefined {
  if (!s || !file.kind) return undefined;
  const root = schemaFor(file.kind);
  const list = branches(root, s).find((b) => b.items !== undefined);
  return list ? deref(root, list.items) : undefined;
}
