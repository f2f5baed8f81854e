/**
 * Child process of the benchmark: what keeping the VS Code client's coverage
 * current costs, through the protocol, on one workspace folder. Starts the
 * built server as VS Code does, keeps a copy with the client's own code
 * (client/src/coverage-replica.ts), and measures:
 * - the first load: pages, bytes, and the client's parse + apply time per page;
 * - SoA keystrokes, of two kinds: a character typed in a justification, and a
 *   status changed (`implemented` ↔ `partial`, a paste): bytes fetched per
 *   keystroke, the client's parse + apply time per message, and the time from
 *   the keystroke until the client's copy shows it;
 * - for comparison, the whole-coverage request (`aims/coverage`) the client
 *   used before: bytes, request time and parse time.
 * "Parse" is JSON.parse of the message body as received (re-serialised here:
 * same bytes), as vscode-jsonrpc does in the extension host; "apply" is the
 * replica's update and the views' data (`workspaces()`). Their time is CPU
 * time of this process, not wall time: the benchmark machine is shared, and
 * waiting for a core is not work the extension host would do. Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import { CoverageReplica, type LiveWorkspace } from '../client/src/coverage-replica';
import type { CoveragePartsRequest, FolderVersion } from '../server/src/protocol';

const dir = process.argv[2];
const server = process.env.AIMS_SERVER ?? join(__dirname, '..', 'dist', 'server.js');
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ referenceDate: '2026-11-23' })));
conn.onRequest(() => null);
let indexed: () => void = () => undefined;
const indexedP = new Promise<void>((res) => (indexed = res));
conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
  if (p.value?.kind === 'end') indexed();
});
let latest: FolderVersion | undefined;
let checking = false;
let onNotice: (() => void) | undefined;
conn.onNotification('aims/coverageChanged', (p: { versions: FolderVersion[]; checking: string[] }) => {
  latest = p.versions[0];
  checking = p.checking.length > 0;
  onNotice?.();
});
conn.listen();

const root = dir.replace(/\/$/, '');
const replica = new CoverageReplica();
interface Sync {
  bytes: number;
  pages: number;
  /** Longest parse + apply of one message, ms. */
  maxClientMs: number;
  /** Parse + apply of every message, ms. */
  clientMs: number;
  ms: number;
}

/** One sync as the extension does it, timing the client's share of each message. */
async function sync(): Promise<Sync> {
  const t0 = performance.now();
  const out: Sync = { bytes: 0, pages: 0, maxClientMs: 0, clientMs: 0, ms: 0 };
  const { epoch, since } = replica.position(root);
  let cursor: string | undefined;
  let first = true;
  do {
    const res = await conn.sendRequest<CoveragePartsRequest.Result>('aims/coverageParts', { root, epoch, since, cursor });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, result: res });
    const c0 = process.cpuUsage();
    const parsed = (JSON.parse(body) as { result: CoveragePartsRequest.Result }).result;
    replica.apply(parsed, first);
    replica.workspaces();
    const used = process.cpuUsage(c0);
    const c = (used.user + used.system) / 1000;
    out.bytes += Buffer.byteLength(body);
    out.pages++;
    out.clientMs += c;
    out.maxClientMs = Math.max(out.maxClientMs, c);
    first = false;
    cursor = res.more ? res.cursor : undefined;
  } while (cursor);
  out.ms = performance.now() - t0;
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Types one change into the open SoA and follows the coverage notices until the server is quiet. */
async function keystroke(
  uri: string,
  version: number,
  line: number,
  from: number,
  to: number,
  text: string,
  shows: (w: LiveWorkspace) => boolean,
): Promise<{ bytes: number; messages: number; maxClientMs: number; toShownMs: number }> {
  const t0 = performance.now();
  let bytes = 0;
  let messages = 0;
  let maxClientMs = 0;
  let shownAt: number | undefined;
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }],
  });
  // Follow the notices until the server has re-checked every file and the copy holds its last version.
  checking = true;
  for (;;) {
    const at = replica.position(root);
    if (latest && (latest.epoch !== at.epoch || latest.version !== at.since)) {
      const s = await sync();
      bytes += s.bytes;
      messages += s.pages;
      maxClientMs = Math.max(maxClientMs, s.maxClientMs);
      if (shownAt === undefined && shows(replica.workspaces()[0])) shownAt = performance.now() - t0;
      continue;
    }
    if (!checking) break;
    // An edit that moved nothing is never announced: give up waiting after 30 s.
    const noticed = await new Promise<boolean>((res) => {
      onNotice = () => res(true);
      setTimeout(() => res(false), 30_000);
    });
    onNotice = undefined;
    if (!noticed) break;
  }
  return { bytes, messages, maxClientMs, toShownMs: shownAt ?? NaN };
}

void (async () => {
  const uri = pathToFileURL(dir).toString();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  await conn.sendNotification('initialized', {});
  await indexedP;
  const first = await sync();
  const systems = replica.workspaces()[0].systems.length;

  // The whole coverage in one message, as the client fetched it at every change before.
  const wholeTimes: number[] = [];
  const wholeParse: number[] = [];
  let wholeBytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await conn.sendRequest('aims/coverage', {});
    wholeTimes.push(performance.now() - t0);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, result: res });
    wholeBytes = Buffer.byteLength(body);
    const p0 = process.cpuUsage();
    JSON.parse(body);
    const used = process.cpuUsage(p0);
    wholeParse.push((used.user + used.system) / 1000);
  }

  const soaPath = join(dir, 'soa.aims.yaml');
  const soaUri = pathToFileURL(soaPath).toString();
  const text = readFileSync(soaPath, 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: soaUri, languageId: 'aims', version: 1, text } });
  await new Promise((r) => setTimeout(r, 1500));
  await sync();
  const lines = text.split('\n');
  const just = lines.findIndex((l) => l.startsWith('    justification: '));
  const status = lines.findIndex((l) => l.startsWith('    status: implemented'));
  let version = 2;
  const typed: Awaited<ReturnType<typeof keystroke>>[] = [];
  const pasted: Awaited<ReturnType<typeof keystroke>>[] = [];
  const end = lines[just].length;
  const a22 = (w: LiveWorkspace) => w.annexA.topics[0].controls[0];
  for (let i = 0; i < 6; i++) {
    // Type a character at the end of the first justification, then delete it.
    const add = i % 2 === 0;
    typed.push(
      await keystroke(soaUri, version++, just, end, add ? end : end + 1, add ? 'x' : '', (w) =>
        add ? !!a22(w).justification?.endsWith('x') : !a22(w).justification?.endsWith('x'),
      ),
    );
  }
  for (let i = 0; i < 6; i++) {
    const toPartial = i % 2 === 0;
    pasted.push(
      await keystroke(
        soaUri,
        version++,
        status,
        12,
        toPartial ? 23 : 19,
        toPartial ? 'partial' : 'implemented',
        (w) => a22(w).state === (toPartial ? 'partial' : 'implemented'),
      ),
    );
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  const summary = (xs: Awaited<ReturnType<typeof keystroke>>[]) => ({
    bytes: median(xs.map((x) => x.bytes)),
    maxBytes: Math.max(...xs.map((x) => x.bytes)),
    messages: median(xs.map((x) => x.messages)),
    clientMs: round(Math.max(...xs.map((x) => x.maxClientMs)), 2),
    toShownMs: Math.round(median(xs.map((x) => x.toShownMs))),
  });
  console.log(
    JSON.stringify({
      systems,
      firstLoad: {
        bytes: first.bytes,
        pages: first.pages,
        maxPageClientMs: round(first.maxClientMs, 2),
        clientMs: Math.round(first.clientMs),
        ms: Math.round(first.ms),
      },
      typed: summary(typed),
      pasted: summary(pasted),
      whole: { bytes: wholeBytes, requestMs: Math.round(median(wholeTimes)), parseMs: round(median(wholeParse), 1) },
    }),
  );
  setTimeout(() => process.exit(0), 200).unref();
})();
