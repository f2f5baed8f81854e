/**
 * Drives any language server over stdio as an editor would and times what a user waits for:
 * spawn → initialize, open → first diagnostics, a keystroke → the next diagnostics (incremental
 * and full-text sync), completion and hover, and the server's memory. Used by bench/run.ts for
 * this project's server and for yaml-language-server on the same file; prints one JSON line.
 *
 *   node --import tsx bench/lsp-driver.ts --file F --root DIR --language-id ID --rounds N \
 *     --settings JSON -- <server command…>
 *
 * The keystroke turns `applicable: true` into `applicable: fals` and back on the line nearest
 * the middle of the file: both servers report the invalid value, so every edit publishes.
 * Completion is asked after `status: ` and hover on `status` on the same part of the file; the
 * outline (documentSymbol) of the whole file is asked as well.
 *
 * `--cold` measures only a cold start: spawn → initialize → open the file at once → its first
 * diagnostics, as when an editor starts with the file open; prints `{ coldStartMs }`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';

const argv = process.argv.slice(2);
const opt = (name: string, fallback?: string): string => {
  const i = argv.indexOf(name);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  if (fallback === undefined) throw new Error(`lsp-driver: ${name} is required`);
  return fallback;
};
const command = argv.slice(argv.indexOf('--') + 1);
const file = opt('--file');
const root = opt('--root');
const languageId = opt('--language-id');
const rounds = Number(opt('--rounds', '20'));
const cold = argv.slice(0, argv.indexOf('--')).includes('--cold');
const settings = JSON.parse(opt('--settings', '{}')) as Record<string, unknown>;
const TIMEOUT_MS = 60_000;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10;
  return { median: at(0.5), p95: at(0.95), min: at(0), max: at(1), n: s.length };
};
/** A section of the settings by dotted name, as `workspace/configuration` asks for it. */
const section = (name?: string): unknown =>
  name ? name.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], settings) : settings;

const t0 = performance.now();
const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
const memory = (): { rssMb: number; hwmMb: number } => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), hwmMb: Math.round(kb('VmHWM') / 1024) };
};
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => section(i.section) ?? null));
conn.onRequest(() => null);
const uri = pathToFileURL(file).toString();
let publishes = 0;
let onPublish: () => void = () => undefined;
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
  if (p.uri !== uri) return;
  publishes++;
  onPublish();
});
conn.onNotification(() => undefined);
conn.listen();

/** Resolves at the next publishDiagnostics for the file after `send` ran, with the time it took. */
async function timeToPublish(send: () => Promise<void>): Promise<number> {
  const before = publishes;
  const start = performance.now();
  const arrived = new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('no diagnostics within 60 s')), TIMEOUT_MS);
    onPublish = () => {
      if (publishes > before) {
        clearTimeout(timer);
        res();
      }
    };
  });
  await send();
  await arrived;
  return performance.now() - start;
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const rootUri = pathToFileURL(root).toString();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  const spawnToInitializeMs = Math.round(performance.now() - t0);
  await conn.sendNotification('initialized', {});
  if (cold) {
    await timeToPublish(() =>
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(file, 'utf8') } }),
    );
    console.log(JSON.stringify({ server: command.join(' '), coldStartMs: Math.round(performance.now() - t0) }));
    child.kill('SIGKILL');
    conn.dispose();
    return;
  }
  await conn.sendNotification('workspace/didChangeConfiguration', { settings });
  await pause(500); // the (empty) workspace folder is indexed

  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const nearMiddle = (re: RegExp) => {
    const mid = Math.floor(lines.length / 2);
    for (let d = 0; d < lines.length; d++) for (const i of [mid + d, mid - d]) if (re.test(lines[i] ?? '')) return i;
    throw new Error(`lsp-driver: no line matches ${re}`);
  };
  const toggleLine = nearMiddle(/^\s+applicable: true$/);
  const statusLine = nearMiddle(/^\s+status: \w+$/);
  const valueAt = lines[toggleLine].indexOf('true');

  const openMs = await timeToPublish(() =>
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
  );
  await pause(500);
  const afterOpen = memory();

  let version = 1;
  let valid = true;
  const incremental: number[] = [];
  const full: number[] = [];
  for (const [kind, times] of [
    ['incremental', incremental],
    ['full', full],
  ] as const) {
    for (let i = 0; i < rounds; i++) {
      const [from, to] = valid ? ['true', 'fals'] : ['fals', 'true'];
      lines[toggleLine] = lines[toggleLine].slice(0, valueAt) + to;
      const change =
        kind === 'incremental'
          ? {
              range: { start: { line: toggleLine, character: valueAt }, end: { line: toggleLine, character: valueAt + from.length } },
              text: to,
            }
          : { text: lines.join('\n') };
      times.push(
        await timeToPublish(() =>
          conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] }),
        ),
      );
      valid = !valid;
      await pause(100);
    }
  }

  const request = async (method: string, character: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      await conn.sendRequest(method, { textDocument: { uri }, position: { line: statusLine, character } });
      out.push(performance.now() - start);
    }
    return out;
  };
  const indent = lines[statusLine].indexOf('status');
  const completion = await request('textDocument/completion', indent + 'status: '.length);
  const hover = await request('textDocument/hover', indent + 2);
  const symbols: number[] = [];
  let symbolBytes = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const r = await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    symbols.push(performance.now() - start);
    symbolBytes = JSON.stringify(r).length;
  }
  const atEnd = memory();

  await Promise.race([conn.sendRequest('shutdown').then(() => conn.sendNotification('exit')), pause(3000)]);
  setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  console.log(
    JSON.stringify({
      server: command.join(' '),
      spawnToInitializeMs,
      openMs: Math.round(openMs * 10) / 10,
      rssAfterOpenMb: afterOpen.rssMb,
      edit: { incremental: stats(incremental), full: stats(full) },
      completion: stats(completion),
      hover: stats(hover),
      documentSymbol: { ...stats(symbols), bytes: symbolBytes },
      peakRssMb: atEnd.hwmMb,
    }),
  );
  conn.dispose();
  child.stdin.end();
}

main().catch((e: unknown) => {
  console.error(`lsp-driver: ${e instanceof Error ? e.message : String(e)}`);
  child.kill('SIGKILL');
  process.exit(1);
});
