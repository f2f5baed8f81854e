/**
 * Child process of the benchmark: indexes and checks one generated workspace
 * the way the CLI (`aims check`, its text output included) and the server do,
 * and prints one JSON line with the time,
 * throughput, peak RSS and how many files an edit of one record re-checks;
 * then what an SoA edit costs the server's bookkeeping (re-read, index update,
 * dependents) beside a full rebuild of the index, which it no longer does.
 */
import { statSync } from 'node:fs';
import { checkFolder } from '../server/src/cli/load-workspace';
import { formatText } from '../server/src/cli/formats';
import { defaultOptions } from '../server/src/core/types';
import { buildIndex } from '../server/src/core/workspace';
import { WorkspaceManager } from '../server/src/lsp/workspace-manager';
import { nodeFileProvider } from '../server/src/node/file-provider';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// What `aims check` does by default: text output, which keeps each system's obligation counts.
const ws = checkFolder(dir, defaultOptions({ asOf: '2026-11-23' }), process.cwd(), undefined, 'tally');
const printed = formatText([{ ...ws, target: '.' }], dir).length;
const ms = performance.now() - t0;
// CPU time (user + system): on a shared machine it varies less than the wall clock.
const cpu = process.cpuUsage(cpu0);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const bytes = ws.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const findings = [...ws.diagnostics.values()].reduce((n, d) => n + d.length, 0);

// Which files the server re-checks after an edit (server/src/core/dependencies.ts): a record's name, and in the SoA a
// justification, the applicability of a control no file cites (A.2.2) and of one every risk and high-risk record cites (A.6.2.4).
const manager = new WorkspaceManager(nodeFileProvider);
const folder = manager.addFolder(pathToFileURL(dir).toString());
for (const f of ws.files) folder.files.set(f.path, f);
folder.indexed = true;
manager.indexOf(folder);
const editTimes: number[] = [];
let version = 2;
const edit = (path: string, from: string | RegExp, to: string): number => {
  const text = folder.files.get(path)!.text;
  const start = performance.now();
  const change = manager.setText(pathToFileURL(path).toString(), text.replace(from, to), version++, false);
  const n = change ? manager.dependents(folder, path, change).length : 0;
  editTimes.push(performance.now() - start);
  return n;
};
const record = ws.files.find((f) => f.kind === 'AISystem');
const recheck = record ? edit(record.path, /^name: .*$/m, 'name: Renamed') : 0;
const soa = ws.files.find((f) => f.kind === 'StatementOfApplicability')!.path;
const soaRecheck = {
  justification: edit(soa, 'justification: Needed for the systems in scope.', 'justification: Needed for the systems in scope!'),
  uncitedControl: edit(soa, /(A\.2\.2:\n.*\n    applicable: )true/, '$1false'),
  citedControl: edit(soa, /(A\.6\.2\.4:\n.*\n    applicable: )true/, '$1false'),
};
// The same SoA edits again, timed: the server's work before it re-checks anything.
editTimes.length = 0;
for (let i = 0; i < 5; i++) {
  edit(soa, 'justification: Needed for the systems in scope!', 'justification: Needed for the systems in scope?');
  edit(soa, 'justification: Needed for the systems in scope?', 'justification: Needed for the systems in scope!');
}
const soaEditMs = +[...editTimes].sort((a, b) => a - b)[editTimes.length >> 1].toFixed(2);
const sorted = [...folder.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
const tb = performance.now();
buildIndex(dir, sorted);
const indexRebuildMs = +(performance.now() - tb).toFixed(1);
console.log(
  JSON.stringify({
    files: ws.files.length,
    bytes,
    printed,
    ms: Math.round(ms),
    cpuMs,
    filesPerSecond: Math.round(ws.files.length / (ms / 1000)),
    mbPerSecond: +(bytes / 1048576 / (ms / 1000)).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    findings,
    recheckOnRecordEdit: recheck,
    recheckOnSoaEdit: soaRecheck,
    soaEditMs,
    indexRebuildMs,
    soaBytes: statSync(`${dir}/soa.aims.yaml`).size,
  }),
);
