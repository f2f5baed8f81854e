import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
before(() => ensureBuilt());

/** A fresh copy of the starter workspace, next to a folder outside it. */
function layout(): { dir: string; outside: string; uri: (rel: string) => string; text: (rel: string) => string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aims-host-')));
  temps.push(base);
  const dir = join(base, 'ws');
  const outside = join(base, 'outside');
  cpSync(join(ROOT_DIR, 'examples', 'starter'), dir, { recursive: true });
  mkdirSync(outside);
  return { dir, outside, uri: (rel) => pathToFileURL(join(dir, rel)).toString(), text: (rel) => readFileSync(join(dir, rel), 'utf8') };
}

const SYSTEM = 'systems/meeting-assistant.aims.yaml';
const CREATED = 1;

async function started(dir: string, init: Record<string, unknown> = { debounceMs: 20 }): Promise<TestClient> {
  const c = new TestClient();
  c.settings = { referenceDate: '2026-11-23' };
  await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS, init);
  await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
  return c;
}

/** A request that must be answered: fails after `ms` instead of hanging the suite. */
function answered<T>(p: Promise<T>, what: string, ms = 10_000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms))]);
}

const posix = process.platform === 'win32' ? 'FIFOs and symbolic links need POSIX' : false;

describe('the server never opens what is not a regular file inside the workspace', { skip: posix }, () => {
  it('a FIFO named *.aims.yaml, reported by the watcher or closed in the editor, is never opened', async () => {
    const ws = layout();
    assert.equal(spawnSync('mkfifo', [join(ws.dir, 'pipe.aims.yaml')]).status, 0);
    const c = await started(ws.dir);
    try {
      const pipe = ws.uri('pipe.aims.yaml');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pipe, type: CREATED }] });
      await answered(
        c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ws.uri(SYSTEM) } }),
        'a request after the watcher event',
      );
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: pipe, languageId: 'aims', version: 1, text: 'aims: 1\n' },
      });
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: pipe } });
      await answered(
        c.conn.sendRequest('textDocument/hover', { textDocument: { uri: ws.uri(SYSTEM) }, position: { line: 0, character: 0 } }),
        'a request after the close',
      );
      await c.until(() => c.latest(pipe)?.length === 0, 'the closed FIFO has no findings');
      assert.equal(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: pipe } }), null);
    } finally {
      await c.close();
    }
  });

  it('a link to an AIMS file outside the folder is never read, by the watcher or after a close', async () => {
    const ws = layout();
    writeFileSync(join(ws.outside, 'secret.aims.yaml'), 'aims: 1\nkind: AISystem\nid: secret-system\nname: Secret\n');
    symlinkSync(join(ws.outside, 'secret.aims.yaml'), join(ws.dir, 'link.aims.yaml'));
    const c = await started(ws.dir);
    try {
      const link = ws.uri('link.aims.yaml');
      const symbols = () => c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: link } });
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: link, type: CREATED }] });
      assert.equal(await symbols(), null, 'the watcher event read nothing');
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: link, languageId: 'aims', version: 1, text: 'aims: 1\nkind: AISystem\n' },
      });
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: link } });
      await c.until(() => c.latest(link)?.length === 0, 'the closed link has no findings');
      assert.equal(await symbols(), null, 'closing read nothing through the link');
      const all = (await c.conn.sendRequest('workspace/symbol', { query: 'secret' })) as unknown[];
      assert.deepEqual(all, []);
    } finally {
      await c.close();
    }
  });
});

describe('walking a large workspace folder', () => {
  it('reports progress, skips node_modules and .git, and answers a hover while it walks', async () => {
    const ws = layout();
    // 6,000 folders: long enough to walk that a hover can be asked in the middle.
    for (let i = 0; i < 60; i++) for (let j = 0; j < 100; j++) mkdirSync(join(ws.dir, 'archive', `y${i}`, `d${j}`), { recursive: true });
    const hidden = 'aims: 1\nkind: AISystem\nid: hidden-system\nname: Hidden\n';
    for (const skip of ['node_modules/pkg', '.git/x']) {
      mkdirSync(join(ws.dir, skip), { recursive: true });
      writeFileSync(join(ws.dir, skip, 'h.aims.yaml'), hidden);
    }
    const c = new TestClient();
    try {
      c.settings = { referenceDate: '2026-11-23' };
      await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS);
      const text = ws.text(SYSTEM);
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: ws.uri(SYSTEM), languageId: 'aims', version: 1, text },
      });
      const progress = () => c.progress;
      await c.until(
        () => progress().some((v) => v.kind === 'report' && /folders searched/.test(v.message ?? '')),
        'a progress report from the walk',
        60_000,
      );
      let endedBeforeHover = false;
      const hover = (await c.conn
        .sendRequest('textDocument/hover', {
          textDocument: { uri: ws.uri(SYSTEM) },
          position: { line: text.split('\n').findIndex((l) => l.startsWith('  Art. 4')), character: 4 },
        })
        .then((h) => {
          endedBeforeHover = progress().some((v) => v.kind === 'end');
          return h;
        })) as { contents: { value: string } } | null;
      assert.match(hover!.contents.value, /AI literacy/);
      assert.equal(endedBeforeHover, false, 'the hover was answered while the walk went on');
      await c.until(() => progress().some((v) => v.kind === 'end'), 'the walk ends', 120_000);
      assert.deepEqual(await c.conn.sendRequest('workspace/symbol', { query: 'hidden' }), []);
    } finally {
      await c.close();
    }
  });
});

describe('documents outside the workspace folders', () => {
  it('requests about stray URIs create no folders; a document outside is checked alone and cleared on close', async () => {
    const ws = layout();
    const c = await started(ws.dir);
    try {
      const workspaces = async () =>
        ((await c.conn.sendRequest('aims/coverage', {})) as { workspaces: { root: string }[] }).workspaces.map((w) => w.root);
      const before = await workspaces();
      assert.equal(before.length, 1);
      for (const uri of ['file:///', 'file:///x.aims.yaml', 'untitled:Untitled-1', 'file:///etc/passwd']) {
        assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
        assert.deepEqual(((await c.conn.sendRequest('aims/coverage', { uri })) as { workspaces: unknown[] }).workspaces, [], uri);
      }
      assert.deepEqual(await workspaces(), before, 'no phantom folders');

      // A record opened from outside the folder: its own findings, none about a workspace it does not have.
      const loose = pathToFileURL(join(ws.outside, 'x.aims.yaml')).toString();
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: loose, languageId: 'aims', version: 1, text: 'aims: 1\nkind: AISystem\nid: x\nname: X\nlifecycle: oops\n' },
      });
      const found = await c.until(() => (c.latest(loose)?.length ? c.latest(loose) : undefined), 'findings for the loose document');
      assert.ok(found.some((d) => d.code === 'invalid-value'));
      assert.ok(!found.some((d) => d.code === 'missing-manifest' || d.code === 'missing-soa'), JSON.stringify(found));
      assert.deepEqual(await workspaces(), before, 'opening a loose document adds no folder');
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: loose } });
      await c.until(() => c.latest(loose)?.length === 0, 'cleared on close');
    } finally {
      await c.close();
    }
  });

  it('an untitled document without a path is checked alone, and nothing on disk is looked at for it', async () => {
    const ws = layout();
    const c = await started(ws.dir);
    try {
      const uri = 'untitled:new.aims.yaml';
      const text =
        'aims: 1\nkind: AISystem\nid: x\nname: X\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n  Art. 4: { status: met, evidence: [package.json, ] }\n';
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text } });
      const found = await c.until(() => c.latest(uri), 'findings for the untitled document');
      assert.deepEqual(
        found.map((d) => d.code),
        [],
        'no evidence-missing (nothing to look at) and no workspace findings',
      );
      const line = text.split('\n').findIndex((l) => l.includes('package.json'));
      const items = (await c.conn.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: text.split('\n')[line].indexOf(', ]') + 2 },
      })) as { items: { label: string }[] } | null;
      assert.deepEqual(items?.items ?? [], [], "the server's own folder is not listed");
    } finally {
      await c.close();
    }
  });

  it("the refactor preview's documents (another scheme) get no findings and leave nothing behind", async () => {
    const ws = layout();
    const c = await started(ws.dir);
    try {
      // As VS Code names them: the real file's URI, encoded, in the query (so the name ends in .aims.yaml).
      const preview = `vscode-bulkeditpreview-editor://x${join(ws.dir, SYSTEM)}?${encodeURIComponent(ws.uri(SYSTEM))}`;
      const text = ws.text(SYSTEM).replace(/^kind: AISystem$/m, 'kind: AISystem\nbogus: 1');
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: preview, languageId: 'aims', version: 1, text } });
      // A real document opened after it is checked after it: once its findings are out, the preview's would be too.
      const realUri = ws.uri(SYSTEM);
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: realUri, languageId: 'aims', version: 1, text: text.replace('bogus: 1', 'marker: 1') },
      });
      await c.until(() => c.latest(realUri)?.some((d) => d.message.includes('marker')), "the real document's findings");
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: realUri } });
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: preview } });
      await c.until(() => c.latest(preview)?.length === 0, 'the preview is cleared on close');
      assert.ok(
        c.published.filter((p) => p.uri === preview).every((p) => p.diagnostics.length === 0),
        'never any findings for the preview',
      );
      // The real file is untouched by the preview's text.
      const real = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ws.uri(SYSTEM) } })) as {
        name: string;
      }[];
      assert.ok(!real.some((s) => s.name === 'bogus'));
    } finally {
      await c.close();
    }
  });
});

describe('an untrusted workspace', () => {
  it('refuses rename and edits until the client says trust was granted', async () => {
    const ws = layout();
    const c = await started(ws.dir, { debounceMs: 20, trusted: false });
    try {
      const manifest = ws.uri('aims.aims.yaml');
      const text = ws.text('aims.aims.yaml');
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: manifest, languageId: 'aims', version: 1, text } });
      const line = text.split('\n').findIndex((l) => /^ {2}aims-owner:/.test(l));
      const rename = () =>
        c.conn.sendRequest('textDocument/rename', {
          textDocument: { uri: manifest },
          position: { line, character: 4 },
          newName: 'owner-2',
        });
      await assert.rejects(rename(), (e: { message: string }) => {
        assert.equal(e.message, 'Rename is off in an untrusted workspace: trust the workspace to let AIMS edit files.');
        return true;
      });
      const actions = () =>
        c.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: manifest },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [] },
        });
      assert.equal(await actions(), null);
      await c.conn.sendNotification('aims/trustChanged', { trusted: true });
      const edit = (await rename()) as { changes: Record<string, unknown[]> };
      assert.ok(Object.keys(edit.changes).length >= 1);
    } finally {
      await c.close();
    }
  });
});
