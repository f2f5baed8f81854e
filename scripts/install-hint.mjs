// Printed at the end of `npm start`: how to install the extension just packaged, and the CLI.
import { readFileSync, statSync } from 'node:fs';
const kb = Math.round(statSync('aims-lsp.vsix').size / 1024);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
console.log(`
The VS Code extension is packaged as aims-lsp.vsix (${kb} KB). Install it with
  code --install-extension aims-lsp.vsix
or in VS Code: Extensions view → … → Install from VSIX…, then open a folder with *.aims.yaml files
(try examples/acme-lending). Other editors: run \`node bin/aims.js lsp --stdio\` as the language server.
The \`aims\` command: \`npm pack\`, then \`npm install -g ./aims-lsp-${version}.tgz\`.`);
