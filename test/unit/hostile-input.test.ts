import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkWorkspace, defaultOptions, parseFile, type Diagnostic } from '../../server/src/core';
import { exampleTexts } from '../helpers/fixtures';
import { fakeFs } from '../helpers/workspace';

/** Checks one file alone; returns its findings. Throws if the core throws. */
function check(text: string): Diagnostic[] {
  const f = parseFile('/ws/x.aims.yaml', text);
  return checkWorkspace('/ws', [f], defaultOptions({ asOf: '2026-11-23' }), fakeFs()).diagnostics.get('/ws/x.aims.yaml')!;
}

function assertInside(text: string, diags: Diagnostic[]): void {
  // Lines end at \n, \r\n or a lone \r, as LSP counts them.
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diags) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} inside ${lines.length} lines (${d.code})`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} inside line ${p.line} (${d.code})`);
    }
  }
}

const codes = (d: Diagnostic[]) => d.map((x) => x.code);

describe('hostile and broken input gets a clear diagnostic, never a crash', () => {
  it('an alias bomb is refused after a bounded expansion', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const t = Date.now();
    const d = check(levels.join('\n') + '\n');
    assert.ok(Date.now() - t < 2000);
    assert.ok(codes(d).includes('yaml-alias-limit'));
  });
  it('deep nesting is read without overflowing the stack', () => {
    const text = 'aims: 1\nkind: AISystem\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    assertInside(text, check(text));
  });
  it('a file over 10 MB gets one diagnostic, not a parse', () => {
    const text = 'aims: 1\n# ' + 'x'.repeat(11 * 1024 * 1024) + '\n';
    const t = Date.now();
    assert.deepEqual(codes(check(text)), ['file-too-large']);
    assert.ok(Date.now() - t < 2000);
  });
  it('binary content and invalid UTF-8 are reported', () => {
    assert.deepEqual(codes(check('aims: 1\n\u0000\u0001\u0002')), ['binary-content']);
    const invalid = Buffer.from([0x61, 0x69, 0x6d, 0x73, 0x3a, 0x20, 0x31, 0x0a, 0xff, 0xfe, 0x0a]).toString('utf8');
    assert.ok(check(invalid).length > 0);
  });
  it('a BOM and CRLF line endings do not shift positions', () => {
    const text =
      '\uFEFFaims: 1\r\nkind: AISystem\r\nid: x\r\nname: X\r\nlifecycle: production\r\nclassification: { tier: minimal, basis: none }\r\n';
    const bad = check(text).find((d) => d.code === 'invalid-value')!;
    assert.equal(bad.range.start.line, 4);
    assert.equal(bad.range.start.character, 11);
  });
  it('tabs used for indentation are a YAML error at their line', () => {
    const d = check('aims: 1\nkind: AISystem\nclassification:\n\ttier: high\n');
    assert.ok(d.some((x) => x.code === 'yaml-syntax' && x.range.start.line === 3));
  });
  it('anchors and merge keys are understood', () => {
    const d = check(
      'aims: 1\nkind: AISystem\nid: x\nname: X\noperatorRoles: [deployer]\nclassification:\n  <<: { tier: minimal, basis: none }\nobligations:\n  Art. 4: { status: gap }\n',
    );
    assert.ok(!codes(d).includes('missing-key'), JSON.stringify(d));
  });
  it('an empty file, a second document and non-text keys are reported', () => {
    assert.deepEqual(codes(check('')), ['missing-version']);
    assert.ok(codes(check('aims: 1\nkind: AISystem\n---\naims: 1\n')).includes('multiple-documents'));
    assert.ok(codes(check('aims: 1\nkind: RiskRegister\nrisks:\n  ? [a, b]\n  : { title: t }\n')).includes('complex-key'));
  });
  it('a kind that changes while typing moves from one set of checks to another', () => {
    assert.ok(codes(check('aims: 1\nkind: AISys\n')).includes('unknown-kind'));
    assert.ok(codes(check('aims: 1\nkind: AISystem\n')).includes('missing-key'));
    assert.ok(codes(check('aims: 1\nkind: AIMS\n')).includes('missing-key'));
  });
  it('huge strings are handled in bounded time', () => {
    const t = Date.now();
    check('aims: 1\nkind: AISystem\nid: x\nname: ' + 'x'.repeat(3_000_000) + '\n');
    assert.ok(Date.now() - t < 3000);
  });
});

describe('fuzzing the core with mutated example files', () => {
  const seeds = exampleTexts();
  const runs = Number(process.env.AIMS_FUZZ_RUNS ?? 300);
  it(`never throws and keeps every range inside the document (${runs} inputs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            del: fc.nat({ max: 8 }),
            ins: fc.oneof(
              fc.string({ maxLength: 6 }),
              fc.constantFrom(':', '- ', '\n', '  ', '[', '{', '&a', '*a', '"', '#', 'A.6.2.', 'Art. 9(', '\t', '\r\n'),
            ),
          }),
          { maxLength: 6 },
        ),
        (seed, edits) => {
          let text = seeds[seed];
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(at + e.del);
          }
          assertInside(text, check(text));
        },
      ),
      { numRuns: runs },
    );
  });
});
