import { foreignAnnexId, nonControlAnnexId } from '../catalog/control-ids';
import { findClause, findControl, findSubObjective, findTopic } from '../catalog/iso';

/** An id read from a cell. */
export interface ReadId {
  id: string;
  /** The cell's text when it was written otherwise ("A 5 2" for A.5.2): reported to the user. */
  from?: string;
  /** Digits run together after the letter ("A52"): A.5.2 or A.52? Kept as written and reported. */
  ambiguous?: boolean;
  /** A title written in the same cell ("A.5.2 AI system impact assessment process"). */
  title?: string;
}

const SEP = String.raw`\s*[.\-_\s]\s*`;
/** An annex-style id written loosely: letter, then numbers with dots, dashes, spaces or underscores between. */
const LOOSE = new RegExp(String.raw`^([A-Ea-e])(${SEP}|)(\d{1,2})((?:${SEP}\d{1,2})*)\s*\.?$`);
/** An id with dots followed by a title in the same cell. */
const WITH_TITLE = /^([A-Ea-e]\.\d{1,2}(?:\.\d{1,2})*)\.?\s*(?:[-–—:]\s*|\s+)(\p{L}.*)$/su;
/** Any letter with dotted numbers (K.3.1), a clause (6.1.3), or an own id (ACME-7): one word with a digit. */
const OTHER = /^(?:[A-Z](?:\.\d+)+|\d+(?:\.\d+)*|[\p{L}\p{N}][\p{L}\p{N}._/-]*\d[\p{L}\p{N}._/-]*|[\p{L}\p{N}._/-]*\d)$/u;
const PREFIX = /^(?:iso\s*\/?\s*(?:iec\s*)?42001(?::2023)?\s*[,:-]?\s*)?(?:annex\s+|anhang\s+|annexe\s+|anexo\s+)?(?:control\s+)?/i;

/** Reads the id in an id cell, or undefined when the cell holds no id (a heading, a note). */
export function readId(cell: string): ReadId | undefined {
  const raw = cell.trim();
  if (raw === '') return undefined;
  const text = raw.replace(PREFIX, '');
  const loose = LOOSE.exec(text);
  if (loose) {
    const [, letter, sep, first, rest] = loose;
    const nums = [first, ...rest.split(new RegExp(SEP)).filter(Boolean)].map((n) => String(Number(n)));
    const ambiguous = sep === '' && first.length === 2 && first !== '10';
    const id = ambiguous ? text.toUpperCase() : `${letter.toUpperCase()}.${nums.join('.')}`;
    if (ambiguous) return { id, from: raw, ambiguous };
    return id === raw ? { id } : { id, from: raw };
  }
  const titled = WITH_TITLE.exec(text);
  if (titled) {
    const inner = readId(titled[1])!;
    return { ...inner, title: titled[2].trim() };
  }
  if (OTHER.test(text)) return text === raw ? { id: text } : { id: text, from: raw };
  return undefined;
}

/** Where an entry goes and what to tell the user about its id. */
export type IdKind = 'control' | 'topic' | 'annex-a' | 'annex-bcd' | 'foreign-annex' | 'clause' | 'own';

export function idKind(id: string): IdKind {
  if (findControl(id)) return 'control';
  if (findTopic(id) || findSubObjective(id)) return 'topic';
  if (/^A\.\d/.test(id) || /^A\d+$/.test(id)) return 'annex-a';
  if (nonControlAnnexId(id)) return 'annex-bcd';
  if (foreignAnnexId(id)) return 'foreign-annex';
  if (/^\d+(\.\d+)*$/.test(id) && findClause(id)) return 'clause';
  return 'own';
}
