import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
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
  const url = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true);
  let client: LanguageClient | undefined;
  let worker: WebWorker | undefined;
  return {
    initializationOptions: { rulesUrl: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString(true) },
    create(options) {
      // A function, so every start (a restart) gets a worker of its own.
      const start = () => Promise.resolve((worker = new Worker(url, { name: 'AIMS language server' })));
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
}
