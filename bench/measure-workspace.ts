/**
 * Child process of the benchmark: indexes and checks one generated workspace
 * the way the CLI and the server do, and prints one JSON line with the time,
 * throughput, peak RSS and how many files an edit of one record re-checks.
 */
import { statSync } from 'node:fs';
import { checkFolder } from '../server/src/cli/load-workspace';
import { defaultOptions } from '../server/src/core/types';
import { WorkspaceManager } from '../server/src/lsp/workspace-manager';
import { nodeFileProvider } from '../server/src/node/file-provider';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
const t0 = performance.now();
const ws = checkFolder(dir, defaultOptions({ asOf: '2026-11-23' }), process.cwd());
const ms = performance.now() - t0;
const bytes = ws.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const findings = [...ws.diagnostics.values()].reduce((n, d) => n + d.length, 0);

// Which files the server re-checks when one system record changes (its id stays the same).
const manager = new WorkspaceManager(nodeFileProvider);
const folder = manager.addFolder(pathToFileURL(dir).toString());
for (const f of ws.files) folder.files.set(f.path, f);
const record = ws.files.find((f) => f.kind === 'AISystem');
let recheck = 0;
if (record) {
  manager.setText(pathToFileURL(record.path).toString(), record.text, 2, true);
  recheck = manager.dependents(folder, record.path, ['AISystem', 'AISystem']).length;
}
console.log(
  JSON.stringify({
    files: ws.files.length,
    bytes,
    ms: Math.round(ms),
    filesPerSecond: Math.round(ws.files.length / (ms / 1000)),
    mbPerSecond: +(bytes / 1048576 / (ms / 1000)).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    findings,
    recheckOnRecordEdit: recheck,
    soaBytes: statSync(`${dir}/soa.aims.yaml`).size,
  }),
);
