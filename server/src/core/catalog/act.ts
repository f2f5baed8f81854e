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
}

export interface Chapter {
  id: string;
  number: number;
  title: string;
  articles: [number, number];
  sections: { section: number; title: string; articles: [number, number] }[];
}

export interface Annex {
  id: string;
  number: number;
  title: string;
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
  };
});
const articleByNumber = new Map(articles.map((a) => [a.number, a]));

const annexes: Annex[] = actData.annexes.map((a) => ({ id: a.annex, number: a.number, title: a.title }));
const annexById = new Map(annexes.map((a) => [a.id, a]));

const annexIII: AnnexIIIArea[] = (
  actData.annexes.find((a) => a.annex === 'III') as unknown as {
    areas: { point: number; short_title: string; heading: string; points: string[] }[];
  }
).areas.map((a) => ({ point: a.point, title: a.short_title, heading: a.heading, points: a.points }));

const definitions: Definition[] = actData.definitions;

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

/** Paragraph numbers and points an article has, as the reference checker needs them. */
export function paragraphOf(a: Article, p: number): Paragraph | undefined {
  if (p < 1 || p > a.paragraphs) return undefined;
  return a.details.get(p) ?? { number: p, points: [], subparagraphs: 1 };
}

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];
