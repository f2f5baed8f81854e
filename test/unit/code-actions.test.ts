import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allControls } from '../../server/src/core/catalog/iso';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/services/code-actions';
import { checkFiles } from '../helpers/workspace';
import { config, workspaceAt } from '../helpers/cursor';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';

/** Applies the first action whose title matches to the file, as an editor would. */
function apply(files: Record<string, string>, at: string, title: RegExp): string {
  const diags = checkFiles(files, { existing: EXISTING })[at] ?? [];
  const { file, ws } = workspaceAt({ ...files, [at]: files[at] + '|' }, at);
  const lsp = diags.map((d) => ({ range: d.range, code: d.code, message: d.message, data: d.data }));
  const actions = codeActions(
    file,
    ws,
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    { diagnostics: lsp },
    config(),
  );
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title}; got ${actions.map((a) => a.title).join(' | ')}`);
  const edits = Object.values(action.edit!.changes!)[0];
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, file.text), edits);
}

const SYS = (eol = '\n', indent = '  ') =>
  [
    '# Record of the chatbot',
    'aims: 1',
    'kind: AISystem',
    'id: chat',
    'name: "Chat"  # quoted on purpose',
    'operatorRoles: [provider]',
    'transparency: [interaction]',
    'classification:',
    `${indent}tier: limited`,
    `${indent}basis: article-50`,
    'obligations:',
    `${indent}Art. 4: { status: met, evidence: [../evidence/x.md] }  # literacy`,
    'risks: []',
    '',
  ].join(eol);

describe('quick fixes', () => {
  it('adds the missing obligations after the existing ones, keeping every other byte', () => {
    const before = SYS();
    const after = apply(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before },
      'systems/chat.aims.yaml',
      /obligation/,
    );
    assert.equal(
      after,
      before.replace(
        '# literacy\n',
        '# literacy\n  Art. 50(1):  # Transparency obligations for providers and deployers of certain AI systems\n    status: gap\n',
      ),
    );
  });
  it('keeps CRLF line endings and a 4-space indent', () => {
    const before = SYS('\r\n', '    ');
    const after = apply(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before },
      'systems/chat.aims.yaml',
      /obligation/,
    );
    assert.equal(
      after,
      before.replace(
        '# literacy\r\n',
        '# literacy\r\n    Art. 50(1):  # Transparency obligations for providers and deployers of certain AI systems\r\n        status: gap\r\n',
      ),
    );
  });
  it('adds every missing Annex A control in catalogue order, ready to decide', () => {
    const partial = soa([], ['A.2.3', 'A.10.4']).replace('controls:', 'controls:  # keep this comment');
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': partial }, 'soa.aims.yaml', /Add 2 missing Annex A controls/);
    assert.ok(after.startsWith(partial.slice(0, partial.indexOf('  A.2.4:'))));
    assert.match(after, /# keep this comment/);
    assert.match(
      after,
      /evidence: \[evidence\/x\.md\]\n {2}A\.2\.3:\n {4}title: Alignment with other organizational policies\n {4}applicable: true\n/,
    );
    assert.ok(after.trimEnd().endsWith('status: not-started'));
    assert.deepEqual(
      checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': after }, { existing: EXISTING })
        ['soa.aims.yaml'].map((d) => d.code)
        .filter((c) => c === 'soa-missing-control'),
      [],
    );
  });
  it('replaces a near-miss id with the suggestion, and nothing else', () => {
    const before = SYS().replace('risks: []', 'owner: aims-ownr');
    const after = apply(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before },
      'systems/chat.aims.yaml',
      /Change to 'aims-owner'/,
    );
    assert.equal(after, before.replace('aims-ownr', 'aims-owner'));
  });
  it("fixes a mislabelled control title to the standard's", () => {
    const before = soa().replace('  A.2.2:\n', '  A.2.2:\n    title: AI risk assessment\n');
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Change to 'AI policy'/);
    assert.equal(after, before.replace('title: AI risk assessment', 'title: AI policy'));
  });
});

describe('edits keep every untouched byte (property)', () => {
  it('adding missing controls to random SoAs only inserts whole lines', () => {
    const ids = allControls().map((c) => c.id);
    fc.assert(
      fc.property(
        fc.subarray(ids, { minLength: 1 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(2, 4),
        fc.boolean(),
        (present, nl, unit, flowEntries) => {
          const pad = ' '.repeat(unit);
          const lines = [
            '# Statement of Applicability',
            'aims: 1',
            'kind: StatementOfApplicability',
            "approvedBy: 'aims-owner'  # quoted",
            'controls:',
          ];
          for (const id of present) {
            if (flowEntries) lines.push(`${pad}${id}: { applicable: true, justification: "Kept as is", status: planned }  # ${id}`);
            else
              lines.push(
                `${pad}${id}:`,
                `${pad}${pad}applicable: true`,
                `${pad}${pad}justification: >-`,
                `${pad}${pad}${pad}Kept as is`,
                `${pad}${pad}status: planned`,
              );
          }
          const before = lines.join(nl) + nl;
          const { file, ws } = workspaceAt({ 'soa.aims.yaml': before + '|' }, 'soa.aims.yaml');
          const fix = codeActions(
            file,
            ws,
            { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            { diagnostics: [], only: ['source'] },
            config(),
          );
          if (present.length === ids.length) return fix.length === 0;
          const edits = Object.values(fix[0].edit!.changes!)[0];
          const after = TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, file.text), edits);
          // Every original line is still there, in order and byte for byte; only new lines were added.
          const out = after.split(nl);
          let i = 0;
          for (const l of before.split(nl)) {
            while (i < out.length && out[i] !== l) i++;
            assert.ok(i < out.length, `line kept: ${JSON.stringify(l)}`);
            i++;
          }
          if (nl === '\r\n') assert.ok(!/[^\r]\n/.test(after), 'CRLF kept throughout');
          else assert.ok(!after.includes('\r'));
          const recheck = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': after }, { existing: EXISTING })['soa.aims.yaml'];
          assert.deepEqual(
            recheck.filter((d) => d.code === 'soa-missing-control' || d.code === 'yaml-syntax'),
            [],
          );
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});
