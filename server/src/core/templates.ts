import { ROUTE_NAMES, type TransparencyCase } from './catalog/applicability';
import { applicableDuties, classify, routeRuleFor, type Classification, type SystemProfile } from './catalog/applicability-eval';
import { formatAnnexI } from './catalog/applicability-points';
import { allControls } from './catalog/iso';
import { findArticle } from './catalog/act';

/**
 * What the New AI System Record command (and `aims init`) knows about a new
 * system: the facts its duties turn on, each only when the user was asked.
 */
export interface NewSystem extends SystemProfile {
  id: string;
  name: string;
  tier: NonNullable<SystemProfile['tier']>;
  /** annex-i | annex-iii | article-50 | none */
  basis: string;
  owner?: string;
}

/**
 * A new record with the Art. 50 cases picked: emotion recognition is itself an
 * Annex III use case (point 1(c)), so a record that was not already
 * high-risk becomes so under Art. 6(2); any other case makes a
 * minimal-risk record limited-risk (Art. 50).
 */
export function withTransparency(spec: NewSystem, cases: readonly TransparencyCase[]): NewSystem {
  const out: NewSystem = { ...spec, transparency: [...cases] };
  if (cases.includes('emotion-recognition') && out.basis !== 'annex-iii' && out.tier !== 'high') {
    return { ...out, tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(1)(c)' };
  }
  if (cases.length && out.tier === 'minimal') {
    out.tier = 'limited';
    if (out.basis === 'none') out.basis = 'article-50';
  }
  return out;
}

/** Placeholder the user must replace; the cursor is put on it. */
export const FILL_ME = 'TODO - describe the intended purpose';

/** A slug usable as a system id and file name ("Credit scoring v2" → "credit-scoring-v2"). */
export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'ai-system'
  );
}

function quote(s: string): string {
  return /^[\w .,()/-]+$/.test(s) && !/^[\d.-]/.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s);
}

/**
 * The entries a new record lists under `obligations` for a profile: every duty
 * (and right) the applicability table gives it, with the article's title and,
 * for Art. 43, the route its basis allows (and why, as a YAML comment).
 */
export function obligationEntries(p: SystemProfile): { ref: string; comment: string; route?: string }[] {
  const route = newRoute(classify(p));
  return applicableDuties(p)
    .filter(({ duty }) => !duty.recordedAt)
    .sort((x, y) => byArticle(x.duty.ref, y.duty.ref))
    .map(({ duty }) => {
      const article = Number(/^Art\. (\d+)/.exec(duty.ref)![1]);
      const comment =
        duty.kind === 'right' ? `a right of affected persons towards you (${duty.creates})` : (findArticle(article)?.title ?? '');
      return { ref: duty.ref, comment, route: duty.id === 'art-43' && route ? `${route.route}  # ${route.why}` : undefined };
    });
}

/** Act references in the order of the Regulation: by article, then paragraph (`Art. 26` before `Art. 26(8)`, `Art. 27` before `Art. 49(3)`). */
export function byArticle(x: string, y: string): number {
  const n = (ref: string) => Number(/^Art\. (\d+)/.exec(ref)?.[1] ?? 0);
  return n(x) - n(y) || x.localeCompare(y);
}

/**
 * The Art. 43 route a new obligation entry gets: the last the rule for the record's basis lists,
 * which is always open to it (Annex VII for Annex III point 1, where Annex VI needs harmonised
 * standards in full), and why.
 */
export function newRoute(c: Classification): { route: string; why: string } | undefined {
  const rule = routeRuleFor(c);
  if (!rule) return undefined;
  return {
    route: rule.routes[rule.routes.length - 1],
    why: `${rule.creates}: ${rule.routes.map((r) => `${r}, ${ROUTE_NAMES[r]}`).join('; or ')}${rule.annexVIOnlyWithFullStandards ? '; annex-vi only with harmonised standards or common specifications applied in full' : ''}`,
  };
}

/** The id a new record gets: the name's slug, or the slug with -2, -3 … when that id or file is taken. */
export function freeSystemId(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function yaml(v: boolean | string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/**
 * The text of a new AI system record: the facts the user gave (and no others:
 * nothing is written as false unasked), and every duty the applicability
 * table gives such a system listed as a gap with the article's title, the
 * Art. 43 route the basis allows pre-filled. `cursor` is the offset of the
 * first field to fill.
 */
export function systemRecordText(s: NewSystem, today: string): { text: string; cursor: number } {
  const facts: [string, boolean | string | string[] | undefined][] = [
    ['generalPurposeModel', s.generalPurposeModel || undefined],
    ['systemicRisk', s.systemicRisk],
    ['openSource', s.openSource],
    ['establishment', s.establishment],
    ['publicBody', s.publicBody],
    ['publicAuthority', s.publicAuthority],
    ['transparency', s.transparency?.length ? s.transparency : undefined],
    ['usedIn', s.usedIn?.length ? s.usedIn : undefined],
    ['medicalOrSafety', s.medicalOrSafety],
  ];
  const lines = [
    'aims: 1',
    'kind: AISystem',
    `id: ${s.id}`,
    `name: ${quote(s.name)}`,
    ...(s.owner ? [`owner: ${s.owner}`] : []),
    'lifecycle: design',
    `intendedPurpose: ${FILL_ME}`,
    `operatorRoles: [${s.roles.join(', ')}]`,
    ...facts.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${yaml(v)}`),
    'classification:',
    `  tier: ${s.tier}`,
    `  basis: ${s.basis}`,
    ...(s.annexIII ? [`  annexIII: ${s.annexIII}`] : []),
    ...(s.annexI !== undefined ? [`  annexI: ${formatAnnexI(s.annexI)}`] : []),
    ...(s.thirdPartyAssessment !== undefined ? [`  thirdPartyAssessment: ${s.thirdPartyAssessment}`] : []),
    ...(s.derogation?.applies
      ? [
          '  derogation:',
          '    applies: true',
          `    condition: ${s.derogation.condition ?? 'a'}`,
          `    profiling: ${s.derogation.profiling === true}`,
          '    assessment: TODO - path of the documented assessment (Art. 6(4))',
        ]
      : []),
    '  rationale: TODO - explain why the system falls in this tier',
  ];
  const listed = obligationEntries(s);
  if (listed.length) {
    lines.push(`# Obligations the AI Act gives this system (docs/obligations.md), listed ${today}.`, 'obligations:');
    for (const o of listed) {
      lines.push(`  ${o.ref}:  # ${o.comment}`, '    status: gap');
      if (o.route) lines.push(`    route: ${o.route}`);
    }
  } else {
    lines.push('obligations: {}');
  }
  lines.push('risks: []', '');
  const text = lines.join('\n');
  return { text, cursor: text.indexOf(FILL_ME) };
}

/** A Statement of Applicability listing all 38 Annex A controls, each waiting for a decision. */
export function soaText(approvedBy: string, today: string): string {
  const lines = [
    'aims: 1',
    'kind: StatementOfApplicability',
    `approvedBy: ${approvedBy}`,
    `approvedOn: ${today}`,
    '# Decide for every Annex A control whether it applies, and say why (clause 6.1.3).',
    'controls:',
  ];
  for (const c of allControls()) {
    lines.push(
      `  ${c.id}:`,
      `    title: ${quote(c.title)}`,
      '    applicable: true',
      '    justification: TODO - why this control is included or excluded',
      '    status: not-started',
    );
  }
  return lines.join('\n') + '\n';
}
