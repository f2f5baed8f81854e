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
    traceOutputChannel: traceChannel(context, output),
    synchronize: {
      configurationSection: 'aims',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.aims.{yaml,yml}'),
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
    },
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

/**
 * The client library traces the protocol only while its trace channel's log
 * level is Trace, which users set nowhere; `aims.trace.server` decides
 * instead, and the trace goes to the AIMS channel at the level it shows.
 */
function traceChannel(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.LogOutputChannel {
  const levelOf = (): vscode.LogLevel =>
    vscode.workspace.getConfiguration('aims').get<string>('trace.server', 'off') === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  let level = levelOf();
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('aims.trace.server')) return;
      level = levelOf();
      changed.fire(level);
    }),
  );
  return new Proxy(output, {
    get(target, prop) {
      if (prop === 'logLevel') return level;
      if (prop === 'onDidChangeLogLevel') return changed.event;
      if (prop === 'trace') return (message: string) => target.info(message);
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
