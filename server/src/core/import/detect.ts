/** What an input is, from its bytes first and its name second. */
export type Detected =
  { kind: 'xlsx' } | { kind: 'markdown'; text: string } | { kind: 'csv'; text: string } | { kind: 'error'; message: string };

/** Inputs above this size are refused before parsing (a workbook's XML can be many times larger unpacked). */
export const MAX_TABLE_BYTES = 10 * 1024 * 1024;

const starts = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/** The names inside a zip archive's first entries, enough to tell an .xlsx from an .ods or .docx. */
function zipNames(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 64 * 1024)));
}

const TEXT_KIND: Record<string, string> = { csv: 'CSV text', tsv: 'tab-separated text', md: 'Markdown', markdown: 'Markdown', txt: 'text' };

/**
 * Decides how to read an input, and refuses what it cannot read with a
 * sentence that says what the file is: a workbook named .csv, a legacy .xls,
 * a PDF, a Word or OpenDocument file, binary data, an empty file.
 */
export function detect(name: string, bytes: Uint8Array): Detected {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const as = TEXT_KIND[ext];
  const not = (what: string, advice: string): Detected => ({
    kind: 'error',
    message: `${name} is ${what}${as ? `, not ${as}` : ''}; ${advice}.`,
  });
  if (bytes.length === 0) return { kind: 'error', message: `${name} is empty.` };
  if (bytes.length > MAX_TABLE_BYTES)
    return {
      kind: 'error',
      message: `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; an SoA table is far smaller, so it is not read. Export only the sheet or table that holds the SoA.`,
    };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.includes('xl/'))
      return ext === 'xlsx' || ext === 'xlsm'
        ? { kind: 'xlsx' }
        : not('an Excel workbook (.xlsx)', 'rename it to .xlsx or export it as CSV');
    if (names.includes('opendocument.spreadsheet')) return not('an OpenDocument spreadsheet (.ods)', 'save it as .xlsx or CSV');
    if (names.includes('word/')) return not('a Word document', 'copy its table into a Markdown file or a spreadsheet');
    return not('a zip archive', 'unpack it and import the table inside');
  }
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return not('a legacy Excel 97-2003 workbook (.xls) or other OLE file, which cannot be read here', 'save it as .xlsx or CSV');
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return not('a PDF', 'export the table from the program that made the PDF as CSV or .xlsx');
  if (ext === 'xlsx' || ext === 'xlsm')
    return { kind: 'error', message: `${name} is not an Excel workbook (it is not a zip archive); export it again as .xlsx or CSV.` };
  const text = decode(bytes);
  if (text === undefined)
    return { kind: 'error', message: `${name} looks binary (it is not UTF-8 or UTF-16 text); export the table as CSV, Markdown or .xlsx.` };
  if (text.trim() === '') return { kind: 'error', message: `${name} is empty.` };
  if (
    ext === 'md' ||
    ext === 'markdown' ||
    (ext !== 'csv' && ext !== 'tsv' && /^\s*\|?[^\n]*\|[^\n]*\n\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/m.test(text))
  )
    return { kind: 'markdown', text };
  return { kind: 'csv', text };
}

/** UTF-8, or UTF-16 with a byte-order mark (Excel's "Unicode text"); undefined for binary data. */
function decode(bytes: Uint8Array): string | undefined {
  if (starts(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (starts(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Windows-1252 exports from older spreadsheets: readable unless they hold control bytes.
    if (bytes.some((b) => b < 9 || (b > 13 && b < 32))) return undefined;
    return new TextDecoder('windows-1252').decode(bytes);
  }
  return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/, '');
}
