import { allControls } from './catalog/iso';
import { findArticle } from './catalog/act';
import { requiredObligations, type Role, type Tier } from './catalog/obligations';

export interface NewSystem {
  id: string;
  name: string;
  roles: Role[];
  tier: Tier;
  /** annex-i | annex-iii | article-50 | none */
  basis: string;
  /** Canonical Annex III point, when basis is annex-iii. */
  annexIII?: string;
  owner?: string;
  generalPurposeModel?: boolean;
  publicBody?: boolean;
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
 * The text of a new AI system record with every obligation the Act requires
 * for its roles and tier listed as a gap, each commented with the article's
 * title. `cursor` is the offset of the first field to fill.
 */
export function systemRecordText(s: NewSystem, today: string): { text: string; cursor: number } {
  const lines = [
    'aims: 1',
    'kind: AISystem',
    `id: ${s.id}`,
    `name: ${quote(s.name)}`,
    ...(s.owner ? [`owner: ${s.owner}`] : []),
    'lifecycle: design',
    `intendedPurpose: ${FILL_ME}`,
    `operatorRoles: [${s.roles.join(', ')}]`,
    `generalPurposeModel: ${s.generalPurposeModel ? 'true' : 'false'}`,
    ...(s.roles.includes('deployer') ? [`publicBody: ${s.publicBody ? 'true' : 'false'}`] : []),
    'classification:',
    `  tier: ${s.tier}`,
    `  basis: ${s.basis}`,
    ...(s.annexIII ? [`  annexIII: ${s.annexIII}`] : []),
    '  rationale: TODO - explain why the system falls in this tier',
  ];
  const required = requiredObligations({
    roles: s.roles,
    tier: s.tier,
    annexIII: s.annexIII,
    generalPurposeModel: s.generalPurposeModel,
    publicBody: s.publicBody,
  });
  if (required.length) {
    lines.push(`# Obligations the AI Act sets for these roles and this tier (record created ${today}).`, 'obligations:');
    for (const o of required) {
      lines.push(`  Art. ${o.article}:  # ${findArticle(o.article)?.title ?? ''}`, '    status: gap');
      if (o.article === 43) lines.push('    route: annex-vi  # or annex-vii (notified body); see Art. 43');
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
