/**
 * The words of the Annex A tree and status item, apart from the vscode API so
 * that unit tests can read them. Controls an SoA's YAML error hides are
 * counted apart from gaps: the SoA may list them, the checker could not read them.
 */
import type { AnnexACoverage, ControlState } from '../../../server/src/core/coverage-types';
import { annexATally, gapCount } from '../../../server/src/core/coverage-summary';
import { count } from '../../../server/src/core/wording';

type Totals = Pick<AnnexACoverage, 'addressed' | 'total' | 'gaps' | 'unread' | 'yamlError'>;

/** What the "gaps only" filter keeps: gaps, and controls not read (they may be gaps). */
export function needsAttention(counts: Record<ControlState, number>): number {
  return gapCount(counts) + counts.unread;
}

/** " · 2 gaps · 37 not read" after a count, each part only when there is any. */
function tail(gaps: number, unread: number): string {
  return `${gaps ? ` · ${count(gaps, 'gap')}` : ''}${unread ? ` · ${unread} not read` : ''}`;
}

/** A folder's description: "1/38 · 37 not read". */
export function folderDescription(a: Totals): string {
  return `${a.addressed}/${a.total}${tail(a.gaps, a.unread)}`;
}

/** A folder's tooltip: its root, then "1 of 38 Annex A controls addressed · 37 not read (YAML error in soa.aims.yaml line 15)". */
export function folderTooltip(a: Totals, root: string): string {
  return `${root}\n${a.addressed} of ${a.total} Annex A controls addressed · ${annexATally(a, root)}`;
}

/** A topic's description: implemented of its controls, then gaps and controls not read. */
export function topicDescription(counts: Record<ControlState, number>, controls: number): string {
  return `${counts.implemented}/${controls}${tail(gapCount(counts), counts.unread)}`;
}

/** A control's state in words; one not read says where the SoA stops being readable. */
export function unreadLabel(a: Pick<AnnexACoverage, 'yamlError'>): string {
  return a.yamlError ? `not read: the SoA has a YAML error at line ${a.yamlError.line}` : 'not read: the SoA has a YAML error';
}

/** The status item's detail: "1 SoA gap, 37 controls not read, 2 obligation gaps", or "no gaps". */
export function statusDetail(soaGaps: number, unread: number, obligationGaps: number): string {
  const parts = [
    soaGaps && count(soaGaps, 'SoA gap'),
    unread && count(unread, 'control') + ' not read (SoA YAML error)',
    obligationGaps && count(obligationGaps, 'obligation gap'),
  ];
  return parts.filter(Boolean).join(', ') || 'no gaps';
}
