import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soaText } from '../../bench/generate';
import { parseFile } from '../../server/src/core/yaml/parse';
import { documentSymbols } from '../../server/src/services/outline';
import { SYSTEM } from '../helpers/fixtures';
import { registerText } from '../helpers/yaml-gen';

describe('the outline', () => {
  it('lists an SoA as its controls, each with its title and state, without every key of every control', () => {
    const text = soaText(3).replace(/(  A\.2\.3:\n.*\n    applicable: )true/, '$1false');
    const symbols = documentSymbols(parseFile('/ws/soa.aims.yaml', text));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['aims', 'kind', 'approvedBy', 'approvedOn', 'controls', 'additionalControls'],
    );
    const controls = symbols.find((s) => s.name === 'controls')!.children!;
    assert.equal(controls.length, 38);
    assert.deepEqual(
      controls.slice(0, 2).map((c) => [c.name, c.detail, c.children]),
      [
        ['A.2.2', 'AI policy — implemented', undefined],
        ['A.2.3', 'Alignment with other organizational policies — excluded', undefined],
      ],
    );
    // The entry's range covers the whole control, so the editor's breadcrumbs follow the cursor into it.
    assert.deepEqual(controls[0].range, { start: { line: 5, character: 2 }, end: { line: 11, character: 34 } });
    const extra = symbols.find((s) => s.name === 'additionalControls')!.children!;
    assert.deepEqual(
      extra.map((c) => [c.name, c.detail]),
      [
        ['BENCH-1', 'Internal control 1 — partial'],
        ['BENCH-2', 'Internal control 2 — planned'],
        ['BENCH-3', 'Internal control 3 — implemented'],
      ],
    );
  });

  it('lists a risk register as its risks, each with its title', () => {
    const symbols = documentSymbols(parseFile('/ws/risks.aims.yaml', registerText(2)));
    const risks = symbols.find((s) => s.name === 'risks')!.children!;
    assert.deepEqual(
      risks.map((r) => [r.name, r.detail, r.children]),
      [
        ['R-0', 'Risk 0', undefined],
        ['R-1', 'Risk 1', undefined],
      ],
    );
  });

  it('keeps every key of a system record, nested', () => {
    const symbols = documentSymbols(parseFile('/ws/s.aims.yaml', SYSTEM));
    const classification = symbols.find((s) => s.name === 'classification')!;
    assert.deepEqual(
      classification.children!.map((c) => [c.name, c.detail]),
      [
        ['tier', 'high'],
        ['basis', 'annex-iii'],
        ['annexIII', 'Annex III(4)(a)'],
      ],
    );
  });
});
