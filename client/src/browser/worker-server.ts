import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { ruleHeadingLines } from '../../../server/src/lsp/rule-lines';
import type { ServerHost } from '../language-client';

/** The browser's Worker, as much of it as this file uses (the project's type libraries are Node's). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/**
 * The language server in the browser (vscode.dev, github.dev): the bundled
 * dist/browser/server.js in a web worker, reading the workspace through this
 * client (../file-host.ts). A restart ends the worker and starts a new one.
 */
export function workerServer(context: vscode.ExtensionContext): ServerHost {
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const rules = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  let url: Promise<string> | undefined;
  let client: LanguageClient | undefined;
  let worker: WebWorker | undefined;
  const host: ServerHost = {
    initializationOptions: { rulesUrl: rules.toString(true) },
    create(options) {
      // A function, so every start (a restart) gets a worker of its own. The transports are made here: VS Code's
      // extension host replaces Worker by a function that returns the browser's own, so the client library's
      // `instanceof Worker` test fails and it would take the worker for transports.
      const start = async () => {
        // The worker cannot read the extension's files: the client tells it where each rule's heading is.
        host.initializationOptions = { rulesUrl: rules.toString(true), ruleLines: await headingLines(rules) };
        worker = new Worker(await (url ??= workerUrl(bundle, context)), { name: 'AIMS language server' });
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      client = new LanguageClient('aims', 'AIMS Language Server', start, options);
      context.subscriptions.push({ dispose: () => worker?.terminate() });
      return client;
    },
    async restart(output) {
      if (!client) return;
      // A hung server does not answer `shutdown`: stop gives up after 2 s.
      await client.stop(2000).catch((e: unknown) => output.warn(`stopping the server: ${e instanceof Error ? e.message : String(e)}`));
      // A worker outlives its connection (the server's `exit` cannot end it): end it here, hung or not.
      worker?.terminate();
      await client.start();
    },
  };
  return host;
}

/** The line of each rule's heading in the extension's docs/rules.md; none when it cannot be read. */
async function headingLines(rules: vscode.Uri): Promise<Record<string, number>> {
  try {
    // VS Code reads a remote server's extension folder; vscode.dev and github.dev serve extensions over https.
    const text = /^https?$/.test(rules.scheme)
      ? await (await fetch(rules.toString(true))).text()
      : new TextDecoder().decode(await vscode.workspace.fs.readFile(rules));
    return ruleHeadingLines(text);
  } catch {
    return {};
  }
}

/**
 * Where the worker is started from. VS Code starts workers from the
 * extension's own URL (vscode.dev, github.dev serve it over https) but not
 * from a remote server's extension folder (`vscode-remote:`, as code-server
 * installs it): there the bundle is read through VS Code and started from memory.
 */
async function workerUrl(bundle: vscode.Uri, context: vscode.ExtensionContext): Promise<string> {
  if (bundle.scheme !== 'vscode-remote') return bundle.toString(true);
  const blob = URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(bundle)], { type: 'text/javascript' }));
  context.subscriptions.push({ dispose: () => URL.revokeObjectURL(blob) });
  return blob;
}
