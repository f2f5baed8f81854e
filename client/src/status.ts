import * as vscode from 'vscode';
import type { CoverageStore } from './coverage-store';
import { DOCUMENT_SELECTOR, type ServerWatch } from './language-client';

/**
 * A language status item on AIMS files: Annex A coverage and the number of
 * gaps (SoA and obligations), opening the report when clicked. While the
 * server is down it says so instead, and clicking restarts it.
 */
export function createStatusItem(store: CoverageStore, server: ServerWatch): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('aims.coverage', DOCUMENT_SELECTOR);
  item.name = 'AIMS coverage';
  item.text = '$(sync~spin) AIMS: indexing';
  item.command = { command: 'aims.openReport', title: 'Open report' };
  const update = (): void => {
    if (server.state === 'down') {
      item.text = '$(error) AIMS: server stopped';
      item.detail = server.detail;
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { command: 'aims.restartServer', title: 'Restart' };
      return;
    }
    item.command = { command: 'aims.openReport', title: 'Open report' };
    if (!store.loaded) return;
    const all = store.workspaces;
    const addressed = all.reduce((n, w) => n + w.annexA.addressed, 0);
    const total = all.reduce((n, w) => n + w.annexA.total, 0);
    const gaps = all.reduce((n, w) => n + w.annexA.gaps + w.systems.reduce((m, s) => m + s.gaps, 0), 0);
    item.text = `$(shield) Annex A ${addressed}/${total}`;
    item.detail = gaps ? `${gaps} gap${gaps === 1 ? '' : 's'}` : 'no gaps';
    item.severity = gaps ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  const sub = store.onDidChange(update);
  const serverSub = server.onDidChange(update);
  update();
  return vscode.Disposable.from(item, sub, serverSub);
}
