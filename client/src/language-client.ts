import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { PingRequest, TrustChangedNotification } from '../../server/src/protocol';
import { Supervisor, type ServerState } from './supervisor';

/** Files the server checks: the `aims` language, on disk or in any virtual file system. */
export const DOCUMENT_SELECTOR = [{ language: 'aims' }];

/** The server's state as the status item shows it, with why it is down. */
export interface ServerWatch extends vscode.Disposable {
  readonly state: ServerState;
  readonly detail?: string;
  readonly onDidChange: vscode.Event<void>;
  /** The user's restart: counts crashes from zero again, and kills a server that does not stop. */
  restart(): Promise<void>;
  /** Checks at once that the server answers within `ms` (the real-editor tests; otherwise every 30 s). */
  checkNow(ms: number): Promise<void>;
}

/**
 * Starts the bundled language server over IPC. The server is our own code in
 * the extension's folder; nothing from the workspace is run. A supervisor
 * watches it: a crash is restarted (up to three times in three minutes), a
 * server that stops answering is killed and restarted, and one that keeps
 * failing is left down with a lasting state in the status item. Each event
 * is said once, in words; failed requests raise no toasts of their own.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): { client: LanguageClient; watch: ServerWatch } {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const changed = new vscode.EventEmitter<void>();
  let state: ServerState = 'restarting';
  let detail: string | undefined;
  // eslint-disable-next-line prefer-const -- the supervisor's host reads it once the client exists
  let client: LanguageClient;
  const restart = async (): Promise<void> => {
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
  };
  const supervisor = new Supervisor({
    ping: () => client.sendRequest(PingRequest.method, {}).then(() => undefined),
    restart,
    state(s, why) {
      state = s;
      detail = why;
      output.info(`language server ${s}${why ? `: ${why}` : ''}`);
      changed.fire();
    },
    notify(message) {
      output.warn(message);
      void vscode.window.showWarningMessage(message, 'Show Output').then((a) => a && output.show(true));
    },
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: traceChannel(context, output),
    // File events come from the watcher the server registers itself; a second one here sent every event twice.
    synchronize: { configurationSection: 'aims' },
    // A function, read at every start: a server restarted after trust was granted starts trusted.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: {
      error: (_e, _m, count) => ({ action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () =>
        supervisor.closed() === 'restart'
          ? { action: CloseAction.Restart, handled: true }
          : { action: CloseAction.DoNotRestart, handled: true },
    },
  };
  client = new LanguageClient('aims', 'AIMS Language Server', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) supervisor.running();
  });
  // Trust granted mid-session: the server starts to offer rename and quick fixes without a reload
  // (told, not restarted: a restart would drop its index and re-check the whole workspace).
  const trust = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (client.isRunning()) void client.sendNotification(TrustChangedNotification.method, { trusted: true });
  });
  const watch: ServerWatch = {
    get state() {
      return state;
    },
    get detail() {
      return detail;
    },
    onDidChange: changed.event,
    async restart() {
      supervisor.reset();
      await restart();
    },
    checkNow: (ms) => supervisor.check(ms),
    dispose() {
      supervisor.dispose();
      trust.dispose();
      changed.dispose();
    },
  };
  return { client, watch };
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
