import { isMap, isScalar, isSeq } from 'yaml';
import { closestId } from '../catalog/suggest';
import { child, items, text } from '../yaml/nav';
import { CLASSIFICATION_RULES } from './classification';
import { CONFORMITY_RULES } from './conformity';
import { OBLIGATION_RULES } from './obligations';
import type { Rule } from './rule';

export { assessRecord, highRiskBasis, listedArticles, listedObligations, profileOf } from './system-record';

const SYS = ['AISystem'] as const;

/** Words that present ISO/IEC 42001 certification as an Act route or basis. */
const CERT_CLAIM =
  /(iso[\s/_-]*(iec)?[\s_-]*42001|42001)[^.;\n]{0,60}\b(satisf|fulfil|replaces?|is (the|our|a) (route|basis|conformity)|as (the )?(route|basis)|gives? (a )?presumption|presum|ce[\s-]?mark|conformity assessment (route|procedure)|declaration of conformity)/i;
/** The same claim written the other way round ("CE marking based on our ISO 42001 certificate"). */
const CERT_CLAIM_REVERSED =
  /(ce[\s-]?mark\w*|conformity assessment|declaration of conformity|art(icle)?\.?\s*(43|48))[^.;\n]{0,60}(iso[\s/_-]*(iec)?[\s_-]*)?42001/i;
const HONEST = /\b(not|never|no|does not|doesn't|cannot|isn't|without)\b/i;

const certificationClaim: Rule = {
  code: 'iso-certification-claim',
  severity: 'error',
  kinds: SYS,
  summary: 'Text presents ISO/IEC 42001 certification as an AI Act conformity route, presumption or CE-marking basis.',
  check(ctx) {
    const visit = (node: unknown, depth: number): void => {
      if (depth > 32 || !node) return;
      if (isScalar(node) && typeof node.value === 'string') {
        const s = node.value;
        const isoRoute = /^(iso[\s/_-]*(iec)?[\s_-]*)?42001([\s_-]*cert\w*)?$/i.test(s.trim());
        if (isoRoute || ((CERT_CLAIM.test(s) || CERT_CLAIM_REVERSED.test(s)) && !HONEST.test(s))) {
          ctx.report(
            node,
            'ISO/IEC 42001 certification is not a conformity assessment under the AI Act: Art. 43 requires internal control (Annex VI) or a notified body (Annex VII). ISO/IEC 42001 is not a harmonised standard, gives no presumption of conformity (Art. 40) and no basis for CE marking (Art. 48). Its evidence supports, never satisfies, these obligations.',
          );
        }
      } else if (isMap(node)) for (const p of node.items) visit(p.value, depth + 1);
      else if (isSeq(node)) for (const n of node.items) visit(n, depth + 1);
    };
    visit(ctx.file.root, 0);
  },
};

const unknownRisk: Rule = {
  code: 'unknown-risk',
  severity: 'error',
  kinds: SYS,
  summary: 'The record names a risk id that no risk register defines.',
  check(ctx) {
    if (ctx.ws.files.every((f) => f.kind !== 'RiskRegister')) return;
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

export const SYSTEM_RULES: readonly Rule[] = [
  ...CLASSIFICATION_RULES,
  ...OBLIGATION_RULES,
  ...CONFORMITY_RULES,
  certificationClaim,
  unknownRisk,
];
