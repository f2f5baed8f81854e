import type { SystemProfile } from '../core/catalog/applicability-eval';
import { allControls } from '../core/catalog/iso';
import type { Tier } from '../core/catalog/obligations';
import { obligationEntries } from '../core/templates';

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

/**
 * A system record snippet for a profile: `facts` are the lines (with choice
 * placeholders) of the facts the listed duties turn on, given as stated in `p`.
 */
function systemBody(p: SystemProfile & { tier: Tier; basis: string }, facts: string[] = []): string[] {
  const body = [
    'aims: 1',
    'kind: AISystem',
    'id: ${1:TODO-system-id}',
    'name: ${2:TODO - system name}',
    'owner: ${3:aims-owner}',
    'lifecycle: ${4|design,development,verification,deployment,operation,retired|}',
    'intendedPurpose: ${5:TODO - what the system is for, in the words of its instructions for use}',
    `operatorRoles: [${p.roles.join(', ')}]`,
    ...facts,
    'classification:',
    `  tier: ${p.tier}`,
    `  basis: ${p.basis}`,
  ];
  if (p.annexIII) body.push(`  annexIII: \${6:${p.annexIII}}`);
  body.push('  rationale: ${7:TODO - why the system falls in this tier}', 'obligations:');
  for (const o of obligationEntries(p)) {
    body.push(`  ${o.ref}:  # ${snippetEscape(o.comment)}`, '    status: gap');
    if (o.route) body.push(`    route: ${snippetEscape(o.route)}`);
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
      description: 'AI system record for a provider of a high-risk system under Annex III, with the obligations the Act gives it',
      body: systemBody({ roles: ['provider'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)', establishment: 'eu' }, [
        'establishment: ${8|eu,third-country|}',
      ]),
    },
    {
      prefix: 'aims-system-deployer-high',
      description:
        'AI system record for a deployer of a high-risk system under Annex III (Art. 26; Art. 27, 26(8) and 49(3) where public bodies or authorities deploy it)',
      body: systemBody(
        { roles: ['deployer'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)', publicBody: false, publicAuthority: false },
        ['publicBody: ${8|false,true|}', 'publicAuthority: ${9|false,true|}'],
      ),
    },
    {
      prefix: 'aims-system-limited',
      description: 'AI system record for a chatbot that generates text: its provider owes Art. 50(1) and 50(2)',
      body: systemBody(
        { roles: ['provider', 'deployer'], tier: 'limited', basis: 'article-50', transparency: ['interaction', 'synthetic-content'] },
        ['transparency: [interaction, synthetic-content]'],
      ),
    },
    {
      prefix: 'aims-system-minimal',
      description: 'AI system record with no tier-specific obligations (Art. 4 AI literacy still applies)',
      body: systemBody({ roles: ['deployer'], tier: 'minimal', basis: 'none' }),
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
