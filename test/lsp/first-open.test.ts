import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

before(() => ensureBuilt());

describe('a document open when the server starts', () => {
  const parent = mkdtempSync(join(tmpdir(), 'aims-first-open-'));
  after(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  const SYS = 'systems/credit-scoring.aims.yaml';
  const uri = pathToFileURL(join(dir, SYS)).toString();

  it("shows its own findings before the folder is read, then the workspace's", async () => {
    const c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    // The server reads the folder only after the client has answered its progress request: held here
    // until the opened document's findings have arrived, so the order below does not depend on timing.
    let release: () => void = () => undefined;
    const held = new Promise<null>((res) => (release = () => res(null)));
    c.conn.onRequest('window/workDoneProgress/create', () => held);
    try {
      await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS);
      const text = readFileSync(join(dir, SYS), 'utf8')
        .replace('annexIII: Annex III(5)(b)', 'annexIII: Annex III(5)(x)')
        .replace(/^owner: .*$/m, 'owner: nobody-here');
      assert.match(text, /owner: nobody-here/);
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text } });

      const first = await c.until(() => c.latest(uri), 'the first findings of the opened document');
      assert.equal(c.progress.length, 0, 'published before the folder was read');
      // What the file says wrong on its own is there; what needs the manifest's roles is not yet.
      assert.ok(first.some((d) => d.code === 'invalid-act-reference'));
      assert.ok(!first.some((d) => d.code === 'unknown-role'));

      release();
      const whole = await c.until(
        () => (c.latest(uri)?.some((d) => d.code === 'unknown-role') ? c.latest(uri) : undefined),
        'the findings that need the rest of the folder',
      );
      // Nothing shown first is withdrawn.
      const at = (d: { code: string; range: { start: { line: number } } }) => `${d.range.start.line} ${d.code}`;
      for (const d of first) assert.ok(whole.map(at).includes(at(d)), `${at(d)} was withdrawn`);
      assert.ok(c.progress.some((p) => p.kind === 'begin'));
    } finally {
      release();
      await c.close();
    }
  });
});
