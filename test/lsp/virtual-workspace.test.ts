// The Node server in a virtual workspace (desktop VS Code on a `vscode-vfs:` repository, as Remote
// Repositories opens one): it must read the folder through the client's file requests, as the browser
// worker does, and say what it says for the same folder on disk. It must never judge evidence by the
// local disk, where the repository's paths mean nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { fileAnswers, type WorkspaceStorage } from '../../client/src/file-answers';
import { FindFilesRequest, ReadDirectoryRequest, ReadFilesRequest, StatRequest } from '../../server/src/file-protocol';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const VFS = 'vscode-vfs://github';

/** A virtual file system over a folder on disk, answering as vscode.workspace.fs does (links: the target's type | SymbolicLink). */
function diskStorage(): WorkspaceStorage {
  const path = (uri: string): string => URI.parse(uri).path;
  const notFound = (e: unknown): never => {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? Object.assign(new Error('not found'), { code: 'FileNotFound' }) : e;
  };
  const typeOf = async (p: string): Promise<{ type: number; size: number }> => {
    const l = await fsp.lstat(p);
    const s = l.isSymbolicLink() ? await fsp.stat(p) : l;
    return { type: (s.isFile() ? 1 : s.isDirectory() ? 2 : 0) | (l.isSymbolicLink() ? 64 : 0), size: s.size };
  };
  return {
    stat: (uri) => typeOf(path(uri)).catch(notFound),
    readFile: (uri) => fsp.readFile(path(uri)).catch(notFound),
    readDirectory: async (uri) => {
      const names = await fsp.readdir(path(uri)).catch(notFound);
      return Promise.all(names.map(async (n) => [n, (await typeOf(join(path(uri), n))).type] as [string, number]));
    },
    findFiles: async (folderUri, _include, _exclude, max) =>
      (await fsp.readdir(path(folderUri), { recursive: true }))
        .filter((r) => /\.aims\.ya?ml$/i.test(r))
        .map((r) => `${folderUri}/${r}`)
        .slice(0, max),
  };
}

interface Published {
  uri: string;
  diagnostics: { code?: string; message: string }[];
}

function latest(published: Published[]): [string, Published['diagnostics']][] {
  const m = new Map<string, Published['diagnostics']>();
  for (const p of published) m.set(p.uri, p.diagnostics);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('the Node server in a virtual workspace', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'aims-vfs-')), 'acme');
  const clients: TestClient[] = [];
  before(() => {
    ensureBuilt();
    cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
    const credit = join(dir, 'systems', 'credit-scoring.aims.yaml');
    writeFileSync(credit, readFileSync(credit, 'utf8').replace('evidence/logging-standard.md', 'evidence/logging-standard-v2.md'));
  });
  after(async () => {
    for (const c of clients) await c.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  /** A server on the folder at `rootUri`, indexed and checked; its latest diagnostics per URI, with `vscode-vfs` URIs written as `file:` ones. */
  async function run(rootUri: string): Promise<[string, Published['diagnostics']][]> {
    const c = new TestClient();
    clients.push(c);
    c.settings = { referenceDate: '2026-11-23' };
    const answers = fileAnswers(diskStorage());
    c.conn.onRequest(FindFilesRequest.method, (p: FindFilesRequest.Params) => answers.findFiles(p));
    c.conn.onRequest(ReadFilesRequest.method, (p: ReadFilesRequest.Params) => answers.readFiles(p));
    c.conn.onRequest(StatRequest.method, (p: StatRequest.Params) => answers.stat(p));
    c.conn.onRequest(ReadDirectoryRequest.method, (p: ReadDirectoryRequest.Params) => answers.readDirectory(p));
    await c.initialize(rootUri, VSCODE_CAPS);
    await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing');
    return JSON.parse(JSON.stringify(latest(c.published as Published[])).replaceAll(`${VFS}/`, 'file:///')) as [
      string,
      Published['diagnostics'],
    ][];
  }

  it('checks every file, evidence included, exactly as on disk', async () => {
    const onDisk = await run(pathToFileURL(dir).toString());
    const virtual = await run(`${VFS}${dir}`);
    assert.deepEqual(virtual, onDisk);
    const all = virtual.flatMap(([, d]) => d);
    assert.deepEqual(
      all.filter((d) => d.code === 'evidence-missing').map((d) => d.message),
      ["Evidence '../evidence/logging-standard-v2.md' does not exist (paths are relative to this file). Fix the path or add the document."],
    );
    assert.ok(!all.some((d) => d.code === 'missing-manifest' || d.code === 'missing-soa'));
  });
});
