import { looksLikeAnyTitle } from '../catalog/titles';
import { idKind, readId } from './ids';
import type { Table } from './table';
import { fold, readStatus, readYesNo } from './values';

/** What a column holds. Columns with none of these are kept in each entry's notes as "Header: value". */
export type Field = 'id' | 'title' | 'applicable' | 'justification' | 'status' | 'evidence' | 'owner' | 'notes' | 'description';
export const FIELDS: readonly Field[] = [
  'id',
  'title',
  'applicable',
  'justification',
  'status',
  'evidence',
  'owner',
  'notes',
  'description',
];

/** How a column's meaning was decided. */
export type By = 'header' | 'content' | 'user';

export interface Column {
  index: number;
  header: string;
  field?: Field;
  by?: By;
}

/**
 * Header words per field, folded (lower case, no accents), in English,
 * German, French, Spanish, Italian and Dutch. Tested in this order, so
 * "Reason for inclusion / exclusion" is a justification and "Control owner"
 * an owner. `control` alone may head ids or names: content decides.
 */
const HEADERS: [Field | 'control', RegExp][] = [
  [
    'justification',
    /\b(justifications?|justify|reasons?|rationale|why|begrundung|rechtfertigung|grund|raison|motifs?|motivation|justificacion|motivo|razon|motivazione|giustificazione|rechtvaardiging|reden)\b/,
  ],
  [
    'owner',
    /\b(owners?|responsible|responsibility|accountable|roles?|verantwortlich\w*|verantwortung|zustandig\w*|eigentumer|responsables?|proprietaire|pilote|dueno|responsabile|eigenaar|verantwoordelijke)\b/,
  ],
  [
    'evidence',
    /\b(evidences?|proofs?|artefacts?|artifacts?|nachweise?|belege?|preuves?|evidencias?|pruebas?|prove|bewijs|documents|dokumente|documentos|links?|records)\b/,
  ],
  [
    'status',
    /\b(status|implementation|implemented|state|progress|maturity|statut|etat|estado|umsetzungsstatus|umsetzung|stand|stato|implementacion)\b/,
  ],
  [
    'applicable',
    /\b(applicable|applicability|applies|apply|included|include|inclusion|in scope|selected|selection|relevant|anwendbar\w*|zutreffend|ausgewahlt|applicabilite|retenue?|inclus|aplicable|aplicabilidad|incluido|seleccionado|applicabile|toepasselijk|toepasbaar|y n|yes no)\b/,
  ],
  [
    'notes',
    /\b(notes?|comments?|remarks?|bemerkung\w*|anmerkung\w*|kommentar\w*|hinweise?|remarques?|commentaires?|notas?|comentarios?|observaciones|osservazioni|opmerking\w*)\b/,
  ],
  ['description', /\b(description|beschreibung|descripcion|descrizione|beschrijving|details?)\b/],
  [
    'title',
    /\b(titles?|names?|titel|bezeichnung|intitule|titre|nom|libelle|titulo|nombre|titolo|naam|guidance|item|requirement|anforderung|exigence|requisito)\b/,
  ],
  [
    'id',
    /(^#$|\b(ids?|refs?|reference|no|nr|num|number|nummer|identifier|identifiant|identificador|kennung|referenz|referencia|riferimento|clause|42001|annex a)\b)/,
  ],
  ['control', /\b(controls?|kontrollen?|massnahmen?|controles?|mesures?|medidas?|controll[oi]|maatregel\w*|beheersmaatregel\w*)\b/],
];

/** A header's field by its words, or 'control' when only content can tell ids from names. */
export function fieldOfHeader(header: string): Field | 'control' | undefined {
  const h = fold(header);
  if (h === '') return undefined;
  return HEADERS.find(([, re]) => re.test(h))?.[0];
}

function share(table: Table, col: number, test: (text: string) => boolean): number {
  const cells = table.rows.map((r) => r.cells[col]?.text ?? '').filter((t) => t.trim() !== '');
  return cells.length ? cells.filter(test).length / cells.length : 0;
}

const isIsoId = (t: string): boolean => {
  const r = readId(t);
  return !!r && !['own', 'clause'].includes(idKind(r.id));
};
const isAnyId = (t: string): boolean => readId(t) !== undefined;

/**
 * Decides what each column of a table holds: by the header's words, then by
 * content where headers are silent or misleading. The id column is the one
 * whose cells look like control ids (a "Control" column of names beside an
 * "ID" column of A.2.2 … is read as titles); the title column, when no
 * header names one, is the one whose cells read like Annex A titles. A
 * mapping chosen by the user (keyed by folded header) comes first.
 */
export function mapColumns(table: Table, chosen: ReadonlyMap<string, Field> = new Map()): Column[] {
  const cols: (Column & { guess?: Field | 'control' })[] = table.header.map((h, index) => {
    const user = chosen.get(fold(h.text));
    return user ? { index, header: h.text, field: user, by: 'user' as const } : { index, header: h.text, guess: fieldOfHeader(h.text) };
  });
  const taken = new Set<Field>(cols.filter((c) => c.by === 'user').map((c) => c.field!));
  const take = (c: Column, field: Field, by: By): void => {
    c.field = field;
    c.by = by;
    taken.add(field);
  };

  if (!taken.has('id')) {
    // The id column: most cells that look like ISO ids; else a column headed as ids holding ids of any kind.
    const scored = cols
      .filter((c) => !c.by)
      .map((c) => ({ c, iso: share(table, c.index, isIsoId), any: share(table, c.index, isAnyId) }))
      .sort((a, b) => b.iso - a.iso || Number(b.c.guess === 'id') - Number(a.c.guess === 'id') || a.c.index - b.c.index);
    const best = scored.find((s) => s.iso >= 0.3) ?? scored.find((s) => (s.c.guess === 'id' || s.c.guess === 'control') && s.any >= 0.5);
    if (best) take(best.c, 'id', best.c.guess === 'id' ? 'header' : 'content');
  }
  for (const c of cols) {
    if (c.by || !c.guess) continue;
    if (c.guess === 'control' || c.guess === 'id') {
      // A "Control" column that does not hold the ids holds their names.
      if (!taken.has('title') && share(table, c.index, isAnyId) < 0.5) take(c, 'title', c.guess === 'control' ? 'header' : 'content');
      continue;
    }
    if (c.guess === 'notes' || c.guess === 'description' || !taken.has(c.guess)) take(c, c.guess, 'header');
  }
  // Columns no header explains, recognised by what they hold.
  const rest = cols.filter((c) => !c.by);
  const byContent = (field: Field, test: (t: string) => boolean, min: number): void => {
    if (taken.has(field)) return;
    const hit = rest.find((c) => !c.by && share(table, c.index, test) >= min);
    if (hit) take(hit, field, 'content');
  };
  byContent('applicable', (t) => readYesNo(t) !== undefined, 0.8);
  byContent('status', (t) => readStatus(t) !== undefined, 0.8);
  byContent('title', looksLikeAnyTitle, 0.3);
  return cols.map(({ index, header, field, by }) => (field ? { index, header, field, by } : { index, header }));
}
