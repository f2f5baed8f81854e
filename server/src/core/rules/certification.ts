import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { KINDS } from '../types';
import type { Rule } from './rule';
import { excerpt } from '../wording';

/*
 * Claims that ISO/IEC 42001 (or its certification) satisfies an AI Act duty,
 * in any word order: "Art. 9 is covered by our ISO 42001 certificate",
 * "ISO/IEC 42001 certification meets the Art. 17 QMS requirement". Text is
 * read clause by clause; a clause is a claim when it names ISO/IEC 42001, a
 * verb that presents it as meeting something, and an Act duty or route, with
 * the ISO mention near the verb and no negation between verb and duty.
 */

/** ISO/IEC 42001 by name, in the spellings people use. */
const ISO = /\biso[\s/_-]*(?:iec)?[\s_-]*42001(?::20\d\d)?|(?<![\d.])42001(?![\d.])/gi;
/** Words that stand for the ISO certificate in a clause that names the standard. */
const CERT = /\bcertif\w*/gi;

/** Verbs that present ISO as meeting an Act duty. */
const MEETS =
  /\b(?:satisf(?:y|ies|ied|ying)|fulfil(?:s|ls|led|ling|l)?|meets?|met|cover(?:s|ed|ing)?|replac(?:e|es|ed|ing)|discharg(?:e|es|ed|ing)|substitutes?\s+for|counts?\s+as|serves?\s+as|amounts?\s+to|qualif(?:y|ies|ied)\s+as|ensures?\s+compliance\s+with|demonstrates?\s+(?:compliance|conformity)\s+with|proves?\s+(?:compliance|conformity)|suffic(?:e|es|ed|ient)\s+(?:for|to)|(?:is|are)\s+enough\s+(?:for|to)|achiev(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}(?:compliance|conformity)|(?:compliance|conformity)\b[^.;]{0,40}?\bachieved|(?:makes?|made|renders?)\s+(?:\w+\s+){0,2}compliant|(?:therefore|thus|hence)\s+(?:\w+\s+){0,2}compliant)\b/gi;
/** Weaker links, a claim only towards a conformity route or marking ("CE marking based on ISO 42001"). */
const LINKS = /\b(?:based\s+on|through|via|by\s+means\s+of|gives?|provides?|grants?|confers?|creates?|justif(?:y|ies))\b/gi;
/** A statement that ISO is the route itself ("ISO 42001 is a harmonised standard"). */
const IS_ROUTE =
  /\bis\s+(?:a|an|the|our)\s+(?:valid\s+)?(?:harmonised\s+standard|harmonized\s+standard|conformity\s+assessment|(?:art(?:icle)?\s*43\s+)?route|basis\s+for\s+ce[\s-]?marking)\b/gi;

/** Conformity routes and markings the Act reserves to its own procedures. */
const ROUTE =
  /\b(?:ce[\s-]?mark\w*|conformity\s+assessment|presumption\s+of\s+conformity|declaration\s+of\s+conformity|notified\s+bod\w+|harmoni[sz]ed\s+standard|annex\s+vii?\b|art(?:icle)?\s*(?:43|47|48)\b)/gi;
/** Act duties in general. */
const DUTY = /\b(?:art(?:icle)?s?\s*\d+|(?:eu\s+)?ai\s+act|the\s+act\b|regulation\s+\(eu\)\s+2024\/1689)/gi;

const NEGATION = /\b(?:not|never|no|neither|nor|cannot|without|nothing|none)\b|n't\b/i;

/** How many words the ISO mention may be from the verb. */
const NEAR = 8;

interface Hit {
  start: number;
  end: number;
}

function hits(re: RegExp, s: string): Hit[] {
  return [...s.matchAll(re)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function wordsBetween(s: string, a: Hit, b: Hit): number {
  const [x, y] = a.start < b.start ? [a.end, b.start] : [b.end, a.start];
  return x >= y ? 0 : s.slice(x, y).split(/\s+/).filter(Boolean).length;
}

/** The text between two hits, and a few words before the first, where a negation makes the clause honest. */
function negated(s: string, a: Hit, b: Hit): boolean {
  const from = Math.min(a.start, b.start);
  const to = Math.max(a.end, b.end);
  const before = s.slice(0, from).split(/\s+/).slice(-4).join(' ');
  return NEGATION.test(`${before} ${s.slice(from, to)}`);
}

/** Clauses of a text: split at sentence ends, semicolons and line breaks, keeping "Art. 9" whole. */
function clauses(text: string): string[] {
  const t = text.replace(/\b(art|e\.g|i\.e|cf|no|para)\./gi, '$1 ');
  return t
    .split(/[;\n]|(?<=[.!?])\s+/)
    .map((c) => c.trim())
    .filter((c) => c && !c.endsWith('?'));
}

function claimIn(c: string): boolean {
  const iso = hits(ISO, c);
  if (!iso.length) return false;
  const anchors = [...iso, ...hits(CERT, c)];
  const routes = hits(ROUTE, c);
  const duties = [...routes, ...hits(DUTY, c)];
  const near = (v: Hit): boolean => anchors.some((a) => wordsBetween(c, a, v) <= NEAR);
  for (const v of hits(MEETS, c)) {
    if (near(v) && duties.some((d) => !negated(c, v, d))) return true;
  }
  for (const v of hits(LINKS, c)) {
    if (near(v) && routes.some((d) => !negated(c, v, d))) return true;
  }
  for (const v of hits(IS_ROUTE, c)) {
    if (near(v) && !negated(c, v, v)) return true;
  }
  return false;
}

/** The clause of a text that claims ISO/IEC 42001 satisfies an Act duty, if one does. */
export function certificationClaimIn(text: string): string | undefined {
  if (!text.includes('42001')) return undefined; // most values never name the standard
  const list = clauses(text);
  for (let i = 0; i < list.length; i++) {
    if (claimIn(list[i])) return list[i];
    // "ISO 42001 certified; this discharges Art. 26": a clause opening with a pronoun continues the one before.
    if (i > 0 && /^(?:this|that|it|which)\b/i.test(list[i])) {
      const joined = `${list[i - 1]}, ${list[i]}`;
      if (claimIn(joined)) return joined;
    }
  }
  return undefined;
}

const ISO_AS_ROUTE = /^(?:iso[\s/_-]*(?:iec)?[\s_-]*)?42001(?:[\s_-]*cert\w*)?$/i;

const MESSAGE =
  'ISO/IEC 42001 evidence supports Act obligations but never satisfies them: ISO/IEC 42001 is not a harmonised standard and gives no presumption of conformity (Art. 40), its certification is not a conformity assessment under Art. 43 (Annex VI internal control or Annex VII notified body) and no basis for CE marking (Art. 48). Say which obligation the evidence supports instead.';

/** Reports each string value that presents ISO/IEC 42001 as meeting an Act duty, and ISO given as the Art. 43 route. */
export const certificationClaim: Rule = {
  code: 'iso-certification-claim',
  severity: 'error',
  kinds: KINDS,
  summary:
    'Text presents ISO/IEC 42001 or its certification as satisfying an AI Act duty, conformity route, presumption or CE-marking basis.',
  check(ctx) {
    const visit = (node: unknown, key: string | undefined, depth: number): void => {
      if (depth > 32 || !node) return;
      if (isScalar(node) && typeof node.value === 'string') {
        const s = node.value;
        const claim = key === 'route' && ISO_AS_ROUTE.test(s.trim()) ? s.trim() : certificationClaimIn(s);
        if (claim) ctx.report(node, `"${excerpt(claim, 97)}": ${MESSAGE}`);
      } else if (isMap(node)) {
        for (const p of node.items) if (isPair(p)) visit(p.value, isScalar(p.key) ? String(p.key.value) : undefined, depth + 1);
      } else if (isSeq(node)) for (const n of node.items) visit(n, key, depth + 1);
    };
    visit(ctx.file.root, undefined, 0);
  },
};
