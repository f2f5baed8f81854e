import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../server/src/core/workspace';
import { fastTrees, type ParsedFile } from '../../server/src/core/yaml/parse';
import { idAt } from '../../server/src/services/navigation';
import { largeFastFiles } from '../helpers/large-files';
import { prng } from '../helpers/yaml-gen';

/** What idAt finds, as data. */
const found = (file: ParsedFile, others: ParsedFile[], offset: number): unknown => {
  const r = idAt(file, buildIndex('/ws', [file, ...others]), file.lines.positionAt(offset));
  return r && { kind: r.kind, id: r.id, range: r.node.range };
};

describe('the id under the cursor in a large file', () => {
  it('is the one found without narrowing the large mappings to the entry at the cursor, at every kind of place', () => {
    const rand = prng(77);
    const { soa, register } = largeFastFiles();
    for (const file of [soa, register]) {
      assert.ok(fastTrees.has(file));
      // A copy of the same file that is not a fast-path tree is read whole.
      const whole: ParsedFile = { ...file };
      const hits = new Set<string>();
      for (let k = 0; k < 1500; k++) {
        const offset = Math.floor(rand() * file.text.length);
        const got = found(file, [], offset);
        assert.deepEqual(got, found(whole, [], offset), `at ${offset} in ${file.path}`);
        if (got) hits.add((got as { kind: string }).kind);
      }
      const want = file === soa ? ['control', 'role'] : ['control', 'risk', 'role', 'system'];
      assert.deepEqual([...hits].sort(), want, `kinds of id found in ${file.path}`);
    }
  });
});
