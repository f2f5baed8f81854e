/**
 * The floor for "open → diagnostics": the `yaml` library's bare `parseDocument` of a file, the
 * least any YAML-based server must do. Warmed up, then timed over N rounds; prints one JSON line.
 *   node --import tsx bench/parse-floor.ts <file> [rounds]
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const [file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 20);
const text = readFileSync(file, 'utf8');
for (let i = 0; i < 3; i++) parseDocument(text);
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  const start = performance.now();
  parseDocument(text);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
console.log(JSON.stringify({ median: at(0.5), p95: at(0.95) }));
