import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

/**
 * Random edit sequences through the server with incremental sync: every
 * request is answered, no position leaves the document, and after the edits
 * the published findings equal those of a fresh server opening the final text.
 * AIMS_FUZZ_EDITS sets the number of edits (scripts/fuzz-server.sh runs many).
 */
const EDITS = Number(process.env.AIMS_FUZZ_EDITS ?? 200);
let dir = '';
before(() => {
  ensureBuilt();
  dir = join(mkdtempSync(join(tmpdir(), 'aims-fuzz-')), 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
});
after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

it(`survives ${EDITS} random incremental edits and ends where a fresh check ends`, { timeout: 600_000 }, async () => {
  const rel = 'systems/credit-scoring.aims.yaml';
  const uri = pathToFileURL(join(dir, rel)).toString();
  const initial = readFileSync(join(dir, rel), 'utf8');
  const edits = fc.sample(
    fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 6 }),
      ins: fc.oneof(
        fc.string({ maxLength: 5 }),
        fc.constantFrom(':', '\n', '  ', '- ', '[', ']', '{', '}', 'Art. 1', '(', 'A.6.', '#', '"', '&x', '*x'),
      ),
    }),
    { numRuns: EDITS, seed: 42 },
  );
  const c = new TestClient();
  c.settings = { referenceDate: '2026-11-23' };
  let doc = TextDocument.create(uri, 'aims', 1, initial);
  try {
    await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS, { debounceMs: 5 });
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text: initial } });
    let version = 1;
    for (const [i, e] of edits.entries()) {
      const text = doc.getText();
      const at = e.at % (text.length + 1);
      const range = { start: doc.positionAt(at), end: doc.positionAt(Math.min(text.length, at + e.del)) };
      version++;
      doc = TextDocument.update(doc, [{ range, text: e.ins }], version);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: e.ins }] });
      if (i % 20 === 0) {
        // Requests mid-stream must be answered whatever the text looks like.
        const pos = doc.positionAt(at);
        await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos });
        await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos });
        await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      }
    }
    const final = doc.getText();
    // Let the debounce settle: wait until the server's latest publish is stable.
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    let last = -1;
    await c.until(
      () => {
        const n = c.countFor(uri);
        const stable = n === last;
        last = n;
        return stable;
      },
      'diagnostics to settle',
      10_000,
    );
    const got = c.latest(uri) ?? [];
    const lines = final.split('\n');
    for (const d of got as unknown as {
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }[]) {
      for (const p of [d.range.start, d.range.end])
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `position ${JSON.stringify(p)} inside the document`);
    }
    // A fresh server that sees only the final text must agree.
    const fresh = new TestClient();
    fresh.settings = c.settings;
    try {
      await fresh.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS, { debounceMs: 5 });
      await fresh.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text: final } });
      // Indexing ends with a coverage notification; by then the file has been checked against the whole workspace.
      await fresh.until(
        () => fresh.notifications.some((n) => n.method === 'aims/coverageChanged') && fresh.countFor(uri) > 0,
        'fresh diagnostics',
      );
      const want = fresh.latest(uri) ?? [];
      const key = (ds: typeof got) => ds.map((d) => `${d.range.start.line}:${d.code}:${d.message}`).sort();
      assert.deepEqual(key(got), key(want));
    } finally {
      await fresh.close();
    }
  } finally {
    await c.close();
  }
});
