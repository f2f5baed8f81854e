import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFolder } from '../../server/src/cli/load-workspace';
import { formatSarif, formatText } from '../../server/src/cli/formats';
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
