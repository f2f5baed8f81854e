import { soaText, systemRecordText } from './templates';

/**
 * The files of a starter workspace (relative path → text), generated from the
 * catalog so it never drifts from the standard. Placeholders say "TODO" and
 * are reported as warnings until they are replaced.
 */
export function starterWorkspace(organisation: string, today: string): Record<string, string> {
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return {
    'aims.aims.yaml': `aims: 1
kind: AIMS
organisation: ${JSON.stringify(organisation)}
operatorRoles: [deployer]
scope: >-
  TODO - which units, sites, AI systems and activities the AI management system covers (clause 4.3)
interestedParties:
  - name: Customers
    needs: TODO - what they expect from our use of AI
policy:
  document: policies/ai-policy.md
  approvedBy: board
  approvedOn: ${today}
  nextReview: ${nextYear}
roles:
  aims-owner: { title: AIMS owner, holder: TODO }
riskCriteria:
  likelihood: [rare, unlikely, possible, likely, almost-certain]
  impact: [negligible, minor, moderate, major, severe]
  acceptable: 6
audits: []
managementReviews: []
nonconformities: {}
`,
    'soa.aims.yaml': soaText('aims-owner', today),
    'systems/example-system.aims.yaml': systemRecordText(
      { id: 'example-system', name: 'Example system', roles: ['deployer'], tier: 'minimal', basis: 'none', owner: 'aims-owner' },
      today,
    ).text,
    'risk/risk-register.aims.yaml': `aims: 1
kind: RiskRegister
risks:
  R-1:
    title: TODO - name the first AI risk you found
    system: example-system
    likelihood: possible
    impact: moderate
    treatment: mitigate
    controls: [A.5.2]
    owner: aims-owner
    status: open
`,
    'policies/ai-policy.md': `# AI policy\n\nTODO - write the organisation's AI policy (ISO/IEC 42001 clause 5.2, A.2.2).\n`,
  };
}
