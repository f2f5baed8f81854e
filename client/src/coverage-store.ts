import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CoverageChangedNotification, CoveragePartsRequest, CoverageVersionsRequest, type FolderVersion } from '../../server/src/protocol';
import { CoverageReplica, isEmpty, mergeChanges, noChanges, type CoverageChanges, type LiveWorkspace } from './coverage-replica';

/**
 * The client's one copy of the server's coverage figures. Trees, the status
 * item and the report read it. The server announces every new coverage
 * version; the store then fetches only the parts that changed, page by page
 * (no message takes long to parse), and tells the views what changed.
 */
export class CoverageStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageChanges>();
  readonly onDidChange = this.changed.event;
  private readonly replica = new CoverageReplica();
  workspaces: LiveWorkspace[] = [];
  /** Whether the trees show only gaps. */
  gapsOnly = false;
  /** True once every folder's coverage has arrived (folders the server is still indexing wait). */
  loaded = false;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  private pending: Promise<void> | undefined;
  /** The versions announced last, or undefined to ask the server for them. */
  private announced: FolderVersion[] | undefined;
  private again = false;
  /** Ask for every part once more, whatever version is held (the Refresh command). */
  private forceFull = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(CoverageChangedNotification.method, (p: CoverageChangedNotification.Params) => {
        this.announced = p.versions;
        void this.sync();
      }),
    );
  }

  /**
   * Fetches everything afresh (the Refresh command, a restarted server). What
   * is shown stays until the new copy is complete.
   */
  refresh(): Promise<void> {
    this.forceFull = true;
    this.announced = undefined;
    return this.sync(true);
  }

  /** Resolves once every folder's coverage has arrived. */
  whenLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return new Promise((res) => {
      const sub = this.loadedEmitter.event(() => {
        sub.dispose();
        res();
      });
    });
  }

  /** Brings every folder up to its announced version; concurrent calls collapse into one more round. */
  sync(full = false): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    // Cleared in `finally` once the promise is stored: a round that awaits nothing (every folder
    // already current) would otherwise clear it before it was set, and leave it set for good.
    this.pending = this.round(full).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async round(full: boolean): Promise<void> {
    let changes = noChanges();
    changes.full = full;
    let pending = false;
    try {
      do {
        this.again = false;
        const versions =
          this.announced ?? (await this.client.sendRequest<CoverageVersionsRequest.Result>(CoverageVersionsRequest.method, {})).folders;
        this.announced = undefined;
        if (this.replica.keepOnly(versions.map((v) => v.root))) changes.full = true;
        const force = this.forceFull;
        this.forceFull = false;
        pending = false;
        for (const v of versions) {
          // A folder being indexed has no coverage yet: keep what is shown; its notice comes when it is done.
          if (v.version < 0) {
            pending ||= !this.replica.has(v.root);
            continue;
          }
          const at = this.replica.position(v.root);
          if (!force && at.epoch === v.epoch && at.since === v.version) continue;
          changes = mergeChanges(changes, await this.syncFolder(v.root, force));
        }
      } while (this.again);
    } catch (e) {
      this.client.outputChannel.appendLine(`coverage request failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (pending) return;
    if (!this.loaded || !isEmpty(changes)) this.publish(changes);
  }

  private async syncFolder(root: string, full: boolean): Promise<CoverageChanges> {
    const out = noChanges();
    const { epoch, since } = full ? { epoch: undefined, since: undefined } : this.replica.position(root);
    let cursor: string | undefined;
    let first = true;
    do {
      const params: CoveragePartsRequest.Params = { root, epoch, since, cursor };
      const res = await this.client.sendRequest<CoveragePartsRequest.Result>(CoveragePartsRequest.method, params);
      this.replica.apply(res, first, out);
      first = false;
      cursor = res.more ? res.cursor : undefined;
    } while (cursor);
    return out;
  }

  private publish(changes: CoverageChanges): void {
    this.workspaces = this.replica.workspaces();
    const first = !this.loaded;
    this.loaded = true;
    if (first) this.loadedEmitter.fire();
    void vscode.commands.executeCommand(
      'setContext',
      'aims.hasFiles',
      this.workspaces.some((w) => w.files > 0),
    );
    void vscode.commands.executeCommand(
      'setContext',
      'aims.hasSystems',
      this.workspaces.some((w) => w.systems.length > 0),
    );
    this.changed.fire(changes);
  }

  setGapsOnly(value: boolean): void {
    this.gapsOnly = value;
    void vscode.commands.executeCommand('setContext', 'aims.gapsOnly', value);
    this.changed.fire({ ...noChanges(), full: true });
  }

  dispose(): void {
    this.changed.dispose();
    this.loadedEmitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
