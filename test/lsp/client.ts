import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT_DIR = join(__dirname, '..', '..');
export const SERVER = join(ROOT_DIR, 'dist', 'server.js');

/** Builds the bundles once if they are missing (npm test builds first; this is for running one file). */
export function ensureBuilt(): void {
  if (!existsSync(SERVER)) spawnSync(process.execPath, [join(ROOT_DIR, 'esbuild.mjs')], { cwd: ROOT_DIR, stdio: 'inherit' });
}

/** Fills a copy of the example workspace with `n` copies of its credit-scoring record (ids copy-0 …). */
export function copyRecords(dir: string, n: number): void {
  const record = readFileSync(join(dir, 'systems', 'credit-scoring.aims.yaml'), 'utf8');
  for (let i = 0; i < n; i++)
    writeFileSync(join(dir, 'systems', `copy-${i}.aims.yaml`), record.replace('id: credit-scoring', `id: copy-${i}`));
}

interface Published {
  uri: string;
  diagnostics: { code: string; message: string; range: { start: { line: number } } }[];
}

/**
 * A minimal LSP client over stdio, speaking to the real server process, that
 * records published diagnostics and answers the server's requests.
 */
export class TestClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  readonly published: Published[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** `$/progress` values, in order (jsonrpc keeps them apart from other notifications). */
  readonly progress: { kind: string; message?: string; percentage?: number }[] = [];
  settings: Record<string, unknown> = {};
  private waiters: (() => void)[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.conn.onUnhandledProgress((p) => {
      this.progress.push(p.value as TestClient['progress'][number]);
      this.wake();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  async initialize(
    rootUri: string,
    caps: Record<string, unknown>,
    initializationOptions: Record<string, unknown> = { debounceMs: 20 },
  ): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: caps,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Waits until `pred` holds, re-checking on every message; fails after `ms`. */
  async until<T>(pred: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** The latest diagnostics published for a URI (undefined before any). */
  latest(uri: string): Published['diagnostics'] | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i].diagnostics;
    return undefined;
  }

  countFor(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  async close(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await new Promise<void>((res) => {
      if (this.proc.exitCode !== null) return res();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        res();
      }, 3000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        res();
      });
    });
    this.conn.dispose();
  }
}

export const VSCODE_CAPS = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
};
/** Like Neovim 0.7: no configuration requests, no dynamic registration, no snippets. */
export const MINIMAL_CAPS = { textDocument: { hover: { contentFormat: ['plaintext'] } } };
