import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { computeCoverage } from './core/coverage';
import { checkFile } from './core/check';
import { soaText } from './core/templates';
import { buildIndex } from './core/workspace';
import { toOptions } from './lsp/settings';
import { renderReport } from './core/report';
import type { CheckOptions } from './core/types';
import { RecheckQueue } from './lsp/recheck-queue';
import { isAimsFile, parseFile, type ParsedFile } from './core/yaml/parse';
import { toLspDiagnostic } from './lsp/convert';
import { ruleHrefs } from './lsp/rule-lines';
import { pathOfUri, type FileProvider } from './lsp/file-provider';
import { SettingsCache } from './lsp/settings';
import { storageOf, WorkspaceManager, type Change, type Folder } from './lsp/workspace-manager';
import { CoverageTracker } from './lsp/coverage-parts';
import {
  CoverageChangedNotification,
  CoveragePartsRequest,
  CoverageRequest,
  CoverageVersionsRequest,
  DiffCoverageRequest,
  DiffEvidenceRequest,
  PingRequest,
  RenderReportRequest,
  TrustChangedNotification,
  type InitializationOptions,
} from './protocol';
import { diffWithBase, evidencePaths, renderDelta, versionFiles } from './core/diff';
import { inSkippedFolder } from './core/walk-rules';
import { codeActions } from './services/code-actions';
import { complete } from './services/complete';
import type { ServiceConfig } from './services/config';
import { hover } from './services/hover';
import { definition, prepareRename, references, rename } from './services/navigation';
import { aimsDocuments } from './lsp/text-document';
import { documentLinks, documentSymbols, foldingRanges, workspaceSymbols } from './services/outline';

/**
 * Serves a connection, reading unopened files through `files`: the disk on
 * Node (server/src/node/start.ts), the editor in a browser worker
 * (server/src/browser/worker-main.ts). Nothing here may need Node. Findings
 * link to their rule through `ruleHref` (else to docs/rules.md where the client says).
 */
export function startServer(connection: Connection, files: FileProvider, ruleHref?: (code: string) => string): Connection {
  const documents = new TextDocuments(aimsDocuments);
  const manager = new WorkspaceManager(files);
  const settings = new SettingsCache(connection);
  const timers = new Map<string, NodeJS.Timeout>();
  /** Fixed debounce window from initializationOptions (tests); otherwise it follows what a check costs. */
  let debounceMs: number | undefined;
  let trusted = true;
  let snippetSupport = false;
  let markdown = false;
  let watchRegistration = false;
  let progressSupport = false;
  let folderEvents = false;
  /** Whether an AIMS document was opened (then the parser needs no warm-up). */
  let opened = false;

  const uriOf = (folder: Folder | undefined) => (p: string) => folder?.uris.get(p) ?? storageUri(folder, p);
  const cfgFor = async (folder: Folder): Promise<ServiceConfig> => ({
    options: await settings.get(folder.uri),
    snippetSupport,
    markdown,
    uriOf: uriOf(folder),
    fs: storageOf(folder, files.fs),
    partial: !folder.indexed,
  });

  const tracker = new CoverageTracker(
    () => manager.folders.values(),
    (folder) => manager.indexOf(folder),
    (folder) => settings.get(folder.uri),
    (params) => void connection.sendNotification(CoverageChangedNotification.method, params),
  );
  const queue = new RecheckQueue(
    manager,
    files,
    (folder) => settings.get(folder.uri),
    (folder, changed) => {
      // Findings say which evidence is missing, which the coverage of a system record shows.
      if (!folder.loose) tracker.findingsChanged(folder, changed);
      for (const p of changed) {
        void connection.sendDiagnostics({
          uri: uriOf(folder)(p),
          diagnostics: (folder.diagnostics.get(p) ?? []).map((d) => toLspDiagnostic(d, uriOf(folder), ruleHref)),
        });
      }
    },
    // Documents checked alone (outside every workspace folder) have no coverage to show.
    (folder, more) => {
      if (!folder.loose) void tracker.refresh(folder, more);
    },
  );
  /** Re-checks files of a folder and publishes the findings that changed (open documents first, in slices). */
  const recheck = (folder: Folder, paths: string[]): Promise<void> => {
    // Storage that answers asynchronously (the client's) is asked first what the checks will ask of it.
    const ready = files.prepare?.(folder, filesOf(folder, paths));
    return ready ? ready.then(() => queue.add(folder, paths)) : queue.add(folder, paths);
  };
  /** What a request computes from storage, once storage that answers asynchronously has answered (see FileProvider.settle). */
  const settled = <T>(folder: Folder, run: () => T): T | Promise<T> => (files.settle ? files.settle(folder, run) : run());

  /** Once the event loop is free after a check: bookkeeping that the next keystroke would otherwise wait for. */
  const idle = (folder: Folder): void => void setTimeout(() => manager.prepareCitations(folder), 0);

  /** Paths waiting for a re-check per changed document, collected at each change (the debounce only delays them). */
  const pending = new Map<string, Set<string>>();
  /** When each document's last check was started. */
  const lastRun = new Map<string, number>();
  function schedule(uri: string, change: Change, immediate = false): void {
    const folder = change.folder;
    const deps = pending.get(uri) ?? new Set<string>();
    // A text equal to the one already known (opening a file, the content event that follows) re-checks
    // only the document itself: opening the SoA of 10,000 records re-checked all of them twice.
    for (const d of manager.dependents(folder, pathOfUri(uri), change)) deps.add(d);
    pending.set(uri, deps);
    const run = (): void => {
      timers.delete(uri);
      pending.delete(uri);
      lastRun.set(uri, Date.now());
      void recheck(folder, [...deps]).then(() => idle(folder));
    };
    // A keystroke after a pause is checked at once; keystrokes closer together than the window (a burst, a
    // paste of many changes) are checked once, when they pause. The window grows with what a check of the
    // document costs (an edit is re-read and re-checked in part, so that is little unless the text is broken).
    const windowMs = debounceMs ?? Math.min(1000, Math.max(20, 2 * manager.checkCost(folder, pathOfUri(uri))));
    const waiting = timers.get(uri);
    clearTimeout(waiting);
    if (immediate || (!waiting && Date.now() - (lastRun.get(uri) ?? 0) >= windowMs)) run();
    else timers.set(uri, setTimeout(run, windowMs));
  }

  async function indexAll(): Promise<void> {
    const folders = [...manager.folders.values()];
    // Ask for the settings now, while the disk is read, so the first check does not wait for the answer.
    for (const f of folders) void settings.get(f.uri);
    const progress = progressSupport ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Indexing AIMS files', 0, undefined, false);
    let done = 0;
    // Coverage is announced once the folder is indexed and checked, not part-way through.
    for (const f of folders) tracker.setQuiet(f, true);
    for (const f of folders) {
      // The walk reports as it goes: opening a home folder can take a while, and requests are answered meanwhile.
      const r = await manager.indexFolder(f, (w) => progress?.report(`${f.root}: ${w.folders} folders searched, ${w.files} AIMS files`));
      done++;
      progress?.report(Math.round((done / folders.length) * 100), `${f.root}: ${r.files} file(s)`);
      for (const x of r.skipped) connection.console.warn(`Not reading ${x.uri}: ${x.why}.`);
      if (r.stopped) {
        void connection.window.showWarningMessage(
          `AIMS: stopped looking for AIMS files in ${f.root} after ${r.stopped === 'files' ? `${r.files.toLocaleString('en')} files` : `${r.folders.toLocaleString('en')} folders`}; files further in are not checked until opened. Open the folder that holds your AIMS files instead${r.stopped === 'files' ? ', or start the editor with AIMS_MAX_FILES set higher' : ''}.`,
        );
      }
      await recheck(f, [...f.files.keys()]);
      idle(f);
      await tracker.refresh(f);
      tracker.setQuiet(f, false);
    }
    progress?.done();
    tracker.announceAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    settings.pullSupported = !!caps.workspace?.configuration;
    snippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    markdown = !!caps.textDocument?.hover?.contentFormat?.includes('markdown');
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    progressSupport = !!caps.window?.workDoneProgress;
    folderEvents = !!caps.workspace?.workspaceFolders;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounceMs === 'number') debounceMs = init.debounceMs;
    if (init.trusted === false) trusted = false;
    if (typeof init.rulesUrl === 'string')
      ruleHref ??= ruleHrefs(init.rulesUrl, typeof init.ruleLines === 'object' && init.ruleLines ? init.ruleLines : {});
    for (const f of params.workspaceFolders ?? []) manager.addFolder(f.uri);
    if (!params.workspaceFolders?.length && params.rootUri) manager.addFolder(params.rootUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: [' ', '.', '(', ':', '[', ',', '/'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        // Declared even when untrusted: the handlers refuse until trust is granted (aims/trustChanged), and say why.
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.aims.addMissingControls'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'aims-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Warm the parser and the rules up while idle, before the first document arrives. A document opened at
    // once (an editor restoring its tabs) is its own warm-up and does not wait behind this one (~15 ms).
    setTimeout(() => {
      if (opened) return;
      const warm = parseFile('/warm-up.aims.yaml', soaText('aims-owner', '2026-01-01'));
      checkFile(warm, buildIndex('/', [warm]), toOptions(undefined), files.fs);
    }, WARM_UP_AFTER_MS);
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.aims.{yaml,yml}' }] });
    }
    // Only a client that declares workspace folders may be asked for their changes (vscode-languageserver throws otherwise).
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const r of e.removed) {
          const f = manager.removeFolder(r.uri);
          for (const p of f?.files.keys() ?? []) void connection.sendDiagnostics({ uri: uriOf(f)(p), diagnostics: [] });
        }
        for (const a of e.added) manager.addFolder(a.uri);
        void indexAll();
      });
    }
    void indexAll();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    for (const f of manager.folders.values()) void recheck(f, [...f.files.keys()]);
  });

  documents.onDidOpen((e) => {
    if (!isAimsFile(e.document.uri)) return;
    opened = true;
    // Asked before the parse, so the answer arrives meanwhile (a document outside the folders is its own scope).
    void settings.get(manager.folderOf(e.document.uri)?.uri ?? e.document.uri);
    const change = manager.setText(e.document.uri, e.document.getText(), e.document.version, true);
    if (change) schedule(e.document.uri, change, true);
  });
  documents.onDidChangeContent((e) => {
    if (!isAimsFile(e.document.uri)) return;
    const change = manager.setText(e.document.uri, e.document.getText(), e.document.version, true);
    if (change) schedule(e.document.uri, change);
  });
  documents.onDidClose((e) => {
    lastRun.delete(e.document.uri);
    void manager.close(e.document.uri).then((r) => {
      if (r.cleared) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      if (r.change) schedule(e.document.uri, r.change, true);
    });
  });

  connection.onDidChangeWatchedFiles(async (e) => {
    for (const c of e.changes) {
      if (!isAimsFile(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) {
        const r = manager.remove(c.uri);
        void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
        if (r) schedule(c.uri, r, true);
      } else {
        const r = await manager.reload(c.uri);
        if (r?.refused) {
          connection.console.warn(`Not reading ${c.uri}: ${r.refused}.`);
          void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
        }
        if (r?.change) schedule(c.uri, r.change, true);
      }
    }
  });

  /** The parsed file and its folder for a request, or undefined for non-AIMS documents. */
  const target = (uri: string): { file: ParsedFile; folder: Folder } | undefined => {
    const folder = manager.folderOf(uri);
    const file = folder?.files.get(pathOfUri(uri));
    return file && folder ? { file, folder } : undefined;
  };

  connection.onCompletion(async (p, token) => {
    const t = target(p.textDocument.uri);
    if (!t || token.isCancellationRequested) return null;
    const cfg = await cfgFor(t.folder);
    return settled(t.folder, () => complete(t.file, manager.indexOf(t.folder), p.position, cfg));
  });
  connection.onHover(async (p) => {
    const t = target(p.textDocument.uri);
    return t ? hover(t.file, manager.indexOf(t.folder), p.position, await cfgFor(t.folder)) : null;
  });
  connection.onDefinition(async (p) => {
    const t = target(p.textDocument.uri);
    return t ? definition(t.file, manager.indexOf(t.folder), p.position, await cfgFor(t.folder)) : null;
  });
  connection.onReferences(async (p) => {
    const t = target(p.textDocument.uri);
    return t ? references(t.file, manager.indexOf(t.folder), p.position, p.context.includeDeclaration, await cfgFor(t.folder)) : null;
  });
  /** Rename and edits in an untrusted workspace: refused by the server itself, not only hidden by the client. */
  const untrusted = (): ResponseError<void> | undefined =>
    trusted
      ? undefined
      : new ResponseError(
          LSPErrorCodes.RequestFailed,
          'Rename is off in an untrusted workspace: trust the workspace to let AIMS edit files.',
        );
  connection.onNotification(TrustChangedNotification.method, (p: TrustChangedNotification.Params) => {
    trusted = p?.trusted === true;
  });
  connection.onPrepareRename((p) => {
    const refused = untrusted();
    if (refused) return refused;
    const t = target(p.textDocument.uri);
    return t ? prepareRename(t.file, manager.indexOf(t.folder), p.position) : null;
  });
  connection.onRenameRequest(async (p) => {
    const refused = untrusted();
    if (refused) return refused;
    const t = target(p.textDocument.uri);
    return t ? rename(t.file, manager.indexOf(t.folder), p.position, p.newName, await cfgFor(t.folder)) : null;
  });
  connection.onDocumentSymbol((p) => {
    const t = target(p.textDocument.uri);
    return t ? documentSymbols(t.file) : null;
  });
  connection.onWorkspaceSymbol(async (p, token) => {
    const out = [];
    for (const f of manager.folders.values()) {
      if (token.isCancellationRequested) break;
      out.push(...workspaceSymbols([manager.indexOf(f)], p.query, await cfgFor(f)));
    }
    return out;
  });
  connection.onDocumentLinks(async (p) => {
    const t = target(p.textDocument.uri);
    if (!t) return null;
    const cfg = await cfgFor(t.folder);
    return settled(t.folder, () => documentLinks(t.file, manager.indexOf(t.folder), cfg));
  });
  connection.onFoldingRanges((p) => {
    const t = target(p.textDocument.uri);
    return t ? foldingRanges(t.file) : null;
  });
  connection.onCodeAction(async (p) => {
    const t = target(p.textDocument.uri);
    if (!t || !trusted) return null;
    return codeActions(t.file, manager.indexOf(t.folder), p.range, p.context, await cfgFor(t.folder));
  });

  const coverageOf = async (params: { uri?: string }, isCancelled: () => boolean) => {
    // Coverage is about workspace folders: a URI in none of them (or a document checked alone) has none.
    const folders = params.uri ? [manager.folderOf(params.uri)].filter((f): f is Folder => !!f && !f.loose) : [...manager.folders.values()];
    const workspaces = [];
    for (const f of folders) {
      if (isCancelled()) break;
      const options: CheckOptions = await settings.get(f.uri);
      workspaces.push(computeCoverage(manager.indexOf(f), f.diagnostics, options));
    }
    return workspaces;
  };
  connection.onRequest(PingRequest.method, () => ({}));
  connection.onRequest(CoverageRequest.method, async (params: CoverageRequest.Params, token: CancellationToken) => ({
    workspaces: await coverageOf(params ?? {}, () => token.isCancellationRequested),
  }));
  connection.onRequest(CoverageVersionsRequest.method, (): CoverageVersionsRequest.Result => ({ folders: tracker.versions() }));
  connection.onRequest(CoveragePartsRequest.method, (params: CoveragePartsRequest.Params) => {
    const folder = manager.folders.get(params.root);
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `no workspace folder ${params.root}`);
    return tracker.parts(folder, params);
  });
  connection.onRequest(RenderReportRequest.method, async (params: RenderReportRequest.Params, token: CancellationToken) => ({
    content: renderReport(await coverageOf(params, () => token.isCancellationRequested), params.format),
  }));

  // Another version's files, as `aims check` would find them in that folder.
  const baseFiles = (files: unknown) => versionFiles(files).filter((f) => !inSkippedFolder(f.path));
  /** The workspace folder a diff is about: never one made up for a stray URI (or a document checked alone). */
  const diffFolder = (uri: string): Folder | ResponseError<void> => {
    const folder = manager.folderOf(uri);
    return folder && !folder.loose ? folder : new ResponseError(LSPErrorCodes.RequestFailed, `${uri} is in no workspace folder.`);
  };
  connection.onRequest(DiffEvidenceRequest.method, (params: DiffEvidenceRequest.Params) => {
    const folder = diffFolder(params.uri);
    return folder instanceof ResponseError ? folder : { paths: evidencePaths(folder.root, baseFiles(params.files)) };
  });
  connection.onRequest(DiffCoverageRequest.method, async (params: DiffCoverageRequest.Params) => {
    const folder = diffFolder(params.uri);
    if (folder instanceof ResponseError) return folder;
    const base = { ...params.base, files: baseFiles(params.base?.files) };
    const options = await settings.get(folder.uri);
    await files.prepare?.(folder, [...folder.files.values()]);
    const delta = diffWithBase(folder.root, [...folder.files.values()], files.fs, base, options, params.headLabel ?? 'working tree');
    return { delta, content: renderDelta(delta, params.format ?? 'markdown') };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** How long after `initialized` the parser is warmed up if no document came (an open sent at once is in by then). */
const WARM_UP_AFTER_MS = 50;

/** The parsed files of a folder at these paths. */
function filesOf(folder: Folder, paths: readonly string[]): ParsedFile[] {
  return paths.map((p) => folder.files.get(p)).filter((f): f is ParsedFile => !!f);
}

/** The URI of a path with no document of its own (evidence): a `file:` URI on disk, else one of the folder's virtual file system. */
function storageUri(folder: Folder | undefined, p: string): string {
  const u = folder && URI.parse(folder.uri);
  return u && u.scheme !== 'file' && u.scheme !== 'untitled' ? u.with({ path: p }).toString() : URI.file(p).toString();
}
