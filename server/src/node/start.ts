import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { clientFilesOf } from '../lsp/client-files';
import { ruleLinks } from '../lsp/rule-links';
import { byScheme } from '../lsp/scheme-files';
import { startServer } from '../server';
import { nodeFileProvider } from './file-provider';

/** docs/rules.md as shipped beside the bundle (the .vsix and the npm package include it). */
const ruleHref = ruleLinks(join(__dirname, '..', 'docs', 'rules.md'));

/**
 * Starts the language server on Node, on the transport given on the command
 * line (--stdio, --node-ipc, --socket). It reads `file:` folders from the
 * disk and virtual folders through the client.
 */
export function startNodeServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, byScheme(nodeFileProvider, clientFilesOf(connection)), ruleHref);
}
