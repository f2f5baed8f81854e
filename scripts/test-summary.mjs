// Reads test output line by line and counts what it reports, for scripts/test-all.mjs.
// node:test runs with the spec reporter on every Node version (Node 23 made it the default where
// Node 20 and 22 print TAP when not on a terminal); TAP summaries are read as well, and the
// real-editor suite's own `ok N - …` / `N passed, N failed` / `# SKIP reason` lines.

/** The arguments that run node:test files the same way on Node 20, 22 and 24. */
export function nodeTestArgs(files) {
  return ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files];
}

export function newCounts() {
  return { passed: 0, failed: 0, skipped: 0, skips: [], oks: [] };
}

// eslint-disable-next-line no-control-regex -- the spec reporter colours its output on a terminal
const ANSI = /\x1b\[[0-9;]*m/g;

/** Adds what one line of output reports to `counts`. */
export function countLine(raw, counts) {
  const line = raw.replace(ANSI, '');
  let m = /^(?:ℹ|#) (pass|fail|skipped) (\d+)$/.exec(line);
  if (m) {
    counts[{ pass: 'passed', fail: 'failed', skipped: 'skipped' }[m[1]]] += Number(m[2]);
    return;
  }
  m = /^(\d+) passed, (\d+) failed$/.exec(line);
  if (m) {
    counts.passed += Number(m[1]);
    counts.failed += Number(m[2]);
    return;
  }
  // A skipped test and why: spec `﹣ name (1.2ms) # reason`, TAP `ok 3 - name # SKIP reason`, or a suite's `# SKIP reason`.
  m = /^\s*﹣ (.+?) \([\d.]+m?s\) # (.+)$/.exec(line) ?? /^\s*ok \d+ - (.+?) # SKIP (.+)$/.exec(line) ?? /^()# SKIP (.+)$/.exec(line);
  if (m) {
    counts.skips.push(m[1] ? `${m[1]}: ${m[2]}` : m[2]);
    if (!m[1]) counts.skipped++;
    return;
  }
  m = /^\s*(?:✔|ok \d+ -) (.+?)(?: \([\d.]+m?s\))?$/.exec(line);
  if (m) counts.oks.push(m[1]);
}
