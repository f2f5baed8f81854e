import * as vscode from 'vscode';
import type { ControlCoverage, TopicCoverage } from '../../../server/src/core/coverage-types';
import type { LiveWorkspace } from '../coverage-replica';
import { evidenceCell } from '../../../server/src/core/evidence-text';
import type { CoverageStore } from '../coverage-store';
import { count } from '../../../server/src/core/wording';
import { gapCount } from '../../../server/src/core/coverage-summary';
import { folderDescription, folderTooltip, needsAttention, topicDescription, unreadLabel } from './coverage-text';
import { CONTROL_STATE, escapeMd, messageItem, staleNote, stateIcon, topicIcon } from './labels';

export type CoverageNode =
  | { type: 'folder'; root: string }
  | { type: 'topic'; root: string; id: string }
  | { type: 'control'; root: string; topic: string; id: string }
  | { type: 'message'; text: string; icon: string };

/**
 * "Annex A Coverage": topics A.2–A.10 with counts, each control with its
 * state in the SoA. With several workspace folders, one root node per folder
 * that holds AIMS files; none at all (the welcome view) when no folder does.
 * Nodes are kept per id, so a refresh and `reveal` find the same objects;
 * each reads its figures from the store when drawn.
 */
export class CoverageTree implements vscode.TreeDataProvider<CoverageNode> {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, CoverageNode>();

  constructor(private readonly store: CoverageStore) {
    store.onDidChange((c) => {
      // Nine topics and 38 controls: redrawing all of it is cheaper than working out what moved.
      if (c.full || c.annexA.size) this.changed.fire(undefined);
    });
  }

  private node<T extends CoverageNode>(key: string, make: () => T): T {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = make()));
    return n as T;
  }

  private ws(root: string): LiveWorkspace | undefined {
    return this.store.workspaces.find((w) => w.root === root);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) {
      if (!this.store.loaded) return [this.node('loading', () => ({ type: 'message', text: 'Reading AIMS files…', icon: 'loading~spin' }))];
      const shown = this.store.workspaces.filter((w) => w.files > 0 && (!this.store.gapsOnly || w.annexA.gaps + w.annexA.unread > 0));
      if (shown.length === 0) {
        // No folder holds AIMS files: an empty tree lets VS Code show the welcome view (create / import).
        if (!this.store.workspaces.some((w) => w.files > 0)) return [];
        return [this.node('no-gaps', () => ({ type: 'message', text: 'No gaps: every Annex A control is addressed', icon: 'pass' }))];
      }
      if (this.store.workspaces.filter((w) => w.files > 0).length === 1) return this.topicsOf(shown[0]);
      return shown.map((w) => this.node(`folder|${w.root}`, () => ({ type: 'folder', root: w.root })));
    }
    if (node.type === 'folder') {
      const ws = this.ws(node.root);
      return ws ? this.topicsOf(ws) : [];
    }
    if (node.type === 'topic') {
      const topic = this.ws(node.root)?.annexA.topics.find((t) => t.id === node.id);
      return (topic?.controls ?? [])
        .filter((c) => !this.store.gapsOnly || CONTROL_STATE[c.state].gap || c.state === 'unread')
        .map((c) => this.controlNode(node.root, c));
    }
    return [];
  }

  private topicsOf(ws: LiveWorkspace): CoverageNode[] {
    return ws.annexA.topics
      .filter((t) => !this.store.gapsOnly || needsAttention(t.counts) > 0)
      .map((t) => this.node(`topic|${ws.root}|${t.id}`, () => ({ type: 'topic', root: ws.root, id: t.id })));
  }

  private controlNode(root: string, c: ControlCoverage): CoverageNode {
    return this.node(`control|${root}|${c.id}`, () => ({ type: 'control', root, topic: c.topic, id: c.id }));
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    if (node.type === 'control') return this.nodes.get(`topic|${node.root}|${node.topic}`);
    if (node.type === 'topic') return this.nodes.get(`folder|${node.root}`);
    return undefined;
  }

  /** The node of a control, for "reveal the entry at the cursor". */
  findControl(root: string, id: string): CoverageNode | undefined {
    const ws = this.ws(root) ?? this.store.workspaces[0];
    const control = ws?.annexA.topics.flatMap((t) => t.controls).find((c) => c.id === id);
    if (!ws || !control) return undefined;
    // Make sure the parents exist, as `reveal` walks up through them.
    this.node(`topic|${ws.root}|${control.topic}`, () => ({ type: 'topic', root: ws.root, id: control.topic }));
    if (this.store.workspaces.filter((w) => w.files > 0).length > 1)
      this.node(`folder|${ws.root}`, () => ({ type: 'folder', root: ws.root }));
    return this.controlNode(ws.root, control);
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    if (node.type === 'message') return messageItem(node.text, node.icon);
    const ws = this.ws(node.root);
    if (node.type === 'folder') {
      const a = ws?.annexA;
      const item = new vscode.TreeItem(ws?.organisation ?? node.root, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder|${node.root}`;
      item.description = a ? folderDescription(a) : '';
      item.tooltip = a ? folderTooltip(a, node.root) : node.root;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      return item;
    }
    if (node.type === 'topic') {
      const t = ws?.annexA.topics.find((x) => x.id === node.id);
      const item = new vscode.TreeItem(t ? `${t.id} ${t.title}` : node.id, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `topic|${node.root}|${node.id}`;
      item.contextValue = 'topic';
      if (!t) return item;
      const c = t.counts;
      const gaps = gapCount(t.counts);
      // The label carries the title; the description stays short enough not to be cut off.
      item.description = topicDescription(c, t.controls.length);
      item.tooltip = topicTooltip(t, gaps);
      item.iconPath = topicIcon(c);
      return item;
    }
    const c = ws?.annexA.topics.find((t) => t.id === node.topic)?.controls.find((x) => x.id === node.id);
    const item = new vscode.TreeItem(c ? `${c.id} ${c.title}` : node.id, vscode.TreeItemCollapsibleState.None);
    item.id = `control|${node.root}|${node.id}`;
    if (!c) return item;
    const s = CONTROL_STATE[c.state];
    const label = c.state === 'unread' && ws ? unreadLabel(ws.annexA) : s.label;
    item.description = label + staleNote(c);
    item.iconPath = stateIcon(s);
    item.contextValue = `control.${c.state}`;
    item.tooltip = controlTooltip(c);
    item.accessibilityInformation = { label: `${c.id} ${c.title}: ${label}` };
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

function topicTooltip(t: TopicCoverage, gaps: number): vscode.MarkdownString {
  const c = t.counts;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${t.id} ${escapeMd(t.title)}**\n\n`);
  const parts = [
    `${c.implemented} of ${t.controls.length} implemented`,
    c.partial && `${c.partial} partially implemented`,
    c.planned && `${c.planned} planned`,
    c['not-started'] && `${c['not-started']} not started`,
    c.excluded && `${c.excluded} excluded with a justification`,
    gaps && count(gaps, 'gap'),
    c.unread && `${c.unread} not read (YAML error in the SoA)`,
  ].filter(Boolean);
  md.appendMarkdown(parts.join(' · '));
  return md;
}

function controlTooltip(c: ControlCoverage): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${c.id} ${escapeMd(c.title)}** — ${CONTROL_STATE[c.state].label}\n\n`);
  if (c.justification) md.appendMarkdown(`*Justification:* ${escapeMd(c.justification)}\n\n`);
  if (c.owner) md.appendMarkdown(`*Owner:* ${escapeMd(c.owner)}\n\n`);
  if (c.evidence.length) md.appendMarkdown(`*Evidence:* ${escapeMd(evidenceCell(c))}\n\n`);
  if (c.articles.length) md.appendMarkdown(`*Supports (never satisfies) AI Act:* ${c.articles.map((a) => `Art. ${a}`).join(', ')}`);
  return md;
}
