import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTable } from '../../server/src/core/import';

/** Merges a CSV with Control and Evidence columns into an existing SoA. */
async function merge(rows: string, existing: string): Promise<{ text?: string; changes: string[]; error?: string }> {
  const csv = new TextEncoder().encode(`Control,Applicable,Justification,Evidence\n${rows}`);
  const r = await importTable({ name: 't.csv', bytes: csv }, { existing: { path: '/ws/soa.aims.yaml', text: existing } });
  return { text: r.text, changes: r.changes, error: r.error };
}

const SOA = (evidence: string) =>
  `aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2:\n    applicable: true\n    justification: Root\n${evidence}  A.2.3:\n    applicable: false\n    justification: One policy\n`;

describe('importing a table keeps the review dates of evidence it names', () => {
  it('the same paths: nothing changes', async () => {
    const before = SOA(
      '    evidence:\n      - path: policies/ai-policy.md  # signed copy\n        reviewedOn: 2026-01-10\n      - evidence/x.md\n',
    );
    const r = await merge('A.2.2,yes,Root,policies/ai-policy.md; evidence/x.md\n', before);
    assert.equal(r.text, before);
    assert.deepEqual(r.changes, []);
  });

  it('a path added: the dated entries are kept as written', async () => {
    const before = SOA('    evidence:\n      - path: policies/ai-policy.md\n        reviewedOn: 2026-01-10\n        expires: 2027-01-10\n');
    const r = await merge('A.2.2,yes,Root,policies/ai-policy.md; evidence/y.md\n', before);
    assert.equal(r.text, before.replace('        expires: 2027-01-10\n', '        expires: 2027-01-10\n      - evidence/y.md\n'));
    assert.deepEqual(r.changes, ['A.2.2: evidence changed']);
  });

  it('in flow lists and flow entries too', async () => {
    const flow = SOA('    evidence: [{ path: policies/ai-policy.md, reviewedOn: 2026-01-10 }]\n');
    assert.equal(
      (await merge('A.2.2,yes,Root,evidence/y.md; policies/ai-policy.md\n', flow)).text,
      flow.replace('[{', '[evidence/y.md, {'),
    );
    const entry =
      'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  A.2.2: { applicable: true, justification: Root, evidence: [{ path: policies/ai-policy.md, reviewedOn: 2026-01-10 }] }\n';
    assert.equal(
      (await merge('A.2.2,yes,Root,policies/ai-policy.md; evidence/y.md\n', entry)).text,
      entry.replace('2026-01-10 }]', '2026-01-10 }, evidence/y.md]'),
    );
  });

  it('refuses, rather than drop its dates, a single mapping written over several lines', async () => {
    const before = SOA('    evidence:\n      path: policies/ai-policy.md\n      reviewedOn: 2026-01-10\n');
    const r = await merge('A.2.2,yes,Root,policies/ai-policy.md; evidence/y.md\n', before);
    assert.equal(r.text, '', 'nothing is written');
    assert.match(
      r.error ?? '',
      /A\.2\.2's evidence is one \{path, …\} mapping over several lines; write it as a list item \(- path: …\), then import again\./,
    );
  });
});
