import type { AnnexACoverage, ControlState, ObligationCoverage } from './coverage-types';
import { relativeTo } from './report/portable';
import { count } from './wording';

/** The states that are gaps: the SoA says too little about the control. 'unread' is not one: the SoA may say enough. */
export const GAP_STATES: ReadonlySet<ControlState> = new Set(['missing', 'unjustified', 'no-status']);

/** A required obligation the record lacks or marks as a gap (what a system's `gaps` counts). */
export function isObligationGap(o: Pick<ObligationCoverage, 'required' | 'status'>): boolean {
  return o.required && (o.status === 'missing' || o.status === 'gap');
}

/** A topic's or folder's gaps from its counts by state. */
export function gapCount(counts: Record<ControlState, number>): number {
  return counts.missing + counts.unjustified + counts['no-status'];
}

/** "YAML error in soa.aims.yaml line 15": why controls were not read (`root` makes an absolute path relative). */
export function unreadReason(a: Pick<AnnexACoverage, 'yamlError'>, root: string): string {
  const u = a.yamlError;
  if (!u) return 'YAML error in the Statement of Applicability';
  return `YAML error in ${u.file.startsWith('/') ? relativeTo(root, u.file) : u.file} line ${u.line}`;
}

/**
 * What follows "N/38 addressed" in every summary: "2 gaps", or with controls
 * an SoA's YAML error hides, "37 not read (YAML error in soa.aims.yaml line
 * 15)" (gaps named too when there are any), so a broken SoA never reads as 37 gaps.
 */
export function annexATally(a: Pick<AnnexACoverage, 'gaps' | 'unread' | 'yamlError'>, root: string): string {
  const unread = a.unread ? `${a.unread} not read (${unreadReason(a, root)})` : '';
  if (!unread) return count(a.gaps, 'gap');
  return a.gaps ? `${count(a.gaps, 'gap')}, ${unread}` : unread;
}
