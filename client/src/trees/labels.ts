import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../server/src/core/escape-markdown';
import { gapCount } from '../../../server/src/core/coverage-summary';
import type { ControlState, ObligationCoverage, SystemCoverage } from '../../../server/src/core/coverage-types';

/** How each control state reads and looks in the trees, the status item and the report. */
export const CONTROL_STATE: Record<ControlState, { label: string; icon: string; color?: string; gap: boolean }> = {
  implemented: { label: 'implemented', icon: 'pass-filled', color: 'testing.iconPassed', gap: false },
  partial: { label: 'partially implemented', icon: 'circle-large-outline', color: 'charts.yellow', gap: false },
  planned: { label: 'planned', icon: 'calendar', color: 'charts.blue', gap: false },
  'not-started': { label: 'not started', icon: 'circle-outline', color: 'charts.orange', gap: false },
  excluded: { label: 'excluded (justified)', icon: 'circle-slash', color: 'disabledForeground', gap: false },
  'no-status': { label: 'applicable, no status', icon: 'question', color: 'charts.orange', gap: true },
  unjustified: { label: 'justification missing', icon: 'warning', color: 'problemsWarningIcon.foreground', gap: true },
  missing: { label: 'missing from the SoA', icon: 'error', color: 'problemsErrorIcon.foreground', gap: true },
  // Past a YAML error in the SoA: unknown, not a gap (the SoA may list it).
  unread: { label: 'not read (YAML error in the SoA)', icon: 'eye-closed', color: 'problemsWarningIcon.foreground', gap: false },
};

export const OBLIGATION_STATE: Record<ObligationCoverage['status'], { label: string; icon: string; color?: string; gap: boolean }> = {
  met: { label: 'met', icon: 'pass-filled', color: 'testing.iconPassed', gap: false },
  partial: { label: 'partial', icon: 'circle-large-outline', color: 'charts.yellow', gap: false },
  gap: { label: 'gap', icon: 'warning', color: 'problemsWarningIcon.foreground', gap: true },
  'not-applicable': { label: 'not applicable', icon: 'circle-slash', color: 'disabledForeground', gap: false },
  missing: { label: 'missing from the record', icon: 'error', color: 'problemsErrorIcon.foreground', gap: true },
};

export function stateIcon(s: { icon: string; color?: string }): vscode.ThemeIcon {
  return new vscode.ThemeIcon(s.icon, s.color ? new vscode.ThemeColor(s.color) : undefined);
}

/** "2 Aug 2026" from "2026-08-02" (for descriptions, which the side bar cuts first). */
export function shortDate(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "2 August 2026" from "2026-08-02". */
export function longDate(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A topic's icon: a warning while a control is a gap, a closed eye while one is not read, the green check only
 * when every control is implemented or excluded with a justification, and
 * the "partial" circle for anything in between (partial, planned, not started).
 */
export function topicIcon(counts: Record<ControlState, number>): vscode.ThemeIcon {
  if (gapCount(counts) > 0) return stateIcon(CONTROL_STATE.unjustified);
  if (counts.unread > 0) return stateIcon(CONTROL_STATE.unread);
  if (counts.partial + counts.planned + counts['not-started'] > 0) return stateIcon(CONTROL_STATE.partial);
  return stateIcon(CONTROL_STATE.implemented);
}

/** A system's icon: gaps first; then partial while a required obligation is not met; met otherwise. */
export function systemIcon(s: SystemCoverage): vscode.ThemeIcon {
  if (s.gaps > 0) return stateIcon(OBLIGATION_STATE.gap);
  if (s.obligations.some((o) => o.required && o.status !== 'met' && o.status !== 'not-applicable'))
    return stateIcon(OBLIGATION_STATE.partial);
  return stateIcon(OBLIGATION_STATE.met);
}

/**
 * The group a system is shown under in the trees: its risk tier, or "gpai" for a record about a
 * general-purpose AI model, whose duties (Chapter V) follow no tier whatever the record says.
 */
export function tierGroup(s: Pick<SystemCoverage, 'tier' | 'gpaiModel'>): string {
  return s.gpaiModel ? 'gpai' : (s.tier ?? 'unclassified');
}

/** A node that only says something (nothing to show under a filter, still loading). */
export function messageItem(text: string, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = 'message';
  return item;
}

/** Record text in a tooltip: one line, no Markdown syntax or HTML (the server's escaping, shared). */
export function escapeMd(s: string): string {
  return escapeMarkdown(s);
}

/** " · 1 stale evidence" after a description when evidence is stale or expired (told apart from missing). */
export function staleNote(x: { staleEvidence?: number }): string {
  return x.staleEvidence ? ` · ${x.staleEvidence} stale evidence` : '';
}
