import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/yaml/line-index';
import { toOptions } from '../../server/src/lsp/settings';
import { MANIFEST, SYSTEM, soa, EXISTING } from '../helpers/fixtures';
import { checkFiles, codes, find } from '../helpers/workspace';

const SYS = 'systems/hiring.aims.yaml';

function findingsOf(text: string) {
  return checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [SYS]: text }, { existing: EXISTING })[SYS] ?? [];
}

/** Bytes read from disk as the hosts decode them (invalid sequences become U+FFFD). */
const decode = (bytes: Buffer): string => new TextDecoder('utf-8').decode(bytes);

describe('text encodings', () => {
  it('invalid UTF-8 is one finding at the first bad byte, counting the others; the rest is still checked', () => {
    const good = Buffer.from(SYSTEM.replace('name: CV screening', 'name: CV screening X'), 'utf8');
    const at = good.indexOf('X');
    good[at] = 0xff; // not UTF-8
    const text = decode(Buffer.concat([good, Buffer.from('notes: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const d = findingsOf(text);
    const bad = find(d, 'invalid-encoding');
    assert.equal(bad.length, 1);
    assert.deepEqual(bad[0].range, { start: { line: 3, character: 19 }, end: { line: 3, character: 20 } });
    assert.equal(
      bad[0].message,
      'This file is not valid UTF-8 here (the bytes read as the replacement character U+FFFD), and in 1 more place. Save the file as UTF-8, or delete the character if it was typed.',
    );
    assert.equal(bad[0].severity, 'error');
    // The rest of the file is checked as it would be without the bad bytes.
    const clean = findingsOf(SYSTEM.replace('name: CV screening', 'name: CV screening X') + 'notes: cafe\n');
    assert.deepEqual(
      codes(d).filter((c) => c !== 'invalid-encoding'),
      codes(clean),
    );
  });

  for (const [name, bom, enc] of [
    ['UTF-16 LE', [0xff, 0xfe], 'utf16le'],
    ['UTF-16 BE', [0xfe, 0xff], 'utf16be'],
  ] as const) {
    it(`a ${name} file is told to be saved as UTF-8, not called binary`, () => {
      const body = Buffer.from(SYSTEM, 'utf16le');
      if (enc === 'utf16be') body.swap16();
      const d = findingsOf(decode(Buffer.concat([Buffer.from(bom), body])));
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.code, x.message]),
        [
          [
            0,
            'invalid-encoding',
            `This file is ${name} (it starts with a UTF-16 byte-order mark); AIMS files are UTF-8. Save it as UTF-8 to have it checked.`,
          ],
        ],
      );
    });
  }

  it('CR-only line ends are line breaks, for the parser and for positions', () => {
    const text = SYSTEM.replace('classification:\n  tier: high', 'classification:\n  tier: hihg').replace(/\n/g, '\r');
    const f = parseFile('/ws/x.aims.yaml', text);
    assert.equal(f.lines.lineCount, SYSTEM.split('\n').length);
    const d = find(findingsOf(text), 'invalid-value');
    assert.equal(d.length, 1);
    assert.deepEqual(d[0].range, { start: { line: 7, character: 8 }, end: { line: 7, character: 12 } });
    assert.deepEqual(
      findingsOf(SYSTEM.replace(/\n/g, '\r')).map((x) => [x.code, x.range]),
      findingsOf(SYSTEM).map((x) => [x.code, x.range]),
      'a record with CR line ends has the same findings, at the same places, as with LF',
    );
    // Mixed line ends: every one of \n, \r\n and \r ends a line, as LSP counts them.
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepEqual(
      [0, 1, 2, 3].map((l) => lines.lineText(l)),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
  });

  it('an impossible reference date in the settings is rejected with a message, and today is used', () => {
    const problems: string[] = [];
    const o = toOptions({ referenceDate: '2026-02-30' }, (m) => problems.push(m));
    assert.equal(o.asOf, new Date().toISOString().slice(0, 10));
    assert.deepEqual(problems, [
      `aims.referenceDate '2026-02-30' is not a calendar date (YYYY-MM-DD); checking as of today (${o.asOf}) instead.`,
    ]);
    const ok: string[] = [];
    assert.equal(toOptions({ referenceDate: '2028-02-29' }, (m) => ok.push(m)).asOf, '2028-02-29');
    assert.deepEqual(ok, []);
  });
});
