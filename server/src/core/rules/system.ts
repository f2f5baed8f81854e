import { closestId } from '../catalog/suggest';
import { child, items, text } from '../yaml/nav';
import { anyMayHoldMore } from '../yaml/unread';
import { hasKind } from '../workspace';
import { CLASSIFICATION_RULES } from './classification';
import { CONFORMITY_RULES } from './conformity';
import { OBLIGATION_RULES } from './obligations';
import type { Rule } from './rule';

// The ISO certification claim rule lives in certification.ts and runs on every file kind.
export { assessRecord, highRiskBasis, listedArticles, listedObligations, profileOf } from './system-record';

const SYS = ['AISystem'] as const;

const unknownRisk: Rule = {
  code: 'unknown-risk',
  severity: 'error',
  kinds: SYS,
  summary: 'The record names a risk id that no risk register defines.',
  check(ctx) {
    if (!hasKind(ctx.ws, 'RiskRegister')) return;
    // Risks past a YAML error in a register are unknown, not undefined.
    if (anyMayHoldMore(ctx.ws.files, 'RiskRegister', 'risks')) return;
    for (const n of items(child(ctx.file.root, 'risks'))) {
      const id = text(n) ?? '';
      if (ctx.ws.risks.has(id)) continue;
      const guess = closestId(id, ctx.ws.risks, 2);
      ctx.report(
        n,
        `No risk register defines risk '${id}'${guess ? `; did you mean '${guess}'?` : '.'}`,
        guess ? { data: { replacement: guess } } : undefined,
      );
    }
  },
};

export const SYSTEM_RULES: readonly Rule[] = [...CLASSIFICATION_RULES, ...OBLIGATION_RULES, ...CONFORMITY_RULES, unknownRisk];
