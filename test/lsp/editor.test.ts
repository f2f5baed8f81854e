import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
before(() => ensureBuilt());

describe('what the editor shows, through the protocol', () => {
  const parent = mkdtempSync(join(tmpdir(), 'aims-editor-'));
  temps.push(parent);
  const dir = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  const uri = (rel: string): string => pathToFileURL(join(dir, rel)).toString();
  const SYS = 'systems/credit-scoring.aims.yaml';
  let c: TestClient;

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS);
    await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
  });
  after(() => c.close());

  it("accepting Art. 26(1) after the editor closed '(' replaces the ')' too", async () => {
    const text = readFileSync(join(dir, SYS), 'utf8').replace('obligations:\n', 'obligations:\n  Art. 26()\n');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(SYS), languageId: 'aims', version: 1, text } });
    const line = text.split('\n').indexOf('  Art. 26()');
    const res = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: uri(SYS) },
      position: { line, character: 10 },
      context: { triggerKind: 2, triggerCharacter: '(' },
    })) as {
      items: { label: string; textEdit: { range: { start: { character: number }; end: { character: number } }; newText: string } }[];
    };
    const item = res.items.find((i) => i.label === 'Art. 26(1)');
    assert.ok(item);
    assert.deepEqual(
      [item.textEdit.range.start.character, item.textEdit.range.end.character, item.textEdit.newText],
      [2, 11, 'Art. 26(1)'],
    );
  });

  it('a hover on a role id says where it is defined and what refers to it, with links', async () => {
    const text = readFileSync(join(dir, SYS), 'utf8');
    const line = text.split('\n').indexOf('owner: head-of-risk');
    const h = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: uri(SYS) },
      position: { line, character: 10 },
    })) as { contents: { value: string } };
    assert.match(h.contents.value, /^\*\*head-of-risk\*\*: role _/);
    assert.match(
      h.contents.value,
      new RegExp(`Defined in \\[aims\\.aims\\.yaml:\\d+\\]\\(${uri('aims.aims.yaml').replace(/[./]/g, '\\$&')}#L\\d+\\)`),
    );
    assert.match(h.contents.value, /Referred to \d+ times in \d+ files: /);
  });

  it("links each finding's code to its own section of docs/rules.md", async () => {
    const text = readFileSync(join(dir, SYS), 'utf8').replace('annexIII: Annex III(5)(b)', 'annexIII: Annex III(5)(x)');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(SYS), version: 2 }, contentChanges: [{ text }] });
    const d = await c.until(() => c.latest(uri(SYS))?.find((x) => x.code === 'invalid-act-reference'), 'invalid-act-reference', 30_000);
    const href = (d as unknown as { codeDescription: { href: string } }).codeDescription.href;
    const [file, fragment] = href.split('#');
    assert.equal(fileURLToPath(file), join(ROOT_DIR, 'docs', 'rules.md'));
    const line = Number(/^L(\d+)$/.exec(fragment)?.[1]);
    assert.equal(readFileSync(join(ROOT_DIR, 'docs', 'rules.md'), 'utf8').split('\n')[line - 1], '## invalid-act-reference');
  });
});
