import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildRulesDoc } from '../../scripts/gen-rules-doc';
import { buildSnippets } from '../../scripts/gen-snippets';
import { fileSnippets } from '../../server/src/services/file-snippets';
import { buildValidators, VALIDATORS_FILE } from '../../scripts/gen-validators';

const root = join(__dirname, '..', '..');

it('docs/rules.md matches the rules and their test cases (npm run docs:rules)', () => {
  assert.equal(readFileSync(join(root, 'docs', 'rules.md'), 'utf8'), buildRulesDoc());
});

it('snippets/aims.code-snippets matches the catalog (npm run snippets)', () => {
  assert.equal(readFileSync(join(root, 'snippets', 'aims.code-snippets'), 'utf8'), JSON.stringify(buildSnippets(), null, 2) + '\n');
});

it('the precompiled schema validators match schemas/ (npm run validators)', () => {
  assert.equal(readFileSync(VALIDATORS_FILE, 'utf8'), buildValidators());
});

it('the SoA snippet lists all 38 Annex A controls, each with a justification to fill', () => {
  const body = fileSnippets()
    .find((s) => s.prefix === 'aims-soa')!
    .body.join('\n');
  assert.equal((body.match(/^ {2}A\.\d+\.\d+(\.\d+)?:$/gm) ?? []).length, 38);
  assert.equal((body.match(/justification: \$\{\d+:/g) ?? []).length, 38);
});
