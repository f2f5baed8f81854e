/**
 * Realistic generated workspaces for the benchmarks: a manifest, a full SoA,
 * N AI system records (a mix of high-risk, limited and minimal), risk
 * registers of up to 10,000 risks each, and single large files. Deterministic: the same sizes give the
 * same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allControls } from '../server/src/core/catalog/iso';
import { requiredObligations, type Role, type Tier } from '../server/src/core/catalog/obligations';

/** The manifest of every generated workspace (also used by tests that check large generated files). */
export const MANIFEST = `aims: 1
kind: AIMS
organisation: Benchmark Corp
operatorRoles: [provider, deployer]
scope: Every AI system of the benchmark organisation.
policy: { document: evidence/policy.md, approvedBy: board, approvedOn: 2026-03-01, nextReview: 2027-03-01 }
roles:
  aims-owner: { title: AIMS owner, holder: A }
  risk-lead: { title: Risk lead, holder: B }
riskCriteria:
  likelihood: [rare, unlikely, possible, likely, almost-certain]
  impact: [negligible, minor, moderate, major, severe]
  acceptable: 6
audits:
  - { date: 2026-06-01, scope: Clauses 4-10, findings: [] }
managementReviews:
  - { date: 2026-07-01, decisions: [Keep the scope] }
`;

/** An SoA with every Annex A control and `extra` additional controls. */
export function soaText(extra: number): string {
  const out = ['aims: 1', 'kind: StatementOfApplicability', 'approvedBy: aims-owner', 'approvedOn: 2026-05-01', 'controls:'];
  for (const c of allControls()) {
    out.push(
      `  ${c.id}:`,
      `    title: ${c.title}`,
      '    applicable: true',
      '    justification: Needed for the systems in scope.',
      '    status: implemented',
      '    owner: aims-owner',
      '    evidence: [evidence/policy.md]',
    );
  }
  if (extra) out.push('additionalControls:');
  for (let i = 1; i <= extra; i++) {
    out.push(
      `  BENCH-${i}:`,
      `    title: Internal control ${i}`,
      '    applicable: true',
      '    justification: Required by the internal model risk policy.',
      `    status: ${['implemented', 'partial', 'planned'][i % 3]}`,
      '    owner: risk-lead',
      '    evidence: [evidence/policy.md]',
    );
  }
  return out.join('\n') + '\n';
}

const PROFILES: { roles: Role[]; tier: Tier; basis: string; annexIII?: string }[] = [
  { roles: ['provider', 'deployer'], tier: 'high', basis: 'annex-iii', annexIII: 'Annex III(4)(a)' },
  { roles: ['deployer'], tier: 'limited', basis: 'article-50' },
  { roles: ['deployer'], tier: 'minimal', basis: 'none' },
];

export function systemText(i: number): string {
  const p = PROFILES[i % PROFILES.length];
  const lines = [
    'aims: 1',
    'kind: AISystem',
    `id: system-${i}`,
    `name: System ${i}`,
    'owner: risk-lead',
    'lifecycle: operation',
    `intendedPurpose: Supports decision ${i} of the benchmark organisation`,
    `operatorRoles: [${p.roles.join(', ')}]`,
    'classification:',
    `  tier: ${p.tier}`,
    `  basis: ${p.basis}`,
    ...(p.annexIII ? [`  annexIII: ${p.annexIII}`] : []),
    '  rationale: Generated for the benchmark.',
    'obligations:',
  ];
  for (const o of requiredObligations(p)) {
    lines.push(`  Art. ${o.article}:`, `    status: ${o.article === 43 ? 'partial' : 'met'}`, '    evidence: [../evidence/policy.md]');
    if (o.article === 43) lines.push('    route: annex-vi');
    if (o.article === 9) lines.push('    controls: [A.5.2, A.6.2.4]');
  }
  lines.push(`risks: [R-${i}]`);
  return lines.join('\n') + '\n';
}

/** Risks per register file: 10,000 risks are ~2 MB, and a single register for 100,000 would pass the 10 MB limit. */
const RISKS_PER_REGISTER = 10_000;

function riskRegister(from: number, to: number): string {
  const out = ['aims: 1', 'kind: RiskRegister', 'risks:'];
  for (let i = from; i < to; i++) {
    out.push(
      `  R-${i}:`,
      `    title: Risk of system ${i}`,
      `    system: system-${i}`,
      '    likelihood: possible',
      '    impact: moderate',
      '    treatment: mitigate',
      '    controls: [A.6.2.4, A.7.4]',
      '    owner: risk-lead',
      '    status: open',
    );
  }
  return out.join('\n') + '\n';
}

/** Writes a workspace with `systems` records; returns its folder. */
export function writeWorkspace(dir: string, systems: number, extraControls = 0): string {
  mkdirSync(join(dir, 'systems'), { recursive: true });
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  writeFileSync(join(dir, 'evidence', 'policy.md'), '# Policy\n');
  writeFileSync(join(dir, 'aims.aims.yaml'), MANIFEST);
  writeFileSync(join(dir, 'soa.aims.yaml'), soaText(extraControls));
  for (let from = 0; from === 0 || from < systems; from += RISKS_PER_REGISTER) {
    const name = from === 0 ? 'risk.aims.yaml' : `risk-${from / RISKS_PER_REGISTER}.aims.yaml`;
    writeFileSync(join(dir, name), riskRegister(from, Math.min(systems, from + RISKS_PER_REGISTER)));
  }
  for (let i = 0; i < systems; i++) writeFileSync(join(dir, 'systems', `system-${i}.aims.yaml`), systemText(i));
  return dir;
}

/** Writes a workspace whose SoA is about `lines` long (additional controls fill it); returns the SoA path. */
export function writeLargeSoa(dir: string, lines: number): string {
  const extra = Math.max(0, Math.round((lines - 5 - 38 * 7) / 6));
  writeWorkspace(dir, 3, extra);
  return join(dir, 'soa.aims.yaml');
}
