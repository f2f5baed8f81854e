import { isMap, type Node, type YAMLMap } from 'yaml';
import type { ParsedFile } from '../core/yaml/parse';

/** The line break a file uses (CRLF files get CRLF). */
export function eol(file: ParsedFile): string {
  return /\r\n/.test(file.text) ? '\r\n' : '\n';
}

/** The indentation unit of a file (spaces per level), from its first indented key. */
export function indentUnit(file: ParsedFile): number {
  const m = /\n( +)\S/.exec(file.text);
  return m ? m[1].length : 2;
}

/** The column of a node's first character. */
export function columnOf(file: ParsedFile, node: Node): number {
  return file.lines.positionAt(node.range?.[0] ?? 0).character;
}

/**
 * The offset just after the last line of a block mapping's content (before
 * trailing blank lines and comments that belong to what follows), where new
 * entries of the same mapping are inserted.
 */
export function endOfBlock(file: ParsedFile, map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  const lastNode = (last?.value as Node | null) ?? (last?.key as Node | null);
  const end = lastNode?.range?.[1] ?? map.range?.[1] ?? file.text.length;
  // Extend to the end of that line.
  const pos = file.lines.positionAt(Math.max(0, end - 1));
  return file.lines.offsetAt({ line: pos.line, character: file.lines.lineText(pos.line).length });
}

/** Whether a node is a block (not flow) mapping we can append lines to. */
export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !(node as YAMLMap & { flow?: boolean }).flow;
}
