/**
 * Which AI Act obligations a system record must address. The duties, their
 * conditions and citations are data in applicability.ts; this module keeps the
 * small API the rest of the code uses (roles, tiers, the required list).
 */
import type { Role } from './applicability';
import { applicableDuties, type SystemProfile, type Tier } from './applicability-eval';

export type { Role } from './applicability';
export type { SystemProfile, Tier } from './applicability-eval';

export const ROLES: readonly Role[] = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'authorised-representative',
  'product-manufacturer',
];
export const TIERS: readonly Tier[] = ['prohibited', 'high', 'limited', 'minimal'];

export interface RequiredObligation {
  article: number;
  /** The reference to list under obligations, e.g. 'Art. 49(1)'. */
  ref: string;
  /** Who the duty falls on, as a noun phrase citing the paragraphs. */
  reason: string;
}

/**
 * The obligations a record with this profile must list under `obligations`,
 * in the order of the Act: duties only (rights are notes, and the Art. 6(4)
 * assessment is recorded under classification.derogation), whatever their date.
 */
export function requiredObligations(p: SystemProfile): RequiredObligation[] {
  return applicableDuties(p)
    .filter(({ duty }) => duty.kind === 'duty' && !duty.recordedAt)
    .map(({ duty, reason }) => ({ article: Number(/^Art\. (\d+)/.exec(duty.ref)![1]), ref: duty.ref, reason }))
    .sort((a, b) => a.article - b.article || a.ref.localeCompare(b.ref));
}
