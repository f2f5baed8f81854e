import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allControls } from '../../server/src/core/catalog/iso';

/** A clean manifest with roles aims-owner and head-of-risk and a 5x5 risk matrix (acceptable 6). */
export const MANIFEST = `aims: 1
kind: AIMS
organisation: Test Org
operatorRoles: [provider, deployer]
scope: Development and operation of AI systems
policy:
  document: policies/ai-policy.md
  approvedBy: board
  approvedOn: 2026-03-01
  nextReview: 2027-03-01
roles:
  aims-owner: { title: AIMS owner, holder: Jane Doe }
  head-of-risk: { title: Head of model risk, holder: Ali Khan }
riskCriteria:
  likelihood: [rare, unlikely, possible, likely, almost-certain]
  impact: [negligible, minor, moderate, major, severe]
  acceptable: 6
audits:
  - { date: 2026-06-01, scope: Clauses 4-10, findings: [] }
managementReviews:
  - { date: 2026-07-01, decisions: [Keep the scope] }
`;

/** A clean high-risk system record: provider and deployer under Annex III(4)(a). */
export const SYSTEM = `aims: 1
kind: AISystem
id: hiring
name: CV screening
owner: head-of-risk
operatorRoles: [provider, deployer]
classification:
  tier: high
  basis: annex-iii
  annexIII: Annex III(4)(a)
obligations:
${[4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 26, 43, 47, 48, 49, 72, 73].map((a) => `  Art. ${a}: { status: partial${a === 43 ? ', route: annex-vi' : ''} }`).join('\n')}
`;

/**
 * A clean SoA with all 38 controls, applicable and implemented with evidence,
 * except those listed in `excluded` (applicable: false, justified, no status).
 */
export function soa(excluded: string[] = [], skip: string[] = []): string {
  const lines = ['aims: 1', 'kind: StatementOfApplicability', 'approvedBy: aims-owner', 'approvedOn: 2026-05-01', 'controls:'];
  for (const c of allControls()) {
    if (skip.includes(c.id)) continue;
    lines.push(`  ${c.id}:`);
    if (excluded.includes(c.id)) {
      lines.push('    applicable: false', '    justification: Not relevant to our systems.');
    } else {
      lines.push(
        '    applicable: true',
        '    justification: Needed for our systems.',
        '    status: implemented',
        '    owner: aims-owner',
        '    evidence: [evidence/x.md]',
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** Evidence paths that the fake file system knows in every test workspace. */
export const EXISTING = ['evidence/x.md', 'policies/ai-policy.md'];

/** The text of every AIMS file of the bundled examples. */
export function exampleTexts(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.aims.yaml')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(__dirname, '..', '..', 'examples'));
  return out;
}
