import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthsBefore } from '../../server/src/core/rules/util';

// The 12-month windows of clauses 9.2 and 9.3 start here: an audit on the last day of a short month must count.
describe('monthsBefore', () => {
  it('keeps the day when the earlier month has it', () => {
    assert.equal(monthsBefore('2026-11-23', 12), '2025-11-23');
    assert.equal(monthsBefore('2026-01-15', 1), '2025-12-15');
  });
  it('clamps to the last day of a shorter month instead of running into the next', () => {
    assert.equal(monthsBefore('2028-02-29', 12), '2027-02-28');
    assert.equal(monthsBefore('2026-03-31', 1), '2026-02-28');
    assert.equal(monthsBefore('2026-05-31', 1), '2026-04-30');
  });
});
