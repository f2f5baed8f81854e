import * as vscode from 'vscode';
import type { ControlState, ObligationCoverage } from '../../../server/src/core/coverage-types';

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

/** "2 August 2026" from "2026-08-02". */
export function longDate(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
