import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allControls } from '../../server/src/core/catalog/iso';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { mappingLines, type MappingSpec, type MappingStyle } from '../helpers/yaml-gen';
import { codeActions } from '../../server/src/services/code-actions';
import { checkFiles, codes } from '../helpers/workspace';
import { config } from '../helpers/cursor';
import { ROOT } from '../helpers/workspace';
import { buildIndex, parseFile, type ParsedFile } from '../../server/src/core';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';

/** The code actions an editor gets for a whole file, with the findings of its workspace as context. */
function actionsFor(files: Record<string, string>, at: string): { file: ParsedFile; actions: CodeAction[] } {
  const diags = checkFiles(files, { existing: EXISTING })[at] ?? [];
  const parsed = Object.entries(files).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const ws = buildIndex(ROOT, parsed);
  const file = parsed.find((p) => p.path === `${ROOT}/${at}`)!;
  const lsp = diags.map((d) => ({ range: d.range, code: d.code, message: d.message, data: d.data }));
  const actions = codeActions(
    file,
    ws,
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    { diagnostics: lsp },
    config(),
  );
  return { file, actions };
}

/** The text after an action's edits, as an editor applies them. */
function edited(file: ParsedFile, action: CodeAction): string {
  const edits = Object.values(action.edit!.changes!)[0];
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, file.text), edits);
}

/** Applies the first action whose title matches to the file, as an editor would. */
function apply(files: Record<string, string>, at: string, title: RegExp): string {
  const { file, actions } = actionsFor(files, at);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title}; got ${actions.map((a) => a.title).join(' | ')}`);
  return edited(file, action);
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

/** The chatbot record after the "add obligations" fix. */
const withObligations = (record: string): string =>
  apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': record }, 'systems/chat.aims.yaml', /obligation/);

describe('quick fixes', () => {
  it('adds the missing obligations after the existing ones, keeping every other byte', () => {
    const before = SYS();
    const after = withObligations(before);
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
    const after = withObligations(before);
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
  it("offers the standard's wording for a reworded title", () => {
    const worded = 'Processes for responsible design and development of AI systems';
    const before = soa().replace('  A.6.1.3:\n', `  A.6.1.3:\n    title: ${worded}\n`);
    const after = apply(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before },
      'soa.aims.yaml',
      /Change to 'Processes for responsible AI system/,
    );
    assert.equal(after, before.replace(worded, 'Processes for responsible AI system design and development'));
  });
});

const TODO = 'TODO - why this control is included or excluded';
const SOA_HEAD = 'aims: 1\nkind: StatementOfApplicability\napprovedBy: aims-owner\napprovedOn: 2026-05-01\n';
/** A control as the fix writes it inside a flow mapping. */
const flowControl = (id: string): string =>
  `${id}: { title: ${allControls().find((c) => c.id === id)!.title}, applicable: true, justification: ${TODO}, status: not-started }`;
const idsAfter = (id: string): string[] =>
  allControls()
    .map((c) => c.id)
    .slice(allControls().findIndex((c) => c.id === id) + 1);

describe('quick fixes on flow mappings, anchors and comments', () => {
  it('adds missing controls inside a one-line flow mapping, one per line, keeping the entry there', () => {
    const before = SOA_HEAD + 'controls: {A.2.2: {applicable: false, justification: Not relevant}}  # one line\n';
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add 37 missing Annex A controls/);
    assert.equal(
      after,
      before.replace(
        'Not relevant}',
        `Not relevant}${idsAfter('A.2.2')
          .map((id) => `,\n  ${flowControl(id)}`)
          .join('')}`,
      ),
    );
    assert.deepEqual(
      codes(checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': after })['soa.aims.yaml']).filter(
        (c) => c === 'soa-missing-control' || c === 'yaml-syntax',
      ),
      [],
    );
  });

  it('adds missing controls to a multi-line flow mapping after their predecessors, keeping comments', () => {
    const before =
      SOA_HEAD +
      'controls: {\n  A.2.2: { applicable: false, justification: Not relevant },  # first\n  A.2.4: { applicable: false, justification: Not relevant }\n}\n';
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add 36 missing Annex A controls/);
    const rest = idsAfter('A.2.4');
    assert.equal(
      after,
      before
        .replace('# first\n', `# first\n  ${flowControl('A.2.3')},\n`)
        .replace(
          'Not relevant }\n}',
          `Not relevant },${rest.map((id, i) => `\n  ${flowControl(id)}${i < rest.length - 1 ? ',' : ''}`).join('')}\n}`,
        ),
    );
  });

  it('fills an empty flow mapping below its key, keeping its anchor and comment', () => {
    const before = SOA_HEAD + 'controls: &all {}  # none yet\n';
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add 38 missing Annex A controls/);
    assert.ok(after.startsWith(SOA_HEAD + 'controls: &all  # none yet\n  A.2.2:\n    title: AI policy\n'), after.slice(0, 300));
    assert.deepEqual(
      codes(checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': after })['soa.aims.yaml']).filter(
        (c) => c === 'soa-missing-control' || c === 'yaml-syntax',
      ),
      [],
    );
  });

  it('adds the obligations in article order, Art. 43 with the route the record allows, as a new record lists them', () => {
    const record = (obligations: string) =>
      [
        'aims: 1',
        'kind: AISystem',
        'id: benefits',
        'name: Benefits',
        'operatorRoles: [provider, deployer]',
        'publicBody: true',
        'publicAuthority: true',
        'establishment: eu',
        'classification: { tier: high, basis: annex-iii, annexIII: Annex III(5)(a) }',
        obligations,
        '',
      ].join('\n');
    const after = apply(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/b.aims.yaml': record('obligations:\n  Art. 4: { status: met }') },
      'systems/b.aims.yaml',
      /obligation/,
    );
    const keys = [...after.matchAll(/^ {2}(Art\. [^:]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, [
      'Art. 4',
      ...keys.slice(1).sort((x, y) => parseFloat(x.slice(5)) - parseFloat(y.slice(5)) || x.localeCompare(y)),
    ]);
    assert.deepEqual(keys.slice(0, 4), ['Art. 4', 'Art. 9', 'Art. 10', 'Art. 11']);
    assert.ok(keys.indexOf('Art. 27') < keys.indexOf('Art. 49(1)') && keys.indexOf('Art. 49(1)') < keys.indexOf('Art. 49(3)'));
    assert.match(after, /\n  Art\. 43: {2}# Conformity assessment\n {4}status: gap\n {4}route: annex-vi\n/);
    const findings = checkFiles(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/b.aims.yaml': after },
      { existing: EXISTING },
    )['systems/b.aims.yaml'];
    assert.deepEqual(
      codes(findings).filter((c) => c === 'missing-obligation' || c === 'conformity-route-missing'),
      [],
    );
  });

  it('adds a missing obligation inside a one-line flow mapping, and does not mark it preferred', () => {
    const before = SYS().replace(
      'obligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md] }  # literacy\n',
      'obligations: { Art. 4: { status: met, evidence: [../evidence/x.md] } }  # literacy\n',
    );
    const files = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before };
    const { file, actions } = actionsFor(files, 'systems/chat.aims.yaml');
    const action = actions.find((a) => /obligation/.test(a.title))!;
    assert.equal(edited(file, action), before.replace('x.md] } }', 'x.md] }, Art. 50(1): { status: gap } }'));
    assert.notEqual(action.isPreferred, true, 'inserting obligations is a decision, not a correction: never auto-applied');
  });

  it('adds a missing obligation on its own line in a multi-line flow mapping with a trailing comma', () => {
    const before = SYS().replace(
      'obligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md] }  # literacy\n',
      'obligations: {\n  Art. 4: { status: met },   # literacy\n}\n',
    );
    const after = withObligations(before);
    assert.equal(
      after,
      before.replace(
        '# literacy\n',
        '# literacy\n  Art. 50(1): { status: gap },  # Transparency obligations for providers and deployers of certain AI systems\n',
      ),
    );
  });

  it('offers no obligations fix that would cut into a flow mapping YAML cannot read (found by the fuzzer)', () => {
    // The first key of a multi-line flow mapping mangled: YAML reads the mapping as empty, yet it holds entries.
    const before = SYS('\r\n').replace(
      'obligations:\r\n  Art. 4: { status: met, evidence: [../evidence/x.md] }  # literacy\r\n',
      'obligations: {\r\n:t. 4: { status: met, evidence: [../evidence/x.md] }, Art. 50(1): { status: met } }\r\n',
    );
    const { file, actions } = actionsFor(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before },
      'systems/chat.aims.yaml',
    );
    for (const action of actions.filter((a) => /obligation/.test(a.title))) {
      const edits = Object.values(action.edit!.changes!)[0];
      const removed = edits.map((e) => file.text.slice(file.lines.offsetAt(e.range.start), file.lines.offsetAt(e.range.end)));
      assert.ok(
        removed.every((r) => /^\s*$/.test(r)),
        `${action.title} removes ${JSON.stringify(removed)}`,
      );
      assert.ok(edited(file, action).includes(':t. 4: { status: met'), 'the unreadable entry stays');
    }
  });

  it('offers no obligations fix where the mapping is an alias (adding keys there would change its anchor)', () => {
    const before = SYS()
      .replace('# Record of the chatbot\n', '# Record of the chatbot\nx-shared: &shared\n  Art. 4: { status: met }\n')
      .replace('obligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md] }  # literacy\n', 'obligations: *shared\n');
    const { actions } = actionsFor(
      { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/chat.aims.yaml': before },
      'systems/chat.aims.yaml',
    );
    assert.deepEqual(
      actions.filter((a) => /obligation/.test(a.title)).map((a) => a.title),
      [],
    );
  });

  it('fills an empty block-scalar justification on its own line, keeping the next key', () => {
    const before = soa().replace(
      '  A.2.2:\n    applicable: true\n    justification: Needed for our systems.\n',
      '  A.2.2:\n    applicable: true\n    justification: |\n',
    );
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add a justification/);
    assert.equal(after, before.replace('justification: |\n', `justification: ${TODO}\n`));
  });

  it('fills an empty justification before its comment, keeping the comment', () => {
    const before = soa().replace('justification: Needed for our systems.\n', 'justification:   # decide at the review\n');
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add a justification/);
    assert.equal(after, before.replace('justification:   # decide', `justification: ${TODO}   # decide`));
  });

  it('adds a justification inside a flow entry', () => {
    const before = soa().replace(
      '  A.2.2:\n    applicable: true\n    justification: Needed for our systems.\n    status: implemented\n    owner: aims-owner\n    evidence: [evidence/x.md]\n',
      '  A.2.2: { applicable: true, status: planned }  # later\n',
    );
    const after = apply({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before }, 'soa.aims.yaml', /Add a justification/);
    assert.equal(after, before.replace('status: planned }', `status: planned, justification: ${TODO} }`));
  });
});

/** Runs per property: `n` in every suite run, `AIMS_FUZZ_RUNS` for more. */
const runs = (n: number): number => Number(process.env.AIMS_FUZZ_RUNS ?? n);

const specArb: fc.Arbitrary<MappingSpec> = fc.record({
  style: fc.constantFrom<MappingStyle>('block', 'flow-line', 'flow-lines', 'empty'),
  anchor: fc.boolean(),
  comments: fc.boolean(),
  flowValues: fc.boolean(),
  aliases: fc.boolean(),
  trailingComma: fc.boolean(),
  braceOwnLine: fc.boolean(),
  empty: fc.constantFrom<MappingSpec['empty']>('null', '{}', '~'),
});

/**
 * What every fix must keep: its edits only insert (apart from an empty value
 * it fills: `{}`, `~`, or a blank scalar), the result reads as YAML without
 * errors, line endings stay as they were, and the data before the fix is all
 * still there with the same values once `undo` takes out what the fix meant to add.
 */
function assertLossless(before: string, edits: TextEdit[], nl: string, undo: (data: Record<string, unknown>) => void): string {
  const doc = TextDocument.create('file:///x', 'yaml', 0, before);
  for (const e of edits) {
    const removed = before.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end));
    assert.match(
      removed,
      /^[ \t]*(\{\s*\}|\[\s*\]|~|null|''|""|[|>][-+0-9]*)?$/,
      `an edit removes only an empty value, not ${JSON.stringify(removed)}`,
    );
  }
  const after = TextDocument.applyEdits(doc, edits);
  const parsed = parseDocument(after, { merge: true });
  assert.deepEqual(
    parsed.errors.map((e) => e.message),
    [],
    after,
  );
  if (nl === '\r\n') assert.ok(!/[^\r]\n/.test(after), 'CRLF kept throughout');
  else assert.ok(!after.includes('\r'));
  const data = parsed.toJS() as Record<string, unknown>;
  undo(data);
  assert.deepEqual(data, parseDocument(before, { merge: true }).toJS(), 'every value before the fix is still there');
  return after;
}

/** Undo for keys added to the mapping under `key` (which the fix may have created from nothing). */
const dropKeys =
  (key: string, added: string[], was: unknown) =>
  (data: Record<string, unknown>): void => {
    const map = data[key] as Record<string, unknown>;
    for (const k of added) {
      assert.ok(k in map, `${k} added`);
      delete map[k];
    }
    if (was === undefined) delete data[key];
    else if (was === null) data[key] = null;
  };

function sourceFix(text: string): CodeAction[] {
  const file = parseFile(`${ROOT}/soa.aims.yaml`, text);
  return codeActions(
    file,
    buildIndex(ROOT, [file]),
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    { diagnostics: [], only: ['source'] },
    config(),
  );
}

describe('edits keep every untouched byte (property)', () => {
  it('adding missing controls to random SoAs in every YAML style keeps every byte and value', () => {
    const ids = allControls().map((c) => c.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.constantFrom('\n', '\r\n'), fc.constantFrom(2, 4), specArb, (present, nl, unit, spec) => {
        const entries: [string, [string, string][]][] = present.map((id) => [
          id,
          [
            ['applicable', 'true'],
            ['justification', '"Kept as is"'],
            ['status', 'planned'],
          ],
        ]);
        const lines = [
          '# Statement of Applicability',
          'aims: 1',
          'kind: StatementOfApplicability',
          "approvedBy: 'aims-owner'  # quoted",
          ...mappingLines('controls', entries, spec, unit),
          '# the end',
        ];
        const before = lines.join(nl) + nl;
        const fix = sourceFix(before);
        if (present.length === ids.length && spec.style !== 'empty') return fix.length === 0;
        assert.equal(fix.length, 1, `a fix is offered for ${JSON.stringify(spec)}:\n${before}`);
        const missing = ids.filter((id) => spec.style === 'empty' || !present.includes(id));
        const was = (parseDocument(before).toJS() as Record<string, unknown>).controls;
        const after = assertLossless(before, Object.values(fix[0].edit!.changes!)[0], nl, dropKeys('controls', missing, was));
        const controls = (parseDocument(after, { merge: true }).toJS() as { controls: Record<string, unknown> }).controls;
        assert.deepEqual(Object.keys(controls), ids, "every control, in the standard's order");
        const recheck = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': after }, { existing: EXISTING })['soa.aims.yaml'];
        assert.deepEqual(
          codes(recheck).filter((c) => c === 'soa-missing-control' || c === 'yaml-syntax'),
          [],
        );
        return true;
      }),
      { numRuns: runs(150) },
    );
  });

  it('adding required obligations to random records in every YAML style keeps every byte and value', () => {
    const required = [4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 26, 43, 47, 48, 49, 72, 73];
    fc.assert(
      fc.property(
        fc.subarray(required),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(2, 4),
        specArb,
        fc.boolean(),
        (present, nl, unit, spec, absent) => {
          const pad = ' '.repeat(unit);
          const entries: [string, [string, string][]][] = present.map((a) => [`Art. ${a}`, [['status', a % 2 ? 'met' : 'partial']]]);
          const lines = [
            '# Record',
            'aims: 1',
            'kind: AISystem',
            'id: hiring',
            'name: CV screening  # plain',
            'operatorRoles: [provider, deployer]',
            'classification:',
            `${pad}tier: high`,
            `${pad}basis: annex-iii`,
            `${pad}annexIII: Annex III(4)(a)`,
            ...(absent ? [] : mappingLines('obligations', entries, spec, unit)),
          ];
          const before = lines.join(nl) + nl;
          const files = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/hiring.aims.yaml': before };
          const { file, actions } = actionsFor(files, 'systems/hiring.aims.yaml');
          const fix = actions.find((a) => /obligation/.test(a.title));
          if (!absent && spec.style !== 'empty' && present.length === required.length) return fix === undefined;
          assert.ok(fix, `a fix is offered for ${JSON.stringify(spec)}:\n${before}`);
          assert.notEqual(fix.isPreferred, true);
          const listed = absent || spec.style === 'empty' ? [] : present;
          const was = (parseDocument(before).toJS() as Record<string, unknown>).obligations;
          const added = /Add the (\d+) obligation/.exec(fix.title)![1];
          const after = assertLossless(file.text, Object.values(fix.edit!.changes!)[0], nl, (data) => {
            const map = data.obligations as Record<string, unknown>;
            const extra = Object.keys(map).filter((k) => !listed.some((a) => k === `Art. ${a}`));
            assert.equal(extra.length, Number(added));
            for (const k of extra) {
              // Art. 43 comes with the one route Art. 43(2) allows an Annex III(4) system, as a new record has it.
              assert.deepEqual(map[k], k === 'Art. 43' ? { status: 'gap', route: 'annex-vi' } : { status: 'gap' });
              delete map[k];
            }
            if (was === undefined) delete data.obligations;
            else if (was === null) data.obligations = null;
          });
          const recheck = checkFiles({ ...files, 'systems/hiring.aims.yaml': after }, { existing: EXISTING })['systems/hiring.aims.yaml'];
          assert.deepEqual(
            codes(recheck).filter(
              (c) => c === 'missing-obligation' || c === 'yaml-syntax' || (c === 'conformity-route-missing' && !present.includes(43)),
            ),
            [],
          );
          return true;
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('filling a blank justification in any form changes that value only', () => {
    const BLANKS = [
      'justification:',
      'justification:   # decide later',
      "justification: ''",
      'justification: ""',
      'justification: ~',
      'justification: |',
      'justification: >-  # folded',
      'justification: |\n',
      'justification: []',
      null,
    ];
    const ids = allControls().map((c) => c.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...BLANKS),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(2, 4),
        fc.boolean(),
        (id, blank, nl, unit, flow) => {
          const pad = ' '.repeat(unit);
          const lines = ['aims: 1', 'kind: StatementOfApplicability', 'approvedBy: aims-owner', 'controls:'];
          for (const c of ids) {
            if (c !== id) lines.push(`${pad}${c}: { applicable: true, justification: Needed, status: planned }`);
            else if (flow) {
              const j =
                blank === null || blank.includes('#') || blank.includes('|') || blank.includes('>') ? '' : `${blank.replace(/:$/, ': ')}, `;
              lines.push(`${pad}${c}: { applicable: false, ${j}status: planned }  # the one`);
            } else {
              lines.push(`${pad}${c}:  # the one`, `${pad}${pad}applicable: false`);
              if (blank !== null) lines.push(`${pad}${pad}${blank.replace(/\n/g, nl)}`);
              lines.push(`${pad}${pad}status: planned`);
            }
          }
          const before = lines.join(nl) + nl;
          const files = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': before };
          const { file, actions } = actionsFor(files, 'soa.aims.yaml');
          const fix = actions.find((a) => a.title === 'Add a justification');
          assert.ok(fix, `a fix is offered:\n${before}`);
          assertLossless(file.text, Object.values(fix.edit!.changes!)[0], nl, (data) => {
            const entry = (data.controls as Record<string, Record<string, unknown>>)[id];
            assert.equal(entry.justification, TODO);
            const was = (parseDocument(before).toJS() as { controls: Record<string, Record<string, unknown>> }).controls[id];
            if ('justification' in was) entry.justification = was.justification;
            else delete entry.justification;
          });
          return true;
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
