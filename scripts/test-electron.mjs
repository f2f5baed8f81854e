// The extension-host suite (test/extension-host/index.js) in VS Code desktop via @vscode/test-electron.
// test-electron downloads VS Code at run time: that works on a developer machine with internet
// access, not on this project's CI, which runs the same suite in code-server instead
// (scripts/test-e2e.mjs). Usage: npm run build && node scripts/test-electron.mjs
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ws = join(mkdtempSync(join(tmpdir(), 'aims-electron-')), 'acme-lending');
cpSync(join(root, 'examples', 'acme-lending'), ws, { recursive: true });
// The same defect the browser test injects: a mislabelled control.
const soa = join(ws, 'soa.aims.yaml');
writeFileSync(soa, readFileSync(soa, 'utf8').replace('    title: AI policy\n', '    title: AI risk assessment\n'));
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'extension-host', 'index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
  });
} finally {
  rmSync(dirname(ws), { recursive: true, force: true });
}
