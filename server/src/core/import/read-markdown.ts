import type { Nodes, PhrasingContent, Table as MdTable } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Cell, Table } from './table';

/** The text of inline content without its markup; a hard break or `<br>` becomes a line break. */
function plain(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n): string => {
      switch (n.type) {
        case 'text':
        case 'inlineCode':
          return n.value;
        case 'break':
          return '\n';
        case 'html':
          return /^<br\s*\/?>$/i.test(n.value) ? '\n' : '';
        case 'strong':
        case 'emphasis':
        case 'delete':
        case 'link':
        case 'linkReference':
          return plain(n.children);
        default:
          return '';
      }
    })
    .join('');
}

function cellOf(children: PhrasingContent[]): Cell {
  const text = plain(children).trim();
  const links = children.filter((c) => c.type === 'link');
  const onlyLink = links.length === 1 && children.every((c) => c.type === 'link' || (c.type === 'text' && c.value.trim() === ''));
  return onlyLink ? { text, link: links[0].url } : { text };
}

/**
 * Every GFM table of a Markdown document (with or without outer pipes, any
 * alignment row), each named after the heading above it. A table's header
 * is row 1, its first data row row 2.
 */
export function readMarkdown(text: string): Table[] {
  const tree = fromMarkdown(text.replace(/^\uFEFF/, ''), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const found: { heading?: string; table: MdTable }[] = [];
  let heading: string | undefined;
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') heading = plain(node.children).trim();
    else if (node.type === 'table') found.push({ heading, table: node });
    else if ('children' in node) for (const c of node.children) walk(c);
  };
  walk(tree);
  return found.map(({ heading: h, table }, i) => {
    const [head, ...rows] = table.children.map((r) => r.children.map((c) => cellOf(c.children)));
    const label = h ? `table "${h}"` : found.length > 1 ? `table ${i + 1}` : '';
    return {
      label,
      header: head ?? [],
      rows: rows.map((cells, k) => ({ row: k + 2, cells })).filter((r) => r.cells.some((c) => c.text !== '')),
    };
  });
}
