import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
import { nodeFileProvider, pathOfUri, type FileProvider } from './lsp/file-provider';
import { SettingsCache } from './lsp/settings';
import { WorkspaceManager, type Change, type Folder } from './lsp/workspace-manager';
import {
  CoverageChangedNotification,
  CoverageRequest,
  DiffCoverageRequest,
  DiffEvidenceRequest,
  RenderReportRequest,
  type InitializationOptions,
} from './protocol';
import { diffWithBase, evidencePaths, renderDelta, versionFiles } from './core/diff';
import { inSkippedFolder } from './node/find-files';
import { codeActions } from './services/code-actions';
import { complete } from './services/complete';
import type { ServiceConfig } from './services/config';
import { hover } from './services/hover';
import { definition, prepareRename, references, rename } from './services/navigation';
import { documentLinks, documentSymbols, foldingRanges, workspaceSymbols } from './services/outline';

/** Starts the language server on the transport given on the command line (--stdio, --node-ipc, --socket). */
export function startServer(files: FileProvider = nodeFileProvider): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const manager = new WorkspaceManager(files);
  const settings = new SettingsCache(connection);
  const timers = new Map<string, NodeJS.Timeout>();
  /** Fixed debounce from initializationOptions (tests); otherwise it follows the document's size. */
  let debounceMs: number | undefined;
  let trusted = true;
  let snippetSupport = false;
  let markdown = false;
  let watchRegistration = false;
  let progressSupport = false;
  let folderEvents = false;

  const uriOf = (folder: Folder | undefined) => (p: string) => folder?.uris.get(p) ?? URI.file(p).toString();
  const cfgFor = async (folder: Folder): Promise<ServiceConfig> => ({
    options: await settings.get(folder.uri),
    snippetSupport,
    markdown,
    uriOf: uriOf(folder),
    fs: files.fs,
  });

  const queue = new RecheckQueue(
    manager,
    files,
    (folder) => settings.get(folder.uri),
    (folder, changed) => {
      for (const p of changed) {
        void connection.sendDiagnostics({
          uri: uriOf(folder)(p),
          diagnostics: (folder.diagnostics.get(p) ?? []).map((d) => toLspDiagnostic(d, uriOf(folder))),
        });
      }
    },
    (folder) => void connection.sendNotification(CoverageChangedNotification.method, { folders: [folder.root] }),
  );
  /** Re-checks files of a folder and publishes the findings that changed (open documents first, in slices). */
  const recheck = (folder: Folder, paths: string[]): Promise<void> => queue.add(folder, paths);

  /** Paths waiting for a re-check per changed document, collected at each change (the debounce only delays them). */
  const pending = new Map<string, Set<string>>();
  function schedule(uri: string, change: Change, immediate = false): void {
    const folder = manager.folderOf(uri);
    const deps = pending.get(uri) ?? new Set<string>();
    // A text equal to the one already known (opening a file, the content event that follows) re-checks
    // only the document itself: opening the SoA of 10,000 records re-checked all of them twice.
    const kinds = change.same ? [] : [change.before, change.after];
    for (const d of manager.dependents(folder, pathOfUri(uri), kinds)) deps.add(d);
    pending.set(uri, deps);
    const run = (): void => {
      timers.delete(uri);
      pending.delete(uri);
      void recheck(folder, [...deps]);
    };
    clearTimeout(timers.get(uri));
    if (immediate) run();
    else {
      // Short files re-check almost at once; long ones wait for a pause in typing, since each check costs a parse.
      const lines = folder.files.get(pathOfUri(uri))?.lines.lineCount ?? 0;
      timers.set(uri, setTimeout(run, debounceMs ?? (lines > 2000 ? 120 : 20)));
    }
  }

  async function indexAll(): Promise<void> {
    const progress = progressSupport ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Indexing AIMS files', 0, undefined, false);
    let done = 0;
    const folders = [...manager.folders.values()];
    // Ask for the settings now, while the disk is read, so the first check does not wait for the answer.
    for (const f of folders) void settings.get(f.uri);
    for (const f of folders) {
      const n = await manager.indexFolder(f);
      done++;
      progress?.report(Math.round((done / folders.length) * 100), `${f.root}: ${n} file(s)`);
      await recheck(f, [...f.files.keys()]);
    }
    progress?.done();
    void connection.sendNotification(CoverageChangedNotification.method, { folders: folders.map((f) => f.root) });
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
    for (const f of params.workspaceFolders ?? []) manager.addFolder(f.uri);
    if (!params.workspaceFolders?.length && params.rootUri) manager.addFolder(params.rootUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: [' ', '.', '(', ':', '[', ',', '/'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: trusted ? { prepareProvider: true } : undefined,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: trusted ? { codeActionKinds: ['quickfix', 'source.aims.addMissingControls'] } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'aims-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Warm the parser and the rules up while idle, before the first document arrives.
    const warm = parseFile('/warm-up.aims.yaml', soaText('aims-owner', '2026-01-01'));
    checkFile(warm, buildIndex('/', [warm]), toOptions(undefined), files.fs);
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
    schedule(e.document.uri, manager.setText(e.document.uri, e.document.getText(), e.document.version, true), true);
  });
  documents.onDidChangeContent((e) => {
    if (!isAimsFile(e.document.uri)) return;
    schedule(e.document.uri, manager.setText(e.document.uri, e.document.getText(), e.document.version, true));
  });
  documents.onDidClose((e) => {
    void manager.close(e.document.uri).then((r) => {
      if (!r) {
        void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
        return;
      }
      schedule(e.document.uri, r, true);
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
        const text = await files.readFile(c.uri);
        if (text === undefined) continue;
        const r = typeof text === 'string' ? manager.setText(c.uri, text, 0, false) : manager.setText(c.uri, '', 0, false, text.tooLarge);
        schedule(c.uri, r, true);
      }
    }
  });

  /** The parsed file and its folder for a request, or undefined for non-AIMS documents. */
  const target = (uri: string): { file: ParsedFile; folder: Folder } | undefined => {
    const folder = manager.folderOf(uri);
    const file = folder.files.get(pathOfUri(uri));
    return file ? { file, folder } : undefined;
  };

  connection.onCompletion(async (p, token) => {
    const t = target(p.textDocument.uri);
    if (!t || token.isCancellationRequested) return null;
    return complete(t.file, manager.indexOf(t.folder), p.position, await cfgFor(t.folder));
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
  connection.onPrepareRename((p) => {
    const t = target(p.textDocument.uri);
    return t ? prepareRename(t.file, manager.indexOf(t.folder), p.position) : null;
  });
  connection.onRenameRequest(async (p) => {
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
    return t ? documentLinks(t.file, manager.indexOf(t.folder), await cfgFor(t.folder)) : null;
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
    const folders = params.uri ? [manager.folderOf(params.uri)] : [...manager.folders.values()];
    const workspaces = [];
    for (const f of folders) {
      if (isCancelled()) break;
      const options: CheckOptions = await settings.get(f.uri);
      workspaces.push(computeCoverage(manager.indexOf(f), f.diagnostics, options));
    }
    return workspaces;
  };
  connection.onRequest(CoverageRequest.method, async (params: CoverageRequest.Params, token: CancellationToken) => ({
    workspaces: await coverageOf(params ?? {}, () => token.isCancellationRequested),
  }));
  connection.onRequest(RenderReportRequest.method, async (params: RenderReportRequest.Params, token: CancellationToken) => ({
    content: renderReport(await coverageOf(params, () => token.isCancellationRequested), params.format),
  }));

  // Another version's files, as `aims check` would find them in that folder.
  const baseFiles = (files: unknown) => versionFiles(files).filter((f) => !inSkippedFolder(f.path));
  connection.onRequest(DiffEvidenceRequest.method, (params: DiffEvidenceRequest.Params) => ({
    paths: evidencePaths(manager.folderOf(params.uri).root, baseFiles(params.files)),
  }));
  connection.onRequest(DiffCoverageRequest.method, async (params: DiffCoverageRequest.Params) => {
    const folder = manager.folderOf(params.uri);
    const base = { ...params.base, files: baseFiles(params.base?.files) };
    const options = await settings.get(folder.uri);
    const delta = diffWithBase(folder.root, [...folder.files.values()], files.fs, base, options, params.headLabel ?? 'working tree');
    return { delta, content: renderDelta(delta, params.format ?? 'markdown') };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
