import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { addMissingControls, createSoa } from './commands/soa-commands';
import { registerCompareBranch } from './commands/compare-branch';
import type { ImportSoaOptions } from './commands/import-soa';
import { newSystemRecord } from './commands/new-system';
import { exportReport, ReportPanel } from './commands/report';
import { CoverageStore } from './coverage-store';
import { createLanguageClient, type ServerHost, type ServerWatch } from './language-client';
import { isWeb } from './platform';
import { uriOfPath } from './uri-of-path';
import { createStatusItem } from './status';
import { CoverageTree, type CoverageNode } from './trees/coverage-tree';
import { ObligationsTree } from './trees/obligations-tree';
import { SystemsTree } from './trees/systems-tree';

let client: BaseLanguageClient | undefined;

/** What the extension hands to its tests (and to nothing else). */
export interface AimsApi {
  store: CoverageStore;
  client: BaseLanguageClient;
  /** Resolves once the server runs and the first coverage has arrived. */
  ready: Promise<void>;
  /** How long `activate` took, in ms (the server starts after it returns). */
  activationMs: number;
  /** The views' data providers and the status item, so the tests read what a user sees. */
  trees: { coverage: CoverageTree; obligations: ObligationsTree; systems: SystemsTree };
  status: vscode.LanguageStatusItem;
  /** The server's supervision state (running, restarting, down). */
  server: ServerWatch;
}

/** Activates the extension with its language server run by `host` (entries: main.ts, browser/main.ts). */
export function activateWith(context: vscode.ExtensionContext, host: ServerHost): AimsApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('AIMS', { log: true });
  const created = createLanguageClient(context, output, host);
  client = created.client;
  const server = created.watch;
  const store = new CoverageStore(client);
  const coverage = new CoverageTree(store);
  const coverageView = vscode.window.createTreeView('aims.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  const systems = new SystemsTree(store);
  const obligations = new ObligationsTree(store);
  const status = createStatusItem(store, server, context.subscriptions);
  context.subscriptions.push(
    output,
    server,
    store,
    coverageView,
    vscode.window.createTreeView('aims.obligations', { treeDataProvider: obligations, showCollapseAll: true }),
    vscode.window.createTreeView('aims.systems', { treeDataProvider: systems }),
    status,
  );

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments arrive untyped from VS Code
  const command = (id: string, fn: (...args: any[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  command('aims.newSystemRecord', () => newSystemRecord(store));
  command('aims.createSoa', () => createSoa());
  // From the explorer the second argument is the list of selected files; tests pass options there.
  // Loaded on first use (a bundle of its own): the table parsers are not needed to activate.
  command('aims.importSoa', async (file?: vscode.Uri, options?: ImportSoaOptions | vscode.Uri[]) =>
    (await import('./commands/import-soa')).importSoa(file, options && !Array.isArray(options) ? options : {}),
  );
  command('aims.addMissingControls', (uri?: vscode.Uri) => addMissingControls(uri));
  command('aims.openReport', () => ReportPanel.show(store));
  command('aims.exportReport', (format?: 'markdown' | 'html' | 'csv' | 'json' | 'xlsx', target?: vscode.Uri) =>
    exportReport(store, format, target),
  );
  command('aims.refresh', () => store.refresh());
  command('aims.showGapsOnly', () => store.setGapsOnly(true));
  command('aims.showAll', () => store.setGapsOnly(false));
  command('aims.toggleSystemGrouping', () => systems.toggleGrouping());
  command('aims.showOutput', () => output.show(true));
  command('aims.restartServer', async () => {
    await server.restart();
    await store.refresh();
  });
  command(
    'aims.openLocation',
    (file: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      openLocation(file, range),
  );
  command('aims.revealInCoverage', () => revealAtCursor(coverage, coverageView, store));
  command('aims.openFormat', () =>
    vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'format.md')),
  );
  if (isWeb()) command('aims.compareWithBranch', () => void vscode.window.showInformationMessage(WEB_NO_COMPARE));
  else registerCompareBranch(context, client);
  void vscode.commands.executeCommand('setContext', 'aims.web', isWeb());
  if (isWeb()) sayOnceWhatTheWebLacks(context);

  // The server starts after activation returns, so opening a folder is never held up by it.
  const ready = client.start().then(() => store.refresh());
  ready.catch((e: unknown) => output.error(`the AIMS language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  const activationMs = Date.now() - started;
  output.info(`AIMS extension activated in ${activationMs} ms`);
  return { store, client, ready, activationMs, trees: { coverage, obligations, systems }, status, server };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

const WEB_NO_COMPARE =
  "Compare Coverage with Branch reads other branches through VS Code's Git extension, which does not run in the browser. Run `aims diff --git <ref>` in a clone, or let CI post the delta on the pull request (see the README).";

/** In the browser, says once (per profile) what only desktop VS Code does, rather than letting commands fail. */
function sayOnceWhatTheWebLacks(context: vscode.ExtensionContext): void {
  const key = 'aims.webNoticeShown';
  if (context.globalState.get(key)) return;
  void context.globalState.update(key, true);
  void vscode.window.showInformationMessage(
    'AIMS runs in the browser here: diagnostics, completion, hovers, the AIMS views and the coverage report work as on the desktop. Excel workbooks (import and export) and Compare Coverage with Branch need desktop VS Code.',
  );
}

/** Opens a file (path or URI string from the server) with the given range selected. */
async function openLocation(
  file: string,
  range?: { start: { line: number; character: number }; end: { line: number; character: number } },
): Promise<void> {
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? vscode.Uri.parse(file) : uriOfPath(file);
  const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
  await vscode.window.showTextDocument(uri, { selection, preview: true });
}

/** Shows the control under the cursor in the Annex A Coverage view. */
async function revealAtCursor(tree: CoverageTree, view: vscode.TreeView<CoverageNode>, store: CoverageStore): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /A\.\d+(\.\d+){1,2}/);
  if (!range) {
    void vscode.window.showInformationMessage('Put the cursor on an Annex A control id (such as A.6.2.4) to reveal it.');
    return;
  }
  await store.whenLoaded();
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  const node = tree.findControl(folder?.uri.fsPath ?? '', editor.document.getText(range));
  if (node) await view.reveal(node, { select: true, focus: true, expand: true });
}
