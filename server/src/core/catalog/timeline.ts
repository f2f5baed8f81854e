import actData from './data/euaiact.json';
import { findArticle } from './act';
import type { Timeline } from '../types';

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

export const ORIGINAL = {
  label: 'Regulation (EU) 2024/1689 as adopted (Article 113)',
};

/** Basis of a high-risk classification, which decides which date applies. */
export type HighRiskBasis = 'annex-i' | 'annex-iii';

export interface DateFact {
  date: string;
  timeline: TimelineId;
  /** Where the date comes from, citing the article. */
  basis: string;
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

/** Which timeline is in force for a reference date and setting. */
export function timelineFor(asOf: string, setting: Timeline): TimelineId {
  return setting === 'original' || asOf < OMNIBUS.inForceFrom ? 'original' : 'omnibus';
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
  const annexIHighRisk = opts.basis === 'annex-i' && isPostponedHighRisk(article);
  if (annexIHighRisk) {
    original = {
      date: '2027-08-02',
      timeline: 'original',
      basis: 'Article 113, third paragraph, point (c) (Article 6(1), Annex I products)',
    };
  }
  let amended: DateFact | undefined;
  if (isPostponedHighRisk(article)) {
    amended =
      opts.basis === 'annex-i'
        ? { date: '2028-08-02', timeline: 'omnibus', basis: `Article 113 ${OMNIBUS.label}: Annex I high-risk systems (Article 6(1))` }
        : { date: '2027-12-02', timeline: 'omnibus', basis: `Article 113 ${OMNIBUS.label}: Annex III high-risk systems (Article 6(2))` };
  }
  const inForce = timelineFor(opts.asOf, opts.timeline);
  const effective = inForce === 'omnibus' && amended ? amended : original;
  return { effective, original, amended };
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
    change: 'The AI literacy duty is reworded and softened (AI literacy to be promoted); its date is unchanged.',
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

/** Dates shown as "2 August 2026". */
export function formatDate(iso: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[m - 1]} ${y}`;
}
