// Optional: compares the catalog with the project's researched reference in ../shared/reference,
// when that folder sits beside the repository (it does on the maintainers' machines, not in a
// user's clone). Everything else in the test suite stands alone.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { allAnnexes, allArticles, allDefinitions } from '../../server/src/core/catalog/act';
import { allControls } from '../../server/src/core/catalog/iso';

const REFERENCE = join(__dirname, '..', '..', '..', 'shared', 'reference');
const skip = existsSync(REFERENCE) ? false : `optional: ${REFERENCE} is not beside this repository, so the catalog is not compared with it`;
const reference = <T>(f: string): T => JSON.parse(readFileSync(join(REFERENCE, f), 'utf8')) as T;

it('the catalog matches the reference: control ids, articles, annexes, definitions', { skip }, () => {
  assert.deepEqual(
    allControls().map((c) => c.id),
    reference<{ control_ids: string[] }>('iso42001.json').control_ids,
  );
  const act = reference<{ articles: { number: number; title: string }[]; annexes: { annex: string }[]; definitions: unknown[] }>(
    'euaiact.json',
  );
  assert.deepEqual(
    allArticles().map((a) => [a.number, a.title]),
    act.articles.map((a) => [a.number, a.title]),
  );
  assert.deepEqual(
    allAnnexes().map((a) => a.id),
    act.annexes.map((a) => a.annex),
  );
  assert.equal(allDefinitions().length, act.definitions.length);
});
