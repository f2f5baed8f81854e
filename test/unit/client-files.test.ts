// Storage read through the client (the browser worker's, and the Node server's for virtual folders):
// the disk host's rules applied to the client's answers, and the synchronous existence checks the core
// makes answered from what was fetched ahead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { NOT_READ, WALK_LIMITS } from '../../server/src/core/walk-rules';
import { parseFile } from '../../server/src/core/yaml/parse';
import {
  FindFilesRequest,
  ReadDirectoryRequest,
  ReadFilesRequest,
  StatRequest,
  type ReadAnswer,
  type StatAnswer,
} from '../../server/src/file-protocol';
import { ClientFiles } from '../../server/src/lsp/client-files';
import type { FileProvider } from '../../server/src/lsp/file-provider';
import { byScheme } from '../../server/src/lsp/scheme-files';

const ROOT = 'vscode-vfs://github/acme/repo';

/** A client that answers from tables and records what it was asked. */
function fakeClient(answers: {
  find?: string[];
  read?: (uri: string) => ReadAnswer;
  stat?: (uri: string) => StatAnswer;
  dir?: (uri: string) => [string, number][] | null;
  fail?: string;
}) {
  const asked: { method: string; params: unknown }[] = [];
  const warnings: string[] = [];
  const files = new ClientFiles({
    sendRequest<R>(method: string, params: unknown): Promise<R> {
      asked.push({ method, params });
      if (answers.fail === method) return Promise.reject(new Error('no handler'));
      const uris = (params as { uris?: string[] }).uris ?? [];
      const result =
        method === FindFilesRequest.method
          ? { uris: answers.find ?? [] }
          : method === ReadFilesRequest.method
            ? { files: uris.map((u) => answers.read?.(u) ?? null) }
            : method === StatRequest.method
              ? { stats: uris.map((u) => (answers.stat ? answers.stat(u) : null)) }
              : method === ReadDirectoryRequest.method
                ? { entries: uris.map((u) => answers.dir?.(u) ?? null) }
                : undefined;
      return Promise.resolve(result as R);
    },
    warn: (m) => warnings.push(m),
  });
  return { files, asked, warnings };
}

const text = (t: string): ReadAnswer => ({ type: 1, size: t.length, text: t });

describe('listing AIMS files through the client', () => {
  it('keeps the walk’s rules whatever the search returns: skipped folders, depth, names, other folders', async () => {
    const deep = Array.from({ length: WALK_LIMITS.depth + 1 }, (_, i) => `d${i}`).join('/');
    const { files } = fakeClient({
      find: [
        `${ROOT}/soa.aims.yaml`,
        `${ROOT}/systems/b.aims.yml`,
        `${ROOT}/systems/A.AIMS.YAML`,
        `${ROOT}/node_modules/pkg/x.aims.yaml`,
        `${ROOT}/.github/y.aims.yaml`,
        `${ROOT}/dist/z.aims.yaml`,
        `${ROOT}/notes.md`,
        `${ROOT}/${deep}/too-deep.aims.yaml`,
        `${ROOT}/${deep.split('/').slice(0, -1).join('/')}/deep-enough.aims.yaml`,
        'vscode-vfs://github/acme/repo-2/other.aims.yaml',
        'file:///acme/repo/soa.aims.yaml',
        `${ROOT}/soa.aims.yaml`,
      ],
      read: (u) => text(u),
    });
    const r = await files.listAimsFiles(ROOT);
    assert.deepEqual(
      r.uris.map((u) => u.slice(ROOT.length + 1)),
      [`${deep.split('/').slice(0, -1).join('/')}/deep-enough.aims.yaml`, 'soa.aims.yaml', 'systems/A.AIMS.YAML', 'systems/b.aims.yml'],
    );
    assert.equal(r.stopped, undefined);
    // Read ahead: indexing takes each text without a round trip, once.
    assert.deepEqual(files.readListedSync(`${ROOT}/soa.aims.yaml`), { text: `${ROOT}/soa.aims.yaml` });
    assert.equal(files.readListedSync(`${ROOT}/soa.aims.yaml`), undefined);
  });

  it('stops at the walk’s file limit and says so', async () => {
    const many = Array.from({ length: WALK_LIMITS.files + 1 }, (_, i) => `${ROOT}/r/${String(i).padStart(6, '0')}.aims.yaml`);
    const { files, asked } = fakeClient({ find: many, read: () => text('x') });
    const r = await files.listAimsFiles(ROOT);
    assert.equal(r.stopped, 'files');
    assert.equal(r.uris.length, WALK_LIMITS.files);
    assert.equal((asked[0].params as FindFilesRequest.Params).maxResults, WALK_LIMITS.files + 1);
  });

  it('reads files by the disk host’s rules: links, folders and oddities refused in its words, size limit, one BOM dropped', async () => {
    const answers: Record<string, ReadAnswer> = {
      link: { type: 1 | 64, size: 3, text: 'x' },
      folder: { type: 2, size: 0 },
      device: { type: 0, size: 0 },
      big: { type: 1, size: 10 * 1024 * 1024 + 1 },
      bom: text('\ufeff\ufeffaims: 1\n'),
      gone: null,
      broken: { error: 'Unavailable' },
    };
    const { files } = fakeClient({ read: (u) => answers[u.split('/').pop()!] });
    const read = (name: string) => files.readFile(`${ROOT}/${name}`, ROOT);
    assert.deepEqual(await read('link'), { refused: NOT_READ.link });
    assert.deepEqual(await read('folder'), { refused: NOT_READ.folder });
    assert.deepEqual(await read('device'), { refused: NOT_READ.other });
    assert.deepEqual(await read('big'), { tooLarge: 10 * 1024 * 1024 + 1 });
    assert.deepEqual(await read('bom'), { text: '\ufeffaims: 1\n' });
    assert.equal(await read('gone'), undefined);
    assert.equal(await read('broken'), undefined);
  });

  it('never asks about a file outside the folder', async () => {
    const { files, asked } = fakeClient({ read: () => text('x') });
    assert.equal(await files.readFile('vscode-vfs://github/acme/other/x.aims.yaml', ROOT), undefined);
    assert.equal(await files.readFile('vscode-vfs://gitlab/acme/repo/x.aims.yaml', ROOT), undefined);
    assert.deepEqual(asked, []);
  });

  it('says once, in the log, when the client cannot answer; the folder then has no files', async () => {
    const { files, warnings } = fakeClient({ fail: FindFilesRequest.method });
    assert.deepEqual((await files.listAimsFiles(ROOT)).uris, []);
    await files.listAimsFiles(ROOT);
    assert.deepEqual(warnings, ['The editor did not answer aims/findFiles (no handler); files it should have given are not checked.']);
  });
});

describe('evidence checks through the client', () => {
  const folder = { root: '/acme/repo', uri: ROOT };
  const record = parseFile(
    '/acme/repo/systems/s.aims.yaml',
    'aims: 1\nkind: AISystem\nid: s\nobligations:\n  Art. 9:\n    evidence: [../evidence/here.md, ../evidence/gone.md, ../evidence/unknown.md, "../evidence/a b#c.md", ../../outside.md]\n',
  );

  it('stats the evidence a check will ask about, and answers from it: missing only when storage says so', async () => {
    const { files, asked, warnings } = fakeClient({
      stat: (u) => {
        const name = decodeURIComponent(u.split('/').pop()!);
        return name === 'gone.md' ? null : name === 'unknown.md' ? { error: 'NoPermissions' } : { type: 1, size: 1 };
      },
    });
    await files.prepare(folder, [record]);
    const uris = (asked[0].params as StatRequest.Params).uris;
    // Every path inside the folder, as a URI of the folder's file system that reads back to the same path; none outside.
    assert.deepEqual(
      uris.map((u) => URI.parse(u).path),
      ['/acme/repo/evidence/here.md', '/acme/repo/evidence/gone.md', '/acme/repo/evidence/unknown.md', '/acme/repo/evidence/a b#c.md'],
    );
    assert.ok(uris.every((u) => u.startsWith(`${ROOT}/`)));
    assert.equal(files.fs.exists('/acme/repo/evidence/here.md'), true);
    assert.equal(files.fs.exists('/acme/repo/evidence/gone.md'), false);
    assert.equal(files.fs.exists('/acme/repo/evidence/unknown.md'), true);
    assert.equal(files.fs.exists('/acme/repo/evidence/never-asked.md'), true);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /Could not test whether \/acme\/repo\/evidence\/unknown\.md exists \(NoPermissions\)/);
  });

  it('settles a request: a folder listing it asked for is fetched, and the request runs again with it', async () => {
    const { files, asked } = fakeClient({
      dir: () => [
        ['a.md', 1],
        ['sub', 2],
        ['link-to-folder', 2 | 64],
      ],
    });
    const seen: string[][] = [];
    const out = await files.settle(folder, () => {
      const names = files.fs.list('/acme/repo/evidence');
      seen.push(names);
      return names;
    });
    assert.deepEqual(out, ['a.md', 'sub/', 'link-to-folder']);
    assert.deepEqual(seen, [[], ['a.md', 'sub/', 'link-to-folder']]);
    assert.deepEqual(
      asked.map((a) => a.method),
      [ReadDirectoryRequest.method],
    );
  });
});

describe('storage by scheme on Node', () => {
  const disk: FileProvider = {
    listAimsFiles: () => Promise.resolve({ uris: ['file:///ws/a.aims.yaml'], folders: 1, skipped: [] }),
    readFile: () => Promise.resolve({ text: 'disk' }),
    fs: { exists: (p) => p === '/ws/evidence.md', readlink: () => undefined, list: () => ['disk.md'] },
  };

  it('reads file: folders from the disk and virtual ones through the client, existence checks included', async () => {
    const { files: client } = fakeClient({ find: [`${ROOT}/v.aims.yaml`], read: () => text('client'), stat: () => null });
    const store = byScheme(disk, client);
    assert.deepEqual((await store.listAimsFiles('file:///ws')).uris, ['file:///ws/a.aims.yaml']);
    assert.deepEqual((await store.listAimsFiles(ROOT)).uris, [`${ROOT}/v.aims.yaml`]);
    assert.deepEqual(await store.readFile('file:///ws/a.aims.yaml', 'file:///ws'), { text: 'disk' });
    assert.deepEqual(await store.readFile(`${ROOT}/v.aims.yaml`, ROOT), { text: 'client' });
    // The disk is never asked about the repository's paths.
    assert.equal(store.prepare?.({ root: '/ws', uri: 'file:///ws' }, []), undefined);
    await store.prepare?.({ root: '/acme/repo', uri: ROOT }, [
      parseFile('/acme/repo/s.aims.yaml', 'aims: 1\nkind: AISystem\nid: s\nobligations:\n  Art. 9:\n    evidence: [ws/evidence.md]\n'),
    ]);
    assert.equal(store.fs.exists('/ws/evidence.md'), true);
    assert.equal(store.fs.exists('/acme/repo/ws/evidence.md'), false);
    assert.equal(store.fs.readlink?.('/acme/repo/ws'), undefined);
  });
});
