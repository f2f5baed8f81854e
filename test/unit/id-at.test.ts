import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soaText } from '../../bench/generate';
import { buildIndex } from '../../server/src/core/workspace';
import { fastTrees, parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
import { reparseFile } from '../../server/src/core/yaml/reparse';
import { idAt } from '../../server/src/services/navigation';
import { prng, registerText } from '../helpers/yaml-gen';

/** What idAt finds, as data. */
const found = (file: ParsedFile, others: ParsedFile[], offset: number): unknown => {
  const r = idAt(file, buildIndex('/ws', [file, ...others]), file.lines.positionAt(offset));
  return r && { kind: r.kind, id: r.id, range: r.node.range };
};

describe('the id under the cursor in a large file', () => {
  it('is the one found without narrowing the large mappings to the entry at the cursor, at every kind of place', () => {
    const rand = prng(77);
    let soa = parseFile('/ws/soa.aims.yaml', soaText(200), 0);
    // A version made by an edit (moved entries are read through lazily moved pairs).
    const at = soa.text.indexOf('applicable: true', soa.text.length / 2);
    soa = reparseFile(soa, soa.path, soa.text.slice(0, at) + 'applicable: false' + soa.text.slice(at + 16), 1);
    const register = parseFile('/ws/register.aims.yaml', registerText(150), 0);
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
