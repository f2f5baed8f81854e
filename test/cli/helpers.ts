import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { aims as runCli } from '../helpers/cli';

export const ROOT_DIR = join(__dirname, '..', '..');
export const EXAMPLES = join(ROOT_DIR, 'examples');
export const BIN = join(ROOT_DIR, 'bin', 'aims.js');

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A temporary folder, removed when the test file ends. */
export function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'aims-cli-'));
  temps.push(d);
  return d;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process (no build needed), by default in the examples folder. */
export const aims = (args: string[], cwd = EXAMPLES, stdin?: string): Promise<CliResult> => runCli(args, cwd, stdin);

/** Runs the built `aims` command as a process, as a user's shell would. */
export function aimsProcess(args: string[], opts: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, ...opts });
  return { code: r.status ?? -1, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') };
}

/** A copy of the example workspace with one line of one file changed. */
export function brokenExample(file: string, from: string, to: string): string {
  const dir = join(temp(), 'acme');
  cpSync(join(EXAMPLES, 'acme-lending'), dir, { recursive: true });
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(p, text.replace(from, to));
  return dir;
}
