// `npm test`: build, type-check, lint (ESLint and Prettier), then every test suite in order:
// unit (core + services), CLI, language server through the protocol (incl. Neovim), and the
// extension in a real VS Code workbench. Stops at the first failing step. `node scripts/test-all.mjs
// unit cli` runs only the steps named.
//
// No test is skipped silently: every skip is listed with its reason at the end. Under CI=true a
// skip fails the run (unless its reason starts with "optional:"), and so does a run in which the
// Neovim tests or the real-editor tests (workbench and extension host) did not pass.
// Tests clean up after themselves: each step runs with a private TMPDIR, and a step that leaves
// an `aims-*` folder there fails.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLine, newCounts, nodeTestArgs } from './test-summary.mjs';

const only = process.argv.slice(2);
const CI = process.env.CI === 'true';

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
  {
    name: 'lint',
    cmd: node,
    args: ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', 'server', 'client', 'test'],
    then: { cmd: node, args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
  },
  { name: 'unit', tests: 'test/unit' },
  { name: 'cli', tests: 'test/cli' },
  // Under CI the Neovim suite must have passed, not been skipped.
  { name: 'lsp', tests: 'test/lsp', requiredInCi: ['Neovim'] },
  // The web extension's server in a web worker of headless Chromium, against the Node server.
  { name: 'browser', tests: 'test/browser', requiredInCi: ['the language server in a browser web worker'] },
  {
    name: 'e2e',
    cmd: node,
    args: ['scripts/test-e2e.mjs'],
    requiredInCi: [/^the extension-host suite passes/, /^the browser entry runs in the web worker extension host/],
  },
];

/** Runs a command, echoing its output, and counts the tests it reports. */
function runCommand(cmd, args, counts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) countLine(line, counts);
    });
    child.on('close', (status) => {
      if (buf) countLine(buf, counts);
      resolve(status);
    });
  });
}

// Created before TMPDIR points into it; removed, with whatever tools left there, at the end.
const TMP = mkdtempSync(join(tmpdir(), 'aims-test-run-'));
chmodSync(TMP, 0o1777); // as /tmp is: some tests run the CLI as an unprivileged user
process.env.TMPDIR = TMP;
const results = [];
const total = newCounts();
const finish = (code) => {
  rmSync(TMP, { recursive: true, force: true });
  console.log(`\n${results.join('\n')}`);
  if (total.skips.length) console.log(`skipped:\n${total.skips.map((s) => `  - ${s}`).join('\n')}`);
  console.log(`all tests: ${total.passed} passed, ${total.failed} failed, ${total.skips.length} skipped`);
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
    args = nodeTestArgs(files);
  }
  console.log(`\n=== ${s.name}`);
  const t0 = Date.now();
  const counts = newCounts();
  let status = await runCommand(cmd, args, counts);
  if (status === 0 && s.then) status = await runCommand(s.then.cmd, s.then.args, counts);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skips.push(...counts.skips.map((x) => `${s.name}: ${x}`));
  const problems = [];
  const left = readdirSync(TMP).filter((n) => n.startsWith('aims-'));
  if (left.length) problems.push(`left temporary folders behind: ${left.join(', ')}`);
  for (const n of left) rmSync(join(TMP, n), { recursive: true, force: true });
  if (CI) {
    const forbidden = counts.skips.filter((x) => !/: optional:|^optional:/.test(x));
    if (forbidden.length) problems.push(`skipped under CI: ${forbidden.join('; ')}`);
    for (const want of s.requiredInCi ?? []) {
      const ok = counts.oks.some((n) => (typeof want === 'string' ? n === want : want.test(n)));
      if (!ok) problems.push(`did not run under CI: ${String(want)}`);
    }
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${s.name}: ${status === 0 && !problems.length ? 'ok' : 'FAILED'} (${secs}s)${problems.map((p) => `\n  ${p}`).join('')}`);
  if (status !== 0 || problems.length) finish(1);
}
finish(0);
