import { annexIIIAreas, findAnnex, findArticle, paragraphOf, ROMAN, type Article } from './act';
import { unknownControlDetail } from './control-ids';
import { findClause, findControl, findSubObjective, findTopic, suggestClause, suggestControl } from './iso';

/** A parsed reference to the EU AI Act: an article (with optional paragraph and point) or an annex. */
export type ActRef =
  | { type: 'article'; article: number; paragraph?: number; point?: string; canonical: string }
  | { type: 'annex'; annex: string; point?: number; letter?: string; canonical: string };

/** A parsed ISO/IEC 42001 reference. */
export type IsoRef = { type: 'control'; id: string } | { type: 'topic'; id: string } | { type: 'clause'; id: string };

export type RefCheck<T> = { ok: true; ref: T } | { ok: false; message: string; suggestion?: string };

const ARTICLE_RE = /^\s*art(?:icle)?\.?\s*(\d+)\s*((?:\(\s*[0-9a-z]+\s*\))*)\s*$/i;
const ANNEX_RE = /^\s*annex\s+([IVX]+|\d+)\s*((?:\(\s*[0-9a-z]+\s*\))*)\s*$/i;
const GROUPS_RE = /\(\s*([0-9a-z]+)\s*\)/gi;

/** Whether a string looks like an Act reference at all (so it is checked as one). */
export function looksLikeActRef(s: string): boolean {
  return /^\s*(art(icle)?\.?\s*\d|annex\s)/i.test(s);
}

/** Canonical text of an article reference: `Art. N(p)(x)`. */
export function formatArticle(article: number, paragraph?: number, point?: string): string {
  return `Art. ${article}${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`;
}

/**
 * Parses and checks an Act reference against the Regulation's structure.
 * Accepts `Art. 17`, `Art 17`, `Article 17(1)(a)`, `Annex IV`, `Annex III(5)(b)`;
 * rejects paragraphs, points, annexes and Annex III points that do not exist.
 */
export function checkActRef(s: string): RefCheck<ActRef> {
  const art = ARTICLE_RE.exec(s);
  if (art) return checkArticle(Number(art[1]), groups(art[2]));
  const anx = ANNEX_RE.exec(s);
  if (anx) return checkAnnex(anx[1].toUpperCase(), groups(anx[2]));
  return {
    ok: false,
    message: `'${s.trim()}' is not an AI Act reference. Write 'Art. 17', 'Art. 17(1)(a)' or 'Annex III(5)(b)'.`,
  };
}

function groups(s: string): string[] {
  return [...s.matchAll(GROUPS_RE)].map((m) => m[1].toLowerCase());
}

function checkArticle(n: number, parts: string[]): RefCheck<ActRef> {
  const a = findArticle(n);
  if (!a) return { ok: false, message: `The AI Act has no Article ${n}; it has Articles 1 to 113.` };
  if (parts.length === 0) return { ok: true, ref: { type: 'article', article: n, canonical: formatArticle(n) } };
  if (a.paragraphs === 0) {
    // Unnumbered article: only a point may follow (Art. 16(a), Art. 113(c)).
    const [pt, ...rest] = parts;
    if (rest.length || !a.points.includes(pt)) {
      return { ok: false, message: `Article ${n} (${a.title}) has no numbered paragraphs${describePoints(a.points, 'and no point')}.` };
    }
    return { ok: true, ref: { type: 'article', article: n, point: pt, canonical: `Art. ${n}(${pt})` } };
  }
  const [p, pt, ...rest] = parts;
  const pn = /^\d+$/.test(p) ? Number(p) : NaN;
  const para = paragraphOf(a, pn);
  if (!para) {
    return {
      ok: false,
      message: `Article ${n} (${a.title}) has paragraphs 1 to ${a.paragraphs}; there is no paragraph ${p}.`,
      suggestion: undefined,
    };
  }
  if (pt === undefined) return { ok: true, ref: { type: 'article', article: n, paragraph: pn, canonical: formatArticle(n, pn) } };
  if (rest.length || !para.points.includes(pt)) {
    return {
      ok: false,
      message: `Article ${n}(${pn}) has ${para.points.length ? `points (${para.points[0]}) to (${para.points[para.points.length - 1]})` : 'no lettered points'}; there is no point (${pt}).`,
    };
  }
  return { ok: true, ref: { type: 'article', article: n, paragraph: pn, point: pt, canonical: formatArticle(n, pn, pt) } };
}

function describePoints(points: string[], none: string): string {
  return points.length ? ` (only points (${points[0]}) to (${points[points.length - 1]}))` : ` ${none}`;
}

function checkAnnex(id: string, parts: string[]): RefCheck<ActRef> {
  const roman = /^\d+$/.test(id) ? ROMAN[Number(id) - 1] : id;
  const annex = roman ? findAnnex(roman) : undefined;
  if (!annex) return { ok: false, message: `The AI Act has no Annex ${id}; it has Annexes I to XIII.` };
  if (parts.length === 0) return { ok: true, ref: { type: 'annex', annex: annex.id, canonical: `Annex ${annex.id}` } };
  if (annex.id !== 'III') {
    // Other annexes are referenced as a whole; their inner numbering is not checked point by point.
    return { ok: true, ref: { type: 'annex', annex: annex.id, canonical: `Annex ${annex.id}${parts.map((p) => `(${p})`).join('')}` } };
  }
  const [p, letter, ...rest] = parts;
  const area = annexIIIAreas().find((a) => String(a.point) === p);
  if (!area) return { ok: false, message: `Annex III has points 1 to 8 (use areas); there is no point ${p}.` };
  if (letter === undefined) {
    return { ok: true, ref: { type: 'annex', annex: 'III', point: area.point, canonical: `Annex III(${area.point})` } };
  }
  if (rest.length || !area.points.includes(letter)) {
    return {
      ok: false,
      message: area.points.length
        ? `Annex III point ${area.point} (${area.title}) has points (${area.points[0]}) to (${area.points[area.points.length - 1]}); there is no (${letter}).`
        : `Annex III point ${area.point} (${area.title}) has no lettered points; write 'Annex III(${area.point})'.`,
      suggestion: area.points.length ? undefined : `Annex III(${area.point})`,
    };
  }
  return {
    ok: true,
    ref: { type: 'annex', annex: 'III', point: area.point, letter, canonical: `Annex III(${area.point})(${letter})` },
  };
}

/** The article a reference belongs to, if it is an article reference. */
export function articleOf(ref: ActRef): Article | undefined {
  return ref.type === 'article' ? findArticle(ref.article) : undefined;
}

const CONTROL_RE = /^A\.(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;
const CLAUSE_RE = /^(?:clause\s+)?(\d+(?:\.\d+)*)$/i;

/**
 * Parses and checks an ISO/IEC 42001 reference: an Annex A control (`A.6.2.4`),
 * a topic (`A.6`) or sub-objective (`A.6.2`), or a clause (`6.1.3`, `Clause 6.1.3`).
 */
export function checkIsoRef(s: string, allow: { controls?: boolean; topics?: boolean; clauses?: boolean } = {}): RefCheck<IsoRef> {
  const want = { controls: true, topics: true, clauses: true, ...allow };
  const t = s.trim();
  if (CONTROL_RE.test(t)) {
    if (findControl(t) && want.controls) return { ok: true, ref: { type: 'control', id: t } };
    if ((findTopic(t) || findSubObjective(t)) && want.topics) return { ok: true, ref: { type: 'topic', id: t } };
    if (findTopic(t) || findSubObjective(t) || findControl(t)) {
      return { ok: false, message: `'${t}' is an Annex A ${findControl(t) ? 'control' : 'topic'}, which is not accepted here.` };
    }
    const suggestion = suggestControl(t);
    return {
      ok: false,
      message: `ISO/IEC 42001 Annex A has no control ${t}${suggestion ? unknownControlDetail(t) : ' (controls run from A.2.2 to A.10.4).'}`,
      suggestion,
    };
  }
  const cl = CLAUSE_RE.exec(t);
  if (cl) {
    const id = cl[1];
    if (findClause(id) && want.clauses) return { ok: true, ref: { type: 'clause', id } };
    const suggestion = suggestClause(id);
    return {
      ok: false,
      message: `ISO/IEC 42001 has no clause ${id}${suggestion ? `; did you mean ${suggestion}?` : ' (clauses run from 4.1 to 10.2).'}`,
      suggestion,
    };
  }
  return { ok: false, message: `'${t}' is not an ISO/IEC 42001 reference. Write a control such as 'A.6.2.4' or a clause such as '6.1.3'.` };
}
