import mappingData from './data/mapping.json';

/**
 * One ISO/IEC 42001 ↔ AI Act correspondence: the ISO items *support* (never
 * satisfy) the Act provision. ISO ids are clauses ("6.1.2"), topics ("A.5")
 * or controls ("A.6.2.8").
 */
export interface MappingRow {
  /** Article numbers this row is about (annex rows attach to their article). */
  articles: number[];
  /** Act items as written in the source ("Article 11", "Annex IV"). */
  act: string[];
  iso: string[];
  source: string;
  status: string;
  /** Always 'supports': ISO evidence never satisfies an Act obligation. */
  relation: 'supports';
}

interface RawRow {
  act: string[];
  iso: string[];
  source: string;
  status: string;
}

const rows: MappingRow[] = [
  ...(mappingData.rows as RawRow[]),
  ...(mappingData.additional_rows as RawRow[]),
  ...(mappingData.project_rows as RawRow[]),
].map((r) => ({
  articles: r.act
    .map((a) => /^Article (\d+)/.exec(a))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => Number(m[1])),
  act: r.act,
  iso: r.iso,
  source: r.source,
  status: r.status,
  relation: 'supports',
}));

export const MAPPING_NOTE = mappingData.$comment;
export const MAPPING_LIMITATIONS: readonly string[] = mappingData.limitations;

export function allMappingRows(): readonly MappingRow[] {
  return rows;
}

/** ISO ids that supply evidence for an article (empty when no row maps it). */
export function isoForArticle(article: number): { iso: string[]; rows: MappingRow[] } {
  const hit = rows.filter((r) => r.articles.includes(article));
  return { iso: [...new Set(hit.flatMap((r) => r.iso))], rows: hit };
}

/** Whether an ISO id (control, topic or clause) is covered by another (a topic covers its controls, a clause its sub-clauses). */
export function isoCovers(parent: string, id: string): boolean {
  return id === parent || id.startsWith(parent + '.');
}

/** Articles that an ISO control or clause supports, through any mapping row. */
export function articlesForIso(id: string): { articles: number[]; rows: MappingRow[] } {
  const hit = rows.filter((r) => r.iso.some((i) => isoCovers(i, id) || isoCovers(id, i)));
  return { articles: [...new Set(hit.flatMap((r) => r.articles))].sort((a, b) => a - b), rows: hit };
}
