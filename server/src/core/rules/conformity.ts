import { ROUTE_NAMES, type ConformityRoute, type RouteRule } from '../catalog/applicability';
import { routeRuleFor } from '../catalog/applicability-eval';
import { child, text } from '../yaml/nav';
import type { Rule } from './rule';
import { assessRecord } from './system-record';

const SYS = ['AISystem'] as const;

function allowed(rule: RouteRule): string {
  return rule.routes.map((r) => `route: ${r} (${ROUTE_NAMES[r]})`).join(' or ');
}

function scope(rule: RouteRule): string {
  if (rule.basis === 'annex-i') return 'an Annex I Section A product';
  return rule.annexIIIOnly ? 'Annex III point 1 (biometrics)' : 'Annex III points 2 to 8';
}

/**
 * Art. 43 routes follow the basis and the Annex III point (Art. 43(1)-(3)):
 * the record names its route, and the route must be one the paragraph allows.
 */
const conformityRoute: Rule = {
  code: 'conformity-route-missing',
  severity: 'warning',
  kinds: SYS,
  summary:
    'A high-risk provider record addresses Art. 43 without naming the conformity assessment route (or, for Annex III point 1, the harmonised standards applied).',
  alsoReports: [
    {
      code: 'conformity-route-mismatch',
      severity: 'error',
      summary: 'The Art. 43 route is not one Art. 43(1)-(3) allows for the system’s basis and Annex III point.',
    },
  ],
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    const art43 = a.duties.find((d) => d.duty.id === 'art-43')?.entry;
    if (!art43 || art43.status === 'not-applicable') return;
    const rule = routeRuleFor(a.classification);
    const routeNode = child(art43.value, 'route');
    const route = text(routeNode) as ConformityRoute | undefined;
    const standardsNode = child(art43.value, 'harmonisedStandards');
    const standards = text(standardsNode);
    if (!route) {
      ctx.report(
        art43.key,
        rule
          ? `Art. 43 needs the conformity assessment route. For ${scope(rule)} ${rule.creates} allows ${allowed(rule)}${rule.annexVIOnlyWithFullStandards ? '; annex-vi only where harmonised standards or common specifications were applied in full' : ''}.`
          : 'Art. 43 needs the conformity assessment route: route: annex-vi (internal control), annex-vii (notified body) or sectoral (the Annex I legislation’s procedure); which one is allowed depends on Art. 43(1)-(3).',
      );
      return;
    }
    if (!rule) return;
    if (!rule.routes.includes(route)) {
      ctx.report(routeNode, `${rule.creates}: for ${scope(rule)} the conformity assessment is ${allowed(rule)}, not ${route}.`, {
        code: 'conformity-route-mismatch',
        data: rule.routes.length === 1 ? { replacement: rule.routes[0] } : undefined,
      });
      return;
    }
    if (rule.annexVIOnlyWithFullStandards && route === 'annex-vi') {
      if (standards === 'full') return;
      if (standards === 'partial' || standards === 'none') {
        ctx.report(
          routeNode,
          `${rule.creates}: internal control (Annex VI) is open for Annex III point 1 only where the provider applied harmonised standards or common specifications in full; with harmonisedStandards: ${standards} the procedure is Annex VII, with a notified body.`,
          { code: 'conformity-route-mismatch', data: { replacement: 'annex-vii' } },
        );
      } else {
        ctx.report(
          standardsNode ?? routeNode,
          `${rule.creates}: internal control (Annex VI) is open for Annex III point 1 only where harmonised standards or common specifications were applied in full; state harmonisedStandards: full, partial or none.`,
        );
      }
    }
  },
};

export const CONFORMITY_RULES: readonly Rule[] = [conformityRoute];
