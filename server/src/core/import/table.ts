/** One cell as read from a table: its text without markup, and the link it holds when it is one. */
export interface Cell {
  text: string;
  link?: string;
}

/** One table of the input: a CSV file, a Markdown table, or a worksheet. */
export interface Table {
  /** How messages name the table: `table "Annex B guidance"`, `sheet "SoA"`, or '' for a CSV file. */
  label: string;
  /** Header cells, then data rows with the row number a spreadsheet would show (header = its own row). */
  header: Cell[];
  rows: Row[];
}

export interface Row {
  /** 1-based: the sheet's row for a workbook; the header is row 1 of a CSV file or Markdown table. */
  row: number;
  cells: Cell[];
}

/** Rows read from raw cell grids: the header is the first row with two or more filled cells. */
export function tableFromGrid(label: string, grid: { row: number; cells: Cell[] }[]): Table | undefined {
  const filled = (cells: Cell[]): number => cells.filter((c) => c.text.trim() !== '').length;
  const h = grid.findIndex((r) => filled(r.cells) >= 2);
  if (h < 0) return undefined;
  return { label, header: grid[h].cells, rows: grid.slice(h + 1).filter((r) => filled(r.cells) > 0) };
}

/** Strips Markdown markup a spreadsheet cell may carry (`**A.2.2**`, `` `A.2.2` ``, `[A.2.2](…)`). */
export function stripMarkup(s: string): Cell {
  let text = s.replace(/\r\n?/g, '\n').trim();
  let link: string | undefined;
  const whole = /^\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)$/.exec(text);
  if (whole) [text, link] = [whole[1], whole[2]];
  text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  for (let prev = ''; prev !== text;) {
    prev = text;
    text = text
      .replace(/^(\*\*|__)(.+)\1$/s, '$2')
      .replace(/^([*_])(\S.*\S|\S)\1$/s, '$2')
      .replace(/^`+(.+?)`+$/s, '$1')
      .trim();
  }
  return link ? { text, link } : { text };
}
