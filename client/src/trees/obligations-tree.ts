import * as vscode from 'vscode';
import { count } from '../../../server/src/core/wording';
import type { ObligationCoverage, SystemCoverage } from '../../../server/src/core/coverage-types';
import type { CoverageChanges } from '../coverage-replica';
import type { CoverageStore } from '../coverage-store';
import { CONTROL_STATE, OBLIGATION_STATE, escapeMd, messageItem, shortDate, stateIcon, staleNote, systemIcon, tierGroup } from './labels';
import { evidenceCell } from '../../../server/src/core/evidence-text';

const TIER_ORDER = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unclassified'];
/** Each tier's label, and the article that defines it (shown beside it, so the label is never cut). */
const TIER_LABEL: Record<string, [string, string?]> = {
  prohibited: ['Prohibited practices', 'Art. 5'],
  high: ['High-risk', 'Art. 6'],
  limited: ['Limited risk', 'Art. 50'],
  minimal: ['Minimal risk'],
  gpai: ['General-purpose AI models', 'Chapter V'],
  unclassified: ['Not classified'],
};

const TIER_TOOLTIP: Record<string, string> = {
  prohibited: 'Prohibited AI practices (Art. 5)',
  high: 'High-risk AI systems (Art. 6)',
  limited: 'Transparency obligations for certain AI systems (Art. 50)',
  minimal: 'Minimal risk: no tier-specific obligations (AI literacy, Art. 4, still applies)',
  gpai: 'General-purpose AI models: their providers owe the duties of Chapter V (Art. 53-55), not those of a risk tier',
  unclassified: 'Not classified: the record gives no risk tier',
};

export type ObligationNode =
  | { type: 'tier'; tier: string }
  | { type: 'system'; path: string }
  | { type: 'obligation'; path: string; ref: string }
  | { type: 'control'; path: string; ref: string; id: string }
  | { type: 'message'; text: string; icon: string };

/**
 * "AI Act Obligations": systems grouped by risk tier; under each system the
 * obligations the Act requires or the record lists, with status, evidence,
 * the date each applies from and the ISO controls behind it. A change redraws
 * what it touched: the systems that changed, and the controls shown under
 * obligations when the SoA changed; the whole tree only when systems come,
 * go or change tier.
 */
export class ObligationsTree implements vscode.TreeDataProvider<ObligationNode> {
  private readonly changed = new vscode.EventEmitter<ObligationNode | ObligationNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, ObligationNode>();
  /** Obligations whose cited controls are on screen (their SoA states change with the SoA). */
  private readonly withControls = new Set<ObligationNode>();
  private systems = new Map<string, SystemCoverage>();

  constructor(private readonly store: CoverageStore) {
    store.onDidChange((c) => this.onChange(c));
  }

  private onChange(c: CoverageChanges): void {
    this.systems = new Map(this.store.workspaces.flatMap((w) => w.systems.map((s) => [s.file, s])));
    if (c.full || c.regrouped) {
      this.nodes.clear();
      this.withControls.clear();
      this.changed.fire(undefined);
      return;
    }
    const fire: ObligationNode[] = [];
    for (const p of c.systems) {
      const n = this.nodes.get(`system|${p}`);
      if (n) fire.push(n);
    }
    if (c.annexA.size) fire.push(...this.withControls);
    if (fire.length) this.changed.fire(fire);
  }

  private node<T extends ObligationNode>(key: string, make: () => T): T {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = make()));
    return n as T;
  }

  private shown(): SystemCoverage[] {
    return [...this.systems.values()].filter((s) => !this.store.gapsOnly || s.gaps > 0);
  }

  getChildren(node?: ObligationNode): ObligationNode[] {
    if (!node) {
      if (this.systems.size === 0) this.systems = new Map(this.store.workspaces.flatMap((w) => w.systems.map((s) => [s.file, s])));
      const shown = this.shown();
      if (shown.length === 0 && this.store.gapsOnly && this.systems.size > 0)
        return [
          this.node('no-gaps', () => ({ type: 'message', text: 'No gaps: no required obligation is missing or a gap', icon: 'pass' })),
        ];
      const tiers = new Set(shown.map(tierGroup));
      return TIER_ORDER.filter((t) => tiers.has(t)).map((tier) => this.node(`tier|${tier}`, () => ({ type: 'tier', tier })));
    }
    if (node.type === 'tier') {
      return this.shown()
        .filter((s) => tierGroup(s) === node.tier)
        .map((s) => this.node(`system|${s.file}`, () => ({ type: 'system', path: s.file })));
    }
    if (node.type === 'system') {
      return (
        (this.systems.get(node.path)?.obligations ?? [])
          .filter((o) => !this.store.gapsOnly || OBLIGATION_STATE[o.status].gap)
          // Keyed by reference: one article can give a record several duties (Art. 26 and 26(8), 50(1) and 50(2)).
          .map((o) => this.node(`obligation|${node.path}|${o.ref}`, () => ({ type: 'obligation', path: node.path, ref: o.ref })))
      );
    }
    if (node.type === 'obligation') {
      this.withControls.add(node);
      return (this.obligation(node.path, node.ref)?.controls ?? []).map((c) =>
        this.node(`control|${node.path}|${node.ref}|${c.id}`, () => ({
          type: 'control',
          path: node.path,
          ref: node.ref,
          id: c.id,
        })),
      );
    }
    return [];
  }

  private obligation(path: string, ref: string): ObligationCoverage | undefined {
    return this.systems.get(path)?.obligations.find((o) => o.ref === ref);
  }

  getTreeItem(node: ObligationNode): vscode.TreeItem {
    switch (node.type) {
      case 'message':
        return messageItem(node.text, node.icon);
      case 'tier': {
        const [label, article] = TIER_LABEL[node.tier] ?? [node.tier];
        const n = this.shown().filter((s) => tierGroup(s) === node.tier).length;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `tier|${node.tier}`;
        item.description = [article, count(n, 'system')].filter(Boolean).join(' · ');
        item.tooltip = `${TIER_TOOLTIP[node.tier] ?? label}: ${count(n, 'system')}`;
        item.iconPath = new vscode.ThemeIcon(node.tier === 'prohibited' ? 'error' : node.tier === 'high' ? 'shield' : 'symbol-misc');
        return item;
      }
      case 'system': {
        const s = this.systems.get(node.path);
        const item = new vscode.TreeItem(s?.name ?? node.path, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `system|${node.path}`;
        item.contextValue = 'system';
        if (!s) return item;
        item.description = s.gaps ? count(s.gaps, 'gap') : '';
        item.iconPath = systemIcon(s);
        item.tooltip = [
          `${s.name} (${s.id})`,
          `Roles: ${s.roles.join(', ') || 'none'}`,
          s.annexIII && `Use case: ${s.annexIII}`,
          s.annexI && `Product: ${s.annexI}`,
          s.basis && `Basis: ${s.basis}`,
          `Obligations with a gap or missing: ${s.gaps}`,
        ]
          .filter(Boolean)
          .join('\n');
        if (s.location)
          item.command = { command: 'aims.openLocation', title: 'Open record', arguments: [s.location.file, s.location.range] };
        return item;
      }
      case 'obligation': {
        const o = this.obligation(node.path, node.ref);
        const item = new vscode.TreeItem(
          o ? `${o.ref} ${o.title}` : node.ref,
          o?.controls.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `obligation|${node.path}|${node.ref}`;
        if (!o) return item;
        const st = OBLIGATION_STATE[o.status];
        // An amended date is the reported amendment's, and says so (not verified against the Official Journal).
        item.description = `${st.label}${o.appliesFrom ? ` · from ${shortDate(o.appliesFrom)}${o.timeline === 'omnibus' ? ' (reported amendment)' : ''}` : ''}${staleNote(o)}`;
        item.iconPath = stateIcon(st);
        item.contextValue = `obligation.${o.status}`;
        item.tooltip = obligationTooltip(o);
        const loc = o.location ?? this.systems.get(node.path)?.location;
        if (loc) item.command = { command: 'aims.openLocation', title: 'Open obligation', arguments: [loc.file, loc.range] };
        return item;
      }
      case 'control': {
        const state = this.obligation(node.path, node.ref)?.controls.find((c) => c.id === node.id)?.state;
        const s = state && state in CONTROL_STATE ? CONTROL_STATE[state as keyof typeof CONTROL_STATE] : undefined;
        const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
        item.id = `control|${node.path}|${node.ref}|${node.id}`;
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
