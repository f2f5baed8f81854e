import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { run } from '../../server/src/cli/main';

/** Runs the CLI in-process; resolves to its exit code and what it printed. `stdin` is what `-` reads. */
export async function aims(args: string[], cwd: string, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    readStdin: () => stdin,
  });
  return { code, out, err };
}

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'aims-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
