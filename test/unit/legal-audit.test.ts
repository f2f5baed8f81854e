/**
 * Errors an independent audit of the product's legal statements found,
 * each checked against Regulation (EU) 2024/1689 as published in the
 * Official Journal (OJ L, 2024/1689, 12.7.2024): the test names the
 * provision and what the product said before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';

function check(record: string, asOf = '2026-11-23', timeline: 'in-force' | 'original' = 'in-force') {
  const r = checkFiles(
    { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/s.aims.yaml': record },
    { existing: EXISTING, asOf, timeline },
  );
  return r['systems/s.aims.yaml'] ?? [];
}

const RECORD = (top: string, cls: string): string =>
  `aims: 1\nkind: AISystem\nid: s\nname: S\nowner: aims-owner\noperatorRoles: [provider]\nestablishment: eu\n${top}classification:\n${cls}`;

describe('a general-purpose AI model is not classified under Art. 6', () => {
  it('says so when a model record claims a high-risk basis, instead of silently dropping the high-risk duties', () => {
    // Art. 6 classifies AI systems (Art. 3(1)); a model (Art. 3(63)) has the Chapter V duties. A record that says
    // generalPurposeModel: true with tier high was given Art. 53 alone, without a word about Art. 9-49, 72, 73.
    const d = find(
      check(RECORD('generalPurposeModel: true\n', '  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n')),
      'gpai-model-classified',
    );
    assert.equal(d.length, 1);
    assert.match(d[0].message, /^Art\. 6 classifies AI systems, not general-purpose AI models \(Art\. 3\(1\), 3\(63\)\)/);
    assert.match(d[0].message, /downstream provider \(Art\. 3\(68\)\)/);
    assert.match(d[0].message, /set generalPurposeModel: false/);
    assert.match(d[0].message, /one record for the model and one for the system/);
  });
  it('stays silent for a model record without a high-risk basis', () => {
    const d = find(check(RECORD('generalPurposeModel: true\n', '  tier: minimal\n  basis: none\n')), 'gpai-model-classified');
    assert.equal(d.length, 0);
  });
});
