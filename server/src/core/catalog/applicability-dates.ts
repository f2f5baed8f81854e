import { TRANSITIONAL, type Duty } from './applicability';
import type { SystemProfile } from './applicability-eval';
import { applicationDate, formatDate, OMNIBUS, timelineFor, type HighRiskBasis, type TimelineId } from './timeline';
import type { Timeline } from '../types';

/** When a duty applies to one record under one timeline. */
export interface DutyTimeline {
  timeline: TimelineId;
  /** The date; absent when the duty waits for a significant change in the system's design (Art. 111(2)). */
  date?: string;
  /** A deadline to comply by (Art. 111(2), 111(3)) rather than a date of application. */
  deadline: boolean;
  /** Where the date comes from, citing the provision. */
  basis: string;
  /** Comes from the Digital Omnibus on AI (2026), reported and not verified against the Official Journal. */
  reported: boolean;
  /**
   * The amendment is reported to move Chapter III Sections 1-3 only; for Art. 40-49, 72 and 73 the
   * moved date follows in practice, which is an inference, not the amended text.
   */
  inference: boolean;
}

export interface DutyDate {
  /** Under the timeline in force on the reference date (or the one pinned). */
  effective: DutyTimeline;
  original: DutyTimeline;
  amended: DutyTimeline;
}

/** The article a duty's reference belongs to. */
export function dutyArticle(d: Duty): number {
  return Number(/^Art\. (\d+)/.exec(d.ref)![1]);
}

function isInference(article: number): boolean {
  return (article >= 40 && article <= 49) || article === 72 || article === 73;
}

/**
 * The date a duty applies to a record from, under both timelines, with the
 * transitional rules of Art. 111: systems already on the market (111(2)),
 * general-purpose AI models already on the market (111(3)) and the reported
 * grace period for the Art. 50(2) marking duty (111(4), Digital Omnibus).
 */
export function dutyDate(duty: Duty, p: SystemProfile, opts: { asOf: string; timeline: Timeline }): DutyDate {
  const article = dutyArticle(duty);
  const basis: HighRiskBasis | undefined = p.basis === 'annex-i' || p.basis === 'annex-iii' ? p.basis : undefined;
  const base = applicationDate(article, { basis, asOf: opts.asOf, timeline: 'original' })!;
  const market = p.marketDate;
  const at = (timeline: TimelineId): DutyTimeline => {
    const fact = timeline === 'omnibus' && base.amended ? base.amended : base.original;
    const reported = fact.timeline === 'omnibus';
    const t: DutyTimeline = {
      timeline,
      date: fact.date,
      deadline: false,
      basis: fact.basis,
      reported,
      inference: reported && isInference(article),
    };
    if (duty.dates === 'art-113-b' && market && market < TRANSITIONAL.gpaiBefore) {
      return { ...t, date: TRANSITIONAL.gpaiBy, deadline: true, basis: 'Art. 111(3): a model placed on the market before 2 August 2025' };
    }
    if (duty.dates === 'general-50-2' && timeline === 'omnibus' && market && market < TRANSITIONAL.marking50Before) {
      return {
        ...t,
        date: TRANSITIONAL.marking50From,
        basis: `Art. 111(4) ${OMNIBUS.label}: a system placed on the market before 2 August 2026`,
        reported: true,
      };
    }
    if (duty.dates === 'high-risk' && duty.when.regime === 'high-risk' && market) return legacy(t, duty, p, market);
    return t;
  };
  const original = at('original');
  const amended = at('omnibus');
  return { effective: timelineFor(opts.asOf, opts.timeline) === 'omnibus' ? amended : original, original, amended };
}

/**
 * Art. 111(2): a high-risk system placed on the market or put into service
 * before the cut-off is caught only once its design changes significantly;
 * providers and deployers of such systems intended for public authorities
 * comply by 2 August 2030 in any case. The reported amendment makes the
 * cut-off the (amended) date of application of Chapter III.
 */
function legacy(t: DutyTimeline, duty: Duty, p: SystemProfile, market: string): DutyTimeline {
  const amendedCutOff = t.timeline === 'omnibus' && t.reported ? chapterIIIDate(p) : undefined;
  const cutOff = amendedCutOff ?? TRANSITIONAL.legacyBefore;
  if (market >= cutOff) return t;
  const where = `Art. 111(2)${amendedCutOff ? ` ${OMNIBUS.label}` : ''}: placed on the market before ${formatDate(cutOff)}`;
  const reported = t.reported || !!amendedCutOff;
  const change = p.significantChange;
  if (change && change >= cutOff) {
    const date = t.date && t.date > change ? t.date : change;
    return { ...t, date, basis: `${where}, significant change in design on ${formatDate(change)}`, reported };
  }
  if (p.publicAuthority === true && duty.roles.some((r) => r === 'provider' || r === 'deployer')) {
    return {
      ...t,
      date: TRANSITIONAL.publicAuthorityBy,
      deadline: true,
      basis: `${where}, intended to be used by public authorities`,
      reported,
    };
  }
  return { ...t, date: undefined, basis: `${where}, no significant change in design recorded since`, reported };
}

/** The reported amended date of application of Chapter III for the record's basis. */
function chapterIIIDate(p: SystemProfile): string {
  return p.basis === 'annex-i' ? '2028-08-02' : '2027-12-02';
}

function label(t: DutyTimeline, article: number): string {
  if (!t.reported) return '';
  return t.inference
    ? `; reported, Official Journal text not verified; for Art. ${article} an inference: the amendment is reported to move Chapter III Sections 1-3, and this provision follows them in practice`
    : '; reported, Official Journal text not verified';
}

function phrase(t: DutyTimeline, article: number): string {
  const when = t.date
    ? `${t.deadline ? 'by' : 'from'} ${formatDate(t.date)}`
    : 'only once the system undergoes a significant change in its design';
  return `${when} (${t.basis}${label(t, article)})`;
}

/** A date with its source, for "has applied since …". */
export function sourcedDate(t: DutyTimeline & { date: string }, article: number): string {
  return `${formatDate(t.date)} (${t.basis}${label(t, article)})`;
}

function same(a: DutyTimeline, b: DutyTimeline): boolean {
  return a.date === b.date && a.deadline === b.deadline;
}

/**
 * The date of a duty in words for messages, timeline in force first, then
 * the other timeline where it differs: "from 2 December 2027 (…; reported …);
 * 2 August 2026 under the original 2024 text".
 */
export function dateText(d: DutyDate, article: number): string {
  const other = d.effective.timeline === 'omnibus' ? d.original : d.amended;
  let out = phrase(d.effective, article);
  if (!same(other, d.effective)) {
    out += `; ${phrase(other, article)} under ${other.timeline === 'omnibus' ? `the text ${OMNIBUS.label}` : 'the original 2024 text'}`;
  }
  return out;
}
