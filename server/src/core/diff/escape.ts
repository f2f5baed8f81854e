/**
 * Escaping of text that comes from the user's files (ids, names, paths,
 * messages quoting them) before it reaches a terminal or a Markdown comment.
 */

/**
 * C0 and C1 control characters (escape sequences, carriage returns, new
 * lines), line and paragraph separators, and the bidirectional controls that
 * can make text read differently from what it is ("Trojan Source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text safe for one line of a terminal: every control character shown as a visible escape (`\n`, `\x1b`, `\u{202e}`). */
export function plain(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
  });
}

/**
 * Text for Markdown (inline or a table cell) that renders as the same
 * characters and nothing else: no emphasis, links, images, HTML, math or
 * table cells of its own; line breaks become spaces; an `@` cannot mention
 * anyone (a zero-width space follows it).
 */
export function mdText(s: string): string {
  return plain(s.replace(/[\r\n\t]+/g, ' '))
    .replace(/[\\`*_[\]()#!|~$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u200b');
}

/** A Markdown code span (outside tables): shown verbatim, never a mention, link or tag. */
export function mdCode(s: string): string {
  const t = plain(s.replace(/[\r\n\t]+/g, ' '));
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim()) ? ' ' : '';
  return t === '' ? '` `' : `${fence}${pad}${t}${pad}${fence}`;
}
