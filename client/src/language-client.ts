import * as vscode from 'vscode';
import { LanguageClient, TransportKind, State, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Files the server checks: the `aims` language, on disk or in any virtual file system. */
export const DOCUMENT_SELECTOR = [{ language: 'aims' }];

/**
 * Starts the bundled language server over IPC. The server is our own code in
 * the extension's folder; nothing from the workspace is run. A crashed server
 * is restarted by the client library (up to its limit) and the user is told.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // File events come from the watcher the server registers itself; a second one here sent every event twice.
    synchronize: { configurationSection: 'aims' },
    // Read at every start, so a restart after the workspace is trusted turns quick fixes and rename on.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    markdown: { isTrusted: false, supportHtml: false },
  };
  const client = new LanguageClient('aims', 'AIMS Language Server', serverOptions, clientOptions);
  let wasRunning = false;
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      if (wasRunning) void vscode.window.showInformationMessage('The AIMS language server was restarted after it stopped unexpectedly.');
      wasRunning = true;
    } else if (e.newState === State.Stopped && e.oldState === State.Running) {
      output.appendLine(`[${new Date().toISOString()}] language server stopped`);
    }
  });
  return client;
}
