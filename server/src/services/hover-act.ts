import {
  ACT_ATTRIBUTION,
  annexIIIAreas,
  definitionByNumber,
  findAnnex,
  findArticle,
  paragraphOf,
  reportedProvisions,
  type Article,
} from '../core/catalog/act';
import { ANNEX_III_EXCLUSIONS, ANNEX_III_SHORT } from '../core/catalog/applicability-points';
import { isoForArticle } from '../core/catalog/mapping';
import { checkActRef, type ActRef } from '../core/catalog/refs';
import {
  amendedInForce,
  amendmentNotes,
  annexIDates,
  applicationDate,
  dateWithSource,
  formatDate,
  hasAnnexIDate,
  isPostponedHighRisk,
  otherDate,
  REPORTED,
  sourceOf,
  timelineFor,
  timelineLabel,
  type AmendmentNote,
  type ApplicationDate,
  type HighRiskBasis,
} from '../core/catalog/timeline';
import { highRiskBasis, profileOf } from '../core/rules/system';
import { isCalendarDate } from '../core/rules/util';
import type { ParsedFile } from '../core/yaml/parse';
import { child, text } from '../core/yaml/nav';
import type { ServiceConfig } from './config';

const SOURCE = '*Regulation (EU) 2024/1689; titles © European Union.*';

/**
 * Hover parts for an AI Act reference: what it is, the date it applies from
 * under the timeline in force and the other one (amended dates labelled
 * reported, inferred ones labelled inferred), the reported changes, and the
 * ISO evidence that supports it.
 */
export function actHover(s: string, file: ParsedFile, cfg: ServiceConfig): string[] | undefined {
  const r = checkActRef(s, { amended: amendedInForce(cfg.options) });
  if (!r.ok) return [`**${s.trim()}**: ${r.message}`];
  const ref = r.ref;
  if (ref.reported) return reportedHover(ref, file, cfg);
  if (ref.type === 'annex') return annexHover(ref);
  const a = findArticle(ref.article);
  if (!a) return undefined;
  if (ref.definition) return definitionHover(ref.definition, ref.point);
  return articleHover(ref, a, file, cfg);
}

function articleHover(ref: Extract<ActRef, { type: 'article' }>, a: Article, file: ParsedFile, cfg: ServiceConfig): string[] {
  const parts = [
    `**${ref.canonical}** ${a.title}`,
    `Chapter ${a.chapter} ${a.chapterTitle}${a.sectionTitle ? `, Section ${a.section} ${a.sectionTitle}` : ''}`,
  ];
  if (ref.paragraph) {
    const p = paragraphOf(a, ref.paragraph);
    parts.push(
      `Paragraph ${ref.paragraph} of ${a.paragraphs}${p?.points.length ? `, points (${p.points[0]})–(${p.points[p.points.length - 1]})` : ''}${ref.point ? `; point (${ref.point})` : ''}.`,
    );
  } else if (a.paragraphs) parts.push(`${a.paragraphs} paragraph${a.paragraphs === 1 ? '' : 's'}.`);
  if (ref.unchecked) parts.push(`The catalog holds the Act's points, not their sub-points: ${ref.unchecked} is not checked.`);
  if (a.text && !ref.paragraph && !ref.point) parts.push(`> ${a.text}\n\n— Art. ${a.number}, as adopted. ${ACT_ATTRIBUTION}`);
  // Art. 6(1) is the Annex I route: its dates are the Annex I ones whatever the record's basis.
  const annexIRoute = ref.article === 6 && ref.paragraph === 1;
  // Art. 113(c) defers Art. 6(1) alone: Art. 6(2)-(8) (the Annex III route, the derogation, the Commission's
  // guidelines and delegated acts), Art. 7, 27 and 49 are no Annex I rules, whatever the record's basis.
  const annexIRule = hasAnnexIDate(ref.article) && !(ref.article === 6 && ref.paragraph !== undefined);
  const recordBasis = file.kind === 'AISystem' ? highRiskBasis(profileOf(file).basis) : undefined;
  // Only the high-risk rules' dates depend on the basis; say so only for them.
  const basis: HighRiskBasis | undefined = annexIRoute
    ? 'annex-i'
    : !isPostponedHighRisk(ref.article) || (recordBasis === 'annex-i' && !annexIRule)
      ? undefined
      : recordBasis;
  const d = applicationDate(ref.article, { basis, asOf: cfg.options.asOf, timeline: cfg.options.timeline });
  if (d) parts.push(...dateParts(d, basis, cfg));
  if (ref.article === 6 && !annexIRoute) {
    const { original, amended } = annexIDates();
    parts.push(`Art. 6(1) (Annex I products) applies from ${dateWithSource(original)}; ${dateWithSource(amended)}.`);
  }
  for (const n of amendmentNotes(ref.article, ref.paragraph)) parts.push(amendmentLine(n, file));
  if (ref.paragraph === undefined && ref.point === undefined) {
    const inserted = reportedProvisions().filter((p) => p.article === ref.article);
    if (inserted.length) {
      parts.push(
        `Provisions the Digital Omnibus on AI (2026) reportedly inserts here, ${REPORTED}: ${inserted.map((p) => p.ref).join(', ')}${amendedInForce(cfg.options) ? '' : ' (not in the text in force on the reference date)'}.`,
      );
    }
  }
  const iso = isoForArticle(ref.article);
  if (iso.iso.length) parts.push(`ISO/IEC 42001 evidence that supports it (never satisfies it): ${iso.iso.join(', ')}.`);
  parts.push(SOURCE);
  return parts;
}

/** The date in force, the other timeline's date and which timeline is in force, one per line. */
function dateParts(d: ApplicationDate, basis: HighRiskBasis | undefined, cfg: ServiceConfig): string[] {
  const forSystem = basis
    ? ` This date is for a high-risk system under ${basis === 'annex-i' ? 'Annex I, Art. 6(1)' : 'Annex III, Art. 6(2)'}.`
    : '';
  const out = [`Applies from **${formatDate(d.effective.date)}** (${sourceOf(d.effective)}).${forSystem}`];
  const other = otherDate(d);
  if (other) out.push(`Under the other timeline: ${dateWithSource(other)}.`);
  out.push(`Timeline in force on the reference date: ${timelineLabel(timelineFor(cfg.options.asOf, cfg.options.timeline))}.`);
  return out;
}

/** A reported change of the amendment, and whether a grace period covers this record. */
function amendmentLine(n: AmendmentNote, file: ParsedFile): string {
  let line = `Change ${REPORTED}: ${n.change}`;
  const market = file.kind === 'AISystem' ? text(child(file.root, 'marketDate')) : undefined;
  if (n.marketBefore && n.date && market && isCalendarDate(market)) {
    line +=
      market < n.marketBefore
        ? ` This system's market date, ${formatDate(market)}, is before ${formatDate(n.marketBefore)}, so the grace period covers it until ${formatDate(n.date)}.`
        : ` This system's market date, ${formatDate(market)}, is not before ${formatDate(n.marketBefore)}, so the grace period does not cover it.`;
  }
  return line;
}

/** An Article 3 point: the definition, quoted with its number and attribution. */
function definitionHover(n: number, point: string | undefined): string[] {
  const d = definitionByNumber(n)!;
  return [
    `**Art. 3(${n})${point ? `(${point})` : ''}** ${d.term}${point ? `, point (${point})` : ''}`,
    `> ${d.text}\n\n— Art. 3(${n}). ${ACT_ATTRIBUTION}`,
  ];
}

/** A provision the amendment reportedly inserts, accepted because the amended text is in force. */
function reportedHover(ref: ActRef, file: ParsedFile, cfg: ServiceConfig): string[] {
  const p = ref.reported!;
  const parts = [`**${p.ref}** — ${REPORTED}`, p.subject];
  if (p.article !== undefined) {
    const a = findArticle(p.article)!;
    parts.push(`Inserted in Art. ${a.number} ${a.title}.`);
    if (p.appliesFrom) parts.push(`Applies from ${formatDate(p.appliesFrom)} (${timelineLabel('omnibus')}).`);
    else {
      // Only the amended date can apply: the 2024 text has no such provision, so it has no date of its own there.
      const basis = p.article === 6 ? 'annex-i' : file.kind === 'AISystem' ? highRiskBasis(profileOf(file).basis) : undefined;
      const amended = applicationDate(p.article, { basis, asOf: cfg.options.asOf, timeline: cfg.options.timeline })?.amended;
      parts.push(
        amended
          ? `Applies from **${formatDate(amended.date)}** (${sourceOf(amended)}).${basis ? ` This date is for a high-risk system under ${basis === 'annex-i' ? 'Annex I, Art. 6(1)' : 'Annex III, Art. 6(2)'}.` : ''}`
          : 'No date of application of its own is reported.',
      );
    }
    parts.push('Not in Regulation (EU) 2024/1689 as adopted: the provision exists only in the amended text.');
  } else if (p.annex) {
    parts.push(`Annex ${p.annex}${p.section ? `, Section ${p.section}` : ''}.`);
  }
  parts.push(SOURCE);
  return parts;
}

const ANNEX_I_SECTION: Record<string, string> = {
  A: 'A system that is, or is a safety component of, a product under this legislation is high-risk under Art. 6(1) only when the product must undergo a third-party conformity assessment under that legislation (Art. 6(1)(b)); the provider duties then apply, and conformity is assessed within the sectoral procedure (Art. 43(3)).',
  B: 'For products under Section B, only Art. 6(1), Art. 102 to 109 and Art. 112 apply, and Art. 57 only in so far as the sectoral law integrates the requirements (Art. 2(2)): the Act reaches these products through its amendments to the sectoral legislation, and its Chapter III operator duties do not apply to them directly.',
};

const ANNEX_VIII_SECTION: Record<string, string> = {
  A: 'What providers submit when registering a high-risk system under Art. 49(1) (Annex III systems, except point 2).',
  B: 'What providers submit under Art. 49(2) when they concluded, under Art. 6(3), that their Annex III system is not high-risk.',
  C: 'What deployers that are public authorities, Union institutions, bodies, offices or agencies, or persons acting on their behalf, submit when registering their use of a high-risk system under Art. 49(3).',
};

function annexHover(ref: Extract<ActRef, { type: 'annex' }>): string[] | undefined {
  const a = findAnnex(ref.annex);
  if (!a) return undefined;
  const pointTitle = ref.point !== undefined ? a.pointTitles?.[String(ref.point)] : undefined;
  const parts = pointTitle ? [`**${ref.canonical}** ${pointTitle}`, `Annex ${a.id}: ${a.title}`] : [`**${ref.canonical}** ${a.title}`];
  if (ref.annex === 'III' && ref.point) {
    const area = annexIIIAreas().find((x) => x.point === ref.point);
    const key = ref.letter ? `${ref.point}(${ref.letter})` : String(ref.point);
    if (area)
      parts.push(
        `Point ${area.point}: ${area.heading}${ref.letter ? `, point (${ref.letter})` : ''}${ANNEX_III_SHORT[key] ? `: ${ANNEX_III_SHORT[key]}` : ''}. Systems under Annex III are high-risk under Art. 6(2), unless the Art. 6(3) derogation applies.`,
      );
    // The point's own exclusion decides whether a system falls under it at all (e.g. fraud detection, 5(b)).
    const excluded = ANNEX_III_EXCLUSIONS[key];
    if (excluded) parts.push(`What the point leaves out:\n\n> ${excluded}\n\n— Annex III, point ${key}. ${ACT_ATTRIBUTION}`);
  }
  const section = ref.section ? a.sections.find((s) => s.id === ref.section) : undefined;
  if (section && a.id !== 'VII') parts.push(`Section ${section.id}: ${section.title}.`);
  if (a.id === 'I' && ref.section) {
    parts.push(ANNEX_I_SECTION[ref.section]);
    const { original, amended } = annexIDates();
    parts.push(`Art. 6(1) applies from ${dateWithSource(original)}; ${dateWithSource(amended)}.`);
    const moved = reportedProvisions().find((p) => p.annex === 'I');
    if (moved && (ref.point === 1 || ref.section === 'B')) parts.push(`${moved.ref}, ${REPORTED}: ${moved.subject}`);
  }
  if (a.id === 'VIII' && ref.section) parts.push(ANNEX_VIII_SECTION[ref.section]);
  if (ref.unchecked) parts.push(`The catalog holds this annex's points, not the letters under them: ${ref.unchecked} is not checked.`);
  parts.push(SOURCE);
  return parts;
}
