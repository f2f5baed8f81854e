import {
  annexIIIAreas,
  definitionByNumber,
  findAnnex,
  findArticle,
  paragraphOf,
  reportedProvisions,
  ROMAN,
  type Annex,
  type AnnexSection,
  type Article,
  type PointRange,
  type ReportedProvision,
} from './act';
import { unknownControlDetail } from './control-ids';
import { findClause, findControl, findSubObjective, findTopic, suggestClause, suggestControl } from './iso';
import { REPORTED } from './timeline';
import { memo } from '../memo';

/**
 * A parsed reference to the EU AI Act: an article (with optional paragraph and
 * point, or an Article 3 definition and its point) or an annex (with optional
 * section and point). `reported` marks a provision the Digital Omnibus on AI
 * (2026) is reported to insert; `unchecked` names a part below what the
 * catalog holds (Art. 5(1)(h)(iii)), accepted and said so in the hover.
 */
export type ActRef =
  | {
      type: 'article';
      article: number;
      paragraph?: number;
      point?: string;
      /** Article 3 point: the number of the definition. */
      definition?: number;
      canonical: string;
      reported?: ReportedProvision;
      unchecked?: string;
    }
  | {
      type: 'annex';
      annex: string;
      section?: string;
      /** Annex III area or Annex I point (a number), or another annex's point ("4.3", "c"). */
      point?: number | string;
      letter?: string;
      canonical: string;
      reported?: ReportedProvision;
      unchecked?: string;
    };

/** A parsed ISO/IEC 42001 reference. */
export type IsoRef = { type: 'control'; id: string } | { type: 'topic'; id: string } | { type: 'clause'; id: string };

export type RefCheck<T> = { ok: true; ref: T } | { ok: false; message: string; suggestion?: string };

export interface ActRefOptions {
  /**
   * Whether the amended text is in force, so that provisions the Digital
   * Omnibus on AI (2026) reportedly inserts are accepted (labelled reported).
   */
  amended?: boolean;
}

const ARTICLE_RE = /^\s*art(?:icle)?\.?\s*(\d+)\s*((?:\(\s*[0-9a-z]+\s*\)\s*)*)$/i;
const ANNEX_RE = /^\s*annex\s+([IVX]+|\d+)\s*(?:,?\s*section\s+([a-z0-9]+)\s*)?((?:\(\s*[0-9a-z.]+\s*\)\s*)*)$/i;
const GROUPS_RE = /\(\s*([0-9a-z.]+)\s*\)/gi;
const ROMAN_SUBPOINT = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/;

/** Whether a string looks like an Act reference at all (so it is checked as one). */
export function looksLikeActRef(s: string): boolean {
  return /^\s*(art(icle)?\.?\s*\d|annex\s)/i.test(s);
}

/** Canonical text of an article reference: `Art. N(p)(x)`. */
export function formatArticle(article: number, paragraph?: number | string, point?: string): string {
  return `Art. ${article}${paragraph !== undefined ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`;
}

/**
 * Parses and checks an Act reference against the Regulation's structure.
 * Accepts `Art. 17`, `Art 17`, `Article 17(1)(a)`, `Art. 3(49)(c)`, `Annex IV(2)(b)`,
 * `Annex III(5)(b)`, `Annex I(11)`, `Annex VIII Section A(3)`; rejects paragraphs,
 * points, definitions, annexes, sections and annex points that do not exist. A
 * part that is not understood is reported, never dropped.
 */
export function checkActRef(s: string, opts: ActRefOptions = {}): RefCheck<ActRef> {
  // Records name the same few references over and over, each read by three rules: the answer is a
  // pure function of the text and the timeline, kept frozen so that no caller can change it for the next.
  return (opts.amended ? amendedRefs : adoptedRefs)(s, () => {
    const r = Object.freeze(readActRef(s, opts));
    if (r.ok) Object.freeze(r.ref);
    return r;
  });
}

const adoptedRefs = memo<RefCheck<ActRef>>();
const amendedRefs = memo<RefCheck<ActRef>>();

function readActRef(s: string, opts: ActRefOptions): RefCheck<ActRef> {
  const art = ARTICLE_RE.exec(s);
  if (art) return checkArticle(Number(art[1]), groups(art[2]), opts);
  const anx = ANNEX_RE.exec(s);
  if (anx) return checkAnnex(anx[1].toUpperCase(), anx[2]?.toUpperCase(), groups(anx[3]), opts);
  return {
    ok: false,
    message: `'${s.trim()}' is not an AI Act reference. Write 'Art. 17', 'Art. 17(1)(a)' or 'Annex III(5)(b)'.`,
  };
}

function groups(s: string): string[] {
  return [...s.matchAll(GROUPS_RE)].map((m) => m[1].toLowerCase());
}

/** The reported provision a reference names, accepted when the amended text is in force and explained when not. */
function reportedCheck(
  match: (r: ReportedProvision) => boolean,
  ref: ActRef,
  opts: ActRefOptions,
  adopted: string,
): RefCheck<ActRef> | undefined {
  const r = reportedProvisions().find(match);
  if (!r) return undefined;
  if (opts.amended) {
    const where = ref.type === 'annex' && r.section ? { section: r.section } : {};
    return { ok: true, ref: { ...ref, ...where, canonical: r.ref, reported: r } };
  }
  return {
    ok: false,
    message: `${r.ref} is not in Regulation (EU) 2024/1689 as adopted (${adopted}); the Digital Omnibus on AI (2026) reportedly adds it — ${REPORTED}. It counts only while the amended text is in force (from its reported entry into force, unless the 2024 text is pinned).`,
  };
}

function range(r: PointRange): string {
  return `${r[0]} to ${r[1]}`;
}

function letters(points: readonly string[]): string {
  return `points (${points[0]}) to (${points[points.length - 1]})`;
}

function checkArticle(n: number, parts: string[], opts: ActRefOptions): RefCheck<ActRef> {
  const a = findArticle(n);
  if (!a) return { ok: false, message: `The AI Act has no Article ${n}; it has Articles 1 to 113.` };
  if (parts.length === 0) return { ok: true, ref: { type: 'article', article: n, canonical: formatArticle(n) } };
  if (n === 3) return checkDefinition(parts);
  if (a.paragraphs === 0) {
    // Unnumbered article: only a point may follow (Art. 16(a), Art. 113(c)).
    const [pt, ...rest] = parts;
    if (!rest.length && a.points.includes(pt)) {
      return { ok: true, ref: { type: 'article', article: n, point: pt, canonical: `Art. ${n}(${pt})` } };
    }
    const adopted = `Article ${n} has no numbered paragraphs${a.points.length ? ` and only ${letters(a.points)}` : ''}`;
    const rep =
      rest.length === 0 && reportedCheck((r) => r.article === n && r.paragraph === undefined && r.point === pt, baseRef(n), opts, adopted);
    if (rep) return rep;
    return {
      ok: false,
      message: `Article ${n} (${a.title}) has no numbered paragraphs${a.points.length ? ` (only ${letters(a.points)})` : ' and no point'}; '${formatParts(n, parts)}' does not exist.`,
    };
  }
  const [p, pt, ...rest] = parts;
  const pn = /^\d+$/.test(p) ? Number(p) : NaN;
  const para = paragraphOf(a, pn);
  if (!para) {
    const adopted = `Article ${n} has paragraphs 1 to ${a.paragraphs}`;
    const rep =
      pt === undefined && reportedCheck((r) => r.article === n && r.paragraph === p && r.point === undefined, baseRef(n), opts, adopted);
    if (rep) return rep;
    return { ok: false, message: `Article ${n} (${a.title}) has paragraphs 1 to ${a.paragraphs}; there is no paragraph ${p}.` };
  }
  if (pt === undefined) return { ok: true, ref: { type: 'article', article: n, paragraph: pn, canonical: formatArticle(n, pn) } };
  if (!para.points.includes(pt)) {
    const has = para.points.length ? letters(para.points) : 'no lettered points';
    const rep =
      rest.length === 0 &&
      reportedCheck(
        (r) => r.article === n && r.paragraph === p && r.point === pt,
        { type: 'article', article: n, paragraph: pn, point: pt, canonical: '' },
        opts,
        `Article ${n}(${pn}) has ${has}`,
      );
    if (rep) return rep;
    return { ok: false, message: `Article ${n}(${pn}) has ${has}; there is no point (${pt}).` };
  }
  const ref = { type: 'article' as const, article: n, paragraph: pn, point: pt, canonical: formatArticle(n, pn, pt) };
  if (rest.length === 0) return { ok: true, ref };
  const [sub, ...more] = rest;
  if (more.length || !ROMAN_SUBPOINT.test(sub)) {
    return {
      ok: false,
      message: `Article ${n}(${pn}), point (${pt}) has at most sub-points (i), (ii) …; '${formatParts(n, parts)}' does not exist.`,
    };
  }
  return {
    ok: true,
    ref: { ...ref, canonical: `${ref.canonical}(${sub})`, unchecked: `sub-point (${sub}) of Art. ${n}(${pn})(${pt})` },
  };
}

function baseRef(n: number): ActRef {
  return { type: 'article', article: n, canonical: '' };
}

function formatParts(n: number, parts: string[]): string {
  return `Art. ${n}${parts.map((x) => `(${x})`).join('')}`;
}

/** Article 3 has no paragraphs: its definitions are numbered points, some with lettered points. */
function checkDefinition(parts: string[]): RefCheck<ActRef> {
  const [p, pt, ...rest] = parts;
  const d = /^\d+$/.test(p) ? definitionByNumber(Number(p)) : undefined;
  if (!d) {
    return {
      ok: false,
      message: `Article 3 (Definitions) has no paragraphs, only numbered definitions (1) to (68); there is no point (${p}).`,
    };
  }
  const ref = { type: 'article' as const, article: 3, definition: d.number, canonical: `Art. 3(${d.number})` };
  if (pt === undefined) return { ok: true, ref };
  if (rest.length || !d.points.includes(pt)) {
    return {
      ok: false,
      message: d.points.length
        ? `Art. 3(${d.number}) (${d.term}) has ${letters(d.points)}; there is no point (${pt}).`
        : `Art. 3(${d.number}) (${d.term}) has no lettered points; write 'Art. 3(${d.number})'.`,
      suggestion: d.points.length ? undefined : `Art. 3(${d.number})`,
    };
  }
  return { ok: true, ref: { ...ref, point: pt, canonical: `Art. 3(${d.number})(${pt})` } };
}

/** How an annex numbers its points across sections. */
function sectionStyle(a: Annex): 'run-on' | 'decimal' | 'per-section' {
  if (a.sections.some((s) => s.points?.[0].includes('.'))) return 'decimal';
  const numbered = a.sections.filter((s) => s.points);
  const runsOn = numbered.every((s, i) => i === 0 || Number(s.points![0]) === Number(numbered[i - 1].points![1]) + 1);
  return numbered.length > 1 && runsOn ? 'run-on' : 'per-section';
}

function sectionList(a: Annex): string {
  const ids = a.sections.map((s) => s.id);
  return ids.length === 2 ? `Sections ${ids[0]} and ${ids[1]}` : `Sections ${ids[0]} to ${ids[ids.length - 1]}`;
}

function inRange(v: string, r: PointRange): boolean {
  if (/^\d+$/.test(r[0])) return /^\d+$/.test(v) && Number(v) >= Number(r[0]) && Number(v) <= Number(r[1]);
  if (r[0].includes('.')) {
    const [maj, min] = v.split('.');
    const [rMaj, rMin] = r[0].split('.');
    return maj === rMaj && /^\d+$/.test(min ?? '') && Number(min) >= Number(rMin) && Number(min) <= Number(r[1].split('.')[1]);
  }
  return /^[a-z]$/.test(v) && v >= r[0] && v <= r[1];
}

function checkAnnex(id: string, section: string | undefined, parts: string[], opts: ActRefOptions): RefCheck<ActRef> {
  const roman = /^\d+$/.test(id) ? ROMAN[Number(id) - 1] : id;
  const annex = roman ? findAnnex(roman) : undefined;
  if (!annex) return { ok: false, message: `The AI Act has no Annex ${id}; it has Annexes I to XIII.` };
  const base = { type: 'annex' as const, annex: annex.id };
  if (section === undefined && parts.length === 0) return { ok: true, ref: { ...base, canonical: `Annex ${annex.id}` } };
  if (annex.id === 'III') return section === undefined ? checkAnnexIII(parts) : noSections(annex);
  if (annex.indents) {
    return {
      ok: false,
      message: `Annex II is an unnumbered list of ${annex.indents} criminal offences; cite it as 'Annex II'.`,
      suggestion: 'Annex II',
    };
  }
  if (annex.sections.length) return checkSectioned(annex, section, parts, opts);
  if (section !== undefined) return noSections(annex);
  return checkPoints(annex, parts, `Annex ${annex.id}`);
}

function noSections(annex: Annex): RefCheck<ActRef> {
  return { ok: false, message: `Annex ${annex.id} has no sections; cite its points, e.g. 'Annex ${annex.id}(1)'.` };
}

/** Points of an annex without sections (IV, V, VI, IX, X, XII, XIII), with letters where the catalog holds them. */
function checkPoints(annex: Annex, parts: string[], where: string): RefCheck<ActRef> {
  const pts = annex.points!;
  const [p, letter, ...rest] = parts;
  if (!inRange(p, pts)) {
    const what = /^\d+$/.test(pts[0]) ? `points ${range(pts)}` : `points (${pts[0]}) to (${pts[1]})`;
    return { ok: false, message: `${where} has ${what}; there is no point ${p}.` };
  }
  const ref = { type: 'annex' as const, annex: annex.id, point: p, canonical: `Annex ${annex.id}(${p})` };
  if (letter === undefined) return { ok: true, ref };
  if (rest.length) return { ok: false, message: `${where} is not cited that deep: '${ref.canonical}(${parts.slice(1).join(')(')})'.` };
  if (annex.pointLetters) {
    const held = annex.pointLetters[p] ?? [];
    if (!held.includes(letter)) {
      return {
        ok: false,
        message: held.length
          ? `point ${p} of ${where} has ${letters(held)}; there is no (${letter}).`
          : `point ${p} of ${where} has no lettered points; write '${ref.canonical}'.`,
        suggestion: held.length ? undefined : ref.canonical,
      };
    }
    return { ok: true, ref: { ...ref, letter, canonical: `${ref.canonical}(${letter})` } };
  }
  return {
    ok: true,
    ref: { ...ref, letter, canonical: `${ref.canonical}(${letter})`, unchecked: `point (${letter}) under point ${p} of ${where}` },
  };
}

function checkSectioned(annex: Annex, section: string | undefined, parts: string[], opts: ActRefOptions): RefCheck<ActRef> {
  const style = sectionStyle(annex);
  const findSection = (x: string): AnnexSection | undefined => annex.sections.find((s) => s.id.toUpperCase() === x.toUpperCase());
  const A = `Annex ${annex.id}`;
  if (style === 'run-on') {
    // Annex I: points run on across Sections A and B, so a point is cited on its own.
    const last = annex.sections[annex.sections.length - 1].points![1];
    let sec = section !== undefined ? findSection(section) : undefined;
    let rest = parts;
    if (section === undefined && parts.length && /^[a-z]$/.test(parts[0])) {
      sec = findSection(parts[0]);
      if (!sec) return { ok: false, message: `${A} has ${sectionList(annex)} and points 1 to ${last}; there is no ${parts[0]}.` };
      rest = parts.slice(1);
    } else if (section !== undefined && !sec) {
      return { ok: false, message: `${A} has ${sectionList(annex)}; there is no Section ${section}.` };
    }
    if (rest.length === 0)
      return { ok: true, ref: { type: 'annex', annex: annex.id, section: sec!.id, canonical: `${A} Section ${sec!.id}` } };
    const [p, letter] = rest;
    const all: PointRange = ['1', last];
    if (!inRange(p, all)) {
      const rep =
        letter === undefined &&
        reportedCheck(
          (r) => r.annex === annex.id && String(r.annexPoint) === p,
          { type: 'annex', annex: annex.id, point: Number(p), canonical: '' },
          opts,
          `${A} has points 1 to ${last}`,
        );
      if (rep) return rep;
      return {
        ok: false,
        message: `${A} has points 1 to ${last} (${annex.sections.map((s) => `Section ${s.id}: ${range(s.points!)}`).join(', ')}); there is no point ${p}.`,
      };
    }
    const home = annex.sections.find((s) => inRange(p, s.points!))!;
    if (sec && sec !== home) return { ok: false, message: `Point ${p} of ${A} is in Section ${home.id}, not Section ${sec.id}.` };
    if (letter !== undefined)
      return { ok: false, message: `Point ${p} of ${A} has no lettered points; write '${A}(${p})'.`, suggestion: `${A}(${p})` };
    return { ok: true, ref: { type: 'annex', annex: annex.id, section: home.id, point: Number(p), canonical: `${A}(${p})` } };
  }
  if (style === 'decimal') {
    // Annex VII: Sections 1 to 5, cited as points; Sections 3 to 5 hold points 3.1, 4.7 ….
    const [p, ...rest] = section !== undefined ? [section.toLowerCase(), ...parts] : parts;
    const sec = findSection(p.split('.')[0]);
    if (!sec)
      return { ok: false, message: `${A} has ${sectionList(annex)}; there is no ${p.includes('.') ? `point ${p}` : `Section ${p}`}.` };
    if (p.includes('.') && !sec.points)
      return { ok: false, message: `Section ${sec.id} of ${A} has no numbered points; there is no point ${p}.` };
    if (p.includes('.') && !inRange(p, sec.points!)) {
      return { ok: false, message: `Section ${sec.id} of ${A} has points ${range(sec.points!)}; there is no point ${p}.` };
    }
    const ref = { type: 'annex' as const, annex: annex.id, section: sec.id, point: p, canonical: `${A}(${p})` };
    if (rest.length === 0) return { ok: true, ref };
    if (rest.length > 1 || !/^[a-z]$/.test(rest[0]))
      return { ok: false, message: `'${A}(${[p, ...rest].join(')(')})' is not a point of ${A}.` };
    return {
      ok: true,
      ref: { ...ref, letter: rest[0], canonical: `${ref.canonical}(${rest[0]})`, unchecked: `point (${rest[0]}) under point ${p} of ${A}` },
    };
  }
  // Annex VIII, XI: each section numbers its points from 1; the section comes first.
  const [first, ...rest] = section !== undefined ? [section, ...parts] : parts;
  const sec = findSection(first);
  if (!sec) return { ok: false, message: `${A} has ${sectionList(annex)}; there is no Section ${first.toUpperCase()}.` };
  const secRef = { type: 'annex' as const, annex: annex.id, section: sec.id, canonical: `${A} Section ${sec.id}` };
  if (rest.length === 0) return { ok: true, ref: secRef };
  const [p, letter, ...more] = rest;
  if (!sec.points || !inRange(p, sec.points)) {
    return {
      ok: false,
      message: sec.points
        ? `Section ${sec.id} of ${A} has points ${range(sec.points)}; there is no point ${p}.`
        : `Section ${sec.id} of ${A} has no numbered points.`,
    };
  }
  const ref = { ...secRef, point: p, canonical: `${secRef.canonical}(${p})` };
  if (letter === undefined) return { ok: true, ref };
  if (more.length || !/^[a-z]$/.test(letter))
    return { ok: false, message: `'${ref.canonical}(${rest.slice(1).join(')(')})' is not a point of ${A}.` };
  return {
    ok: true,
    ref: {
      ...ref,
      letter,
      canonical: `${ref.canonical}(${letter})`,
      unchecked: `point (${letter}) under point ${p} of Section ${sec.id} of ${A}`,
    },
  };
}

function checkAnnexIII(parts: string[]): RefCheck<ActRef> {
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
