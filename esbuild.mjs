// Bundles the extension client, the language server and the CLI.
// `node esbuild.mjs` builds minified bundles with source maps into dist/;
// `--watch` rebuilds on change; `--dev` skips minification.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !dev,
  logLevel: 'info',
  legalComments: 'none',
  // yaml's ES module build (the same code as its CommonJS one): bundled as ESM, calls such as
  // isScalar() are direct, instead of going through the getter esbuild puts on every CommonJS import.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// exceljs (workbook import and the .xlsx report) is most of the size of anything that bundles it:
// it goes into dist/exceljs.js, which the other bundles load only when a workbook is read or
// written (server/src/core/import/exceljs.ts). Parts of its dependency tree that reading and
// writing workbooks in memory never reach (streaming reader, CSV, folder globbing, a userland
// copy of Node's streams) are left out; test/cli/import.test.ts runs the bundle to prove it.
const lazyExcelJs = {
  name: 'lazy-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};
const UNUSED_BY_EXCELJS = /^(unzipper|fast-csv|@fast-csv\/(parse|format)|glob|minimatch)(\/.*)?$/;
const trimExcelJs = {
  name: 'trim-exceljs',
  setup(build) {
    build.onResolve({ filter: UNUSED_BY_EXCELJS }, (a) => ({ path: a.path, namespace: 'unused' }));
    build.onResolve({ filter: /^readable-stream(\/.*)?$/ }, (a) => ({ path: a.path, namespace: 'node-stream' }));
    build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    build.onLoad({ filter: /.*/, namespace: 'node-stream' }, () => ({ contents: 'module.exports = require("stream");', loader: 'js' }));
  },
};

// vscode-languageserver's `Files` helpers (finding globally installed npm modules) need child_process, which the
// server never calls: loading the module costs ~4 ms of every start over stdio, so it loads on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^child_process$/ }, (a) =>
      /[/\\]vscode-languageserver[/\\]/.test(a.importer) ? { path: a.path, namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, k) => require("child_process")[k] });',
      loader: 'js',
    }));
  },
};
const builds = [
  // dist/server.js only loads dist/server-main.js, the server, through V8's code cache (server/src/node/code-cache.ts).
  { entryPoints: ['server/src/server-boot.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/server-main.ts'], outfile: 'dist/server-main.js', plugins: [lazyExcelJs, lazyChildProcess] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [lazyExcelJs] },
  { entryPoints: ['node_modules/exceljs/excel.js'], outfile: 'dist/exceljs.js', plugins: [trimExcelJs], sourcemap: false },
];
// The SoA import (table parsers for CSV, Markdown and workbooks) loads when the command runs,
// so activating the extension does not parse it.
const lazyImportCommand = {
  name: 'lazy-import-command',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/import-soa$/ }, () => ({ path: './import-soa.js', external: true }));
  },
};
if (existsSync('client/src/main.ts')) {
  builds.push(
    {
      entryPoints: ['client/src/main.ts'],
      outfile: 'dist/client.js',
      external: ['vscode'],
      plugins: [lazyExcelJs, lazyImportCommand],
    },
    { entryPoints: ['client/src/commands/import-soa.ts'], outfile: 'dist/import-soa.js', external: ['vscode'], plugins: [lazyExcelJs] },
  );
}

// The web extension (vscode.dev, github.dev): the client for VS Code's web worker extension host and the
// language server for a web worker of its own. No Node there: a Node built-in imported by anything in these
// bundles fails the build, and exceljs (workbook import and export, too large to ship twice) is replaced by a
// module that says why a workbook cannot be read or written in the browser; the commands do not offer it there.
const NODE_BUILTIN = new RegExp(`^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
// Node's globals too, in the project's own sources (libraries test for them before use).
const NODE_GLOBAL = /\b(process|Buffer)\s*\.|\b__(dirname|filename)\b/;
const noNode = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: NODE_BUILTIN }, (a) => ({
      errors: [{ text: `Node built-in "${a.path}" imported by ${a.importer}: the web bundles must run without Node` }],
    }));
    build.onLoad({ filter: /[/\\](server|client)[/\\]src[/\\].*\.ts$/ }, async (a) => {
      const code = (await readFile(a.path, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, (c) => c.replace(/[^\n]/g, ' '));
      const line = code.split('\n').findIndex((l) => NODE_GLOBAL.test(l));
      if (line < 0) return undefined;
      return { errors: [{ text: `Node global used in ${a.path}:${line + 1}: the web bundles must run without Node` }] };
    });
  },
};
const noExcelJs = {
  name: 'no-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, (a) => ({ path: a.path, namespace: 'no-exceljs' }));
    build.onLoad({ filter: /.*/, namespace: 'no-exceljs' }, () => ({
      contents:
        'throw new Error("Excel workbooks are not read or written by the browser version of the extension; use a CSV or Markdown table here, or desktop VS Code");',
      loader: 'js',
    }));
  },
};
// The server fingerprints coverage parts with Node's SHA-1 (server/src/lsp/digest.ts); a worker has no synchronous
// SHA-1, so web bundles get the pure fingerprint beside it (digest-web.ts).
const webDigest = {
  name: 'web-digest',
  setup(build) {
    build.onResolve({ filter: /^\.\/digest$/ }, (a) => ({ path: join(dirname(a.importer), 'digest-web.ts') }));
  },
};
const web = { platform: 'browser', target: 'es2022', plugins: [noNode, noExcelJs, webDigest] };
builds.push({ ...web, entryPoints: ['server/src/browser/worker-main.ts'], outfile: 'dist/browser/server.js', format: 'iife' });
if (existsSync('client/src/browser/main.ts')) {
  builds.push({ ...web, entryPoints: ['client/src/browser/main.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] });
}

for (const b of builds) {
  const options = { ...common, ...b };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
