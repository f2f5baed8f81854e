import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { ServerHost } from './language-client';

/** The desktop's language server: a Node process running the bundled dist/server.js over IPC. */
export function nodeServer(context: vscode.ExtensionContext): ServerHost {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let client: LanguageClient | undefined;
  return {
    create(options) {
      client = new LanguageClient('aims', 'AIMS Language Server', serverOptions, options);
      return client;
    },
    async restart(output) {
      if (!client) return;
      const proc = client.serverProcess;
      // A hung server does not answer `shutdown`: stop gives up after 2 s.
      await client.stop(2000).catch((e: unknown) => output.warn(`stopping the server: ${e instanceof Error ? e.message : String(e)}`));
      // Then it is killed here, not left to the client library's delayed clean-up (which once left a stopped process
      // behind), and its exit is awaited while the client is stopped: the old connection's close, arriving after the
      // next start, would count as a crash of the new server and restart it again.
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise<void>((res) => proc.once('exit', () => setTimeout(res, 100)));
        proc.kill('SIGKILL');
        await Promise.race([exited, new Promise((res) => setTimeout(res, 5000))]);
      }
      await client.start();
    },
  };
}
