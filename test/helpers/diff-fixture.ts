import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'acme-lending');

/** One edit of a file: replace `from` (which must occur once) with `to`; `from: ''` writes a new file. */
export type Edit = [file: string, from: string, to: string];

export function applyEdits(dir: string, edits: readonly Edit[]): void {
  for (const [file, from, to] of edits) {
    const p = join(dir, file);
    if (from === '') {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, to);
      continue;
    }
    const text = readFileSync(p, 'utf8');
    assert.equal(text.split(from).length, 2, `${file} contains ${JSON.stringify(from)} once`);
    writeFileSync(p, text.replace(from, to));
  }
}

/**
 * The base version: the example with a mislabelled control (a finding both
 * versions keep) and a wrong evidence path (a finding the head fixes).
 */
export const BASE_EDITS: readonly Edit[] = [
  ['soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n'],
  [
    'systems/credit-scoring.aims.yaml',
    '    evidence: [../evidence/validation-report-credit-scoring.md]\n',
    '    evidence: [../evidence/validation-report.md]\n',
  ],
];

const TRIAGE = `aims: 1
kind: AISystem
id: document-triage
name: Incoming document triage
owner: head-of-ml
lifecycle: development
intendedPurpose: Sorts incoming customer letters into queues for staff
operatorRoles: [deployer]
classification:
  tier: minimal
  basis: none
  rationale: Routes letters to queues; no Annex III or Art. 50 use.
obligations:
  Art. 4:
    status: met
    evidence: [../evidence/ai-literacy-programme.md]
`;

/**
 * The head version, made from the base: a line added above every SoA entry
 * (findings move down a line and must not count as changed), a status
 * changed, a control excluded, a status removed (a gap and a finding), the
 * fraud model reclassified with an Art. 50 case (an obligation gained), a system added, the wrong
 * evidence path fixed, and a gap on an obligation closed.
 */
export const HEAD_EDITS: readonly Edit[] = [
  ['soa.aims.yaml', '# Statement of Applicability', '# Reviewed for the 2027 audit.\n# Statement of Applicability'],
  [
    'soa.aims.yaml',
    '    status: partial\n    owner: aims-owner\n    evidence: [evidence/concerns-process.md]',
    '    status: implemented\n    owner: aims-owner\n    evidence: [evidence/concerns-process.md]',
  ],
  [
    'soa.aims.yaml',
    '    applicable: true\n    justification: Model training and serving run on dedicated cloud resources that must be recorded.\n    status: implemented\n    owner: head-of-ml\n    evidence: [evidence/ai-resource-inventory.md]\n',
    '    applicable: false\n    justification: Training and serving moved to a managed service covered by A.10.3.\n',
  ],
  [
    'soa.aims.yaml',
    '    justification: Data preparation steps must be reproducible.\n    status: implemented\n',
    '    justification: Data preparation steps must be reproducible.\n',
  ],
  ['systems/fraud-detection.aims.yaml', '  tier: minimal\n  basis: none\n', '  tier: limited\n  basis: article-50\n'],
  // Its deployer now owes Art. 50(3) (biometric categorisation): an obligation gained.
  [
    'systems/fraud-detection.aims.yaml',
    'operatorRoles: [deployer]\n',
    'operatorRoles: [deployer]\ntransparency: [biometric-categorisation]\n',
  ],
  ['systems/document-triage.aims.yaml', '', TRIAGE],
  [
    'systems/credit-scoring.aims.yaml',
    '    evidence: [../evidence/validation-report.md]\n',
    '    evidence: [../evidence/validation-report-credit-scoring.md]\n',
  ],
  [
    'systems/credit-scoring.aims.yaml',
    '    status: gap\n    due: 2027-11-30\n',
    '    status: partial\n    evidence: [../evidence/eu-declaration-credit-scoring.md]\n    due: 2027-11-30\n',
  ],
];

/** Writes the base and head versions of the example into `dir/base` and `dir/head`. */
export function makeVersions(dir: string): { base: string; head: string } {
  const base = join(dir, 'base');
  const head = join(dir, 'head');
  cpSync(EXAMPLE, base, { recursive: true });
  applyEdits(base, BASE_EDITS);
  cpSync(base, head, { recursive: true });
  applyEdits(head, HEAD_EDITS);
  return { base, head };
}
