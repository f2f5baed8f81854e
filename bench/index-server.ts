/**
 * Child process of the benchmark: starts the built language server on one
 * workspace folder, as VS Code would (workspace folders, pulled settings,
 * progress), and measures how long it takes from `initialized` until every
 * AIMS file of the folder is checked and its findings are published (the end
 * of the server's indexing progress; files without findings send nothing),
 * and the server's peak RSS. Then it opens the SoA, which every other file
 * depends on, and edits it a few times (excluding a control and back): how
 * long until the SoA's own findings arrive, how long a hover sent at that
 * moment waits while the rest is re-checked, and how long until the re-check
 * of every file ends (the coverage notification that no longer lists the
 * folder as being checked). Prints one JSON line.
 * AIMS_SERVER=<path> measures another build of the server.
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
let onPublish: ((uri: string) => void) | undefined;
let onCoverage: (() => void) | undefined;
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
  seen.add(p.uri);
  onPublish?.(p.uri);
});
// A coverage notice that no longer lists the folder as being re-checked: every file is checked.
conn.onNotification('aims/coverageChanged', (p: { checking?: string[] }) => {
  if (!p.checking?.length) onCoverage?.();
});
// The server reports indexing as work-done progress; it ends after every file is checked and its findings sent.
conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
  if (p.value?.kind === 'end') allPublished();
});
conn.listen();

/** The server's CPU time so far (user + system), in ms: on a shared machine it varies less than the wall clock. */
const cpuMs = (): number => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
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
  const cpuInit = cpuMs();
  await conn.sendNotification('initialized', {});
  const timeout = setTimeout(() => allPublished(), 900_000);
  await done;
  clearTimeout(timeout);
  const tDone = performance.now();
  const peak = hwmMb();
  const indexCpuMs = cpuMs() - cpuInit;
  const soaEdit = await editSoa();
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  console.log(
    JSON.stringify({
      files: expected,
      publishedWithFindings: seen.size,
      spawnToInitializeMs: Math.round(tInit - t0),
      indexMs: Math.round(tDone - tInit),
      indexCpuMs,
      peakRssMb: Math.round(peak),
      soaEdit,
    }),
  );
  setTimeout(() => process.exit(0), 200).unref();
})();

/** Medians over a few edits of the SoA that change its findings (and those of nothing else). */
async function editSoa(): Promise<{ ownFindingsMs: number; hoverDuringRecheckMs: number; allRecheckedMs: number }> {
  const soaUri = pathToFileURL(join(dir, 'soa.aims.yaml')).toString();
  const text = readFileSync(join(dir, 'soa.aims.yaml'), 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: soaUri, languageId: 'aims', version: 1, text } });
  await new Promise((r) => setTimeout(r, 500));
  const line = text.split('\n').findIndex((l) => l.includes('applicable: true'));
  const own: number[] = [];
  const hover: number[] = [];
  const all: number[] = [];
  for (let round = 0; round < 6; round++) {
    const t0 = performance.now();
    const settled = new Promise<void>((res) => (onCoverage = res));
    const published = new Promise<void>((res) => (onPublish = (uri) => uri === soaUri && res()));
    // "true" and "fals" alternate: an invalid value is a finding of the SoA alone.
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: soaUri, version: 2 + round },
      contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 20 } }, text: round % 2 ? 'true' : 'fals' }],
    });
    await published;
    const tOwn = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri: soaUri }, position: { line: line - 2, character: 4 } });
    const tHover = performance.now();
    await settled;
    own.push(tOwn - t0);
    hover.push(tHover - tOwn);
    all.push(performance.now() - t0);
    onPublish = undefined;
    await new Promise((r) => setTimeout(r, 300));
  }
  const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return { ownFindingsMs: median(own), hoverDuringRecheckMs: median(hover), allRecheckedMs: median(all) };
}
