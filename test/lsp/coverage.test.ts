import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CoverageReplica } from '../../client/src/coverage-replica';
import type { WorkspaceCoverage } from '../../server/src/core/coverage-types';
import type { CoveragePart, CoveragePartsRequest, FolderVersion } from '../../server/src/protocol';
import { copyRecords, ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
before(() => ensureBuilt());

function example(): { dir: string; uri: (rel: string) => string; path: (rel: string) => string; text: (rel: string) => string } {
  const parent = mkdtempSync(join(tmpdir(), 'aims-cov-'));
  temps.push(parent);
  const dir = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  return {
    dir,
    uri: (rel) => pathToFileURL(join(dir, rel)).toString(),
    path: (rel) => join(dir, rel),
    text: (rel) => readFileSync(join(dir, rel), 'utf8'),
  };
}

/** What a client holds of one folder: its parts by key, and the version they are current to. */
interface Replica {
  epoch?: string;
  version?: number;
  parts: Map<string, CoveragePart['value']>;
  /** The VS Code client's copy, fed the same pages. */
  client?: CoverageReplica;
}

/** One sync as the VS Code client does it: every page since the replica's version. Returns what came. */
async function sync(c: TestClient, root: string, r: Replica): Promise<{ keys: string[]; removed: string[]; bytes: number; full: boolean }> {
  const keys: string[] = [];
  const removed: string[] = [];
  let bytes = 0;
  let cursor: string | undefined;
  let full = false;
  let version: number | undefined;
  do {
    const res = (await c.conn.sendRequest('aims/coverageParts', {
      root,
      epoch: r.epoch,
      since: r.version,
      cursor,
    })) as CoveragePartsRequest.Result;
    bytes += Buffer.byteLength(JSON.stringify(res));
    r.client?.apply(res, cursor === undefined);
    if (res.full && !cursor) {
      r.parts.clear();
      full = true;
    }
    version ??= res.version;
    r.epoch = res.epoch;
    for (const k of res.removed) {
      r.parts.delete(k);
      removed.push(k);
    }
    for (const p of res.parts) {
      r.parts.set(p.key, p.value);
      keys.push(p.key);
    }
    cursor = res.more ? res.cursor : undefined;
  } while (cursor);
  r.version = version;
  return { keys, removed, bytes, full };
}

async function edit(c: TestClient, uri: string, version: number, line: number, from: number, to: number, text: string): Promise<void> {
  await c.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }],
  });
}

describe('coverage kept live through the protocol, in parts', () => {
  const ws = example();
  const root = ws.dir;
  let c: TestClient;
  const r: Replica = { parts: new Map(), client: new CoverageReplica() };
  const notices = (): { folders: string[]; versions: FolderVersion[] }[] =>
    c.notifications
      .filter((n) => n.method === 'aims/coverageChanged')
      .map((n) => n.params as { folders: string[]; versions: FolderVersion[] });
  /** Waits for a coverage notice that announces a version past the replica's. */
  const nextNotice = (what: string): Promise<unknown> =>
    c.until(() => notices().some((n) => n.versions.some((v) => v.root === root && v.version > (r.version ?? -1))), what);

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(pathToFileURL(root).toString(), VSCODE_CAPS);
    await c.until(() => notices().length > 0, 'indexing', 60_000);
    const first = await sync(c, root, r);
    assert.ok(first.full);
  });
  after(() => c.close());

  it('lists every folder with its version, and the first sync brings every part', async () => {
    const v = (await c.conn.sendRequest('aims/coverageVersions', {})) as { folders: FolderVersion[] };
    assert.deepEqual(
      v.folders.map((f) => f.root),
      [root],
    );
    const keys = [...r.parts.keys()].sort();
    assert.deepEqual(
      keys.filter((k) => k.startsWith('system:')),
      ['credit-scoring', 'fraud-detection', 'support-chatbot'].map((s) => `system:${ws.path(`systems/${s}.aims.yaml`)}`),
    );
    assert.deepEqual(
      keys.filter((k) => k.startsWith('topic:')),
      ['A.10', 'A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9'].map((t) => `topic:${t}`),
    );
    const folder = r.parts.get('folder') as { annexA: { total: number }; files: number; organisation: string };
    assert.equal(folder.annexA.total, 38);
    assert.equal(folder.files, 6);
    assert.equal(folder.organisation, 'Acme Lending GmbH');
    // A cited control is sent as its id: its state comes from the topics the client holds.
    const credit = r.parts.get(`system:${ws.path('systems/credit-scoring.aims.yaml')}`) as {
      obligations: { ref: string; controls: unknown[] }[];
    };
    assert.deepEqual(credit.obligations.find((o) => o.ref === 'Art. 9')?.controls, ['A.5.2', 'A.6.2.4']);
  });

  it('a status edit that changes no finding still updates coverage, sending only its topic and the totals', async () => {
    const soa = ws.text('soa.aims.yaml');
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: ws.uri('soa.aims.yaml'), languageId: 'aims', version: 1, text: soa },
    });
    const lines = soa.split('\n');
    const line = lines.findIndex((l, i) => i > lines.indexOf('  A.6.2.4:') && l.startsWith('    status: '));
    assert.equal(lines[line], '    status: implemented');
    const before = c.published.length;
    const notice = nextNotice('a coverage notice after the status edit');
    await edit(c, ws.uri('soa.aims.yaml'), 2, line, 12, 23, 'partial');
    await notice;
    const got = await sync(c, root, r);
    assert.deepEqual(got.keys.sort(), ['folder', 'topic:A.6']);
    assert.ok(got.bytes < 8000, `${got.bytes} bytes`);
    const a6 = r.parts.get('topic:A.6') as { controls: { id: string; state: string }[] };
    assert.equal(a6.controls.find((x) => x.id === 'A.6.2.4')?.state, 'partial');
    // No finding changed: the old trigger (diagnostics) would have said nothing.
    assert.equal(c.published.slice(before).filter((p) => p.diagnostics.length > 0).length, 0);
  });

  it('renaming a system sends that system alone', async () => {
    const rel = 'systems/support-chatbot.aims.yaml';
    const text = ws.text(rel);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.uri(rel), languageId: 'aims', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.startsWith('name: '));
    const notice = nextNotice('a coverage notice after the rename');
    await edit(c, ws.uri(rel), 2, line, 6, text.split('\n')[line].length, 'Help desk assistant');
    await notice;
    const got = await sync(c, root, r);
    assert.deepEqual(got.keys, [`system:${ws.path(rel)}`]);
    assert.equal((r.parts.get(`system:${ws.path(rel)}`) as { name: string }).name, 'Help desk assistant');
  });

  it('a record written and then deleted on disk comes and goes', async () => {
    const p = ws.path('systems/exam-proctoring.aims.yaml');
    writeFileSync(
      p,
      'aims: 1\nkind: AISystem\nid: exam-proctoring\nname: Exam proctoring\nclassification: { tier: minimal, basis: none }\n',
    );
    let notice = nextNotice('a coverage notice after the new file');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(p).toString(), type: 1 }] });
    await notice;
    let got = await sync(c, root, r);
    assert.ok(got.keys.includes(`system:${p}`), JSON.stringify(got.keys));
    assert.equal((r.parts.get('folder') as { files: number }).files, 7);
    unlinkSync(p);
    notice = nextNotice('a coverage notice after the delete');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(p).toString(), type: 3 }] });
    await notice;
    got = await sync(c, root, r);
    assert.deepEqual(got.removed, [`system:${p}`]);
    assert.ok(!r.parts.has(`system:${p}`));
  });

  it('a file changed on disk (git pull, another editor) updates coverage', async () => {
    const rel = 'systems/fraud-detection.aims.yaml';
    writeFileSync(ws.path(rel), ws.text(rel).replace(/^name: .*$/m, 'name: Payment fraud screening'));
    const notice = nextNotice('a coverage notice after the change on disk');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(rel), type: 2 }] });
    await notice;
    const got = await sync(c, root, r);
    assert.deepEqual(got.keys, [`system:${ws.path(rel)}`]);
    assert.equal((r.parts.get(`system:${ws.path(rel)}`) as { name: string }).name, 'Payment fraud screening');
  });

  it("the client's copy, kept up to date from parts alone, equals the whole coverage", async () => {
    await sync(c, root, r);
    const whole = (await c.conn.sendRequest('aims/coverage', {})) as { workspaces: WorkspaceCoverage[] };
    const [mine] = r.client!.workspaces();
    assert.equal(mine.files, 6);
    const { files: _files, ...rest } = mine;
    assert.deepEqual(rest, whole.workspaces[0]);
    // The SoA edit above made A.6.2.4 partial; the record's Art. 9 cites it and shows the new state.
    const art9 = mine.systems.find((s) => s.id === 'credit-scoring')?.obligations.find((o) => o.ref === 'Art. 9');
    assert.deepEqual(art9?.controls, [
      { id: 'A.5.2', state: 'implemented' },
      { id: 'A.6.2.4', state: 'partial' },
    ]);
  });

  it('a client of another epoch, or none, gets everything again', async () => {
    const fresh: Replica = { parts: new Map(), epoch: 'another-server', version: 3 };
    const got = await sync(c, root, fresh);
    assert.ok(got.full);
    assert.deepEqual([...fresh.parts.keys()].sort(), [...r.parts.keys()].sort());
  });
});

describe('coverage before a folder is read', () => {
  it('is reported as not known yet (-1), so a client keeps what it shows', async () => {
    const ws = example();
    const c = new TestClient();
    try {
      c.settings = { referenceDate: '2026-11-23' };
      await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS);
      // Asked at once: the server is still reading the folder (a restarted server answered version 0 with no parts).
      const early = (await c.conn.sendRequest('aims/coverageVersions', {})) as { folders: FolderVersion[] };
      assert.deepEqual(
        early.folders.map((f) => [f.root, f.version]),
        [[ws.dir, -1]],
      );
      await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
      const later = (await c.conn.sendRequest('aims/coverageVersions', {})) as { folders: FolderVersion[] };
      assert.ok(later.folders[0].version > 0);
    } finally {
      await c.close();
    }
  });
});

describe('coverage of a large folder comes in pages', () => {
  it('no page is larger than 512 KB, and together they hold every system', async () => {
    const ws = example();
    copyRecords(ws.dir, 400);
    const c = new TestClient();
    try {
      c.settings = { referenceDate: '2026-11-23' };
      await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS);
      await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
      const r: Replica = { parts: new Map() };
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const res = (await c.conn.sendRequest('aims/coverageParts', { root: ws.dir, cursor })) as CoveragePartsRequest.Result;
        sizes.push(Buffer.byteLength(JSON.stringify(res)));
        for (const p of res.parts) r.parts.set(p.key, p.value);
        cursor = res.more ? res.cursor : undefined;
      } while (cursor);
      assert.ok(sizes.length > 1, `${sizes.length} page(s)`);
      assert.ok(Math.max(...sizes) <= 512 * 1024, JSON.stringify(sizes));
      assert.equal([...r.parts.keys()].filter((k) => k.startsWith('system:')).length, 403);

      // Excluding a control every record cites re-checks every record: the first notice says the folder is
      // still being checked, and one more comes when it is done, though the records' coverage did not move.
      const soaUri = pathToFileURL(join(ws.dir, 'soa.aims.yaml')).toString();
      const soa = ws.text('soa.aims.yaml');
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: soaUri, languageId: 'aims', version: 1, text: soa } });
      const from = c.notifications.length;
      const line = soa.split('\n').findIndex((l, i) => i > soa.split('\n').indexOf('  A.6.2.4:') && l === '    applicable: true');
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: soaUri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 20 } }, text: 'false' }],
      });
      const checking = () =>
        c.notifications
          .slice(from)
          .filter((n) => n.method === 'aims/coverageChanged')
          .map((n) => (n.params as { checking: string[] }).checking);
      await c.until(() => checking().some((x) => x.length === 0), 'the notice that the re-check ended', 30_000);
      assert.deepEqual(checking()[0], [ws.dir]);
    } finally {
      await c.close();
    }
  });
});
