import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/yaml/line-index';
import { prng } from '../helpers/yaml-gen';

/** Everything a caller can read of an index, compared with a fresh one of the same text. */
function assertSame(inc: LineIndex, text: string, context: string, rand: () => number): void {
  const full = new LineIndex(text);
  assert.deepEqual(inc.lineStarts(), full.lineStarts(), `line starts differ ${context}`);
  assert.equal(inc.lineCount, full.lineCount, context);
  for (let k = 0; k < 40; k++) {
    const offset = Math.floor(rand() * (text.length + 2)) - 1;
    assert.deepEqual(inc.positionAt(offset), full.positionAt(offset), `positionAt(${offset}) ${context}`);
    const pos = { line: Math.floor(rand() * (full.lineCount + 2)) - 1, character: Math.floor(rand() * 60) };
    assert.equal(inc.offsetAt(pos), full.offsetAt(pos), `offsetAt(${JSON.stringify(pos)}) ${context}`);
    assert.equal(inc.lineText(pos.line), full.lineText(pos.line), context);
  }
}

describe('LineIndex.edited', () => {
  it('equals a fresh index after random edits of a text of several thousand lines (several chunks)', () => {
    const rand = prng(15);
    const breaks = ['\n', '\n', '\n', '\r\n', '\r'];
    const piece = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += rand() < 0.3 ? breaks[Math.floor(rand() * breaks.length)] : 'abcdefgh'[Math.floor(rand() * 8)];
      return s;
    };
    let text = Array.from({ length: 3000 }, (_, i) => `line ${i}${rand() < 0.1 ? '\r\n' : '\n'}`).join('');
    let index = new LineIndex(text);
    for (let step = 0; step < 300; step++) {
      // Mostly small edits anywhere; now and then one that removes or adds thousands of lines.
      const big = rand() < 0.05;
      const start = Math.floor(rand() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + Math.floor(rand() * (big ? 20_000 : 12)));
      const inserted = piece(Math.floor(rand() * (big ? 15_000 : 8)));
      const next = text.slice(0, start) + inserted + text.slice(oldEnd);
      index = index.edited(next, start, oldEnd, start + inserted.length);
      text = next;
      assertSame(index, text, `after edit ${step} at ${start}`, rand);
    }
  });

  it('equals a fresh index after edits at the very start and end, and of an empty text', () => {
    const rand = prng(7);
    let text = 'a\nb\r\nc\rd';
    let index = new LineIndex(text);
    for (const [start, oldEnd, ins] of [
      [0, 0, '\n'],
      [0, 1, ''],
      [text.length - 1, text.length - 1, '\r'],
      [0, 99, ''],
      [0, 0, 'x\r\ny'],
    ] as const) {
      const end = Math.min(oldEnd, text.length);
      const s = Math.min(start, end);
      const next = text.slice(0, s) + ins + text.slice(end);
      index = index.edited(next, s, end, s + ins.length);
      text = next;
      assertSame(index, text, JSON.stringify(text), rand);
    }
  });
});
