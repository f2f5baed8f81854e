import {
  DUTIES,
  PROHIBITIONS,
  ROUTE_RULES,
  VALUE_CHAIN_EVENTS,
  type Condition,
  type Duty,
  type DutyRole,
  type Fact,
  type Prohibition,
  type Role,
  type RouteRule,
  type TransparencyCase,
  type ValueChainEvent,
} from './applicability';
import { annexIIIKey, annexIPoint } from './applicability-points';
import { memo } from '../memo';

export type Tier = 'prohibited' | 'high' | 'limited' | 'minimal';

/** The facts of a system record that the Act's duties turn on; absent means the record does not say. */
export interface SystemProfile {
  roles: Role[];
  tier?: Tier;
  /** annex-i | annex-iii | article-50 | none, as written. */
  basis?: string;
  /** Canonical Annex III reference, e.g. "Annex III(5)(b)". */
  annexIII?: string;
  /** The Annex I point (1-20), when the record names one. */
  annexI?: number;
  /** Art. 6(1)(b): the product needs a third-party conformity assessment under the Annex I legislation. */
  thirdPartyAssessment?: boolean;
  /** Art. 6(3)-(4). */
  derogation?: { applies?: boolean; condition?: string; profiling?: boolean; assessment?: boolean };
  transparency?: TransparencyCase[];
  generalPurposeModel?: boolean;
  systemicRisk?: boolean;
  openSource?: boolean;
  publicBody?: boolean;
  publicAuthority?: boolean;
  establishment?: 'eu' | 'third-country';
  valueChain?: ValueChainEvent[];
  usedIn?: string[];
  medicalOrSafety?: boolean;
  marketDate?: string;
  significantChange?: string;
}

/**
 * What the Act makes of a record:
 * - 'prohibited': a prohibited practice (Art. 5), by its tier or its facts;
 * - 'high-risk': Art. 6(1) with an Annex I Section A product needing third-party assessment, or Art. 6(2);
 * - 'annex-i-b': high-risk under Art. 6(1) for an Annex I Section B product, to which only Art. 6(1),
 *   102-109 and 112 apply (Art. 2(2));
 * - 'derogation': an Annex III system that is not high-risk under Art. 6(3);
 * - 'other': any other AI system (transparency duties and AI literacy may still apply).
 */
export type Regime = 'prohibited' | 'high-risk' | 'annex-i-b' | 'derogation' | 'other';

export interface Classification {
  subject: 'ai-system' | 'gpai-model';
  regime: Regime;
  basis?: 'annex-i' | 'annex-iii';
  /** '5(b)', '2' … */
  annexIII?: string;
  annexISection?: 'A' | 'B';
  prohibitedBy?: Prohibition;
}

export function classify(p: SystemProfile): Classification {
  const subject = p.generalPurposeModel ? 'gpai-model' : 'ai-system';
  const basis = p.basis === 'annex-i' || p.basis === 'annex-iii' ? p.basis : undefined;
  const out: Classification = { subject, regime: 'other', basis, annexIII: annexIIIKey(p.annexIII) };
  if (basis === 'annex-i' && p.annexI !== undefined) out.annexISection = annexIPoint(p.annexI)?.section;
  out.prohibitedBy = PROHIBITIONS.find((x) => prohibits(x, p, out.annexIII));
  if (p.tier === 'prohibited' || out.prohibitedBy) out.regime = 'prohibited';
  else if (p.tier === 'high') {
    if (basis === 'annex-i' && p.thirdPartyAssessment === false) out.regime = 'other';
    else if (basis === 'annex-i' && out.annexISection === 'B') out.regime = 'annex-i-b';
    else out.regime = 'high-risk';
  } else if (basis === 'annex-iii' && p.derogation?.applies === true) {
    out.regime = p.derogation.profiling === true ? 'high-risk' : 'derogation';
  }
  return out;
}

function prohibits(x: Prohibition, p: SystemProfile, annexIII: string | undefined): boolean {
  const practice =
    (annexIII && x.practice.annexIII.includes(annexIII)) || (p.transparency ?? []).some((t) => x.practice.transparency.includes(t));
  const inArea = (p.usedIn ?? []).some((a) => (x.areas as readonly string[]).includes(a));
  return !!practice && inArea && p[x.unless] !== true;
}

/** The roles duties are owed in, after Art. 25(1) and 25(3), with why the record is the provider. */
export interface Operators {
  roles: Set<DutyRole>;
  /** Why the record is treated as the provider when it did not declare it: 'Art. 25(1)(b)', 'Art. 25(3)'. */
  providerVia?: string;
}

export function operators(p: SystemProfile, c: Classification): Operators {
  const declared = new Set(p.roles);
  const roles = new Set<DutyRole>([...declared].filter((r): r is DutyRole => r !== 'product-manufacturer'));
  let providerVia: string | undefined;
  if (!declared.has('provider') && c.regime === 'high-risk') {
    const event = VALUE_CHAIN_EVENTS.find((e) => (p.valueChain ?? []).includes(e.event));
    if (event) {
      providerVia = event.point;
      // The importer or distributor now places the system as its own; a deployer still uses it.
      roles.delete('importer');
      roles.delete('distributor');
    } else if (declared.has('product-manufacturer') && c.basis === 'annex-i' && c.annexISection !== 'B') {
      providerVia = 'Art. 25(3)';
    }
    if (providerVia) roles.add('provider');
  }
  return { roles, providerVia };
}

function factsOf(p: SystemProfile): Record<Fact, boolean> {
  return {
    publicBody: p.publicBody === true,
    publicAuthority: p.publicAuthority === true,
    thirdCountry: p.establishment === 'third-country',
    systemicRisk: p.systemicRisk === true,
    openSource: p.openSource === true,
  };
}

/** Whether an Annex III key ('5(b)') falls under a pattern ('5(b)', or a whole area '2'). */
function pointMatches(key: string | undefined, pattern: string): boolean {
  return !!key && (key === pattern || (!pattern.includes('(') && key.startsWith(`${pattern}(`)));
}

function holds(
  w: Omit<Condition, 'subject' | 'anyOf'> & Partial<Pick<Condition, 'anyOf'>>,
  c: Classification,
  facts: Record<Fact, boolean>,
  transparency: readonly TransparencyCase[],
): boolean {
  if (w.regime && c.regime !== w.regime) return false;
  if (w.basis && c.basis !== w.basis) return false;
  if (w.annexIIIOnly && !w.annexIIIOnly.some((x) => pointMatches(c.annexIII, x))) return false;
  if (w.annexIIIExcept && w.annexIIIExcept.some((x) => pointMatches(c.annexIII, x))) return false;
  for (const [f, v] of Object.entries(w.facts ?? {}) as [Fact, boolean][]) if (facts[f] !== v) return false;
  if (w.transparency && !w.transparency.some((t) => transparency.includes(t))) return false;
  if (w.anyOf && !w.anyOf.some((a) => holds(a, c, facts, transparency))) return false;
  return true;
}

/** One duty that applies to a record, with who owes it in words. */
export interface ApplicableDuty {
  duty: Duty;
  /** Who owes it, citing the paragraphs, with the Art. 25 route when the record is treated as the provider. */
  reason: string;
}

/**
 * The facts of a profile that decide its duties, as one string: records of a
 * workspace share a handful of profiles, so duties are worked out once per
 * profile (dates are not part of it; they are worked out per record).
 */
export function profileKey(p: SystemProfile): string {
  const d = p.derogation;
  return [
    p.roles.join(','),
    p.tier,
    p.basis,
    p.annexIII,
    p.annexI,
    p.thirdPartyAssessment,
    d && `${d.applies}/${d.profiling}`,
    (p.transparency ?? []).join(','),
    p.generalPurposeModel,
    p.systemicRisk,
    p.openSource,
    p.publicBody,
    p.publicAuthority,
    p.establishment,
    (p.valueChain ?? []).join(','),
    (p.usedIn ?? []).join(','),
    p.medicalOrSafety,
  ].join('|');
}

const dutiesMemo = memo<readonly ApplicableDuty[]>();

/** Every duty (and right) the table gives a record, in table order. */
export function applicableDuties(p: SystemProfile): readonly ApplicableDuty[] {
  return dutiesMemo(profileKey(p), () => evaluate(p));
}

function evaluate(p: SystemProfile): ApplicableDuty[] {
  const c = classify(p);
  if (c.regime === 'prohibited' || c.regime === 'annex-i-b') return [];
  const ops = operators(p, c);
  const facts = factsOf(p);
  const transparency = p.transparency ?? [];
  const out: ApplicableDuty[] = [];
  for (const duty of DUTIES) {
    if (duty.when.subject !== c.subject) continue;
    if (!duty.roles.some((r) => ops.roles.has(r))) continue;
    if (!holds(duty.when, c, facts, transparency)) continue;
    const asProvider = ops.providerVia && duty.roles.length === 1 && duty.roles[0] === 'provider';
    out.push({ duty, reason: asProvider ? `${duty.owedBy} (you are considered the provider under ${ops.providerVia})` : duty.owedBy });
  }
  return out;
}

/** The Art. 43 route rule for a high-risk system, when its basis (and Annex III point) is known. */
export function routeRuleFor(c: Classification): RouteRule | undefined {
  if (c.regime !== 'high-risk' || !c.basis || (c.basis === 'annex-iii' && !c.annexIII)) return undefined;
  return ROUTE_RULES.find(
    (r) =>
      r.basis === c.basis &&
      (!r.annexIIIOnly || r.annexIIIOnly.some((x) => pointMatches(c.annexIII, x))) &&
      !(r.annexIIIExcept ?? []).some((x) => pointMatches(c.annexIII, x)),
  );
}
