import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { aimsDocuments } from '../../server/src/lsp/text-document';
import { prng } from '../helpers/yaml-gen';

describe("the server's document store", () => {
  it('gives the text, positions and offsets of vscode-languageserver-textdocument after random edits', () => {
    const rand = prng(42);
    const chars = ['a', 'b', ' ', ':', '\n', '\n', '\r\n', '\r', 'é', '😀'];
    const piece = (n: number): string => Array.from({ length: n }, () => chars[Math.floor(rand() * chars.length)]).join('');
    const initial = Array.from({ length: 1500 }, (_, i) => `key${i}: value ${i}${i % 7 ? '\n' : '\r\n'}`).join('');
    let ours = aimsDocuments.create('file:///a.aims.yaml', 'aims', 1, initial);
    // The library's own copy, made afresh from the text each time: updated in place, its line offsets can go wrong
    // (a "\r\n" put in across the lines of a reversed range counted an extra line).
    let theirs = TextDocument.create('file:///a.aims.yaml', 'aims', 1, initial);
    const pos = () => ({ line: Math.floor(rand() * (theirs.lineCount + 3)) - 1, character: Math.floor(rand() * 30) - 1 });
    for (let v = 2; v < 400; v++) {
      // Ranges past the end of a line or of the text, reversed ones, now and then a whole new text.
      const change =
        rand() < 0.03
          ? { text: piece(Math.floor(rand() * 3000)) }
          : { range: { start: pos(), end: pos() }, text: piece(Math.floor(rand() * (rand() < 0.05 ? 2000 : 6))) };
      ours = aimsDocuments.update(ours, [change], v);
      TextDocument.update(theirs, [change], v);
      theirs = TextDocument.create(theirs.uri, 'aims', v, theirs.getText());
      const context = `after edit ${v}: ${JSON.stringify(change).slice(0, 120)}`;
      assert.equal(ours.getText(), theirs.getText(), context);
      assert.equal(ours.version, v);
      assert.equal(ours.lineCount, theirs.lineCount, context);
      for (let k = 0; k < 20; k++) {
        const p = pos();
        const o = Math.floor(rand() * (theirs.getText().length + 4)) - 2;
        assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)} ${context}`);
        assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt ${o} ${context}`);
        assert.deepEqual(ours.getLineRange(p.line), theirs.getLineRange(p.line), `getLineRange ${p.line} ${context}`);
        assert.equal(ours.getEOLCharacters(p.line), theirs.getEOLCharacters(p.line), context);
        const r = { start: pos(), end: pos() };
        assert.equal(ours.getText(r), theirs.getText(r), context);
      }
    }
  });
});
