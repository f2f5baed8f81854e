// `npm test`: build, type-check, lint, then every test suite in order:
// unit (core + services), CLI, language server through the protocol (incl. Neovim),
// and the extension in a real VS Code workbench. Stops at the first failing step.
// Suites needing tools that `npm run setup:test` installs (nvim, code-server, chromium)
// fail under CI=true when the tools are missing, and are skipped loudly elsewhere.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);

function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    let names = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const node = process.execPath;
const steps = [
  { name: 'build', cmd: node, args: ['esbuild.mjs'] },
  { name: 'typecheck', cmd: node, args: ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: node, args: ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', 'server', 'client', 'test'] },
  { name: 'unit', tests: 'test/unit' },
  { name: 'cli', tests: 'test/cli' },
  { name: 'lsp', tests: 'test/lsp' },
  // The web extension's server in a web worker of headless Chromium, against the Node server.
  { name: 'browser', tests: 'test/browser' },
  { name: 'e2e', cmd: node, args: ['scripts/test-e2e.mjs'] },
];

/** Runs a step, echoing its output, and counts the passed/failed tests it reports. */
function runStep(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    const counts = { passed: 0, failed: 0 };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) {
        let m = /^# pass (\d+)$/.exec(line);
        if (m) counts.passed += Number(m[1]);
        m = /^# fail (\d+)$/.exec(line);
        if (m) counts.failed += Number(m[1]);
        m = /^(\d+) passed, (\d+) failed$/.exec(line);
        if (m) {
          counts.passed += Number(m[1]);
          counts.failed += Number(m[2]);
        }
      }
    });
    child.on('close', (status) => resolve({ status, counts }));
  });
}

const results = [];
const total = { passed: 0, failed: 0 };
const finish = (code) => {
  console.log(`\n${results.join('\n')}`);
  console.log(`all tests: ${total.passed} passed, ${total.failed} failed`);
  process.exit(code);
};
for (const s of steps) {
  if (only.length && !only.includes(s.name)) continue;
  let cmd = s.cmd;
  let args = s.args;
  if (s.tests) {
    const files = testFiles(s.tests);
    if (files.length === 0) {
      console.log(`\n=== ${s.name}: no tests in ${s.tests}`);
      continue;
    }
    cmd = node;
    args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...files];
  }
  console.log(`\n=== ${s.name}`);
  const t0 = Date.now();
  const r = await runStep(cmd, args);
  total.passed += r.counts.passed;
  total.failed += r.counts.failed;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${s.name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs}s)`);
  if (r.status !== 0) finish(1);
}
finish(0);
