import { findArticle } from '../core/catalog/act';
import { allControls } from '../core/catalog/iso';
import { requiredObligations, type Role, type Tier } from '../core/catalog/obligations';

/**
 * Snippets that write a whole file: a manifest, an SoA with all 38 controls,
 * and system records listing the obligations the Act requires. Completion
 * offers them only at the top of an empty file (a snippet file cannot say
 * where its snippets apply). Values to write are placeholders starting
 * "TODO", which the placeholder-text rule reports until they are replaced.
 */
export interface FileSnippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Escapes text for a snippet body ($ and } are special). */
export function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, (c) => '\\' + c);
}

function soaBody(): string[] {
  const body = [
    'aims: 1',
    'kind: StatementOfApplicability',
    'approvedBy: ${1:aims-owner}',
    'approvedOn: ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
    "# Every Annex A control of ISO/IEC 42001, in the standard's order. For each one decide",
    '# whether it applies and say why (clause 6.1.3 asks for a justification either way).',
    'controls:',
  ];
  let n = 3;
  for (const c of allControls()) {
    body.push(
      `  ${c.id}:`,
      `    title: ${snippetEscape(c.title)}`,
      `    applicable: \${${n++}|true,false|}`,
      `    justification: \${${n++}:TODO - why this control is included or excluded}`,
    );
  }
  return body;
}

function systemBody(roles: Role[], tier: Tier, basis: string, annexIII?: string): string[] {
  const body = [
    'aims: 1',
    'kind: AISystem',
    'id: ${1:TODO-system-id}',
    'name: ${2:TODO - system name}',
    'owner: ${3:aims-owner}',
    'lifecycle: ${4|design,development,verification,deployment,operation,retired|}',
    'intendedPurpose: ${5:TODO - what the system is for, in the words of its instructions for use}',
    `operatorRoles: [${roles.join(', ')}]`,
    'classification:',
    `  tier: ${tier}`,
    `  basis: ${basis}`,
  ];
  if (annexIII) body.push(`  annexIII: \${6:${annexIII}}`);
  body.push('  rationale: ${7:TODO - why the system falls in this tier}', 'obligations:');
  for (const o of requiredObligations({ roles, tier, annexIII })) {
    body.push(`  Art. ${o.article}:  # ${snippetEscape(findArticle(o.article)?.title ?? '')}`, '    status: gap');
  }
  body.push('risks: []', '$0');
  return body;
}

export function fileSnippets(): FileSnippet[] {
  return [
    {
      prefix: 'aims-manifest',
      description: 'AIMS manifest (one per workspace folder): scope, policy, roles, risk criteria, audits, reviews',
      body: [
        'aims: 1',
        'kind: AIMS',
        'organisation: ${1:TODO - organisation name}',
        'operatorRoles: [${2:provider}]',
        'scope: ${3:TODO - what the AI management system covers (clause 4.3)}',
        'interestedParties:',
        '  - name: ${4:TODO - an interested party, such as customers}',
        '    needs: ${5:TODO - what they expect}',
        'policy:',
        '  document: ${6:policies/ai-policy.md}',
        '  approvedBy: ${7:board}',
        '  approvedOn: ${8:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
        '  nextReview: ${9:YYYY-MM-DD}',
        'roles:',
        '  aims-owner: { title: AIMS owner, holder: ${10:TODO - name} }',
        'riskCriteria:',
        '  likelihood: [rare, unlikely, possible, likely, almost-certain]',
        '  impact: [negligible, minor, moderate, major, severe]',
        '  acceptable: ${11:6}',
        'audits: []',
        'managementReviews: []',
        'nonconformities: {}',
        '$0',
      ],
    },
    {
      prefix: 'aims-soa',
      description: 'Statement of Applicability with all 38 Annex A controls of ISO/IEC 42001',
      body: soaBody(),
    },
    {
      prefix: 'aims-system-provider-high',
      description: 'AI system record for a provider of a high-risk system under Annex III, with the obligations the Act requires',
      body: systemBody(['provider'], 'high', 'annex-iii', 'Annex III(4)(a)'),
    },
    {
      prefix: 'aims-system-deployer-high',
      description: 'AI system record for a deployer of a high-risk system under Annex III (Art. 26; Art. 27 where it applies)',
      body: systemBody(['deployer'], 'high', 'annex-iii', 'Annex III(4)(a)'),
    },
    {
      prefix: 'aims-system-limited',
      description: 'AI system record with transparency duties under Art. 50',
      body: systemBody(['provider', 'deployer'], 'limited', 'article-50'),
    },
    {
      prefix: 'aims-system-minimal',
      description: 'AI system record with no tier-specific obligations (Art. 4 AI literacy still applies)',
      body: systemBody(['deployer'], 'minimal', 'none'),
    },
  ];
}

/** A snippet body with every placeholder at its default, for clients without snippet support. */
export function snippetDefaults(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, new Date().toISOString().slice(0, 10))
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
