import * as vscode from 'vscode';
import {
  REPORT_EXTENSIONS,
  REPORT_FORMATS,
  renderHtml,
  renderReport,
  renderXlsx,
  type ReportFormat,
} from '../../../server/src/core/report';
import type { CoverageStore } from '../coverage-store';
import { isWeb } from '../platform';

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The coverage report webview: charts per topic and per system from the
 * server's figures. No script, no remote content; its CSP allows only the
 * one inline style block carrying a fresh nonce. Re-renders when coverage changes.
 */
export class ReportPanel {
  private static current: ReportPanel | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private stale = false;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly store: CoverageStore,
  ) {
    // The whole report is redrawn, so not at every keystroke: once typing pauses, and only while it is seen.
    this.subscriptions = [
      store.onDidChange(() => {
        this.stale = true;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.renderIfSeen(), 300);
      }),
      panel.onDidChangeViewState(() => this.renderIfSeen()),
    ];
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const d of this.subscriptions) d.dispose();
      ReportPanel.current = undefined;
    });
    this.render();
  }

  private renderIfSeen(): void {
    if (this.stale && this.panel.visible) this.render();
  }

  static async show(store: CoverageStore): Promise<vscode.WebviewPanel> {
    await store.whenLoaded();
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      return ReportPanel.current.panel;
    }
    const panel = vscode.window.createWebviewPanel('aims.report', 'AIMS Coverage Report', vscode.ViewColumn.Active, {
      enableScripts: false,
      localResourceRoots: [],
    });
    ReportPanel.current = new ReportPanel(panel, store);
    return panel;
  }

  private render(): void {
    this.stale = false;
    this.panel.webview.html = renderHtml(this.store.workspaces, { nonce: nonce(), webview: true });
  }
}

/** The text formats, and an Excel workbook (binary, so not one of the server's text formats). */
type ExportFormat = ReportFormat | 'xlsx';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook (.xlsx, one sheet for Annex A, one for obligations)',
  markdown: 'Markdown (for a pull request or wiki)',
  html: 'HTML (self-contained page, light and dark)',
  csv: 'CSV (one row per control and obligation)',
  json: 'JSON (the coverage data)',
};

/** "Export Coverage Report": asks for a format and a file, writes the report there. */
export async function exportReport(store: CoverageStore, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await store.whenLoaded();
  // The browser build leaves exceljs out (its size): no workbook there.
  if (format === 'xlsx' && isWeb()) {
    void vscode.window.showInformationMessage(
      'Excel export needs desktop VS Code; in the browser, export CSV and open it in a spreadsheet.',
    );
    return undefined;
  }
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [...REPORT_FORMATS, ...(isWeb() ? [] : ['xlsx' as const])].map((f) => ({ label: f, description: FORMAT_LABELS[f], format: f })),
      { title: 'Export Coverage Report: format' },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const extension = format === 'xlsx' ? 'xlsx' : REPORT_EXTENSIONS[format];
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `aims-coverage.${extension}`) : undefined,
      filters: { [format.toUpperCase()]: [extension] },
      title: 'Export Coverage Report',
    });
    if (!target) return undefined;
  }
  const bytes = format === 'xlsx' ? await renderXlsx(store.workspaces) : new TextEncoder().encode(renderReport(store.workspaces, format));
  await vscode.workspace.fs.writeFile(target, bytes);
  const written = target;
  // A workbook is not text: it is shown in the Explorer, to open with the spreadsheet program.
  const action = format === 'xlsx' ? 'Show in Explorer' : 'Open';
  void vscode.window
    .showInformationMessage(`Coverage report written to ${vscode.workspace.asRelativePath(written)}.`, action)
    .then((choice) => {
      if (choice === 'Open') void vscode.window.showTextDocument(written, { preview: false });
      else if (choice === 'Show in Explorer') void vscode.commands.executeCommand('revealInExplorer', written);
    });
  return target;
}
