import Papa from 'papaparse';
import { stripMarkup, tableFromGrid, type Table } from './table';

/**
 * A CSV or TSV export as one table. Papa Parse guesses the delimiter (comma,
 * semicolon, tab, pipe) from the first rows and handles quoting the RFC 4180
 * way, so quoted headers with commas and cells over several lines stay whole.
 */
export function readCsv(text: string): Table | undefined {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
  });
  // Records are numbered as a spreadsheet shows the file (a cell over two lines is still one row).
  return tableFromGrid(
    '',
    parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(stripMarkup) })),
  );
}
