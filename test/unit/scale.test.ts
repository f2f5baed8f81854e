import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ID_SUGGESTIONS } from '../../server/src/core/catalog/suggest';
import { MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';

/** A workspace of `n` minimal-risk records and a register whose risks name misspelt ids (`sistem-N`). */
function workspace(n: number, unknown: number): Record<string, string> {
  const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa() };
  for (let i = 1; i <= n; i++) {
    files[`systems/s${i}.aims.yaml`] =
      `aims: 1\nkind: AISystem\nid: system-${i}\nname: System ${i}\nowner: aims-owner\nclassification: { tier: minimal, basis: none }\n`;
  }
  const risks = Array.from({ length: unknown }, (_, i) => `  R-${i}:\n    title: Risk ${i}\n    system: sistem-${i + 1}\n`);
  files['risk.aims.yaml'] = `aims: 1\nkind: RiskRegister\nrisks:\n${risks.join('')}`;
  return files;
}

describe('workspaces with many ids', () => {
  it('suggests the nearest system id for an unknown one in a workspace of ordinary size', () => {
    const found = find(checkFiles(workspace(50, 3))['risk.aims.yaml'], 'unknown-system');
    assert.equal(found.length, 3);
    assert.match(found[0].message, /did you mean 'system-1'\?/);
  });

  it(`reports unknown ids without a suggestion above ${MAX_ID_SUGGESTIONS} ids, instead of comparing every pair`, () => {
    const found = find(checkFiles(workspace(MAX_ID_SUGGESTIONS + 200, 900))['risk.aims.yaml'], 'unknown-system');
    assert.equal(found.length, 900);
    assert.ok(found.every((d) => !d.message.includes('did you mean')));
  });
});
