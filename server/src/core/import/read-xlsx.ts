import type { CellValue, Worksheet } from 'exceljs';
import { loadExcelJs } from './exceljs';
import { stripMarkup, tableFromGrid, type Cell, type Table } from './table';

/** A cell value as its text: rich text joined, a formula's cached result, a hyperlink's text and target. */
function cellOf(v: CellValue): Cell {
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v !== 'object') return stripMarkup(String(v));
  if ('richText' in v) return stripMarkup(v.richText.map((r) => r.text).join(''));
  if ('hyperlink' in v) {
    const inner = cellOf(v.text);
    return { text: inner.text, link: v.hyperlink };
  }
  if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result ?? null);
  if ('error' in v) return { text: v.error };
  return { text: '' };
}

/** One worksheet as a table; cells covered by a merge read as empty, except merged header cells and cells merged down a column. */
function sheetTable(ws: Worksheet): Table | undefined {
  const grid: { row: number; cells: Cell[] }[] = [];
  const covered: { row: number; col: number; masterRow: number; master: Cell }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      if (master.address !== cell.address) {
        cells.push({ text: '' });
        covered.push({ row: r, col: c - 1, masterRow: Number(master.row), master: cellOf(master.value) });
      } else cells.push(cellOf(cell.value));
    }
    grid.push({ row: r, cells });
  });
  const table = tableFromGrid(`sheet "${ws.name}"`, grid);
  if (!table) return undefined;
  const headerRow = grid.find((g) => g.cells === table.header)!.row;
  for (const k of covered) {
    if (k.row === headerRow) table.header[k.col] = k.master;
    else if (k.row > headerRow && k.masterRow !== k.row) {
      const row = table.rows.find((r) => r.row === k.row);
      if (row) row.cells[k.col] = k.master;
    }
  }
  return table;
}

/** Every worksheet of an .xlsx workbook that holds a table, in the workbook's order. */
export async function readXlsx(bytes: Uint8Array): Promise<{ tables: Table[]; empty: string[] }> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: Table[] = [];
  const empty: string[] = [];
  wb.eachSheet((ws) => {
    const t = sheetTable(ws);
    if (t) tables.push(t);
    else empty.push(ws.name);
  });
  return { tables, empty };
}
