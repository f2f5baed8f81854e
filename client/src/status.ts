import * as vscode from 'vscode';
import type { CoverageStore } from './coverage-store';
import { DOCUMENT_SELECTOR, type ServerWatch } from './language-client';
import { count } from '../../server/src/core/wording';
import { statusDetail } from './trees/coverage-text';

/**
 * A language status item on AIMS files: Annex A coverage and the number of
 * gaps (SoA and obligations), opening the report when clicked. While the
 * server is down it says so instead, and clicking restarts it.
 */
export function createStatusItem(store: CoverageStore, server: ServerWatch, subscriptions: vscode.Disposable[]): vscode.LanguageStatusItem {
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
      item.accessibilityInformation = { label: `AIMS: the language server stopped. ${server.detail ?? ''} Restarts it.` };
      return;
    }
    item.command = { command: 'aims.openReport', title: 'Open report' };
    if (!store.loaded) return;
    // Folders without AIMS files have nothing to report (their 38 "missing" controls are not gaps of anything).
    const all = store.workspaces.filter((w) => w.files > 0);
    if (all.length === 0) {
      item.text = '$(shield) AIMS: no files';
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.accessibilityInformation = { label: 'AIMS: no AIMS files in this workspace' };
      return;
    }
    const addressed = all.reduce((n, w) => n + w.annexA.addressed, 0);
    const total = all.reduce((n, w) => n + w.annexA.total, 0);
    const soaGaps = all.reduce((n, w) => n + w.annexA.gaps, 0);
    const unread = all.reduce((n, w) => n + w.annexA.unread, 0);
    const obligationGaps = all.reduce((n, w) => n + w.systems.reduce((m, s) => m + s.gaps, 0), 0);
    const gaps = soaGaps + obligationGaps;
    item.text = `$(shield) Annex A ${addressed}/${total}`;
    // Shown beside "Annex A 38/38": the obligation gaps are named as such, never read as Annex A's.
    item.detail = statusDetail(soaGaps, unread, obligationGaps);
    item.severity = gaps || unread ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    // Read out in full: "$(shield)" and "38/38" mean little to a screen reader.
    item.accessibilityInformation = {
      label:
        `AIMS coverage: ${addressed} of ${total} Annex A controls addressed; ` +
        `${count(soaGaps, 'Statement of Applicability gap')}, ${count(obligationGaps, 'AI Act obligation gap')}` +
        `${unread ? `; ${count(unread, 'control')} not read because of a YAML error in the Statement of Applicability` : ''}. Opens the coverage report.`,
    };
  };
  subscriptions.push(store.onDidChange(update), server.onDidChange(update));
  update();
  return item;
}
