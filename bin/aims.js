#!/usr/bin/env node
// The `aims` command: runs the bundled CLI (dist/cli.js, built by `npm run build` or `npm pack`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('aims: the CLI is not built yet. Run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
// A reader that stops early (`aims check | head`) closes the pipe: say so once and stop, with the
// exit code for "the command could not run as asked", not a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  try {
    fs.writeSync(2, 'aims: the output was closed before it was complete\n');
  } catch {
    // stderr is gone too
  }
  process.exit(2);
});
require(bundle)
  .run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    readStdin: () => fs.readFileSync(0, 'utf8'),
  })
  .then((code) => {
    if (typeof code === 'number' && code !== -1) process.exitCode = code;
  });
