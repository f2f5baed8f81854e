import type { Node } from 'yaml';
import { annexIIIAreas, findArticle } from '../catalog/act';
import { checkActRef } from '../catalog/refs';
import { requiredObligations, type Role, type SystemProfile, type Tier } from '../catalog/obligations';
import { applicationDate, applicationDateText, dateWithSource, type HighRiskBasis } from '../catalog/timeline';
import { closestId } from '../catalog/suggest';
import { findControl } from '../catalog/iso';
import type { ParsedFile } from '../yaml/parse';
import { child, entries, entry, items, text } from '../yaml/nav';
import type { Rule } from './rule';
import { relatedTo } from './util';

const SYS = ['AISystem'] as const;

/** The parts of a record the obligation rules need. */
export function profileOf(file: ParsedFile): SystemProfile & { basis?: string } {
  const root = file.root;
  const cls = child(root, 'classification');
  const annex = text(child(cls, 'annexIII'));
  const ref = annex ? checkActRef(annex) : undefined;
  return {
    roles: items(child(root, 'operatorRoles')).map((n) => text(n) as Role),
    tier: text(child(cls, 'tier')) as Tier | undefined,
    basis: text(child(cls, 'basis')),
    annexIII: ref?.ok ? ref.ref.canonical : annex,
    generalPurposeModel: text(child(root, 'generalPurposeModel')) === 'true',
    systemicRisk: text(child(root, 'systemicRisk')) === 'true',
    publicBody: text(child(root, 'publicBody')) === 'true',
  };
}

/** The article numbers a record's obligations cover (`Art. 17(1)` counts for 17), with their entries. */
export function listedArticles(file: ParsedFile): Map<number, { key: Node; value: Node | null; ref: string }> {
  const out = new Map<number, { key: Node; value: Node | null; ref: string }>();
  for (const e of entries(child(file.root, 'obligations'))) {
    // A provision the amendment reportedly inserts counts for its article; whether it exists under
    // the timeline in force is the reference rule's finding.
    const r = checkActRef(e.key, { amended: true });
    if (r.ok && r.ref.type === 'article' && !out.has(r.ref.article))
      out.set(r.ref.article, { key: e.keyNode, value: e.value, ref: r.ref.canonical });
  }
  return out;
}

export function highRiskBasis(basis: string | undefined): HighRiskBasis | undefined {
  return basis === 'annex-i' || basis === 'annex-iii' ? basis : undefined;
}

const prohibited: Rule = {
  code: 'prohibited-system',
  severity: 'error',
  kinds: SYS,
  summary: 'The system is classified as a prohibited practice (Art. 5).',
  check(ctx) {
    const tier = child(child(ctx.file.root, 'classification'), 'tier');
    if (text(tier) === 'prohibited') {
      ctx.report(
        tier,
        'A prohibited AI practice (Art. 5) may not be placed on the market, put into service or used in the Union. Retire the system (lifecycle: retired) or re-assess the classification; no obligation list makes it lawful.',
      );
    }
  },
};

const classificationBasis: Rule = {
  code: 'high-risk-without-basis',
  severity: 'error',
  kinds: SYS,
  summary: 'A high-risk system without its legal basis (Annex I or Annex III).',
  alsoReports: [
    { code: 'missing-annex-iii-point', severity: 'error', summary: 'Basis annex-iii without the Annex III point.' },
    { code: 'annex-iii-point-not-specific', severity: 'warning', summary: 'An Annex III area is named without its lettered point.' },
    { code: 'tier-basis-mismatch', severity: 'error', summary: 'The basis does not fit the tier (e.g. Annex III with tier limited).' },
  ],
  check(ctx) {
    const cls = child(ctx.file.root, 'classification');
    const tierNode = child(cls, 'tier');
    const tier = text(tierNode);
    const basisNode = child(cls, 'basis');
    const basis = text(basisNode);
    const annex = entry(cls, 'annexIII');
    if (tier === 'high' && (!basis || basis === 'none' || basis === 'article-50')) {
      ctx.report(
        basisNode ?? tierNode,
        'A high-risk system needs its basis: annex-i (product legislation, Art. 6(1)) or annex-iii (use case, Art. 6(2)).',
      );
    }
    if ((basis === 'annex-i' || basis === 'annex-iii') && tier && tier !== 'high') {
      ctx.report(
        basisNode,
        `Basis ${basis} makes a system high-risk (Art. 6), but its tier is ${tier}. If the Art. 6(3) derogation applies, record it under classification.derogation and keep the documented assessment (Art. 6(4)).`,
        {
          code: 'tier-basis-mismatch',
        },
      );
    }
    if (basis === 'article-50' && tier && tier !== 'limited') {
      ctx.report(basisNode, `Basis article-50 belongs to the limited tier (transparency duties, Art. 50), but the tier is ${tier}.`, {
        code: 'tier-basis-mismatch',
      });
    }
    if (basis === 'annex-iii' && !text(annex?.value)) {
      ctx.report(annex?.keyNode ?? basisNode, 'Basis annex-iii needs the Annex III point, e.g. annexIII: Annex III(5)(b).', {
        code: 'missing-annex-iii-point',
      });
    }
    const r = text(annex?.value) ? checkActRef(text(annex?.value)!) : undefined;
    if (r?.ok && r.ref.type === 'annex' && r.ref.annex === 'III' && r.ref.point && !r.ref.letter) {
      const area = annexIIIAreas().find((a) => a.point === r.ref.point);
      if (area?.points.length) {
        ctx.report(
          annex!.value,
          `Annex III point ${area.point} (${area.title}) has lettered use cases (${area.points.map((p) => `(${p})`).join(', ')}); name the one that applies, e.g. Annex III(${area.point})(${area.points[0]}).`,
          {
            code: 'annex-iii-point-not-specific',
          },
        );
      }
    } else if (r?.ok && r.ref.type === 'annex' && r.ref.annex !== 'III') {
      ctx.report(annex!.value, `annexIII must name a point of Annex III, not Annex ${r.ref.annex}.`, { code: 'tier-basis-mismatch' });
    }
  },
};

const missingObligation: Rule = {
  code: 'missing-obligation',
  severity: 'error',
  kinds: SYS,
  summary: "An obligation the system's roles and tier require is missing from its record.",
  check(ctx) {
    const p = profileOf(ctx.file);
    if (p.tier === 'prohibited') return;
    const listed = listedArticles(ctx.file);
    const obligations = entry(ctx.file.root, 'obligations');
    const anchor = obligations?.keyNode ?? child(child(ctx.file.root, 'classification'), 'tier') ?? entry(ctx.file.root, 'kind')?.keyNode;
    for (const o of requiredObligations(p)) {
      if (listed.has(o.article)) continue;
      const a = findArticle(o.article);
      const date = applicationDate(o.article, { basis: highRiskBasis(p.basis), asOf: ctx.options.asOf, timeline: ctx.options.timeline });
      const when = date ? ` from ${applicationDateText(date, true)}` : '';
      ctx.report(
        anchor,
        `Art. ${o.article} (${a?.title ?? ''}) applies to ${o.reason}${when}, but the record does not address it. Add 'Art. ${o.article}' under obligations.`,
        {
          data: { article: o.article, ref: `Art. ${o.article}` },
        },
      );
    }
  },
};

const obligationStatus: Rule = {
  code: 'obligation-missing-status',
  severity: 'warning',
  kinds: SYS,
  summary: 'An obligation without a status.',
  alsoReports: [
    { code: 'obligation-met-without-evidence', severity: 'warning', summary: 'An obligation marked met that names no evidence.' },
  ],
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'obligations'))) {
      const status = child(e.value, 'status');
      if (!status) ctx.report(e.keyNode, `${e.key} has no status; add status: met, partial, gap or not-applicable.`);
      else if (text(status) === 'met' && !items(child(e.value, 'evidence')).some((n) => (text(n) ?? '').trim())) {
        ctx.report(status, `${e.key} is marked met but names no evidence; add the documents that show it.`, {
          code: 'obligation-met-without-evidence',
        });
      }
    }
  },
};

const controlExcluded: Rule = {
  code: 'obligation-control-excluded',
  severity: 'error',
  kinds: SYS,
  summary: 'An obligation relies on an ISO control that the SoA excludes.',
  alsoReports: [
    { code: 'obligation-control-not-in-soa', severity: 'warning', summary: 'An obligation cites a control the SoA does not list.' },
  ],
  check(ctx) {
    if (!ctx.ws.soa) return;
    for (const e of entries(child(ctx.file.root, 'obligations'))) {
      for (const n of items(child(e.value, 'controls'))) {
        const id = text(n) ?? '';
        const soa = ctx.ws.controls.get(id);
        if (!soa) {
          if (findControl(id))
            ctx.report(n, `${e.key} cites ${id}, which the Statement of Applicability does not list.`, {
              code: 'obligation-control-not-in-soa',
            });
        } else if (soa.applicable === false) {
          ctx.report(
            n,
            `${e.key} relies on ${id}, but the Statement of Applicability excludes it. Make the control applicable or rely on other evidence.`,
            {
              related: [relatedTo(soa, `${id} is excluded here`)],
            },
          );
        }
      }
    }
  },
};

const conformityRoute: Rule = {
  code: 'conformity-route-missing',
  severity: 'warning',
  kinds: SYS,
  summary: 'A high-risk provider record addresses Art. 43 without naming the conformity assessment route.',
  check(ctx) {
    const p = profileOf(ctx.file);
    if (p.tier !== 'high' || !p.roles.includes('provider')) return;
    const art43 = listedArticles(ctx.file).get(43);
    if (art43 && text(art43.value ? child(art43.value, 'status') : undefined) !== 'not-applicable' && !child(art43.value, 'route')) {
      ctx.report(
        art43.key,
        'Art. 43 needs the conformity assessment route: route: annex-vi (internal control) or route: annex-vii (notified body). Which one is allowed depends on Art. 43(1)-(3).',
      );
    }
  },
};

const gpaiFlags: Rule = {
  code: 'gpai-flags',
  severity: 'warning',
  kinds: SYS,
  summary: 'systemicRisk is set on a record that is not a general-purpose AI model.',
  check(ctx) {
    const sr = child(ctx.file.root, 'systemicRisk');
    if (text(sr) === 'true' && text(child(ctx.file.root, 'generalPurposeModel')) !== 'true') {
      ctx.report(
        sr,
        'Systemic risk (Art. 51) is a property of general-purpose AI models; set generalPurposeModel: true or remove systemicRisk.',
      );
    }
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

const gapAlreadyApplies: Rule = {
  code: 'obligation-gap-in-force',
  severity: 'warning',
  kinds: SYS,
  summary: 'An obligation that already applies on the reference date is still a gap for a system on the market.',
  check(ctx) {
    const market = text(child(ctx.file.root, 'marketDate'));
    if (!market || market > ctx.options.asOf) return;
    const basis = highRiskBasis(profileOf(ctx.file).basis);
    for (const [article, o] of listedArticles(ctx.file)) {
      const status = text(child(o.value, 'status'));
      if (status !== 'gap') continue;
      const d = applicationDate(article, { basis, asOf: ctx.options.asOf, timeline: ctx.options.timeline });
      if (d && d.effective.date <= ctx.options.asOf) {
        ctx.report(
          o.key,
          `${o.ref} has applied since ${dateWithSource(d.effective, true)} and the system is on the market, but its status is gap.`,
        );
      }
    }
  },
};

export const SYSTEM_RULES: readonly Rule[] = [
  prohibited,
  classificationBasis,
  missingObligation,
  obligationStatus,
  controlExcluded,
  conformityRoute,
  gpaiFlags,
  unknownRisk,
  gapAlreadyApplies,
];
