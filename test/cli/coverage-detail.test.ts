import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFolder } from '../../server/src/cli/load-workspace';
import { formatSarif, formatText } from '../../server/src/cli/formats';
import { systemCoverage, systemTally } from '../../server/src/core/coverage';
import { buildIndex } from '../../server/src/core/workspace';
import { parseFile } from '../../server/src/core/yaml/parse';
import { DormantFile } from '../../server/src/core/dormant-file';
import { tallyOf } from '../../server/src/core/report/tables';
import { defaultOptions } from '../../server/src/core/types';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const options = defaultOptions({ asOf: '2026-11-23' });

// `aims check` keeps each system's obligations only for JSON output; text and SARIF get counts, and records
// drop their trees (re-parsed for their check). What either prints must not depend on which was kept.
describe('aims check keeps counts for text and SARIF, every obligation for JSON', () => {
  for (const name of ['acme-lending', 'starter']) {
    it(`prints the same text and SARIF either way (${name})`, () => {
      const dir = join(EXAMPLES, name);
      const full = checkFolder(dir, options, dir);
      const tally = checkFolder(dir, options, dir, undefined, 'tally');
      assert.ok(full.coverage.systems.length > 0);
      assert.deepEqual(tally.tallies, full.coverage.systems.map(tallyOf));
      assert.deepEqual(tally.tallies, full.tallies);
      assert.ok(!('systems' in tally.coverage), 'no obligation list is kept');
      assert.deepEqual([...tally.diagnostics], [...full.diagnostics]);
      assert.equal(formatText([{ ...tally, target: name }], dir), formatText([{ ...full, target: name }], dir));
      assert.equal(formatSarif([tally], dir, '0.0.0'), formatSarif([full], dir, '0.0.0'));
      // Each system's line counts the obligations JSON would list.
      const text = formatText([{ ...tally, target: name }], dir);
      for (const s of full.coverage.systems) {
        const n = (status: string) => s.obligations.filter((o) => o.status === status).length;
        assert.ok(text.includes(`    ${s.id} (`) && text.includes(`): ${n('met')} met, ${n('partial')} partial,`), s.id);
        const line = text.split('\n').find((l) => l.startsWith(`    ${s.id} (`))!;
        assert.match(line, new RegExp(`: ${n('met')} met, ${n('partial')} partial, ${n('gap')} gaps?, ${n('missing')} missing`));
      }
      // The memory this saves: records keep their text, not their tree.
      const records = tally.files.filter((f) => f.kind === 'AISystem');
      assert.ok(records.length > 0 && records.every((f) => f instanceof DormantFile));
    });
  }
});

/** A record of a random profile listing random obligations with random statuses (some invalid, some duplicated). */
function randomRecord(i: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const roles = pick([['provider'], ['deployer'], ['provider', 'deployer'], ['importer'], ['distributor'], ['authorised-representative']]);
  const cls = pick([
    'classification: { tier: high, basis: annex-iii, annexIII: Annex III(4)(a) }',
    'classification: { tier: high, basis: annex-iii, annexIII: Annex III(5)(b) }',
    'classification: { tier: high, basis: annex-i, annexI: Annex I(11), thirdPartyAssessment: true }',
    'classification: { tier: limited, basis: article-50 }\ntransparency: [interaction, deep-fake]',
    'classification: { tier: minimal, basis: none }',
    'classification: { tier: unknown-tier, basis: none }',
    'subject: gpai-model\nclassification: { tier: minimal, basis: none }',
  ]);
  const refs = [
    'Art. 4',
    'Art. 9',
    'Art. 10',
    'Art. 13',
    'Art. 17',
    'Art. 26',
    'Art. 26(1)',
    'Art. 27',
    'Art. 43',
    'Art. 49',
    'Art. 49(1)',
    'Art. 49(3)',
    'Art. 50',
    'Art. 50(1)',
    'Art. 50(4)',
    'Art. 53',
    'Art. 72',
    'Art. 86',
    'Art. 5',
    'Art. 999',
  ];
  const statuses = ['met', 'partial', 'gap', 'not-applicable', 'done', ''];
  const listed = refs.filter(() => rnd() < 0.4).map((r) => `  ${r}: { status: ${pick(statuses) || "''"} }`);
  return [
    'aims: 1',
    'kind: AISystem',
    `id: sys-${i}`,
    `name: System ${i}`,
    `operatorRoles: [${roles.join(', ')}]`,
    cls,
    ...(rnd() < 0.3 ? ['placedOnMarket: 2025-01-01'] : []),
    ...(listed.length ? ['obligations:', ...listed] : []),
    '',
  ].join('\n');
}

describe('a system summary line without its coverage', () => {
  it('counts what the coverage lists, for records of every kind (400 random records)', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const files = Array.from({ length: 400 }, (_, i) => parseFile(`/ws/systems/s${i}.aims.yaml`, randomRecord(i, rnd)));
    const index = buildIndex('/ws', files);
    const seen = new Set<string>();
    for (const f of files) {
      const want = tallyOf(systemCoverage(f, index, options));
      assert.deepEqual(systemTally(f, options), want, f.text);
      for (const [k, n] of Object.entries(want.counts)) if (n) seen.add(k);
    }
    // Every status occurred, so each branch was compared.
    assert.deepEqual([...seen].sort(), ['gap', 'met', 'missing', 'not-applicable', 'partial']);
  });
});
