import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { checkWorkspace, defaultOptions, type Diagnostic } from '../../server/src/core';
import { fastParse } from '../../server/src/core/yaml/fast-parse';
import { normalizeRanges, parseFile } from '../../server/src/core/yaml/parse';
import { soaText, systemText } from '../../bench/generate';
import { exampleTexts, MANIFEST, SYSTEM, soa } from '../helpers/fixtures';
import { fakeFs } from '../helpers/workspace';
import { describeTree } from '../helpers/tree';
import { prng, randomYaml } from '../helpers/yaml-gen';
import { RULE_CASES } from '../rule-cases';

/** `yaml`'s reading of a text, ranges normalised as parseFile does; undefined if it finds a problem. */
function reference(text: string): { tree: string[]; value: unknown } | undefined {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, merge: true, strict: true, logLevel: 'error' });
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length || docs[0].warnings.length) return undefined;
  normalizeRanges(docs[0].contents);
  return { tree: describeTree(docs[0].contents), value: docs[0].toJS() };
}

/** Holds the fast path to `yaml` on one text: if it answers, `yaml` must accept the text and agree exactly. */
function assertAgrees(text: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const ref = reference(text);
  assert.ok(ref, `fast path accepted a text yaml rejects:\n${text}`);
  assert.deepEqual(describeTree(fast), ref.tree, `trees differ for:\n${text}`);
  assert.deepEqual(parseFile('/x.aims.yaml', text).value(), ref.value, `values differ for:\n${text}`);
  return true;
}

const findings = (text: string, fastPath: boolean): Diagnostic[] => {
  const file = parseFile('/ws/x.aims.yaml', text, 0, { fastPath });
  const base = [parseFile('/ws/aims.aims.yaml', MANIFEST), parseFile('/ws/soa.aims.yaml', soa())];
  return checkWorkspace('/ws', [...base, file], defaultOptions({ asOf: '2026-11-23' }), fakeFs()).diagnostics.get('/ws/x.aims.yaml')!;
};

describe('the fast YAML path reads files exactly as the yaml library does', () => {
  it('takes the fast path for every example and generated file, with the same tree and value', () => {
    const texts = [...exampleTexts(), MANIFEST, SYSTEM, soa(), soaText(20), systemText(1), systemText(2), systemText(3)];
    for (const t of texts) {
      assert.ok(assertAgrees(t), `fast path declined a plain file:\n${t.slice(0, 300)}`);
      assert.ok(assertAgrees(t.replace(/\n/g, '\r\n')), `fast path declined a CRLF file:\n${t.slice(0, 300)}`);
    }
  });

  it('gives the same findings as the general parser for every rule case (also with CRLF line ends)', () => {
    for (const c of RULE_CASES) {
      for (const text of [c.bad, c.good, c.bad.replace(/\n/g, '\r\n')]) {
        if (text.length > 1_000_000 || text.includes('\u0000')) continue;
        assert.deepEqual(findings(text, true), findings(text, false), `${c.code}:\n${text}`);
      }
    }
  });

  it('agrees with yaml on 20,000 random texts, in and around the subset, valid and broken', () => {
    const rand = prng(20261125);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomYaml(rand);
      if (assertAgrees(text)) accepted++;
      // The same text with Windows line ends: offsets must still land on the same characters.
      if (i % 4 === 0) assertAgrees(text.replace(/\n/g, '\r\n'));
    }
    // The generator must reach the fast path often, or this test would prove nothing.
    assert.ok(accepted > 4000, `only ${accepted} texts took the fast path`);
  });

  it('reads keys named __proto__ as own keys, as yaml does', () => {
    for (const t of ['"__proto__": {kind: x}\na: 1\n', "'__proto__':\n  b: 2\n", '__proto__: 1\n']) {
      assert.ok(assertAgrees(t), JSON.stringify(t));
      const value = parseFile('/x.aims.yaml', t).value() as object;
      assert.equal(Object.getPrototypeOf(value), Object.prototype, 'the prototype is untouched');
    }
  });

  it('leaves constructs outside the subset to yaml', () => {
    for (const t of [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !tag 1\n', // tags
      'a: 1\rb: 2\n', // a lone CR (a line break to YAML)
      'a:\n\tb: 1\n', // tabs
      'a: one\n  two\n', // a plain scalar over two lines
      'a: "one\n  two"\n', // a quoted scalar over two lines
      'a: "tab\\tescape"\n', // escapes
      '---\na: 1\n', // document markers
      'a: 1\n--- b: 2\n',
      'a: 1\n... b: 2\n',
      '<<: {a: 1}\n', // merge keys
      'a: [1,\n  2]\n', // a flow collection over two lines
      'a: 0x1F\n', // rare number forms
      '- - x\n', // compact nested sequences
      '',
      '# only a comment\n',
      'a: 1\nb: : 2\n', // broken
      'a: b: c\n', // broken
    ])
      assert.equal(fastParse(t), undefined, JSON.stringify(t));
  });

  it('reports a duplicate key at the second occurrence on the fast path too', () => {
    const f = parseFile('/x.aims.yaml', 'aims: 1\nkind: AISystem\nid: a\nid: b\n');
    const dup = f.syntax.filter((d) => d.code === 'duplicate-key');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].range.start.line, 3);
  });
});
