import { plainLine } from './safe-text';

/** ASCII punctuation that starts Markdown syntax: emphasis, code, links, images, headings, tables, strike-through, math. */
const SYNTAX = /[\\`*_[\]()#!|~$]/g;

/**
 * User text as inline Markdown (a heading, a table cell, running text, a
 * pull-request comment) that renders as exactly that text and nothing else:
 * on one line (see plainLine), with no emphasis, code span, link, image,
 * HTML, math or table cell of its own; an `@` cannot mention anyone (a
 * zero-width space follows it).
 */
export function escapeMarkdown(s: string): string {
  return plainLine(s).replace(SYNTAX, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u200b');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '@\u200b': '@' };

/** Markdown made by this server as plain text: emphasis and code marks dropped, what escapeMarkdown escaped shown as written. */
export function markdownToPlain(md: string): string {
  return md.replace(
    /\\([\\`*_[\]()#!|~$])|&amp;|&lt;|&gt;|@\u200b|\*\*|`|_/g,
    (m, escaped: string | undefined) => escaped ?? ENTITIES[m] ?? '',
  );
}
