import * as vscode from 'vscode';
import type { ControlCoverage, TopicCoverage, WorkspaceCoverage } from '../../../server/src/core/coverage-types';
import { escapeMarkdown } from '../../../server/src/core/escape-markdown';
import { evidenceCell } from '../../../server/src/core/evidence-text';
import type { CoverageStore } from '../coverage-store';
import { CONTROL_STATE, stateIcon } from './labels';
import { count } from '../../../server/src/core/wording';

type Node =
  | { type: 'folder'; ws: WorkspaceCoverage }
  | { type: 'topic'; ws: WorkspaceCoverage; topic: TopicCoverage }
  | { type: 'control'; ws: WorkspaceCoverage; control: ControlCoverage };

/**
 * "Annex A Coverage": topics A.2–A.10 with counts, each control with its
 * state in the SoA. With several workspace folders, one root node per folder.
 * Every figure comes from the server's coverage request.
 */
export class CoverageTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Cached nodes so `reveal` finds the same objects the view shows. */
  private controlNodes = new Map<string, Node>();

  constructor(private readonly store: CoverageStore) {
    store.onDidChange(() => {
      this.controlNodes.clear();
      this.changed.fire(undefined);
    });
  }

  getChildren(node?: Node): Node[] {
    const all = this.store.workspaces;
    if (!node) {
      if (all.length === 1) return this.topicsOf(all[0]);
      return all.map((ws) => ({ type: 'folder', ws }));
    }
    if (node.type === 'folder') return this.topicsOf(node.ws);
    if (node.type === 'topic') {
      return node.topic.controls
        .filter((c) => !this.store.gapsOnly || CONTROL_STATE[c.state].gap)
        .map((control) => this.controlNode(node.ws, control));
    }
    return [];
  }

  getParent(node: Node): Node | undefined {
    if (node.type !== 'control') return undefined;
    const topic = node.ws.annexA.topics.find((t) => t.id === node.control.topic);
    return topic ? { type: 'topic', ws: node.ws, topic } : undefined;
  }

  private topicsOf(ws: WorkspaceCoverage): Node[] {
    return ws.annexA.topics
      .filter((t) => !this.store.gapsOnly || t.controls.some((c) => CONTROL_STATE[c.state].gap))
      .map((topic) => ({ type: 'topic', ws, topic }));
  }

  private controlNode(ws: WorkspaceCoverage, control: ControlCoverage): Node {
    const key = `${ws.root}#${control.id}`;
    let n = this.controlNodes.get(key);
    if (!n) {
      n = { type: 'control', ws, control };
      this.controlNodes.set(key, n);
    }
    return n;
  }

  /** The node of a control, for "reveal the entry at the cursor". */
  findControl(root: string, id: string): Node | undefined {
    const ws = this.store.workspaces.find((w) => w.root === root) ?? this.store.workspaces[0];
    const control = ws?.annexA.topics.flatMap((t) => t.controls).find((c) => c.id === id);
    return ws && control ? this.controlNode(ws, control) : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'folder') {
      const a = node.ws.annexA;
      const item = new vscode.TreeItem(node.ws.organisation ?? node.ws.root, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${a.addressed}/${a.total} addressed · ${count(a.gaps, 'gap')}`;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      return item;
    }
    if (node.type === 'topic') {
      const t = node.topic;
      const c = t.counts;
      const item = new vscode.TreeItem(`${t.id} ${t.title}`, vscode.TreeItemCollapsibleState.Collapsed);
      const gaps = c.missing + c.unjustified + c['no-status'];
      item.description = `${c.implemented}/${t.controls.length} implemented${c.excluded ? ` · ${c.excluded} excluded` : ''}${gaps ? ` · ${count(gaps, 'gap')}` : ''}`;
      item.iconPath = stateIcon(gaps ? CONTROL_STATE.unjustified : CONTROL_STATE.implemented);
      item.contextValue = 'topic';
      item.id = `${node.ws.root}#${t.id}`;
      return item;
    }
    const c = node.control;
    const s = CONTROL_STATE[c.state];
    const item = new vscode.TreeItem(`${c.id} ${c.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.ws.root}#${c.id}`;
    item.description = s.label + staleNote(c);
    item.iconPath = stateIcon(s);
    item.contextValue = `control.${c.state}`;
    item.tooltip = controlTooltip(c);
    if (c.location) {
      item.command = {
        command: 'aims.openLocation',
        title: 'Open SoA entry',
        arguments: [c.location.file, c.location.range],
      };
    }
    return item;
  }
}

function controlTooltip(c: ControlCoverage): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${c.id} ${c.title}** — ${CONTROL_STATE[c.state].label}\n\n`);
  if (c.justification) md.appendMarkdown(`*Justification:* ${escapeMd(c.justification)}\n\n`);
  if (c.owner) md.appendMarkdown(`*Owner:* ${escapeMd(c.owner)}\n\n`);
  if (c.evidence.length) md.appendMarkdown(`*Evidence:* ${escapeMd(evidenceCell(c))}\n\n`);
  if (c.articles.length) md.appendMarkdown(`*Supports (never satisfies) AI Act:* ${c.articles.map((a) => `Art. ${a}`).join(', ')}`);
  return md;
}

/** " · 1 stale evidence" after a description when evidence is stale or expired (told apart from missing). */
export function staleNote(x: { staleEvidence?: number }): string {
  return x.staleEvidence ? ` · ${x.staleEvidence} stale evidence` : '';
}

/** Record text in a tooltip: one line, no Markdown syntax or HTML (the server's escaping, shared). */
export function escapeMd(s: string): string {
  return escapeMarkdown(s);
}
