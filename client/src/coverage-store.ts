import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { WorkspaceCoverage } from '../../server/src/core/coverage-types';
import { CoverageChangedNotification, CoverageRequest } from '../../server/src/protocol';

/**
 * The client's one copy of the server's coverage figures. Trees, the status
 * item and the report read it; it refetches when the server says coverage
 * changed, so nothing is computed twice.
 */
export class CoverageStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  workspaces: WorkspaceCoverage[] = [];
  /** Whether the trees show only gaps. */
  gapsOnly = false;
  /** True once the first answer arrived. */
  loaded = false;
  private pending: Promise<void> | undefined;
  private again = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(client.onNotification(CoverageChangedNotification.method, () => void this.refresh()));
  }

  /** Fetches coverage now; concurrent calls collapse into one more fetch. */
  refresh(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      try {
        do {
          this.again = false;
          const result = await this.client.sendRequest(CoverageRequest.method, {});
          this.workspaces = (result as { workspaces: WorkspaceCoverage[] }).workspaces;
          this.loaded = true;
          void vscode.commands.executeCommand(
            'setContext',
            'aims.hasFiles',
            this.workspaces.some((w) => w.annexA.addressed > 0 || w.systems.length > 0),
          );
          void vscode.commands.executeCommand(
            'setContext',
            'aims.hasSystems',
            this.workspaces.some((w) => w.systems.length > 0),
          );
          this.changed.fire();
        } while (this.again);
      } catch (e) {
        this.client.outputChannel.appendLine(`coverage request failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  setGapsOnly(value: boolean): void {
    this.gapsOnly = value;
    void vscode.commands.executeCommand('setContext', 'aims.gapsOnly', value);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
