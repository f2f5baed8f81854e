import actData from './data/euaiact.json';

/** Attribution required whenever the Act's text is shown. */
export const ACT_ATTRIBUTION = 'Source: Regulation (EU) 2024/1689, OJ L, 2024/1689, 12.7.2024, © European Union';
export const ACT = actData.act;

export interface Paragraph {
  number: number;
  points: string[];
  subparagraphs: number;
}

/** One article of Regulation (EU) 2024/1689 with its paragraph/point structure. */
export interface Article {
  number: number;
  title: string;
  chapter: string;
  chapterTitle: string;
  section?: number;
  sectionTitle?: string;
  /** Number of numbered paragraphs; 0 when the article is unnumbered text. */
  paragraphs: number;
  /** Paragraphs that have points or several subparagraphs (others have neither). */
  details: Map<number, Paragraph>;
  /** Points of an article without numbered paragraphs (Art. 16(a), Art. 113(a)). */
  points: string[];
  /** Date of application under Article 113 as adopted in 2024. */
  appliesFrom: string;
  exceptions: { provision: string; appliesFrom: string; basis: string }[];
  /** The official text, for the short articles the product quotes (Art. 4). */
  text?: string;
}

export interface Chapter {
  id: string;
  number: number;
  title: string;
  articles: [number, number];
  sections: { section: number; title: string; articles: [number, number] }[];
}

/** A range of numbered (1 … 9), decimal (4.1 … 4.7) or lettered (a … g) points, first and last. */
export type PointRange = readonly [string, string];

/** A section of an annex (Annex I Section A, Annex VII Section 3, Annex VIII Section C). */
export interface AnnexSection {
  id: string;
  title: string;
  points?: PointRange;
}

/** One annex with the structure its references are checked against. */
export interface Annex {
  id: string;
  number: number;
  title: string;
  /** Top-level points, when the annex is a list of points. */
  points?: PointRange;
  sections: AnnexSection[];
  /** Number of unnumbered indents (Annex II), which cannot be cited one by one. */
  indents?: number;
  /** Lettered points under numbered points, where the catalog holds them (Annex IV(1)(a)). */
  pointLetters?: Record<string, string[]>;
  /** Short titles of numbered points (the legislation of Annex I, the systems of Annex X). */
  pointTitles?: Record<string, string>;
}

/** One area of Annex III (1 … 8) and its lettered use cases. */
export interface AnnexIIIArea {
  point: number;
  title: string;
  heading: string;
  points: string[];
}

export interface Definition {
  number: number;
  term: string;
  text: string;
  /** Lettered points of the definition (Art. 3(49)(a) … (d)); empty when it has none. */
  points: string[];
}

/**
 * A provision the Digital Omnibus on AI (2026) is reported to insert. Reported
 * by public secondary sources; the amending act's Official Journal text is not
 * verified here, so every use is labelled as reported.
 */
export interface ReportedProvision {
  /** Canonical reference, e.g. "Art. 5(1a)" or "Annex I(21)". */
  ref: string;
  article?: number;
  paragraph?: string;
  point?: string;
  annex?: string;
  annexPoint?: number;
  section?: string;
  /** What it reportedly says, in our words. */
  subject: string;
  /** Reported date of application, when it has its own. */
  appliesFrom?: string;
}

interface RawArticle {
  number: number;
  title: string;
  chapter: string;
  section?: number;
  paragraphs: number;
  paragraph_details?: { paragraph: number; points?: string[]; subparagraphs?: number }[];
  points?: string[];
  numbered_points?: string[];
  applies_from: string;
  applies_from_exceptions?: { provision: string; applies_from: string; basis: string }[];
  text?: string;
}

const chapters: Chapter[] = actData.chapters.map((c) => ({
  id: c.chapter,
  number: c.number,
  title: c.title,
  articles: c.articles as [number, number],
  sections: ((c as { sections?: { section: number; title: string; articles: number[] }[] }).sections ?? []).map((s) => ({
    section: s.section,
    title: s.title,
    articles: s.articles as [number, number],
  })),
}));
const chapterById = new Map(chapters.map((c) => [c.id, c]));

const articles: Article[] = (actData.articles as RawArticle[]).map((a) => {
  const chapter = chapterById.get(a.chapter);
  const details = new Map<number, Paragraph>();
  for (const p of a.paragraph_details ?? []) {
    details.set(p.paragraph, { number: p.paragraph, points: p.points ?? [], subparagraphs: p.subparagraphs ?? 1 });
  }
  return {
    number: a.number,
    title: a.title,
    chapter: a.chapter,
    chapterTitle: chapter?.title ?? '',
    section: a.section,
    sectionTitle: chapter?.sections.find((s) => s.section === a.section)?.title,
    paragraphs: a.paragraphs,
    details,
    points: a.points ?? a.numbered_points ?? [],
    appliesFrom: a.applies_from,
    exceptions: (a.applies_from_exceptions ?? []).map((e) => ({ provision: e.provision, appliesFrom: e.applies_from, basis: e.basis })),
    text: a.text,
  };
});
const articleByNumber = new Map(articles.map((a) => [a.number, a]));

interface RawAnnexStructure {
  points?: (number | string)[];
  sections?: { section: string; title: string; points?: (number | string)[] }[];
  indents?: number;
  point_letters?: Record<string, string[]>;
  point_titles?: Record<string, string>;
}
const range = (r: (number | string)[] | undefined): PointRange | undefined => (r ? [String(r[0]), String(r[1])] : undefined);

const annexes: Annex[] = actData.annexes.map((a) => {
  const st = a.structure as RawAnnexStructure;
  return {
    id: a.annex,
    number: a.number,
    title: a.title,
    points: range(st.points),
    sections: (st.sections ?? []).map((x) => ({ id: x.section, title: x.title, points: range(x.points) })),
    indents: st.indents,
    pointLetters: st.point_letters,
    pointTitles: st.point_titles,
  };
});
const annexById = new Map(annexes.map((a) => [a.id, a]));

const annexIII: AnnexIIIArea[] = (
  actData.annexes.find((a) => a.annex === 'III') as unknown as {
    areas: { point: number; short_title: string; heading: string; points: string[] }[];
  }
).areas.map((a) => ({ point: a.point, title: a.short_title, heading: a.heading, points: a.points }));

const definitions: Definition[] = (actData.definitions as { number: number; term: string; text: string; points?: string[] }[]).map((d) => ({
  number: d.number,
  term: d.term,
  text: d.text,
  points: d.points ?? [],
}));

interface RawReported {
  ref: string;
  article?: number;
  paragraph?: string;
  point?: string;
  annex?: string;
  annex_point?: number;
  section?: string;
  subject: string;
  applies_from?: string;
}
const reported: ReportedProvision[] = (actData.amendments[0] as unknown as { reported_provisions: RawReported[] }).reported_provisions.map(
  (r) => ({
    ref: r.ref,
    article: r.article,
    paragraph: r.paragraph,
    point: r.point,
    annex: r.annex,
    annexPoint: r.annex_point,
    section: r.section,
    subject: r.subject,
    appliesFrom: r.applies_from,
  }),
);

export function allArticles(): readonly Article[] {
  return articles;
}
export function findArticle(n: number): Article | undefined {
  return articleByNumber.get(n);
}
export function allChapters(): readonly Chapter[] {
  return chapters;
}
export function findChapter(id: string): Chapter | undefined {
  return chapterById.get(id);
}
export function allAnnexes(): readonly Annex[] {
  return annexes;
}
export function findAnnex(id: string): Annex | undefined {
  return annexById.get(id);
}
export function annexIIIAreas(): readonly AnnexIIIArea[] {
  return annexIII;
}
export function allDefinitions(): readonly Definition[] {
  return definitions;
}
/** The Article 3 definition of a term (case-insensitive), if the Act defines it. */
export function findDefinition(term: string): Definition | undefined {
  const t = term.toLowerCase();
  return definitions.find((d) => d.term.toLowerCase() === t);
}

/** The Article 3 definition with this number (1 … 68). */
export function definitionByNumber(n: number): Definition | undefined {
  return definitions[n - 1]?.number === n ? definitions[n - 1] : definitions.find((d) => d.number === n);
}

/** Provisions the Digital Omnibus on AI (2026) is reported to insert. */
export function reportedProvisions(): readonly ReportedProvision[] {
  return reported;
}

/** Paragraph numbers and points an article has, as the reference checker needs them. */
export function paragraphOf(a: Article, p: number): Paragraph | undefined {
  if (!Number.isInteger(p) || p < 1 || p > a.paragraphs) return undefined;
  return a.details.get(p) ?? { number: p, points: [], subparagraphs: 1 };
}

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];
