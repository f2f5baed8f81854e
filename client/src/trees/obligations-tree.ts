import * as vscode from 'vscode';
import type { ObligationCoverage, SystemCoverage, WorkspaceCoverage } from '../../../server/src/core/coverage-types';
import type { CoverageStore } from '../coverage-store';
import { CONTROL_STATE, OBLIGATION_STATE, longDate, stateIcon } from './labels';
import { escapeMd, staleNote } from './coverage-tree';
import { evidenceCell } from '../../../server/src/core/evidence-text';

const TIER_ORDER = ['prohibited', 'high', 'limited', 'minimal', 'unclassified'];
const TIER_LABEL: Record<string, string> = {
  prohibited: 'Prohibited practices (Art. 5)',
  high: 'High-risk (Art. 6)',
  limited: 'Limited risk: transparency (Art. 50)',
  minimal: 'Minimal risk',
  unclassified: 'Not classified',
};

type Node =
  | { type: 'tier'; tier: string; systems: { ws: WorkspaceCoverage; system: SystemCoverage }[] }
  | { type: 'system'; ws: WorkspaceCoverage; system: SystemCoverage }
  | { type: 'obligation'; system: SystemCoverage; obligation: ObligationCoverage }
  | { type: 'control'; id: string; state: string };

/**
 * "AI Act Obligations": systems grouped by risk tier; under each system the
 * obligations the Act requires or the record lists, with status, evidence,
 * the date each applies from and the ISO controls behind it.
 */
export class ObligationsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: CoverageStore) {
    store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const all = this.store.workspaces.flatMap((ws) => ws.systems.map((system) => ({ ws, system })));
      const shown = all.filter(({ system }) => !this.store.gapsOnly || system.gaps > 0);
      return TIER_ORDER.map((tier) => ({
        type: 'tier' as const,
        tier,
        systems: shown.filter((s) => (s.system.tier ?? 'unclassified') === tier),
      })).filter((t) => t.systems.length > 0);
    }
    if (node.type === 'tier') return node.systems.map(({ ws, system }) => ({ type: 'system', ws, system }));
    if (node.type === 'system') {
      return node.system.obligations
        .filter((o) => !this.store.gapsOnly || OBLIGATION_STATE[o.status].gap)
        .map((obligation) => ({ type: 'obligation', system: node.system, obligation }));
    }
    if (node.type === 'obligation') return node.obligation.controls.map((c) => ({ type: 'control', id: c.id, state: c.state }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'tier': {
        const item = new vscode.TreeItem(TIER_LABEL[node.tier] ?? node.tier, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.systems.length} system${node.systems.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(node.tier === 'prohibited' ? 'error' : node.tier === 'high' ? 'shield' : 'symbol-misc');
        return item;
      }
      case 'system': {
        const s = node.system;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${s.file}#system`;
        item.description = `${s.roles.join(', ')}${s.gaps ? ` · ${s.gaps} gap${s.gaps === 1 ? '' : 's'}` : ''}`;
        item.iconPath = stateIcon(s.gaps ? OBLIGATION_STATE.gap : OBLIGATION_STATE.met);
        item.contextValue = 'system';
        item.tooltip = `${s.id}${s.annexIII ? ` · ${s.annexIII}` : ''}${s.basis ? ` · basis ${s.basis}` : ''}`;
        if (s.location)
          item.command = { command: 'aims.openLocation', title: 'Open record', arguments: [s.location.file, s.location.range] };
        return item;
      }
      case 'obligation': {
        const o = node.obligation;
        const st = OBLIGATION_STATE[o.status];
        const item = new vscode.TreeItem(
          `${o.ref} ${o.title}`,
          o.controls.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `${node.system.file}#${o.ref}`;
        item.description = `${st.label}${o.appliesFrom ? ` · from ${longDate(o.appliesFrom)}${o.timeline === 'omnibus' ? ' (reported amendment)' : ''}` : ''}${staleNote(o)}`;
        item.iconPath = stateIcon(st);
        item.contextValue = `obligation.${o.status}`;
        item.tooltip = obligationTooltip(o);
        const loc = o.location ?? node.system.location;
        if (loc) item.command = { command: 'aims.openLocation', title: 'Open obligation', arguments: [loc.file, loc.range] };
        return item;
      }
      case 'control': {
        const s = node.state in CONTROL_STATE ? CONTROL_STATE[node.state as keyof typeof CONTROL_STATE] : undefined;
        const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
        item.description = s ? `SoA: ${s.label}` : 'not an Annex A control';
        item.iconPath = s ? stateIcon(s) : new vscode.ThemeIcon('question');
        return item;
      }
    }
  }
}

function obligationTooltip(o: ObligationCoverage): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${o.ref} ${escapeMd(o.title)}** — ${OBLIGATION_STATE[o.status].label}\n\n`);
  if (o.reason) md.appendMarkdown(`Required for ${escapeMd(o.reason)}.\n\n`);
  // The server words the dates and labels amended ones reported; the client only shows them.
  if (o.dateNote) md.appendMarkdown(`Applies from ${escapeMd(o.dateNote)}.\n\n`);
  if (o.evidence.length) md.appendMarkdown(`*Evidence:* ${escapeMd(evidenceCell(o))}\n\n`);
  if (o.controls.length) md.appendMarkdown('ISO/IEC 42001 controls cited support this obligation; they do not satisfy it.');
  return md;
}
