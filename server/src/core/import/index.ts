import { allControls } from '../catalog/iso';
import { buildPlan, type ColumnInfo, type ImportProblem } from './build';
import type { Field } from './columns';
import { detect } from './detect';
import { MergeError, mergeInto, type Edit } from './merge';
import { readCsv } from './read-csv';
import { readMarkdown } from './read-markdown';
import { readXlsx } from './read-xlsx';
import { renderSoa } from './render';
import type { Table } from './table';
import { fold } from './values';

export type { ColumnInfo, Edit, Field, ImportProblem };
export { FIELDS } from './columns';
export { unifiedDiff } from './diff';

export interface ImportInput {
  /** The file's name (its extension and the messages use it). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** The SoA to merge into, if the workspace has one. */
  existing?: { path: string; text: string };
  /** Column meanings the user chose, by header text (compared case- and accent-insensitively). */
  mapping?: Readonly<Record<string, Field>>;
}

export interface ImportResult {
  /** Why nothing could be imported (unreadable format, no table): then the other fields are empty. */
  error?: string;
  /** The SoA text to write: a new file, or the existing one with the import merged in. */
  text: string;
  /** Whether `text` is a new file (no `existing` SoA was given). */
  created: boolean;
  /** The merge as edits of the existing text, and what each changed. */
  edits: Edit[];
  changes: string[];
  problems: ImportProblem[];
  columns: ColumnInfo[];
  /** Rows read from every table; rows now in the file (as entries or comments); rows that need a decision. */
  summary: { read: number; written: number; attention: number };
}

const EMPTY = {
  text: '',
  created: false,
  edits: [],
  changes: [],
  problems: [],
  columns: [],
  summary: { read: 0, written: 0, attention: 0 },
};

async function tablesOf(input: ImportInput): Promise<{ tables: Table[]; notes: string[] } | { error: string }> {
  const d = detect(input.name, input.bytes);
  switch (d.kind) {
    case 'error':
      return { error: d.message };
    case 'xlsx': {
      try {
        const { tables, empty } = await readXlsx(input.bytes);
        return { tables, notes: empty.map((s) => `Sheet "${s}" holds no table.`) };
      } catch (e) {
        return { error: `${input.name} could not be read as a workbook: ${e instanceof Error ? e.message : String(e)}.` };
      }
    }
    case 'markdown':
      return { tables: readMarkdown(d.text), notes: [] };
    case 'csv': {
      const t = readCsv(d.text);
      return { tables: t ? [t] : [], notes: [] };
    }
  }
}

/**
 * Imports an SoA kept in a spreadsheet (.xlsx, CSV, TSV) or Markdown tables.
 * Pure: the host reads the bytes and writes the result. Every row ends up in
 * the file (Annex A ids under `controls`, any other id under
 * `additionalControls` with its source, rows without an id as comments), and
 * every decision the import made or could not make is listed in `problems`.
 */
export async function importTable(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await tablesOf(input);
  if ('error' in read) return { ...EMPTY, error: read.error };
  if (!read.tables.length)
    return {
      ...EMPTY,
      error: `No table found in ${input.name}: expected a header row such as "Control, Title, Applicable, Justification, Status".`,
    };
  const chosen = new Map(Object.entries(options.mapping ?? {}).map(([h, f]) => [fold(h), f]));
  const plan = buildPlan(input.name, read.tables, chosen);
  plan.problems.unshift(...read.notes.map((message) => ({ level: 'note' as const, message })));
  const present = new Set(plan.entries.map((e) => e.key));
  const missing = allControls().filter((c) => !present.has(c.id));
  if (missing.length && missing.length < allControls().length && !options.existing)
    plan.problems.push({
      level: 'note',
      message: `${missing.length} of the 38 Annex A controls have no row: ${missing.map((c) => c.id).join(', ')}.`,
    });
  const base = {
    problems: plan.problems,
    columns: plan.columns,
    summary: { read: plan.read, written: plan.written, attention: plan.attention },
  };
  if (!options.existing) return { ...base, text: renderSoa(input.name, plan), created: true, edits: [], changes: [] };
  try {
    const merged = mergeInto(options.existing.path, options.existing.text, plan);
    return { ...base, ...merged, created: false };
  } catch (e) {
    if (e instanceof MergeError) return { ...EMPTY, ...base, error: e.message };
    throw e;
  }
}
