import { plainLine } from './safe-text';

/** ASCII punctuation that starts Markdown inline syntax: emphasis, code, links, images, HTML, entities, tables. */
const INLINE_SYNTAX = /[\\`*_{}[\]()#!|<>~&]/g;

/**
 * User text as inline Markdown that renders as exactly that text: on one line
 * (see plainLine), with every character that could start emphasis, a code
 * span, a link or image, raw HTML, an entity or a table cell escaped. For
 * headings, table cells and running text alike.
 */
export function escapeMarkdown(s: string): string {
  return plainLine(s).replace(INLINE_SYNTAX, '\\$&');
}

/** Markdown made by this server as plain text: emphasis and code marks dropped, escaped characters kept. */
export function markdownToPlain(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#!|<>~&])|\*\*|`|_/g, (_m, escaped: string | undefined) => escaped ?? '');
}
