import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { clientFilesOf } from '../lsp/client-files';
import { installSetImmediate } from './set-immediate';

/** The worker's global scope, the port the client talks to. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

// The language server in a web worker (vscode.dev, github.dev): no Node, the workspace read through the client.
installSetImmediate();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, clientFilesOf(connection));
