import { closest, closestId } from '../catalog/suggest';
import { findControl } from '../catalog/iso';
import { child, entries, entry, items, text } from '../yaml/nav';
import { anyMayHoldMore, isRead, mayHoldMore } from '../yaml/unread';
import type { Rule } from './rule';
import { relatedTo } from './util';
import { withArticle } from '../wording';

const RISK = ['RiskRegister'] as const;

const controlExcluded: Rule = {
  code: 'risk-control-excluded',
  severity: 'error',
  kinds: RISK,
  summary: 'A risk is treated by a control that the SoA excludes.',
  alsoReports: [{ code: 'risk-control-not-in-soa', severity: 'warning', summary: 'A risk is treated by a control the SoA does not list.' }],
  check(ctx) {
    if (!ctx.ws.soa) return;
    // An SoA with a YAML error in its controls: those it could not read are unknown, not unlisted.
    const unread = mayHoldMore(ctx.ws.soa, 'controls');
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      for (const n of items(child(r.value, 'controls'))) {
        const id = text(n) ?? '';
        const soa = ctx.ws.controls.get(id);
        if (soa && !isRead(soa.file, soa.node)) continue;
        if (!soa) {
          if (findControl(id) && !unread)
            ctx.report(n, `Risk ${r.key} is treated by ${id}, which the Statement of Applicability does not list.`, {
              code: 'risk-control-not-in-soa',
            });
        } else if (soa.applicable === false) {
          ctx.report(
            n,
            `Risk ${r.key} is treated by ${id}, but the Statement of Applicability excludes it (clause 6.1.3). Make the control applicable or choose another treatment.`,
            {
              related: [relatedTo(soa, `${id} is excluded here`)],
            },
          );
        }
      }
    }
  },
};

const levels: Rule = {
  code: 'invalid-likelihood',
  severity: 'error',
  kinds: RISK,
  summary: "A likelihood that is not one of the manifest's risk criteria.",
  alsoReports: [{ code: 'invalid-impact', severity: 'error', summary: "An impact that is not one of the manifest's risk criteria." }],
  check(ctx) {
    const rc = ctx.ws.riskCriteria;
    if (!rc) return;
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      for (const [key, allowed, code] of [
        ['likelihood', rc.likelihood, 'invalid-likelihood'],
        ['impact', rc.impact, 'invalid-impact'],
        ['residualLikelihood', rc.likelihood, 'invalid-likelihood'],
        ['residualImpact', rc.impact, 'invalid-impact'],
      ] as const) {
        const node = child(r.value, key);
        const v = text(node);
        if (v === undefined || allowed.includes(v)) continue;
        const guess = closest(v, allowed, 3);
        ctx.report(
          node,
          `'${v}' is not ${withArticle(`${key.replace('residual', 'residual ').toLowerCase()} level`)} of the manifest's risk criteria${guess ? `; did you mean '${guess}'?` : '.'} Levels: ${allowed.join(', ')}.`,
          {
            code,
            data: guess ? { replacement: guess } : undefined,
          },
        );
      }
    }
  },
};

const acceptedAboveAppetite: Rule = {
  code: 'accepted-above-appetite',
  severity: 'error',
  kinds: RISK,
  summary: "A risk is accepted although its score exceeds the manifest's acceptable score.",
  check(ctx) {
    const rc = ctx.ws.riskCriteria;
    if (!rc?.acceptable) return;
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      const treatment = child(r.value, 'treatment');
      if (text(treatment) !== 'accept') continue;
      const l = rc.likelihood.indexOf(text(child(r.value, 'likelihood')) ?? '') + 1;
      const i = rc.impact.indexOf(text(child(r.value, 'impact')) ?? '') + 1;
      if (!l || !i) continue;
      const score = l * i;
      if (score > rc.acceptable) {
        ctx.report(
          treatment,
          `Risk ${r.key} scores ${score} (likelihood ${l} × impact ${i}), above the acceptable ${rc.acceptable} set in the manifest's risk criteria; it cannot be accepted. Mitigate, avoid or transfer it, or record a management decision to change the criteria.`,
        );
      }
    }
  },
};

const unknownSystem: Rule = {
  code: 'unknown-system',
  severity: 'error',
  kinds: RISK,
  summary: 'A risk names an AI system id that no record defines.',
  check(ctx) {
    // A record whose id could not be read (a YAML error above it) may be the one named.
    const unread = anyMayHoldMore(ctx.ws.files, 'AISystem', 'id');
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      const node = child(r.value, 'system');
      const id = text(node);
      if (id === undefined || ctx.ws.systems.has(id) || unread) continue;
      const guess = closestId(id, ctx.ws.systems, 3);
      ctx.report(
        node,
        `No AI system record has id '${id}'${guess ? `; did you mean '${guess}'?` : '.'}`,
        guess ? { data: { replacement: guess } } : undefined,
      );
    }
  },
};

const mitigateWithoutControls: Rule = {
  code: 'mitigate-without-controls',
  severity: 'warning',
  kinds: RISK,
  summary: 'A risk to be mitigated names no control.',
  check(ctx) {
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      const treatment = child(r.value, 'treatment');
      if (text(treatment) === 'mitigate' && items(child(r.value, 'controls')).length === 0) {
        ctx.report(
          treatment,
          `Risk ${r.key} is to be mitigated but names no control; list the Annex A controls that treat it (clause 6.1.3).`,
        );
      }
    }
  },
};

const statusTreatment: Rule = {
  code: 'risk-status-treatment-mismatch',
  severity: 'information',
  kinds: RISK,
  summary: 'A risk has status accepted but another treatment.',
  check(ctx) {
    for (const r of entries(child(ctx.file.root, 'risks'))) {
      const status = entry(r.value, 'status');
      const treatment = text(child(r.value, 'treatment'));
      if (text(status?.value) === 'accepted' && treatment && treatment !== 'accept') {
        ctx.report(status!.value, `Risk ${r.key} has status accepted but treatment ${treatment}; set treatment: accept or another status.`);
      }
    }
  },
};

export const RISK_RULES: readonly Rule[] = [
  controlExcluded,
  levels,
  acceptedAboveAppetite,
  unknownSystem,
  mitigateWithoutControls,
  statusTreatment,
];
