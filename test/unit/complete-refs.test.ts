import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../server/src/services/complete';
import { config, workspaceAt } from '../helpers/cursor';

const SYS = 'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n';

/** The completions at `|` in a system record, and the line the one labelled `pick` leaves when accepted. */
function accept(marked: string, pick: string): { line: string; items: CompletionItem[] } {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': marked }, 's.aims.yaml');
  const items = complete(file, ws, position, config({ snippetSupport: false })).items;
  const item = items.find((i) => i.label === pick);
  assert.ok(item, `${pick} offered among ${items.map((i) => i.label).join(', ')}`);
  const edit = item.textEdit as TextEdit;
  assert.equal(edit.range.start.line, position.line);
  assert.equal(edit.range.end.line, position.line);
  const text = file.lines.lineText(position.line);
  return { line: text.slice(0, edit.range.start.character) + edit.newText + text.slice(edit.range.end.character), items };
}

describe('completion of Act references types right', () => {
  it("replaces the ')' the editor closed after the cursor", () => {
    assert.equal(accept(SYS + 'obligations:\n  Art. 26(|)\n', 'Art. 26(1)').line, '  Art. 26(1)');
    assert.equal(accept(SYS + 'obligations:\n  Art. 17(1)(|)\n', 'Art. 17(1)(a)').line, '  Art. 17(1)(a)');
    assert.equal(
      accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: Annex III(3)(|)\n'), 'Annex III(3)(d)').line,
      '  annexIII: Annex III(3)(d)',
    );
    // The letter typed before accepting is replaced too.
    assert.equal(
      accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: Annex III(3)(d|)\n'), 'Annex III(3)(d)').line,
      '  annexIII: Annex III(3)(d)',
    );
    assert.equal(
      accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: Annex III(|)\n'), 'Annex III(5)(b)').line,
      '  annexIII: Annex III(5)(b)',
    );
  });

  it('leaves what follows alone when no bracket was closed for it', () => {
    // A closing bracket that belongs to the next point stays.
    assert.equal(accept(SYS + 'obligations:\n  Art. 26(|)(a)\n', 'Art. 26(1)').line, '  Art. 26(1)(a)');
    assert.equal(
      accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: Annex III(5)(|)x)\n'), 'Annex III(5)(b)').line,
      '  annexIII: Annex III(5)(b)x)',
    );
    assert.equal(accept(SYS + 'obligations:\n  Art. 26(|\n', 'Art. 26(1)').line, '  Art. 26(1)');
  });

  it('shows what each Annex III point is, and finds it by those words', () => {
    const { items } = accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: |\n'), 'Annex III(5)(b)');
    const b5 = items.find((i) => i.label === 'Annex III(5)(b)')!;
    assert.equal(b5.labelDetails?.description, 'creditworthiness / credit score of natural persons (not fraud detection)');
    const find = (word: string): string[] =>
      items.filter((i) => (i.filterText ?? i.label).toLowerCase().includes(word)).map((i) => i.label);
    assert.deepEqual(find('credit'), ['Annex III(5)(b)']);
    assert.deepEqual(find('exam'), ['Annex III(3)(d)', 'Annex III(7)(c)']);
    assert.deepEqual(find('recruit'), ['Annex III(4)(a)']);
    // Stepwise too: after `Annex III(5)(` the points say what they are.
    const step = accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: Annex III(5)(|)\n'), 'Annex III(5)(b)').items;
    assert.match(step.find((i) => i.label === 'Annex III(5)(b)')?.labelDetails?.description ?? '', /creditworthiness/);
  });

  it('every Annex III point of the catalog says what it is', () => {
    const { items } = accept(SYS.replace('  tier: high\n', '  tier: high\n  annexIII: |\n'), 'Annex III(2)');
    assert.equal(items.length, 25);
    for (const i of items) assert.ok((i.labelDetails?.description ?? '').length > 10, i.label);
  });
});
