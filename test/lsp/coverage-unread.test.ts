import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CoverageReplica } from '../../client/src/coverage-replica';
import type { CoveragePartsRequest, FolderVersion } from '../../server/src/protocol';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

before(() => ensureBuilt());

describe("the editor's coverage while the SoA has a YAML error", () => {
  const parent = mkdtempSync(join(tmpdir(), 'aims-unread-'));
  after(() => rmSync(parent, { recursive: true, force: true }));
  const root = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), root, { recursive: true });
  const soaPath = join(root, 'soa.aims.yaml');
  const uri = pathToFileURL(soaPath).toString();
  const text = readFileSync(soaPath, 'utf8');
  const line = text.split('\n').indexOf('  A.2.3:');
  let c: TestClient;
  const replica = new CoverageReplica();
  let seen = -1;

  /** Waits for a coverage notice past what the replica holds, then fetches every page since. */
  async function sync(what: string): Promise<void> {
    await c.until(
      () =>
        c.notifications.some(
          (n) => n.method === 'aims/coverageChanged' && (n.params as { versions: FolderVersion[] }).versions.some((v) => v.version > seen),
        ),
      what,
      60_000,
    );
    let cursor: string | undefined;
    let first = true;
    do {
      const pos = replica.position(root);
      const res = (await c.conn.sendRequest('aims/coverageParts', { root, ...pos, cursor })) as CoveragePartsRequest.Result;
      replica.apply(res, first);
      if (first) seen = res.version;
      first = false;
      cursor = res.more ? res.cursor : undefined;
    } while (cursor);
  }
  const annexA = () => replica.workspaces()[0].annexA;
  const art9 = () =>
    replica
      .workspaces()[0]
      .systems.find((s) => s.id === 'credit-scoring')!
      .obligations.find((o) => o.ref === 'Art. 9')!.controls;

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(pathToFileURL(root).toString(), VSCODE_CAPS);
    await sync('indexing');
  });
  after(() => c.close());

  it('counts the controls past the error as not read, cited ones too, and back once it is fixed', async () => {
    assert.deepEqual([annexA().addressed, annexA().gaps, annexA().unread], [38, 0, 0]);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text } });
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }],
    });
    await sync('a coverage notice after the indent error');
    assert.deepEqual([annexA().addressed, annexA().gaps, annexA().unread], [1, 0, 37]);
    assert.deepEqual(annexA().yamlError, { file: soaPath, line: line + 1 });
    assert.deepEqual(art9(), [
      { id: 'A.5.2', state: 'unread' },
      { id: 'A.6.2.4', state: 'unread' },
    ]);
    const whole = (await c.conn.sendRequest('aims/coverage', {})) as { workspaces: { annexA: { unread: number } }[] };
    assert.equal(whole.workspaces[0].annexA.unread, 37);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }],
    });
    await sync('a coverage notice after the fix');
    assert.deepEqual([annexA().addressed, annexA().gaps, annexA().unread, annexA().yamlError], [38, 0, 0, undefined]);
    assert.deepEqual(art9(), [
      { id: 'A.5.2', state: 'implemented' },
      { id: 'A.6.2.4', state: 'implemented' },
    ]);
  });
});
