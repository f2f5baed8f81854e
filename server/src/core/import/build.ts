import { foreignAnnexId, nonControlAnnexId, unknownControlMessage } from '../catalog/control-ids';
import { findClause, findControl, findSubObjective, findTopic } from '../catalog/iso';
import { judgeTitle, looksLikeAnyTitle } from '../catalog/titles';
import { mapColumns, type Column, type Field } from './columns';
import { idKind, readId } from './ids';
import type { Row, Table } from './table';
import { evidenceList, oneLine, readStatus, readYesNo, roleId, splitYesNo, type Status } from './values';

/** The fields of one SoA entry, in the order they are written. */
export interface Fields {
  title?: string;
  applicable?: boolean;
  justification?: string;
  status?: Status;
  owner?: string;
  evidence?: string[];
  notes?: string;
  source?: string;
}

export interface Entry {
  key: string;
  section: 'controls' | 'additionalControls';
  fields: Fields;
  /** Comment lines written above / below the entry (topic headings; duplicate and id-less rows). */
  before: string[];
  after: string[];
}

export interface ImportProblem {
  /** `attention`: the user has to decide something; `note`: what the import did, for the record. */
  level: 'attention' | 'note';
  /** "soa.md, table "Annex B", row 4"; absent for what concerns the whole input. */
  where?: string;
  message: string;
}

export interface ColumnInfo extends Column {
  /** The table the column belongs to, as messages name it ('' for a CSV file). */
  table: string;
}

export interface Plan {
  entries: Entry[];
  /** Comment lines with no entry to stand by (a table whose rows all lack ids). */
  orphans: string[];
  problems: ImportProblem[];
  columns: ColumnInfo[];
  read: number;
  written: number;
  attention: number;
}

const TITLE_SPLIT = [' — ', ' – ', ' - ', ': '];

/** "Title — description": the title and the rest, when the part before the dash names the control. */
function splitTitle(id: string, text: string): { title: string; rest?: string } {
  const control = findControl(id);
  for (const sep of TITLE_SPLIT) {
    const i = text.indexOf(sep);
    if (i <= 0) continue;
    const [head, rest] = [text.slice(0, i).trim(), text.slice(i + sep.length).trim()];
    if (!rest) continue;
    const named = control
      ? ['same', 'variant'].includes(judgeTitle(id, head).kind) && judgeTitle(id, text).kind !== 'same'
      : sep.length === 3 && sep !== ' - ';
    if (named) return { title: head, rest };
  }
  return { title: text };
}

export const FIELD_ORDER: (keyof Fields)[] = ['title', 'applicable', 'justification', 'status', 'owner', 'evidence', 'notes', 'source'];

/** The fields in the order an entry lists them. */
function inOrder(fields: Fields): Fields {
  const out: Record<string, unknown> = {};
  for (const f of FIELD_ORDER) if (fields[f] !== undefined) out[f] = fields[f];
  return out;
}

/** Turns the tables into SoA entries, keeping every row: as an entry, or as a comment when it cannot be one. */
export function buildPlan(fileName: string, tables: Table[], chosen: ReadonlyMap<string, Field>): Plan {
  const plan: Plan = { entries: [], orphans: [], problems: [], columns: [], read: 0, written: 0, attention: 0 };
  const byKey = new Map<string, { entry: Entry; where: string; row: Row; table: Table; values: string }>();
  const unrecognised = new Set<string>();
  const attention = new Set<string>();
  const flag = (where: string, message?: string): void => {
    attention.add(where);
    if (message) plan.problems.push({ level: 'attention', where, message });
  };
  const note = (message: string, where?: string): void => void plan.problems.push({ level: 'note', where, message });

  for (const table of tables) {
    const cols = mapColumns(table, chosen);
    const tableName = [fileName, table.label].filter(Boolean).join(', ');
    plan.read += table.rows.length;
    const col = (f: Field): number => cols.find((c) => c.field === f)?.index ?? -1;
    const idCol = col('id');
    if (idCol < 0) {
      const heads = table.header.map((h) => h.text).filter(Boolean);
      plan.problems.push({
        level: 'attention',
        where: tableName,
        message: `${table.label ? `The ${table.label}` : 'The table'} has no control id column; its ${table.rows.length} row${table.rows.length === 1 ? ' is' : 's are'} not imported (headers: ${heads.join(', ')}).`,
      });
      continue;
    }
    for (const c of cols) plan.columns.push({ ...c, table: table.label });
    for (const c of cols) {
      if (!c.field && c.header.trim() && !unrecognised.has(c.header)) {
        unrecognised.add(c.header);
        note(`Column "${c.header}" is not recognised; its values are kept in notes.`);
      }
    }
    // Titles that read like no Annex A title at all are a translation (or a house naming): kept in notes.
    const titleCol = col('title');
    const titled =
      titleCol < 0
        ? []
        : table.rows.filter((r) => findControl(readId(r.cells[idCol]?.text ?? '')?.id ?? '') && r.cells[titleCol]?.text.trim());
    const translated = titled.length >= 2 && titled.filter((r) => looksLikeAnyTitle(r.cells[titleCol].text)).length / titled.length < 0.2;
    if (translated)
      note(
        `The titles in column "${table.header[titleCol].text}" are not the standard's (English) titles; they are kept in notes as "Title in the table".`,
        tableName,
      );
    const hasApplicable = col('applicable') >= 0;
    let inferred = false;
    // Entries the table leaves without applicability or justification: listed, so the count of rows
    // that need attention matches what the report names.
    const noApplicability: string[] = [];
    const noJustification: string[] = [];
    const noColumns = !hasApplicable && col('status') < 0;
    if (noColumns)
      plan.problems.push({
        level: 'attention',
        where: tableName,
        message: `${table.label ? `The ${table.label}` : 'The table'} has no applicability column (such as "Applicable" or "Included?"): every entry still needs applicable: true or false, and a justification.`,
      });
    else if (col('justification') < 0)
      plan.problems.push({
        level: 'attention',
        where: tableName,
        message: 'No justification column (such as "Justification" or "Reason"): every entry still needs one (clause 6.1.3).',
      });

    let previous: Entry | undefined;
    const pendingBefore: string[] = [];
    for (const row of table.rows) {
      const where = `${tableName}, row ${row.row}`;
      const rowRef = `row ${row.row}${table.label ? ` of ${table.label}` : ''}`;
      const cell = (f: Field): string => {
        const i = col(f);
        return i >= 0 ? (row.cells[i]?.text ?? '').trim() : '';
      };
      // A row without an id keeps its id column too: what it holds ("Total", "ISO 27001 A.5.1") is part of the row.
      const described = (withId = false): string =>
        cols
          .filter((c) => (withId || c.index !== idCol) && (row.cells[c.index]?.text ?? '').trim())
          .map((c) => `${c.header || `column ${c.index + 1}`}: ${oneLine(row.cells[c.index].text)}`)
          .join('; ');
      const read = readId(cell('id'));
      const hasValues = ['applicable', 'justification', 'status'].some((f) => cell(f as Field) !== '');
      if (!read) {
        const line = `${rowRef}, without a control id: ${described(true) || '(empty)'}`;
        if (previous) previous.after.push(line);
        else pendingBefore.push(line);
        flag(where, `Row ${row.row} has no control id; it is kept as a comment.`);
        plan.written++;
        continue;
      }
      const kind = idKind(read.id);
      if (kind === 'topic' && !hasValues) {
        const title = cell('title') || read.title || findTopic(read.id)?.title || findSubObjective(read.id)?.title || '';
        pendingBefore.push(oneLine(`${read.id} ${title}`));
        plan.written++;
        continue;
      }
      if (read.from && !read.ambiguous) note(`Read "${read.from}" as ${read.id}.`, where);
      const fields: Fields = {};
      const notes: string[] = [];
      // Title
      let title = cell('title') || read.title || '';
      if (title) {
        const split = splitTitle(read.id, title);
        title = split.title;
        if (translated && findControl(read.id)) notes.push(`Title in the table: ${oneLine(title)}`);
        else fields.title = oneLine(title);
        if (split.rest) notes.push(split.rest);
      }
      // Applicability, status, justification
      const justification: string[] = [];
      const appText = cell('applicable');
      if (appText) {
        const yes = readYesNo(appText);
        const both = yes === undefined ? splitYesNo(appText) : undefined;
        if (yes !== undefined) fields.applicable = yes;
        else if (both) {
          fields.applicable = both.value;
          justification.push(both.rest);
        } else {
          flag(where, `${read.id}: the applicability "${oneLine(appText)}" is neither yes nor no; left for you to decide.`);
          notes.push(`Applicable in the table: ${oneLine(appText)}`);
        }
      }
      if (cell('justification')) justification.unshift(cell('justification'));
      const statusText = cell('status');
      if (statusText) {
        const status = readStatus(statusText);
        const yes = status ? undefined : readYesNo(statusText);
        if (status) fields.status = status;
        else if (yes !== undefined && fields.applicable === undefined) fields.applicable = yes;
        else if (yes === undefined) {
          flag(where, `${read.id}: the status "${oneLine(statusText)}" is not one of implemented, partial, planned, not-started.`);
          notes.push(`Status in the table: ${oneLine(statusText)}`);
        }
        if (status && fields.applicable === undefined && !hasApplicable) {
          fields.applicable = true;
          inferred = true;
        }
      }
      if (justification.length) fields.justification = justification.join(' ');
      if (cell('owner')) fields.owner = roleId(cell('owner'));
      const ev = col('evidence') >= 0 ? row.cells[col('evidence')] : undefined;
      if (ev?.text.trim()) fields.evidence = ev.link && !ev.text.includes('\n') ? [ev.link] : evidenceList(ev.text);
      for (const c of cols) {
        const t = (row.cells[c.index]?.text ?? '').trim();
        if (!t) continue;
        if (c.field === 'notes' || c.field === 'description') notes.push(t);
        else if (!c.field && c.index !== idCol) notes.push(`${c.header || `Column ${c.index + 1}`}: ${t}`);
      }
      if (notes.length) fields.notes = notes.join('; ');

      const section = ['control', 'annex-a', 'topic'].includes(kind) ? 'controls' : 'additionalControls';
      if (section === 'additionalControls') fields.source = where;
      const ordered = inOrder(fields);
      const values = JSON.stringify(fields, (k, v: unknown) => (k === 'source' ? undefined : v));
      const seen = byKey.get(read.id);
      if (seen) {
        const same = seen.values === values;
        const first = seen.table === table ? `row ${seen.row.row}` : seen.where;
        seen.entry.after.push(
          same ? `${rowRef} repeats ${read.id} (same values)` : `${rowRef} repeats ${read.id} with other values: ${described()}`,
        );
        if (!same)
          flag(
            where,
            `${read.id} appears in ${seen.table === table ? `rows ${seen.row.row} and ${row.row}` : `${seen.where} and row ${row.row}`} with different values; ${first} is imported, row ${row.row} is kept as a comment below it.`,
          );
        else note(`${read.id} appears again in row ${row.row} with the same values; kept as a comment.`, where);
        plan.written++;
        continue;
      }
      // Messages about the id and the title.
      if (read.ambiguous)
        flag(
          where,
          `"${read.from}" is ambiguous (A.${read.id[1]}.${read.id.slice(2)} or A.${read.id.slice(1)}?); kept as written under controls for you to correct.`,
        );
      else if (kind === 'annex-a') flag(where, `${unknownControlMessage(read.id)} Kept under controls for you to correct.`);
      else if (kind === 'topic')
        flag(where, `${read.id} is an Annex A topic, not a control; kept under controls for you to list its controls instead.`);
      else if (kind === 'annex-bcd') flag(where, `${nonControlAnnexId(read.id)}; the entry is kept under additionalControls.`);
      else if (kind === 'foreign-annex')
        flag(where, `${foreignAnnexId(read.id)}; the entry is kept under additionalControls with its source.`);
      else if (kind === 'clause')
        flag(
          where,
          `${read.id} is a clause of ISO/IEC 42001 (${findClause(read.id)!.title}), not an Annex A control; the entry is kept under additionalControls.`,
        );
      if (kind === 'control' && fields.title) {
        const verdict = judgeTitle(read.id, fields.title);
        const control = findControl(read.id)!;
        if (verdict.kind === 'other' || verdict.kind === 'different')
          flag(
            where,
            `${read.id}: "${fields.title}" is not its title ("${control.title}")${verdict.kind === 'other' && verdict.control ? `; that is the title of ${verdict.control.id}` : ''}.`,
          );
      }
      if (fields.applicable === undefined || !fields.justification) flag(where);
      const named = `${read.id} (row ${row.row})`;
      if (!noColumns && fields.applicable === undefined && !appText) noApplicability.push(named);
      if (!noColumns && col('justification') >= 0 && !fields.justification) noJustification.push(named);

      const entry: Entry = { key: read.id, section, fields: ordered, before: pendingBefore.splice(0), after: [] };
      byKey.set(read.id, { entry, where, row, table, values });
      plan.entries.push(entry);
      previous = entry;
      plan.written++;
    }
    if (pendingBefore.length) {
      if (previous) previous.after.push(...pendingBefore);
      else plan.orphans.push(...pendingBefore);
    }
    const list = (named: string[], what: string, ask: string): void => {
      if (named.length)
        plan.problems.push({
          level: 'attention',
          where: tableName,
          message: `${named.join(', ')} ${named.length === 1 ? 'has' : 'have'} no ${what}: ${ask}.`,
        });
    };
    list(
      noJustification,
      'justification',
      `write why ${noJustification.length === 1 ? 'it is' : 'each is'} included or excluded (clause 6.1.3)`,
    );
    list(noApplicability, 'applicability', `set applicable to true or false`);
    if (inferred)
      note(
        `Entries with a status in column "${table.header[col('status')].text}" are read as applicable (the table has no applicability column).`,
        tableName,
      );
  }
  plan.attention = attention.size;
  return plan;
}
