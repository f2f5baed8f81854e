/**
 * Generates snippets/aims.code-snippets from the catalog, so the SoA snippet
 * always lists exactly the standard's 38 controls and the system snippets the
 * obligations the Act requires. Run: `node --import tsx scripts/gen-snippets.ts`
 * (`--check` exits 1 when the committed file is stale; the unit tests do that).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allControls } from '../server/src/core/catalog/iso';
import type { SystemProfile } from '../server/src/core/catalog/applicability-eval';
import type { Tier } from '../server/src/core/catalog/obligations';
import { obligationEntries } from '../server/src/core/templates';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
  scope?: string;
}

/** Escapes text for a snippet body ($ and } are special). */
function esc(s: string): string {
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
      `    title: ${esc(c.title)}`,
      `    applicable: \${${n++}|true,false|}`,
      `    justification: \${${n++}:Why this control is included or excluded}`,
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
    'id: ${1:system-id}',
    'name: ${2:System name}',
    'owner: ${3:aims-owner}',
    'lifecycle: ${4|design,development,verification,deployment,operation,retired|}',
    'intendedPurpose: ${5:What the system is for, in the words of its instructions for use}',
    `operatorRoles: [${p.roles.join(', ')}]`,
    ...facts,
    'classification:',
    `  tier: ${p.tier}`,
    `  basis: ${p.basis}`,
  ];
  if (p.annexIII) body.push(`  annexIII: \${6:${p.annexIII}}`);
  body.push('  rationale: ${7:Why the system falls in this tier}', 'obligations:');
  for (const o of obligationEntries(p)) {
    body.push(`  ${o.ref}:  # ${esc(o.comment)}`, '    status: gap');
    if (o.route) body.push(`    route: ${esc(o.route)}`);
  }
  body.push('risks: []', '$0');
  return body;
}

export function buildSnippets(): Record<string, Snippet> {
  return {
    'AIMS manifest': {
      prefix: ['aims-manifest', 'kind: AIMS'],
      description: 'AIMS manifest (one per workspace folder): scope, policy, roles, risk criteria, audits, reviews',
      body: [
        'aims: 1',
        'kind: AIMS',
        'organisation: ${1:Organisation name}',
        'operatorRoles: [${2:provider}]',
        'scope: >-',
        '  ${3:What the AI management system covers (clause 4.3)}',
        'interestedParties:',
        '  - name: ${4:Customers}',
        '    needs: ${5:What they expect}',
        'policy:',
        '  document: ${6:policies/ai-policy.md}',
        '  approvedBy: ${7:board}',
        '  approvedOn: ${8:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
        '  nextReview: ${9:YYYY-MM-DD}',
        'roles:',
        '  aims-owner: { title: AIMS owner, holder: ${10:Name} }',
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
    'Statement of Applicability': {
      prefix: ['aims-soa', 'kind: StatementOfApplicability'],
      description: 'Statement of Applicability with all 38 Annex A controls of ISO/IEC 42001',
      body: soaBody(),
    },
    'AI system: provider, high-risk (Annex III)': {
      prefix: ['aims-system-provider-high'],
      description: 'AI system record for a provider of a high-risk system under Annex III, with the obligations the Act gives it',
      body: systemBody({ roles: ['provider'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)', establishment: 'eu' }, [
        'establishment: ${8|eu,third-country|}',
      ]),
    },
    'AI system: deployer, high-risk (Annex III)': {
      prefix: ['aims-system-deployer-high'],
      description:
        'AI system record for a deployer of a high-risk system under Annex III (Art. 26; Art. 27, 26(8) and 49(3) where public bodies or authorities deploy it)',
      body: systemBody(
        { roles: ['deployer'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)', publicBody: false, publicAuthority: false },
        ['publicBody: ${8|false,true|}', 'publicAuthority: ${9|false,true|}'],
      ),
    },
    'AI system: limited risk (Art. 50)': {
      prefix: ['aims-system-limited'],
      description: 'AI system record for a chatbot that generates text: its provider owes Art. 50(1) and 50(2)',
      body: systemBody(
        { roles: ['provider', 'deployer'], tier: 'limited', basis: 'article-50', transparency: ['interaction', 'synthetic-content'] },
        ['transparency: [interaction, synthetic-content]'],
      ),
    },
    'AI system: minimal risk': {
      prefix: ['aims-system-minimal'],
      description: 'AI system record with no tier-specific obligations (Art. 4 AI literacy still applies)',
      body: systemBody({ roles: ['deployer'], tier: 'minimal', basis: 'none' }),
    },
    Obligation: {
      prefix: ['aims-obligation'],
      description: 'One AI Act obligation of a system record',
      body: [
        'Art. ${1:9}:',
        '  status: ${2|gap,partial,met,not-applicable|}',
        '  evidence: [${3:evidence/file.md}]',
        '  controls: [${4:A.5.2}]',
        '$0',
      ],
    },
    'Evidence with review date': {
      prefix: ['aims-evidence'],
      description:
        "One evidence entry of an evidence list with the date it was last reviewed (checked against the manifest's evidenceMaxAge) and, optionally, when it expires",
      body: [
        '- path: ${1:../evidence/file.md}',
        '  reviewedOn: ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
        '${3:  expires: ${4:YYYY-MM-DD}}',
        '$0',
      ],
    },
    Risk: {
      prefix: ['aims-risk'],
      description: 'One risk of a risk register (clauses 6.1.2, 6.1.3)',
      body: [
        '${1:R-1}:',
        '  title: ${2:What could go wrong}',
        '  system: ${3:system-id}',
        '  likelihood: ${4|rare,unlikely,possible,likely,almost-certain|}',
        '  impact: ${5|negligible,minor,moderate,major,severe|}',
        '  treatment: ${6|mitigate,accept,avoid,transfer|}',
        '  controls: [${7:A.6.2.4}]',
        '  owner: ${8:aims-owner}',
        '  status: ${9|open,treated,accepted,closed|}',
        '$0',
      ],
    },
    Nonconformity: {
      prefix: ['aims-nonconformity'],
      description: 'One nonconformity of the manifest (clause 10.2)',
      body: [
        '${1:NC-1}:',
        '  clause: ${2:8.2}',
        '  description: ${3:What was found}',
        '  correctiveAction: ${4:What will be done}',
        '  status: ${5|open,in-progress,closed|}',
        '  due: ${6:YYYY-MM-DD}',
        '$0',
      ],
    },
  };
}

const target = join(__dirname, '..', 'snippets', 'aims.code-snippets');
const text = JSON.stringify(buildSnippets(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('snippets/aims.code-snippets is stale: run `node --import tsx scripts/gen-snippets.ts`.');
    process.exit(1);
  }
} else if (require.main === module) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
