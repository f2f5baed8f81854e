import { TRANSITIONAL, type Duty } from './applicability';
import type { SystemProfile } from './applicability-eval';
import {
  applicationDate,
  dateWithSource,
  formatDate,
  OMNIBUS,
  timelineFor,
  timelineLabel,
  type DateFact,
  type HighRiskBasis,
  type TimelineId,
} from './timeline';
import type { Timeline } from '../types';

/** When a duty applies to one record under one timeline. */
export interface DutyTimeline {
  /** The timeline this answer is for. */
  timeline: TimelineId;
  /**
   * The date and where it comes from (its `timeline` is the text it is taken from: 'omnibus' means
   * reported); absent when the duty waits for a significant change in the system's design (Art. 111(2)).
   */
  fact?: DateFact;
  /** The same as `fact.date`, for brevity. */
  date?: string;
  /** A deadline to comply by (Art. 111(2), 111(3)) rather than a date of application. */
  deadline: boolean;
  /** Where the answer comes from, citing the provision. */
  basis: string;
  /** Comes from the Digital Omnibus on AI (2026), reported and not verified against the Official Journal. */
  reported: boolean;
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

function dated(timeline: TimelineId, fact: DateFact, deadline = false): DutyTimeline {
  return { timeline, fact, date: fact.date, deadline, basis: fact.basis, reported: fact.timeline === 'omnibus' };
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
    if (duty.dates === 'art-113-b' && market && market < TRANSITIONAL.gpaiBefore) {
      const basis = 'Art. 111(3): a model placed on the market before 2 August 2025';
      return dated(timeline, { date: TRANSITIONAL.gpaiBy, timeline: fact.timeline, basis }, true);
    }
    if (duty.dates === 'general-50-2' && timeline === 'omnibus' && market && market < TRANSITIONAL.marking50Before) {
      const basis = `Art. 111(4) ${OMNIBUS.label}: a system placed on the market before 2 August 2026`;
      return dated(timeline, { date: TRANSITIONAL.marking50From, timeline: 'omnibus', basis });
    }
    if (duty.dates === 'high-risk' && duty.when.regime === 'high-risk' && market) return legacy(timeline, fact, duty, p, market);
    return dated(timeline, fact);
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
function legacy(timeline: TimelineId, fact: DateFact, duty: Duty, p: SystemProfile, market: string): DutyTimeline {
  const amendedCutOff = timeline === 'omnibus' && fact.timeline === 'omnibus' ? chapterIIIDate(p) : undefined;
  const cutOff = amendedCutOff ?? TRANSITIONAL.legacyBefore;
  if (market >= cutOff) return dated(timeline, fact);
  const source: TimelineId = amendedCutOff ? 'omnibus' : fact.timeline;
  const where = `Art. 111(2)${amendedCutOff ? ` ${OMNIBUS.label}` : ''}: placed on the market before ${formatDate(cutOff)}`;
  const change = p.significantChange;
  if (change && change >= cutOff) {
    const date = fact.date > change ? fact.date : change;
    return dated(timeline, { date, timeline: source, basis: `${where}, significant change in design on ${formatDate(change)}` });
  }
  if (p.publicAuthority === true && duty.roles.some((r) => r === 'provider' || r === 'deployer')) {
    const basis = `${where}, intended to be used by public authorities`;
    return dated(timeline, { date: TRANSITIONAL.publicAuthorityBy, timeline: source, basis }, true);
  }
  // A change before the cut-off is part of the system as placed; only a change from that date counts.
  const since = change
    ? `; the significant change recorded on ${formatDate(change)} is before that date, and none is recorded from it`
    : ', no significant change in design recorded since';
  return { timeline, deadline: false, basis: `${where}${since}`, reported: source === 'omnibus' };
}

/** The reported amended date of application of Chapter III for the record's basis. */
function chapterIIIDate(p: SystemProfile): string {
  return p.basis === 'annex-i' ? '2028-08-02' : '2027-12-02';
}

/** A duty's answer in words: "from 2 December 2027 (as amended …, reported …; Article 113 …)". */
function phrase(t: DutyTimeline): string {
  if (!t.fact) {
    return `only once the system undergoes a significant change in its design (${t.reported ? `${timelineLabel('omnibus')}; ` : ''}${t.basis})`;
  }
  return `${t.deadline ? 'by' : 'from'} ${dateWithSource(t.fact)}`;
}

function same(a: DutyTimeline, b: DutyTimeline): boolean {
  return a.date === b.date && a.deadline === b.deadline;
}

/**
 * The date of a duty in words for messages, timeline in force first, then
 * the other timeline where it differs; every amended date says it is reported
 * (and, for Art. 40-49, 72 and 73, inferred).
 */
export function dateText(d: DutyDate): string {
  const other = d.effective.timeline === 'omnibus' ? d.original : d.amended;
  const first = phrase(d.effective);
  return same(other, d.effective) ? first : `${first}; ${phrase(other)}`;
}

function note(t: DutyTimeline): string {
  if (!t.fact) return `a significant change in its design (${t.reported ? `${timelineLabel('omnibus')}; ` : ''}Art. 111(2))`;
  return `${dateWithSource(t.fact, true)}${t.deadline ? ' at the latest' : ''}`;
}

/**
 * The dates of a duty as the hosts show them after "Applies from" (tree
 * tooltip, reports, aims diff): brief, each labelled with the text it comes
 * from, the other timeline's where it differs; a date both texts share and
 * the original gives needs no label.
 */
export function dateNote(d: DutyDate): string {
  const other = d.effective.timeline === 'omnibus' ? d.original : d.amended;
  const e = d.effective;
  if (same(other, e) && e.fact && e.fact.timeline === 'original' && !e.deadline) return formatDate(e.fact.date);
  return same(other, e) ? note(e) : `${note(e)}; ${note(other)}`;
}

/** A date with its source, for "has applied since …". */
export function sourcedDate(t: DutyTimeline & { fact: DateFact }): string {
  return dateWithSource(t.fact);
}
