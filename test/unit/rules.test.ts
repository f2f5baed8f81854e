import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRuleInfos } from '../../server/src/core/check';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles } from '../helpers/workspace';
import { RULE_CASES, type RuleCase } from '../rule-cases';

const MARK = '# <--';

/** The case's workspace; base files listed in `omit` are left out of the failing one only. */
function workspace(c: RuleCase, text: string, failing = false): Record<string, string> {
  const files: Record<string, string> = {};
  if (!failing || !c.omit?.includes('manifest')) files['aims.aims.yaml'] = MANIFEST;
  if (!failing || !c.omit?.includes('soa')) files['soa.aims.yaml'] = soa(c.excluded ?? []);
  Object.assign(files, c.extra ?? {});
  if (text !== '') files[c.file] = text;
  return files;
}

function badText(c: RuleCase): string {
  if (c.code === 'file-too-large') return 'aims: 1\n' + '#'.repeat(10 * 1024 * 1024 + 10);
  if (c.code === 'binary-content') return 'aims: 1\nkind: AISystem\u0000\n';
  if (c.code === 'too-many-findings') return c.good + Array.from({ length: 1001 }, (_, i) => `extra${i}: x\n`).join('');
  return c.bad;
}

function expectedLine(c: RuleCase): number {
  if (c.line) return c.line - 1;
  const i = c.bad.split('\n').findIndex((l) => l.includes(MARK));
  assert.ok(i >= 0, `case ${c.code} has no '${MARK}' marker and no line`);
  return i;
}

describe('every finding code has a failing and a passing case', () => {
  it('covers each code the checker can report, once', () => {
    const codes = allRuleInfos().map((r) => r.code);
    const cased = RULE_CASES.map((c) => c.code);
    assert.deepEqual([...cased].sort(), [...codes].sort());
  });

  for (const c of RULE_CASES) {
    describe(c.code, () => {
      it(`reports ${c.code} at the marked line`, () => {
        const result = checkFiles(workspace(c, badText(c), true), { existing: EXISTING, asOf: c.asOf ?? '2026-11-23' });
        const found = (result[c.file] ?? []).filter((d) => d.code === c.code);
        const all = (result[c.file] ?? []).map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ');
        assert.ok(found.length > 0, `no ${c.code} in ${c.file}; got: ${all}`);
        assert.ok(
          found.some((d) => d.range.start.line === expectedLine(c)),
          `${c.code} on line(s) ${found.map((d) => d.range.start.line + 1).join(',')}, expected ${expectedLine(c) + 1}`,
        );
        for (const d of found) assert.ok(d.message.length > 20, 'the message says what is wrong and how to fix it');
      });
      it('passes the fixed file without any finding', () => {
        const result = checkFiles(workspace(c, c.good), { existing: EXISTING, asOf: c.asOf ?? '2026-11-23' });
        const diags = c.good === '' ? Object.values(result).flat() : (result[c.file] ?? []);
        assert.deepEqual(
          diags.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`),
          [],
        );
      });
    });
  }
});
