// Runs IN a browser page (bundled by worker-server.test.ts with esbuild for the browser; no Node here):
// starts the language server bundle in a web worker and plays the VS Code client to it. It answers
// the server's file requests with the extension's own answering code (client/src/file-answers.ts)
// over an in-memory file system, and records what the server publishes.
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/browser';
import { fileAnswers, type WorkspaceStorage } from '../../client/src/file-answers';
import { FindFilesRequest, ReadDirectoryRequest, ReadFilesRequest, StatRequest } from '../../server/src/file-protocol';

/** One entry of the in-memory workspace: a file's bytes (base64), or a symbolic link's type bits. */
export interface MemEntry {
  uri: string;
  base64?: string;
  type?: number;
}

interface Published {
  uri: string;
  diagnostics: unknown[];
}

/** The page's Worker (the project's type libraries are Node's). */
declare const Worker: new (url: string) => object;

const FILE = 1;
const DIRECTORY = 2;

class NotFound extends Error {
  readonly code = 'FileNotFound';
}

/** Files by URI, and the folders above them, as a virtual file system would answer. */
function memStorage(entries: MemEntry[]): WorkspaceStorage & { asked: Record<string, number> } {
  const files = new Map<string, { bytes: Uint8Array; type: number }>();
  const dirs = new Map<string, Map<string, number>>();
  const parent = (u: string) => u.slice(0, u.lastIndexOf('/'));
  for (const e of entries) {
    const bytes = Uint8Array.from(atob(e.base64 ?? ''), (c) => c.charCodeAt(0));
    files.set(e.uri, { bytes, type: e.type ?? FILE });
    let child = e.uri;
    let type = e.type ?? FILE;
    for (let d = parent(child); d.includes('://') && d.split('/').length > 3; d = parent(d)) {
      const names = dirs.get(d) ?? new Map<string, number>();
      names.set(child.slice(d.length + 1), type);
      dirs.set(d, names);
      child = d;
      type = DIRECTORY;
    }
  }
  const asked: Record<string, number> = {};
  const count = (what: string) => (asked[what] = (asked[what] ?? 0) + 1);
  return {
    asked,
    stat(uri) {
      count('stat');
      const f = files.get(uri);
      if (f) return Promise.resolve({ type: f.type, size: f.bytes.byteLength });
      if (dirs.has(uri)) return Promise.resolve({ type: DIRECTORY, size: 0 });
      return Promise.reject(new NotFound(uri));
    },
    readFile(uri) {
      count('readFile');
      const f = files.get(uri);
      return f ? Promise.resolve(f.bytes) : Promise.reject(new NotFound(uri));
    },
    readDirectory(uri) {
      count('readDirectory');
      const d = dirs.get(uri);
      return d ? Promise.resolve([...d.entries()]) : Promise.reject(new NotFound(uri));
    },
    // Every AIMS file below the folder: the exclude glob is left to the server to enforce (it filters again).
    findFiles(folderUri, _include, _exclude, maxResults) {
      count('findFiles');
      return Promise.resolve(
        [...files.keys()].filter((u) => u.startsWith(`${folderUri}/`) && /\.aims\.ya?ml$/i.test(u)).slice(0, maxResults),
      );
    },
  };
}

class Harness {
  private conn?: MessageConnection;
  readonly published: Published[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly timings: Record<string, number> = {};
  private storage?: ReturnType<typeof memStorage>;
  private t0 = 0;

  /** Starts the worker and serves the in-memory workspace to it. */
  start(serverUrl: string, entries: MemEntry[], settings: unknown): void {
    this.storage = memStorage(entries);
    const answers = fileAnswers(this.storage);
    this.t0 = performance.now();
    const worker = new Worker(serverUrl);
    const conn = createMessageConnection(new BrowserMessageReader(worker as never), new BrowserMessageWriter(worker as never));
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.timings.firstDiagnostics ??= performance.now() - this.t0;
      this.published.push(p);
    });
    conn.onNotification((method: string, params: unknown) => {
      if (method === 'aims/coverageChanged') this.timings.firstCoverage ??= performance.now() - this.t0;
      this.notifications.push({ method, params });
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest(FindFilesRequest.method, (p: FindFilesRequest.Params) => answers.findFiles(p));
    conn.onRequest(ReadFilesRequest.method, (p: ReadFilesRequest.Params) => answers.readFiles(p));
    conn.onRequest(StatRequest.method, (p: StatRequest.Params) => answers.stat(p));
    conn.onRequest(ReadDirectoryRequest.method, (p: ReadDirectoryRequest.Params) => answers.readDirectory(p));
    conn.listen();
    this.conn = conn;
  }

  async request(method: string, params: unknown): Promise<unknown> {
    const answer = await this.conn!.sendRequest(method, params);
    if (method === 'initialize') this.timings.initialized ??= performance.now() - this.t0;
    return answer;
  }

  /** Many requests in one call, answered in order (saves a page round trip each). */
  async requests(list: { method: string; params: unknown }[]): Promise<unknown[]> {
    const out = [];
    for (const r of list) out.push(await this.conn!.sendRequest(r.method, r.params));
    return out;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn!.sendNotification(method, params);
  }

  /** What the test needs to see of the page's state. */
  state(): {
    published: Published[];
    notifications: { method: string; params: unknown }[];
    timings: Record<string, number>;
    asked: Record<string, number>;
    nodeOnPage: boolean;
  } {
    const g = globalThis as { process?: unknown; require?: unknown };
    return {
      published: this.published,
      notifications: this.notifications,
      timings: this.timings,
      asked: { ...this.storage?.asked },
      nodeOnPage: g.process !== undefined || g.require !== undefined,
    };
  }
}

(globalThis as { harness?: Harness }).harness = new Harness();
