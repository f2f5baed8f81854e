import * as vscode from 'vscode';
import type { SystemCoverage } from '../../../server/src/core/coverage-types';
import type { CoverageStore } from '../coverage-store';
import { uriOfPath } from '../uri-of-path';

type Group = 'tier' | 'role';
type Node = { type: 'group'; label: string; systems: SystemCoverage[] } | { type: 'system'; system: SystemCoverage };

/** "AI Systems": the inventory, grouped by risk tier or by operator role. */
export class SystemsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: Group = 'tier';

  constructor(private readonly store: CoverageStore) {
    store.onDidChange(() => this.changed.fire(undefined));
  }

  toggleGrouping(): void {
    this.groupBy = this.groupBy === 'tier' ? 'role' : 'tier';
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node?.type === 'group') return node.systems.map((system) => ({ type: 'system', system }));
    if (node) return [];
    const systems = this.store.workspaces.flatMap((w) => w.systems).filter((s) => !this.store.gapsOnly || s.gaps > 0);
    const groups = new Map<string, SystemCoverage[]>();
    for (const s of systems) {
      const keys = this.groupBy === 'tier' ? [s.tier ?? 'unclassified'] : s.roles.length ? s.roles : ['no role'];
      for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    const order = this.groupBy === 'tier' ? ['prohibited', 'high', 'limited', 'minimal', 'unclassified'] : [...groups.keys()].sort();
    return order.filter((k) => groups.has(k)).map((k) => ({ type: 'group', label: k, systems: groups.get(k)! }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(
        `${this.groupBy === 'tier' ? 'Tier' : 'Role'}: ${node.label}`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(node.systems.length);
      return item;
    }
    const s = node.system;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.None);
    item.description = [s.id, s.lifecycle, s.annexIII].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('symbol-class');
    item.tooltip = `${s.name} (${s.id})\nTier: ${s.tier ?? 'not classified'}\nRoles: ${s.roles.join(', ') || 'none'}\nOwner: ${s.owner ?? 'none'}\nOpen obligations: ${s.gaps}`;
    item.contextValue = 'system';
    if (s.location) item.command = { command: 'aims.openLocation', title: 'Open record', arguments: [s.location.file, s.location.range] };
    else item.command = { command: 'vscode.open', title: 'Open record', arguments: [uriOfPath(s.file)] };
    return item;
  }
}
