// Bundles the extension client, the language server and the CLI.
// `node esbuild.mjs` builds minified bundles with source maps into dist/;
// `--watch` rebuilds on change; `--dev` skips minification.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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

const builds = [
  { entryPoints: ['server/src/server-main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];
if (existsSync('client/src/extension.ts')) {
  builds.push({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] });
}

for (const b of builds) {
  const options = { ...common, ...b };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
