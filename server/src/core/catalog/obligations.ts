/**
 * Which AI Act obligations a system record must address, given the operator
 * roles held for it, its risk tier and its flags. Each entry cites the article
 * that creates the duty and says why it applies, so every message is traceable.
 */

export type Role = 'provider' | 'deployer' | 'importer' | 'distributor' | 'authorised-representative' | 'product-manufacturer';
export type Tier = 'prohibited' | 'high' | 'limited' | 'minimal';

export const ROLES: readonly Role[] = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'authorised-representative',
  'product-manufacturer',
];
export const TIERS: readonly Tier[] = ['prohibited', 'high', 'limited', 'minimal'];

export interface SystemProfile {
  roles: Role[];
  tier?: Tier;
  generalPurposeModel?: boolean;
  systemicRisk?: boolean;
  publicBody?: boolean;
  /** Canonical Annex III reference, e.g. "Annex III(5)(b)". */
  annexIII?: string;
}

export interface RequiredObligation {
  article: number;
  /** Who the duty falls on, as a noun phrase citing the article ("deployers of high-risk AI systems (Art. 26)"). */
  reason: string;
}

const PROVIDER_HIGH = [9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 43, 47, 48, 49, 72, 73];

/** The obligations a system record must list (as articles), with the reason for each. */
export function requiredObligations(p: SystemProfile): RequiredObligation[] {
  const out: RequiredObligation[] = [];
  const add = (article: number, reason: string): void => {
    if (!out.some((o) => o.article === article)) out.push({ article, reason });
  };
  const has = (r: Role): boolean => p.roles.includes(r);

  if (has('provider') || has('deployer')) {
    add(4, 'providers and deployers (Art. 4)');
  }
  if (p.tier === 'high') {
    if (has('provider')) {
      for (const a of PROVIDER_HIGH) add(a, `providers of high-risk AI systems (${a <= 15 ? 'Art. 16(a)' : `Art. ${a}`})`);
    }
    if (has('deployer')) {
      add(26, 'deployers of high-risk AI systems (Art. 26)');
      if (p.publicBody)
        add(27, 'deployers that are bodies governed by public law or private entities providing public services (Art. 27(1))');
      else if (p.annexIII === 'Annex III(5)(b)' || p.annexIII === 'Annex III(5)(c)') {
        add(27, `deployers of ${p.annexIII} systems (Art. 27(1))`);
      }
    }
    if (has('importer')) add(23, 'importers of high-risk AI systems (Art. 23)');
    if (has('distributor')) add(24, 'distributors of high-risk AI systems (Art. 24)');
    if (has('authorised-representative')) add(22, 'authorised representatives of providers of high-risk AI systems (Art. 22)');
    if (has('product-manufacturer'))
      add(25, 'product manufacturers placing a high-risk AI system on the market under their name (Art. 25(3))');
  }
  if (p.tier === 'limited' && (has('provider') || has('deployer'))) {
    add(50, 'providers and deployers of AI systems with transparency duties (Art. 50)');
  }
  if (p.generalPurposeModel && has('provider')) {
    add(53, 'providers of general-purpose AI models (Art. 53)');
    if (p.systemicRisk) add(55, 'providers of general-purpose AI models with systemic risk (Art. 55)');
  }
  if (p.generalPurposeModel && has('authorised-representative')) {
    add(54, 'authorised representatives of providers of general-purpose AI models (Art. 54)');
  }
  return out.sort((a, b) => a.article - b.article);
}
