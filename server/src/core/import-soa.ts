import { Document, YAMLMap, Scalar } from 'yaml';
import { allControls, findControl } from './catalog/iso';

/** Something in the table that could not be taken over as it stands. */
export interface ImportProblem {
  /** 1-based row of the table (header = row 1), when the problem is in a row. */
  row?: number;
  message: string;
}

export interface ImportResult {
  /** The StatementOfApplicability as YAML text. */
  yaml: string;
  problems: ImportProblem[];
  /** How many rows became entries. */
  imported: number;
}

type Column = 'control' | 'title' | 'applicable' | 'justification' | 'status' | 'evidence' | 'owner' | 'notes';

const HEADERS: Record<Column, RegExp> = {
  control: /^(control( id)?|id|ref(erence)?|annex a( control)?|clause|no\.?|#)$/,
  title: /^(title|name|control (title|name)|description)$/,
  applicable: /^(applicable|applies|applicability|included|include|in scope|selected|apply)$/,
  justification: /^(justification|reason|rationale|why|justification for (inclusion|exclusion)( or (inclusion|exclusion))?)$/,
  status: /^(status|implementation( status)?|state)$/,
  evidence: /^(evidence|documents?|references?|proof)$/,
  owner: /^(owner|responsible|accountable|role)$/,
  notes: /^(notes?|comments?|remarks?)$/,
};

const TRUE = /^(yes|y|true|x|✓|✔|included|include|applicable|applies|in scope|1)$/i;
const FALSE = /^(no|n|false|-|excluded|exclude|not applicable|n\/a|na|out of scope|0)$/i;
const STATUS: [RegExp, string][] = [
  [/^(implemented|done|complete(d)?|in place|operational)$/i, 'implemented'],
  [/^(partial(ly)?( implemented)?|in progress|ongoing|wip)$/i, 'partial'],
  [/^(planned|scheduled|to do|todo)$/i, 'planned'],
  [/^(not started|not-started|open|none)$/i, 'not-started'],
];

/** Splits CSV text (RFC 4180 quoting) with a sniffed ',' or ';' delimiter. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delim = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delim) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** The first Markdown pipe table in a text, without its separator row. */
export function parseMarkdownTable(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((l, i) => /^\s*\|/.test(l) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? ''));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (let i = start; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
    if (i === start + 1) continue;
    const cells = lines[i]
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    rows.push(cells);
  }
  return rows;
}

function columnOf(header: string): Column | undefined {
  const h = header.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].test(h));
}

/**
 * Turns a spreadsheet export (CSV) or a Markdown table into a
 * StatementOfApplicability. Columns are recognised by header; every value
 * that cannot be mapped is reported and kept as a comment in the output.
 */
export function importSoaTable(text: string, fileName: string): ImportResult {
  const rows = /\.(md|markdown|txt)$/i.test(fileName) ? parseMarkdownTable(text) : parseCsv(text);
  const problems: ImportProblem[] = [];
  if (rows.length === 0) {
    problems.push({
      message: `No table found in ${fileName}: expected a header row such as "control, title, applicable, justification, status, evidence, owner".`,
    });
  }
  const header = rows[0] ?? [];
  const cols = header.map(columnOf);
  header.forEach((h, i) => {
    if (!cols[i] && h.trim()) problems.push({ row: 1, message: `Column "${h}" is not recognised; its values are kept as comments.` });
  });
  if (rows.length && !cols.includes('control'))
    problems.push({ row: 1, message: 'No control id column (headers such as "control", "id", "ref").' });

  const doc = new Document({ aims: 1, kind: 'StatementOfApplicability', controls: {} });
  doc.commentBefore = ` Imported from ${fileName}. Review every entry: the checker reports what the table got wrong.`;
  const controls = doc.get('controls') as YAMLMap;
  const additional = new YAMLMap();
  const entries = new Map<string, YAMLMap>();
  let imported = 0;

  rows.slice(1).forEach((cells, k) => {
    const rowNo = k + 2;
    const get = (c: Column): string | undefined => {
      const i = cols.indexOf(c);
      return i >= 0 ? cells[i]?.trim() : undefined;
    };
    const rawId = get('control') ?? '';
    const id = rawId
      .replace(/^A(\d)/i, 'A.$1')
      .replace(/\s+/g, '')
      .replace(/^a\./, 'A.');
    if (!id) {
      problems.push({ row: rowNo, message: 'Row has no control id; it is skipped.' });
      return;
    }
    const entry = new YAMLMap();
    const unmapped: string[] = [];
    const title = get('title');
    if (title) entry.set('title', title);
    const app = get('applicable');
    if (app !== undefined && app !== '') {
      if (TRUE.test(app)) entry.set('applicable', true);
      else if (FALSE.test(app)) entry.set('applicable', false);
      else {
        problems.push({ row: rowNo, message: `${id}: applicable value "${app}" is not yes/no; left for you to decide.` });
        unmapped.push(`applicable: ${app}`);
      }
    }
    entry.set('justification', get('justification') ?? '');
    const status = get('status');
    if (status) {
      const mapped = STATUS.find(([re]) => re.test(status))?.[1];
      if (mapped && entry.get('applicable') !== false) entry.set('status', mapped);
      else if (!mapped && !FALSE.test(status)) {
        problems.push({ row: rowNo, message: `${id}: status "${status}" is not one of implemented, partial, planned, not-started.` });
        unmapped.push(`status: ${status}`);
      }
    }
    const owner = get('owner');
    if (owner) entry.set('owner', owner.toLowerCase().replace(/\s+/g, '-'));
    const evidence = get('evidence');
    if (evidence)
      entry.set(
        'evidence',
        evidence
          .split(/[;\n]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    const notes = get('notes');
    if (notes) entry.set('notes', notes);
    cells.forEach((c, i) => {
      if (!cols[i] && c.trim()) unmapped.push(`${header[i]}: ${c.trim()}`);
    });
    if (unmapped.length) entry.commentBefore = ` from the table, not mapped: ${unmapped.join('; ').replace(/\n/g, ' ')}`;

    if (entries.has(id)) {
      problems.push({ row: rowNo, message: `${id} appears more than once; only its first row is kept.` });
      return;
    }
    entries.set(id, entry);
    imported++;
    if (!findControl(id) && title && !/^A\.\d/.test(id)) additional.set(id, entry);
    else if (!findControl(id)) {
      problems.push({ row: rowNo, message: `${rawId} is not an Annex A control; kept under controls for you to correct.` });
      controls.set(new Scalar(id), entry);
    }
  });
  // Annex A controls in the standard's order, then unknown ids as they came.
  const known = allControls().filter((c) => entries.has(c.id));
  const unknown = controls.items.slice();
  controls.items = [];
  for (const c of known) controls.set(c.id, entries.get(c.id));
  for (const p of unknown) controls.items.push(p);
  if (additional.items.length) doc.set('additionalControls', additional);
  const missing = allControls().filter((c) => !entries.has(c.id));
  if (missing.length && rows.length)
    problems.push({ message: `${missing.length} Annex A control(s) have no row: ${missing.map((c) => c.id).join(', ')}.` });
  return { yaml: doc.toString({ lineWidth: 0 }), problems, imported };
}
