import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildObligationsDoc } from '../../scripts/gen-obligations-doc';
import { DUTIES } from '../../server/src/core/catalog/applicability';

it('docs/obligations.md matches the applicability table (npm run docs:obligations)', () => {
  assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'obligations.md'), 'utf8'), buildObligationsDoc());
});

it('every row of the table cites the paragraph that creates it and says when it applies', () => {
  const doc = buildObligationsDoc();
  for (const d of DUTIES) {
    assert.match(d.creates, /^Art\. \d+(\(\d+\))?(\([a-z]\))?$/, d.id);
    const section = doc.slice(doc.indexOf(`### ${d.ref} `), doc.indexOf('\n### ', doc.indexOf(`### ${d.ref} `) + 1));
    assert.match(section, new RegExp(`\\*\\*Created by:\\*\\* ${d.creates.replace(/[().]/g, '\\$&')}`), d.id);
    assert.match(section, /\*\*Condition:\*\* the record is about/, d.id);
    assert.match(section, /\*\*Date:\*\* (from|Annex III: 2 August 2026|Annex I: 2 August 2027)/, d.id);
  }
});
