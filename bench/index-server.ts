/**
 * Child process of the benchmark: starts the built language server on one
 * workspace folder, as VS Code would (workspace folders, pulled settings,
 * progress), and measures how long it takes from `initialized` until every
 * AIMS file of the folder is checked and its findings are published (the end
 * of the server's indexing progress; files without findings send nothing),
 * and the server's peak RSS. Prints one JSON line. AIMS_SERVER=<path>
 * measures another build of the server.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import { findAimsFiles } from '../server/src/node/find-files';

const dir = process.argv[2];
const expected = findAimsFiles(dir).length;
const server = process.env.AIMS_SERVER ?? join(__dirname, '..', 'dist', 'server.js');
const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/pf/iprof'] : []), server, '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ referenceDate: '2026-11-23' })));
conn.onRequest(() => null);
const seen = new Set<string>();
let allPublished: () => void = () => undefined;
const done = new Promise<void>((res) => (allPublished = res));
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
  seen.add(p.uri);
});
// The server reports indexing as work-done progress; it ends after every file is checked and its findings sent.
conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
  if (p.value?.kind === 'end') allPublished();
});
conn.listen();

const hwmMb = (): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const uri = pathToFileURL(dir).toString();
const t0 = performance.now();
void (async () => {
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  const tInit = performance.now();
  await conn.sendNotification('initialized', {});
  const timeout = setTimeout(() => allPublished(), 300_000);
  await done;
  clearTimeout(timeout);
  const tDone = performance.now();
  const peak = hwmMb();
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  console.log(
    JSON.stringify({
      files: expected,
      publishedWithFindings: seen.size,
      spawnToInitializeMs: Math.round(tInit - t0),
      indexMs: Math.round(tDone - tInit),
      peakRssMb: Math.round(peak),
    }),
  );
  setTimeout(() => process.exit(0), 200).unref();
})();
