import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRuleInfos } from '../../server/src/core/check';
import { ruleLinks } from '../../server/src/lsp/rule-links';

const DOC = join(__dirname, '..', '..', 'docs', 'rules.md');

describe('rule-code links in diagnostics', () => {
  // VS Code opens `file.md#L12` at line 12 and ignores any other fragment, so a heading anchor
  // (#missing-obligation) opened the document at its top.
  it("open docs/rules.md at each rule's own section", () => {
    const lines = readFileSync(DOC, 'utf8').split('\n');
    const href = ruleLinks(DOC);
    for (const r of allRuleInfos()) {
      const m = /^file:\/\/.*\/docs\/rules\.md#L(\d+)$/.exec(href(r.code));
      assert.ok(m, `${r.code}: ${href(r.code)}`);
      assert.equal(lines[Number(m[1]) - 1], `## ${r.code}`, r.code);
    }
  });

  it('fall back to the heading anchor when the document is not beside the server', () => {
    assert.match(ruleLinks('/nowhere/docs/rules.md')('missing-obligation'), /^file:\/\/\/nowhere\/docs\/rules\.md#missing-obligation$/);
  });
});
