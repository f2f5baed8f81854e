import type { Rule } from './rule';
import { structureRule } from './structure';
import { SOA_RULES } from './soa';
import { MANIFEST_RULES } from './manifest';
import { EVIDENCE_RULES } from './evidence';
import { EVIDENCE_AGE_RULES } from './evidence-age';
import { REFERENCE_RULES } from './references';
import { SYSTEM_RULES } from './system';
import { RISK_RULES } from './risk';
import { WORKSPACE_RULES } from './workspace-rules';
import { placeholderRule } from './placeholders';
import { certificationClaim } from './certification';

/** Every rule, in the order findings are documented. */
export const ALL_RULES: readonly Rule[] = [
  structureRule,
  ...REFERENCE_RULES,
  ...SOA_RULES,
  ...SYSTEM_RULES,
  certificationClaim,
  ...RISK_RULES,
  ...MANIFEST_RULES,
  ...EVIDENCE_RULES,
  ...EVIDENCE_AGE_RULES,
  ...WORKSPACE_RULES,
  placeholderRule,
];
