import * as vscode from 'vscode';
import { CloseAction, ErrorAction, State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { PingRequest, TrustChangedNotification } from '../../server/src/protocol';
import { serveFiles } from './file-host';
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
 * How the language server runs: a Node process on the desktop
 * (client/src/node-server.ts), a web worker in the browser
 * (client/src/browser/worker-server.ts).
 */
export interface ServerHost {
  /** The language client for these options, talking to a server of this kind. */
  create(options: LanguageClientOptions): BaseLanguageClient;
  /** Stops the server (a hung one does not answer `shutdown`), makes sure it is gone, and starts a new one. */
  restart(output: vscode.LogOutputChannel): Promise<void>;
  /** What the client tells the server at start beyond trust (the browser's says where docs/rules.md is). */
  initializationOptions?: Record<string, unknown>;
}

/**
 * Starts the bundled language server. The server is our own code in
 * the extension's folder; nothing from the workspace is run. A supervisor
 * watches it: a crash is restarted (up to three times in three minutes), a
 * server that stops answering is killed and restarted, and one that keeps
 * failing is left down with a lasting state in the status item. Each event
 * is said once, in words; failed requests raise no toasts of their own.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  server: ServerHost,
): { client: BaseLanguageClient; watch: ServerWatch } {
  const changed = new vscode.EventEmitter<void>();
  let state: ServerState = 'restarting';
  let detail: string | undefined;
  // eslint-disable-next-line prefer-const -- the supervisor's host reads it once the client exists
  let client: BaseLanguageClient;
  const restart = (): Promise<void> => server.restart(output);
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
    clearTimeout: (t) => clearTimeout(t as Parameters<typeof clearTimeout>[0]),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: traceChannel(context, output),
    // File events come from the watcher the server registers itself; a second one here sent every event twice.
    synchronize: { configurationSection: 'aims' },
    // A function, read at every start: a server restarted after trust was granted starts trusted.
    initializationOptions: () => ({ ...server.initializationOptions, trusted: vscode.workspace.isTrusted }),
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: {
      error: (_e, _m, count) => ({ action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () =>
        supervisor.closed() === 'restart'
          ? { action: CloseAction.Restart, handled: true }
          : { action: CloseAction.DoNotRestart, handled: true },
    },
  };
  client = server.create(clientOptions);
  // The server reads through the client what it cannot read itself: a virtual folder, or everything from a browser worker.
  const files = serveFiles(client);
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
      files.dispose();
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
