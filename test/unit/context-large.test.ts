import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fastTrees, type ParsedFile } from '../../server/src/core/yaml/parse';
import { parentKeys } from '../../server/src/services/context';
import { largeFastFiles } from '../helpers/large-files';
import { prng } from '../helpers/yaml-gen';

describe('the keys above the cursor in a large file', () => {
  it('are those read line by line, when the tree lets the walk skip a mapping’s other entries', () => {
    const rand = prng(31);
    const { soa, register } = largeFastFiles();
    for (const file of [soa, register]) {
      assert.ok(fastTrees.has(file));
      const whole: ParsedFile = { ...file }; // not a fast-path tree: read line by line
      const depths = new Set<number>();
      for (let k = 0; k < 1500; k++) {
        const line = Math.floor(rand() * file.lines.lineCount);
        const indent = Math.floor(rand() * 9);
        const got = parentKeys(file, line, indent);
        assert.deepEqual(got, parentKeys(whole, line, indent), `line ${line}, indent ${indent} in ${file.path}`);
        depths.add(got.length);
      }
      assert.deepEqual(
        [...depths].sort(),
        [0, 1, 2, 3].filter((d) => depths.has(d)),
        `depths in ${file.path}`,
      );
      assert.ok(depths.has(2), `some cursor two mappings deep in ${file.path}`);
    }
  });
});
