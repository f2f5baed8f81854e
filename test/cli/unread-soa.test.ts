import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceCoverage } from '../../server/src/core';
import { aims, brokenExample } from './helpers';

/** acme-lending with A.2.3 indented 1 space instead of 2: a YAML error on line 15 of its SoA. */
const broken = () => brokenExample('soa.aims.yaml', '\n  A.2.3:\n', '\n A.2.3:\n');

describe('aims check on an SoA with a YAML error', () => {
  it('counts the controls past the error as not read, not as gaps', async () => {
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], broken());
    assert.equal(r.code, 1);
    assert.match(r.out, /^soa\.aims\.yaml:15:2 error yaml-syntax /m);
    assert.match(r.out, /^ {2}Annex A: 1\/38 addressed, 37 not read \(YAML error in soa\.aims\.yaml line 15\)$/m);
    assert.match(r.out, /^ {4}A\.2 Policies related to AI +1 implemented, 2 not read$/m);
    assert.doesNotMatch(r.out, /^ {4}A\.\d+ .*missing/m);
  });

  it('says the same in JSON: state unread, a count apart from gaps, and where the error is', async () => {
    const r = await aims(['check', '.', '--format', 'json', '--as-of', '2026-11-23'], broken());
    const c = (JSON.parse(r.out) as { results: { coverage: WorkspaceCoverage }[] }).results[0].coverage.annexA;
    assert.deepEqual([c.addressed, c.gaps, c.unread, c.totals.missing, c.totals.unread], [1, 0, 37, 0, 37]);
    assert.deepEqual(c.yamlError, { file: 'soa.aims.yaml', line: 15 });
    assert.equal(c.topics[0].controls[1].state, 'unread');
  });
});
