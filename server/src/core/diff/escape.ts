/**
 * Escaping of text that comes from the user's files (ids, names, paths,
 * messages quoting them) before it reaches a terminal or a Markdown comment:
 * the same escaping as every other output (core/safe-text.ts, core/escape-markdown.ts).
 */
import { escapeMarkdown } from '../escape-markdown';
import { plainLine, showControls } from '../safe-text';

/** Text safe for one line of a terminal: every control character shown as a visible escape (`\n`, `\x1b`, `\u{202e}`). */
export const plain = showControls;

/**
 * Text for Markdown (inline or a table cell) that renders as the same
 * characters and nothing else (see escapeMarkdown).
 */
export const mdText = escapeMarkdown;

/** A Markdown code span (outside tables): shown verbatim, never a mention, link or tag. */
export function mdCode(s: string): string {
  const t = plainLine(s);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim()) ? ' ' : '';
  return t === '' ? '` `' : `${fence}${pad}${t}${pad}${fence}`;
}
