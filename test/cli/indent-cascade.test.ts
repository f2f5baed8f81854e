// A bad indent in one file is one finding at that line; the files that refer to it do not
// inherit false "not listed" / "not a role" / "no risk register defines" findings from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aims, brokenExample } from './helpers';

/** The finding lines of `aims check` (file:line:column ...), without the summary. */
async function findings(dir: string): Promise<{ code: number; lines: string[]; out: string }> {
  const r = await aims(['check', '.', '--as-of', '2026-11-23'], dir);
  return { code: r.code, lines: r.out.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)), out: r.out };
}

describe('aims check after one bad indent', () => {
  it('an SoA control indented 1 space: one error, none in the risk register or the system records', async () => {
    const r = await findings(brokenExample('soa.aims.yaml', '  A.2.3:\n', ' A.2.3:\n'));
    assert.equal(r.code, 1, r.out);
    assert.deepEqual(r.lines, [
      "soa.aims.yaml:15:2 error yaml-syntax 'A.2.3' is indented 1 space, which matches no level above it ('A.2.2' on line 8 has 2 spaces, 'controls' on line 7 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'A.2.2'.",
    ]);
    assert.match(r.out, /^ {2}1 error, 0 warnings, 0 notes, 0 hints$/m);
  });
  it('a status at its control\'s column: one error, not "37 Annex A controls are missing"', async () => {
    const r = await findings(
      brokenExample(
        'soa.aims.yaml',
        '    status: implemented\n    owner: aims-owner\n    evidence: [policies/ai-policy.md]\n  A.2.3:',
        '  status: implemented\n    owner: aims-owner\n    evidence: [policies/ai-policy.md]\n  A.2.3:',
      ),
    );
    assert.equal(r.code, 1, r.out);
    assert.deepEqual(r.lines, [
      "soa.aims.yaml:12:3 error yaml-syntax 'status' is indented 2 spaces and the key after it ('owner' on line 13) 4 spaces, so YAML cannot read them as one mapping. Indent it 4 spaces, like 'justification' on line 11.",
    ]);
  });
  it('a role of the manifest indented 1 space: one error, no unknown roles anywhere', async () => {
    const r = await findings(brokenExample('aims.aims.yaml', '  head-of-risk: {', ' head-of-risk: {'));
    assert.deepEqual(r.lines, [
      "aims.aims.yaml:32:2 error yaml-syntax 'head-of-risk' is indented 1 space, which matches no level above it ('aims-owner' on line 31 has 2 spaces, 'roles' on line 30 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'aims-owner'.",
    ]);
  });
  it('a risk indented 1 space: one error, no unknown risks in the system records', async () => {
    const r = await findings(brokenExample('risk/risk-register.aims.yaml', '  R-2:\n', ' R-2:\n'));
    assert.deepEqual(r.lines, [
      "risk/risk-register.aims.yaml:19:2 error yaml-syntax 'R-2' is indented 1 space, which matches no level above it ('R-1' on line 7 has 2 spaces, 'risks' on line 6 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'R-1'.",
    ]);
  });
});
