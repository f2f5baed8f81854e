import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FINDINGS_PER_FILE } from '../../server/src/core/check';
import { parseFile } from '../../server/src/core';
import { codeActions } from '../../server/src/services/code-actions';
import { config, workspaceAt } from '../helpers/cursor';
import { EXISTING, MANIFEST, SYSTEM, soa } from '../helpers/fixtures';
import { checkFiles, find } from '../helpers/workspace';

const SYS = 'systems/hiring.aims.yaml';

/** The findings of one file in a clean workspace where that file is `text`. */
function findingsOf(rel: string, text: string) {
  const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [rel]: text };
  return checkFiles(files, { existing: EXISTING })[rel] ?? [];
}

/** Applies the quick fix titled `title` for the finding `code` to `text`, as an editor would. */
function applyFix(rel: string, text: string, code: string, title: string): string {
  const d = find(findingsOf(rel, text), code);
  assert.equal(d.length, 1, `one ${code} finding`);
  const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [rel]: text + '|' };
  const { file, ws } = workspaceAt(files, rel);
  const lsp = d.map((x) => ({ range: x.range, code: x.code, message: x.message, data: x.data }));
  const action = codeActions(file, ws, d[0].range, { diagnostics: lsp }, config()).find((a) => a.title === title);
  assert.ok(action, `a quick fix '${title}'`);
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), Object.values(action.edit!.changes!)[0]);
}

describe('misspelt keys get "did you mean" and a quick fix', () => {
  const cases: [string, string, string, string, string][] = [
    // file, text, misspelt key, the suggestion, where the key sits in the message
    [
      SYS,
      SYSTEM.replace('owner: head-of-risk', 'owner: head-of-risk\nintendedPurpse: Screens CVs'),
      'intendedPurpse',
      'intendedPurpose',
      'the document',
    ],
    [SYS, SYSTEM.replace('owner: head-of-risk', 'owner: head-of-risk\nlifecyle: operation'), 'lifecyle', 'lifecycle', 'the document'],
    [
      'soa.aims.yaml',
      soa().replace('    justification: Needed', '    justifcation: Needed'),
      'justifcation',
      'justification',
      "'controls.A.2.2'",
    ],
  ];
  for (const [rel, text, key, want, where] of cases) {
    it(`'${key}' → '${want}'`, () => {
      const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [rel]: text };
      const d = find(checkFiles(files, { existing: EXISTING })[rel], 'unknown-key');
      assert.equal(d.length, 1);
      assert.equal(d[0].message, `Unknown key '${key}' in ${where}; did you mean '${want}'?`);
      assert.deepEqual(d[0].data, { replacement: want });
      const fixed = applyFix(rel, text, 'unknown-key', `Change to '${want}'`);
      assert.equal(fixed, text.replace(`${key}:`, `${want}:`));
    });
  }
  it('a key with no near neighbour lists the known keys instead', () => {
    const d = find(findingsOf(SYS, SYSTEM + 'zzzzzzzz: 1\n'), 'unknown-key');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /^Unknown key 'zzzzzzzz' in the document\. Known keys: aims, kind, id, name, /);
    assert.equal(d[0].data, undefined);
  });
});

describe('a bad indent gives one finding at that line, not a cascade', () => {
  const head = 'aims: 1\nkind: AISystem\nid: hiring\nname: CV screening\nowner: head-of-risk\noperatorRoles: [deployer]\n';
  const tail = 'obligations:\n  Art. 4: { status: met }\n  Art. 26: { status: met }\n';
  it('a key indented less than its siblings', () => {
    const text = head + 'classification:\n  tier: high\n basis: annex-iii\n  annexIII: Annex III(4)(a)\n' + tail;
    const d = findingsOf(SYS, text).filter((x) => x.severity === 'error');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.code, x.message]),
      [
        [
          8,
          'yaml-syntax',
          "'basis' is indented 1 space, which matches no level above it ('tier' on line 8 has 2 spaces, 'classification' on line 7 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'tier'.",
        ],
      ],
    );
  });
  it('a key indented more than the key before it, which has a value', () => {
    const text =
      head.replace('name: CV screening\n', 'name: CV screening\n  lifecycle: operation\n') +
      'classification:\n  tier: minimal\n  basis: none\n' +
      tail;
    const d = findingsOf(SYS, text).filter((x) => x.severity === 'error');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.range.start.character, x.code, x.message]),
      [
        [
          4,
          2,
          'yaml-syntax',
          "'lifecycle' is indented deeper than 'name' on line 4, which already has a value, so YAML reads both lines as one key. Move it to the start of the line, like 'name'.",
        ],
      ],
    );
  });
});

describe('keys written below an empty key at its own column', () => {
  it('one finding on the empty key, not a wrong type and one unknown key per line', () => {
    const text = SYSTEM.replace(
      'classification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n',
      'classification:\ntier: high\nbasis: annex-iii\nannexIII: Annex III(4)(a)\n',
    );
    const d = findingsOf(SYS, text).filter((x) => x.code === 'wrong-type' || x.code === 'unknown-key');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.code, x.message]),
      [
        [
          6,
          'wrong-type',
          "'classification' has no value, and the keys below it ('tier', 'basis', 'annexIII') are written at the same column, so YAML reads them as keys of the document. Indent them under 'classification'.",
        ],
      ],
    );
  });
  it('a value of the wrong type is named with the right article', () => {
    const d = find(findingsOf(SYS, SYSTEM.replace('operatorRoles: [provider, deployer]', 'operatorRoles: provider')), 'wrong-type');
    assert.deepEqual(
      d.map((x) => x.message),
      ["'operatorRoles' should be a list."],
    );
    const m = find(findingsOf(SYS, SYSTEM.replace(/classification:\n(  .*\n)+/, 'classification: high\n')), 'wrong-type');
    assert.deepEqual(
      m.map((x) => x.message),
      ["'classification' should be a mapping (key: value)."],
    );
  });
});

describe('keys that name object internals are plain keys', () => {
  for (const key of ['"__proto__"', "'__proto__'", '__proto__', 'constructor', 'prototype']) {
    it(`${key} is an unknown key, and a missing required key is still reported`, () => {
      // `classification` is required; `__proto__: { classification: … }` must not stand in for it.
      const text =
        SYSTEM.replace(/classification:\n {2}tier: high\n {2}basis: annex-iii\n {2}annexIII: Annex III\(4\)\(a\)\n/, '') +
        `${key}:\n  classification: { tier: minimal, basis: none }\n`;
      const d = findingsOf(SYS, text);
      const name = key.replace(/["']/g, '');
      assert.deepEqual(
        find(d, 'missing-key').map((x) => x.message),
        [`The document is missing the required key 'classification'.`],
      );
      const unknown = find(d, 'unknown-key');
      assert.equal(unknown.length, 1);
      assert.ok(unknown[0].message.startsWith(`Unknown key '${name}' in the document.`), unknown[0].message);
      assert.equal(
        unknown[0].range.start.line,
        text.split('\n').findIndex((l) => l.startsWith(key)),
      );
      // Both parsers agree on the value: an own key named `__proto__`, never a prototype.
      const value = parseFile('/ws/x.aims.yaml', text).value() as Record<string, unknown>;
      assert.ok(Object.prototype.hasOwnProperty.call(value, name));
      assert.equal(Object.getPrototypeOf(value.classification ?? {}), Object.prototype);
    });
  }
});

describe('findings per file are capped, with one summary finding', () => {
  /** What the record has of its own (findings other rules give it), and the line of its n-th extra key. */
  const own = (): number => findingsOf(SYS, SYSTEM).length;
  const lineOfExtra = (n: number): number => SYSTEM.split('\n').length - 1 + n + 1;
  it(`${MAX_FINDINGS_PER_FILE.toLocaleString('en')} findings and a summary for a record with 5,000 unknown keys`, () => {
    let text = SYSTEM;
    for (let i = 0; i < 5000; i++) text += `extra${i}: v\n`;
    const d = findingsOf(SYS, text);
    assert.equal(d.length, MAX_FINDINGS_PER_FILE + 1);
    const summary = find(d, 'too-many-findings');
    assert.equal(summary.length, 1);
    assert.equal(summary[0].range.start.line, 0);
    assert.equal(summary[0].severity, 'error', 'as severe as the worst finding left out, so exit codes and --fail-on stay right');
    const base = own();
    const n = (x: number) => x.toLocaleString('en');
    assert.equal(
      summary[0].message,
      `This file has ${n(5000 + base)} findings; the first 1,000 (to line ${n(lineOfExtra(999 - base))}) are shown and ${n(4000 + base)} more are left out. Fix these, or split the file, to see the rest.`,
    );
    // The shown ones are the first by position.
    assert.equal(find(d, 'unknown-key')[0].message.startsWith("Unknown key 'extra0'"), true);
    assert.equal(
      find(d, 'unknown-key')
        .at(-1)!
        .message.startsWith(`Unknown key 'extra${999 - base}'`),
      true,
    );
  });
  it("past the schema validator's own limit the count is a lower bound, and memory stays bounded", () => {
    let text = SYSTEM;
    for (let i = 0; i < 60_000; i++) text += `extra${i}: v\n`;
    const d = findingsOf(SYS, text);
    assert.equal(d.length, MAX_FINDINGS_PER_FILE + 1);
    assert.equal(
      find(d, 'too-many-findings')[0].message,
      `This file has more than ${(10_000 + own()).toLocaleString('en')} findings; the first 1,000 (to line ${lineOfExtra(999 - own()).toLocaleString('en')}) are shown and the rest are left out. Fix these, or split the file, to see the rest.`,
    );
  });
  it('a 100,000-item evidence list is reported as 1,000 findings and a summary', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `    - evidence/doc-${i}.md`).join('\n');
    const text = SYSTEM.replace('  Art. 4: { status: partial }', `  Art. 4:\n    status: met\n    evidence:\n${items}`);
    const d = findingsOf(SYS, text);
    assert.equal(d.length, MAX_FINDINGS_PER_FILE + 1);
    const summary = find(d, 'too-many-findings')[0];
    assert.equal(summary.severity, 'warning');
    assert.match(
      summary.message,
      /^This file has 100,0\d\d findings; the first 1,000 \(to line 1,0\d\d\) are shown and 99,0\d\d more are left out\./,
    );
  });
});
