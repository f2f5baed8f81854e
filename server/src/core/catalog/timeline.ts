import actData from './data/euaiact.json';
import { findArticle } from './act';
import type { Timeline } from '../types';
import { formatDate } from '../format-date';

/**
 * Application dates of the AI Act under two timelines, kept as data with sources:
 * - 'original': Article 113 as adopted in 2024;
 * - 'omnibus': as amended by the Digital Omnibus on AI (2026), reported dates,
 *   Official Journal text not verified here (see `amendments` in the reference data).
 */
export type TimelineId = 'original' | 'omnibus';

export const OMNIBUS = {
  label: 'as amended by the Digital Omnibus on AI (2026)',
  /** Reported entry into force; from this date the amended timeline is the law in force. */
  inForceFrom: '2026-07-27',
  status: actData.amendments[0].status,
  reportedAct: actData.amendments[0].act,
  procedure: '2025/0359(COD)',
};

/**
 * The label every surface puts on a date or provision that comes from the
 * amendment, whichever timeline is in force.
 */
export const REPORTED = 'reported (Digital Omnibus on AI, 2026; Official Journal text not verified)';

export const ORIGINAL = {
  label: 'Regulation (EU) 2024/1689 as adopted (Article 113)',
  short: 'Regulation (EU) 2024/1689 as adopted',
};

/** Basis of a high-risk classification, which decides which date applies. */
export type HighRiskBasis = 'annex-i' | 'annex-iii';

export interface DateFact {
  date: string;
  timeline: TimelineId;
  /** Where the date comes from, citing the article. */
  basis: string;
  /** Set when the date is our inference rather than the (reported) text: why it is inferred. */
  inferred?: string;
}

export interface ApplicationDate {
  /** The date under the timeline chosen for the reference date. */
  effective: DateFact;
  original: DateFact;
  /** Present when the amendment changes this date. */
  amended?: DateFact;
}

/**
 * The high-risk rules whose application depends on the system's high-risk
 * basis: Chapter III Sections 1-3 (Articles 6-27), the provider duties of
 * Section 5 (Articles 40-49) and post-market monitoring and incident
 * reporting (Articles 72, 73). Article 113(c) ties them to 2 August 2027 for
 * Annex I products; the amendment is reported to postpone them for both bases.
 */
export function isPostponedHighRisk(article: number): boolean {
  return (article >= 6 && article <= 27) || (article >= 40 && article <= 49) || article === 72 || article === 73;
}

/**
 * High-risk rules that concern no Annex I system: Art. 7 (amending Annex III), Art. 27 (Art. 6(2) systems)
 * and Art. 49 (Annex III systems). Article 113(c) defers "Article 6(1) and the corresponding obligations",
 * so they have no Annex I date of their own.
 */
const NO_ANNEX_I = new Set([7, 27, 49]);

/** Whether an article has its own date for Annex I high-risk systems (Article 113, point (c)). */
export function hasAnnexIDate(article: number): boolean {
  return isPostponedHighRisk(article) && !NO_ANNEX_I.has(article);
}

/** Which timeline is in force for a reference date and setting. */
export function timelineFor(asOf: string, setting: Timeline): TimelineId {
  return setting === 'original' || asOf < OMNIBUS.inForceFrom ? 'original' : 'omnibus';
}

/** Whether the amended text is the law in force for these options (so reported provisions exist). */
export function amendedInForce(o: { asOf: string; timeline: Timeline }): boolean {
  return timelineFor(o.asOf, o.timeline) === 'omnibus';
}

/**
 * The date an article applies from, for a system with the given high-risk basis
 * (if any), under both timelines, and which of them is in force on `asOf`.
 */
export function applicationDate(
  article: number,
  opts: { basis?: HighRiskBasis; asOf: string; timeline: Timeline },
): ApplicationDate | undefined {
  const a = findArticle(article);
  if (!a) return undefined;
  let original: DateFact = { date: a.appliesFrom, timeline: 'original', basis: basisFor(a.appliesFrom) };
  // An article that concerns no Annex I system takes the Annex III dates whatever the basis asked for.
  const basis = opts.basis === 'annex-i' && !hasAnnexIDate(article) ? undefined : opts.basis;
  if (basis === 'annex-i' && isPostponedHighRisk(article)) original = annexIDates().original;
  const amended = isPostponedHighRisk(article) ? amendedHighRiskDate(article, basis) : undefined;
  const inForce = timelineFor(opts.asOf, opts.timeline);
  const effective = inForce === 'omnibus' && amended ? amended : original;
  return { effective, original, amended };
}

/** Chapter III Sections 1 to 3: the articles the amendment reportedly postpones itself (amended Article 113, point (c)). */
function inSectionsOneToThree(article: number): boolean {
  return article >= 6 && article <= 27;
}

/**
 * The amended date of a postponed high-risk rule. The amendment reportedly
 * moves Chapter III Sections 1 to 3 only; the other rules on the same systems
 * (Art. 40-49, 72, 73) keep their date in the text and follow in practice, so
 * their amended date is our inference and says so.
 */
function amendedHighRiskDate(article: number, basis: HighRiskBasis | undefined): DateFact {
  const annexI = basis === 'annex-i';
  return {
    date: annexI ? '2028-08-02' : '2027-12-02',
    timeline: 'omnibus',
    basis: `Article 113, third paragraph, point (c), as amended: Chapter III, Sections 1 to 3, for ${annexI ? 'Annex I high-risk systems (Article 6(1))' : 'Annex III high-risk systems (Article 6(2))'}`,
    inferred: inSectionsOneToThree(article)
      ? undefined
      : `inferred: the amendment reportedly moves Chapter III, Sections 1 to 3 only; Art. ${article} keeps its date in the text and follows in practice, as it concerns the same systems`,
  };
}

/** The Annex I dates of Article 6(1) under both timelines (Article 113, point (c), as adopted and as amended). */
export function annexIDates(): { original: DateFact; amended: DateFact } {
  return {
    original: {
      date: '2027-08-02',
      timeline: 'original',
      basis: 'Article 113, third paragraph, point (c) (Article 6(1), Annex I products)',
    },
    amended: amendedHighRiskDate(6, 'annex-i'),
  };
}

/** Which text a date comes from, as every surface prints it. */
export function timelineLabel(t: TimelineId): string {
  return t === 'omnibus' ? `${OMNIBUS.label}, reported (Official Journal text not verified)` : ORIGINAL.short;
}

/** Where a date comes from: the text (labelled reported when amended), the provision, and why it is inferred if it is. */
export function sourceOf(f: DateFact): string {
  return `${timelineLabel(f.timeline)}; ${f.basis}${f.inferred ? `; ${f.inferred}` : ''}`;
}

/**
 * A date with where it comes from: "2 December 2027 (as amended by …, reported …; Article 113 …)".
 * `brief` leaves out the provision (for finding messages and tables) but never the label.
 */
export function dateWithSource(f: DateFact, brief = false): string {
  if (brief) return `${formatDate(f.date)} (${timelineLabel(f.timeline)}${f.inferred ? '; inferred' : ''})`;
  return `${formatDate(f.date)} (${sourceOf(f)})`;
}

/** The date in force, then the other timeline's where they differ: the one phrase every surface uses for an application date. */
export function applicationDateText(d: ApplicationDate, brief = false): string {
  const other = otherDate(d);
  // A date both texts share needs no label in a brief text.
  if (brief && !other && d.effective.timeline === 'original') return formatDate(d.effective.date);
  return `${dateWithSource(d.effective, brief)}${other ? `; ${dateWithSource(other, brief)}` : ''}`;
}

/** The other timeline's date, where the two differ. */
export function otherDate(d: ApplicationDate): DateFact | undefined {
  if (!d.amended || d.amended.date === d.original.date) return undefined;
  return d.effective.timeline === 'omnibus' ? d.original : d.amended;
}

/**
 * Changes the amendment is reported to make to single provisions, beside the
 * postponed dates above. Reported by public secondary sources (see `amendments`
 * in the reference data); the amending act's Official Journal text is not
 * verified here, so every note is shown as reported.
 */
export interface AmendmentNote {
  article: number;
  /** The paragraphs concerned; absent when the note is about the whole article. */
  paragraphs?: readonly number[];
  /** What changes, in our words. */
  change: string;
  /** For a grace period: it covers systems placed on the market before this date. */
  marketBefore?: string;
  /** The date the grace period ends or the new provision applies from. */
  date?: string;
}

export const OMNIBUS_NOTES: readonly AmendmentNote[] = [
  {
    article: 4,
    change:
      'The article is reworded: providers and deployers take measures to support the development of AI literacy of their staff and others acting for them, without having to guarantee a specific level for any individual, and the Commission and the Member States support them. It stays a duty of effort on providers and deployers; its date is unchanged.',
  },
  {
    article: 5,
    change:
      'A further prohibited practice is added: AI systems that generate non-consensual intimate imagery or child sexual abuse material. It applies from 2 December 2026.',
  },
  {
    article: 25,
    paragraphs: [2, 4],
    change: 'Paragraphs 2 and 4 are replaced.',
  },
  {
    article: 50,
    paragraphs: [2],
    change:
      'Systems placed on the market before 2 August 2026 have until 2 December 2026 to meet the marking duty of paragraph 2; the rest of Article 50 is unchanged.',
    marketBefore: '2026-08-02',
    date: '2026-12-02',
  },
];

/** The reported changes to an article, or to one of its paragraphs when one is given. */
export function amendmentNotes(article: number, paragraph?: number): AmendmentNote[] {
  return OMNIBUS_NOTES.filter(
    (n) => n.article === article && (paragraph === undefined || n.paragraphs === undefined || n.paragraphs.includes(paragraph)),
  );
}

function basisFor(date: string): string {
  switch (date) {
    case '2025-02-02':
      return 'Article 113, third paragraph, point (a)';
    case '2025-08-02':
      return 'Article 113, third paragraph, point (b)';
    case '2027-08-02':
      return 'Article 113, third paragraph, point (c)';
    default:
      return 'Article 113, second paragraph (general date of application)';
  }
}

// In a module of its own so the client can word dates without loading the Act's data.
export { formatDate };
