import { allClauses, allControls, findControl, titleVariantsOf, type Clause, type Control } from './iso';

/**
 * How a title written in an SoA compares with the standard's title of its
 * control, judged as an auditor would:
 * - `same`: the same words up to spelling (British/American, singular/plural,
 *   hyphens, case, articles): nothing to say;
 * - `variant`: the same control, worded differently (word order, a shortened
 *   or reworded title): worth a hint, never an error;
 * - `other`: the title of (or reads most like) another control or a clause;
 * - `different`: shares too little with the real title to say it names it.
 */
export type TitleVerdict =
  { kind: 'same' } | { kind: 'variant' } | { kind: 'other'; control?: Control; clause?: Clause } | { kind: 'different' };

/** Words that carry no meaning for the comparison. */
const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'to', 'on', 'in', 'with', 'by', 'its', 'their', 'within']);

/** British spellings and other written variants, reduced to one form before comparing. */
function spelling(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(?<=[a-z])is(?=ation|ational|e|ed|es|ing)\b/g, 'iz')
    .replace(/(?<=[a-z])isation/g, 'ization')
    .replace(/(?<=[a-z])our\b/g, 'or')
    .replace(/\blife[\s-]?cycle/g, 'lifecycle')
    .replace(/&/g, ' and ');
}

/** A word's singular form (enough for the words of Annex A titles). */
function singular(w: string): string {
  if (w.length <= 3 || /(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(s|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** A rough stem, so "allocating"/"allocation" and "assessing"/"assessment" meet. */
function stem(w: string): string {
  return w.replace(/(ations?|ings?|ments?|ions?|ed|al)$/, '') || w;
}

function words(s: string): string[] {
  return spelling(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map(singular);
}

/** The title reduced to its words, in order: equal for titles that differ only in spelling. */
export function titleKey(s: string): string {
  return words(s).join(' ');
}

/** Words appearing in many titles ("AI", "system") count less than rare ones. */
const weight = new Map<string, number>();
{
  const df = new Map<string, number>();
  for (const c of allControls()) for (const w of new Set(words(c.title).map(stem))) df.set(w, (df.get(w) ?? 0) + 1);
  for (const [w, n] of df) weight.set(w, Math.log(1 + allControls().length / n));
}
const RARE = Math.log(1 + allControls().length);

/** Weighted overlap (Dice) of two titles' word stems, 0 … 1. */
export function titleSimilarity(a: string, b: string): number {
  const sa = new Set(words(a).map(stem));
  const sb = new Set(words(b).map(stem));
  const w = (x: string): number => weight.get(x) ?? RARE;
  let common = 0;
  let total = 0;
  for (const x of sa) {
    total += w(x);
    if (sb.has(x)) common += 2 * w(x);
  }
  for (const x of sb) total += w(x);
  return total === 0 ? 0 : common / total;
}

/** From this similarity on, a title is a rewording of the control's own title. */
const VARIANT = 0.5;
/** From this similarity on, a title that is not a rewording of its own reads like another control's. */
const OTHER = 0.6;

const exactByKey = new Map<string, Control>();
for (const c of allControls()) {
  exactByKey.set(titleKey(c.title), c);
  for (const v of titleVariantsOf(c.id)) exactByKey.set(titleKey(v), c);
}
const clauseByKey = new Map<string, Clause>();
for (const c of allClauses()) if (!clauseByKey.has(titleKey(c.title))) clauseByKey.set(titleKey(c.title), c);

/** The control whose title (or known variant) this is, spelling aside. */
export function controlWithTitle(title: string): Control | undefined {
  return exactByKey.get(titleKey(title));
}

/** Judges a title given for control `id` (see TitleVerdict). */
export function judgeTitle(id: string, given: string): TitleVerdict {
  const control = findControl(id);
  if (!control) return { kind: 'different' };
  const key = titleKey(given);
  const exact = exactByKey.get(key);
  if (exact) return exact.id === id ? { kind: 'same' } : { kind: 'other', control: exact };
  const own = Math.max(titleSimilarity(control.title, given), ...titleVariantsOf(id).map((v) => titleSimilarity(v, given)));
  let best: Control | undefined;
  let bestScore = 0;
  for (const c of allControls()) {
    if (c.id === id) continue;
    const s = titleSimilarity(c.title, given);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  // A rewording of its own title stays a variant even when another title is as close:
  // only a title that names another control, or reads like one and not like its own, is wrong.
  if (own >= VARIANT) return { kind: 'variant' };
  if (best && bestScore >= OTHER) return { kind: 'other', control: best };
  const clause = clauseByKey.get(key);
  if (clause) return { kind: 'other', clause };
  return { kind: 'different' };
}

/** Whether a text reads like any Annex A title at all (to tell translated titles from wrong ones). */
export function looksLikeAnyTitle(given: string): boolean {
  if (controlWithTitle(given)) return true;
  return allControls().some((c) => titleSimilarity(c.title, given) >= VARIANT);
}
