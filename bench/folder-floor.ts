/**
 * The floor for reading a folder: find every AIMS file, read it and give it to the `yaml`
 * library's bare `parseDocument`, the least a YAML-based tool does before checking anything.
 * Prints one JSON line: files, wall-clock and CPU milliseconds, peak RSS.
 *   node --import tsx bench/folder-floor.ts <folder>
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { findAimsFiles } from '../server/src/node/find-files';

const dir = process.argv[2];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const files = findAimsFiles(dir);
let nodes = 0;
for (const f of files) if (parseDocument(readFileSync(f, 'utf8')).contents) nodes++;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    files: files.length,
    parsed: nodes,
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
