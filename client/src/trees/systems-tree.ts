import * as vscode from 'vscode';
import { count } from '../../../server/src/core/wording';
import type { SystemCoverage } from '../../../server/src/core/coverage-types';
import type { CoverageChanges } from '../coverage-replica';
import type { CoverageStore } from '../coverage-store';
import { messageItem, systemIcon, tierGroup } from './labels';
import { uriOfPath } from '../uri-of-path';

type Group = 'tier' | 'role';
export type SystemNode =
  { type: 'group'; label: string } | { type: 'system'; path: string; group: string } | { type: 'message'; text: string; icon: string };

const TIERS = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unclassified'];

/**
 * "AI Systems": the inventory, grouped by risk tier or by operator role. A
 * changed record redraws its own row; the tree is redrawn when records come,
 * go or change group.
 */
export class SystemsTree implements vscode.TreeDataProvider<SystemNode> {
  private readonly changed = new vscode.EventEmitter<SystemNode | SystemNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: Group = 'tier';
  private readonly nodes = new Map<string, SystemNode>();
  private systems = new Map<string, SystemCoverage>();

  constructor(private readonly store: CoverageStore) {
    store.onDidChange((c) => this.onChange(c));
  }

  private onChange(c: CoverageChanges): void {
    this.systems = new Map(this.store.workspaces.flatMap((w) => w.systems.map((s) => [s.file, s])));
    if (c.full || c.regrouped) return this.redraw();
    const fire = [...this.nodes.values()].filter((n) => n.type === 'system' && c.systems.has(n.path));
    if (fire.length) this.changed.fire(fire);
  }

  private redraw(): void {
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  toggleGrouping(): void {
    this.groupBy = this.groupBy === 'tier' ? 'role' : 'tier';
    this.redraw();
  }

  private node<T extends SystemNode>(key: string, make: () => T): T {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = make()));
    return n as T;
  }

  private groupsOf(s: SystemCoverage): string[] {
    return this.groupBy === 'tier' ? [tierGroup(s)] : s.roles.length ? s.roles : ['no role'];
  }

  private members(): Map<string, SystemCoverage[]> {
    const groups = new Map<string, SystemCoverage[]>();
    for (const s of this.systems.values()) {
      if (this.store.gapsOnly && s.gaps === 0) continue;
      for (const k of this.groupsOf(s)) {
        const list = groups.get(k);
        if (list) list.push(s);
        else groups.set(k, [s]);
      }
    }
    return groups;
  }

  getChildren(node?: SystemNode): SystemNode[] {
    if (node?.type === 'group') {
      return (this.members().get(node.label) ?? []).map((s) =>
        this.node(`system|${node.label}|${s.file}`, () => ({ type: 'system', path: s.file, group: node.label })),
      );
    }
    if (node) return [];
    if (this.systems.size === 0) this.systems = new Map(this.store.workspaces.flatMap((w) => w.systems.map((s) => [s.file, s])));
    const groups = this.members();
    if (groups.size === 0 && this.store.gapsOnly && this.systems.size > 0)
      return [this.node('no-gaps', () => ({ type: 'message', text: 'No gaps: no system has a missing or open obligation', icon: 'pass' }))];
    const order = this.groupBy === 'tier' ? TIERS : [...groups.keys()].sort();
    return order.filter((k) => groups.has(k)).map((k) => this.node(`group|${k}`, () => ({ type: 'group', label: k })));
  }

  getTreeItem(node: SystemNode): vscode.TreeItem {
    if (node.type === 'message') return messageItem(node.text, node.icon);
    if (node.type === 'group') {
      const n = this.members().get(node.label)?.length ?? 0;
      const item = new vscode.TreeItem(
        this.groupBy === 'role' ? `Role: ${node.label}` : node.label === 'gpai' ? 'General-purpose AI models' : `Tier: ${node.label}`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `group|${this.groupBy}|${node.label}`;
      item.description = String(n);
      item.tooltip = count(n, 'system');
      return item;
    }
    const s = this.systems.get(node.path);
    const item = new vscode.TreeItem(s?.name ?? node.path, vscode.TreeItemCollapsibleState.None);
    item.id = `system|${this.groupBy}|${node.group}|${node.path}`;
    item.contextValue = 'system';
    if (!s) return item;
    // The id identifies the record; the rest is in the tooltip, so the name is not cut off.
    item.description = s.id;
    item.iconPath = systemIcon(s);
    item.tooltip = [
      `${s.name} (${s.id})`,
      s.gpaiModel
        ? 'A general-purpose AI model (Chapter V)'
        : `Tier: ${s.tier ?? 'not classified'}${s.annexIII || s.annexI ? ` · ${s.annexIII ?? s.annexI}` : ''}`,
      `Roles: ${s.roles.join(', ') || 'none'}`,
      `Lifecycle: ${s.lifecycle ?? 'not given'}`,
      `Owner: ${s.owner ?? 'none'}`,
      `Required obligations missing or with a gap: ${s.gaps}`,
    ].join('\n');
    if (s.location) item.command = { command: 'aims.openLocation', title: 'Open record', arguments: [s.location.file, s.location.range] };
    else item.command = { command: 'vscode.open', title: 'Open record', arguments: [uriOfPath(s.file)] };
    return item;
  }
}
