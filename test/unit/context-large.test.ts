import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'yaml';
import { pathAt } from '../../server/src/core/yaml/nav';
import { fastTrees, parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
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

  it('is the path pathAt finds in the tree `yaml` itself builds, read without binary search', () => {
    const rand = prng(32);
    const { soa, register } = largeFastFiles();
    for (const file of [soa, register]) {
      const slow = parseFile(file.path, file.text, 0, { fastPath: false });
      const steps = (root: unknown, offset: number): unknown =>
        pathAt(root as Node, offset).map((s) => [s.key, s.onKey, s.node?.range?.slice(0, 2), s.keyNode?.range?.slice(0, 2)]);
      for (let k = 0; k < 1500; k++) {
        const offset = Math.floor(rand() * (file.text.length + 1));
        assert.deepEqual(steps(file.root, offset), steps(slow.root, offset), `at ${offset} in ${file.path}`);
      }
    }
  });
});
