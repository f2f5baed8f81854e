import { timelineLabel } from '../catalog/timeline';
import type { ControlState, ObligationCoverage, SystemCoverage, SystemTally, WorkspaceCoverage } from '../coverage-types';

/** Column order of the Annex A table in every report format. */
export const CONTROL_STATES: readonly ControlState[] = [
  'implemented',
  'partial',
  'planned',
  'not-started',
  'excluded',
  'no-status',
  'unjustified',
  'missing',
  'unread',
];

export const STATE_LABEL: Record<ControlState, string> = {
  implemented: 'Implemented',
  partial: 'Partial',
  planned: 'Planned',
  'not-started': 'Not started',
  excluded: 'Excluded',
  'no-status': 'No status',
  unjustified: 'Unjustified',
  missing: 'Missing',
  unread: 'Not read',
};

/** The columns of a state table: 'Not read' only while an SoA's YAML error hides controls, so whole SoAs read as before. */
export function stateColumns(anyUnread: boolean): readonly ControlState[] {
  return anyUnread ? CONTROL_STATES : CONTROL_STATES.filter((s) => s !== 'unread');
}

export const OBLIGATION_LABEL: Record<ObligationCoverage['status'], string> = {
  met: 'Met',
  partial: 'Partial',
  gap: 'Gap',
  'not-applicable': 'Not applicable',
  missing: 'Missing',
};

/** The timeline note every report carries, so a reader knows where dates come from. */
export function timelineNote(c: Pick<WorkspaceCoverage, 'timeline'>): string {
  return c.timeline === 'omnibus'
    ? `Dates in force follow Article 113 ${timelineLabel('omnibus')}.`
    : `Dates in force follow Article 113 of ${timelineLabel('original')}; dates from the Digital Omnibus on AI (2026) shown beside them are reported (Official Journal text not verified).`;
}

export const DISCLAIMER =
  'ISO/IEC 42001 evidence supports AI Act obligations; it does not satisfy them. ISO/IEC 42001 certification is not a conformity assessment under Art. 43 and gives no basis for CE marking (Art. 48).';

/**
 * What a system is, for a summary line: its tier with the Annex III or Annex I point
 * (`high, Annex III(5)(b)`), or a general-purpose AI model, whose duties (Chapter V) follow no tier.
 */
export function systemKind(s: Pick<SystemCoverage, 'tier' | 'annexIII' | 'annexI' | 'gpaiModel'>): string {
  if (s.gpaiModel) return 'general-purpose AI model';
  const point = s.annexIII ?? s.annexI;
  return `${s.tier ?? 'not classified'}${point ? `, ${point}` : ''}`;
}

/** A system's summary line: what it is and its obligation counts (what the CLI's text output keeps of its coverage). */
export function tallyOf(s: SystemCoverage): SystemTally {
  return {
    id: s.id,
    file: s.file,
    tier: s.tier,
    basis: s.basis,
    annexIII: s.annexIII,
    annexI: s.annexI,
    gpaiModel: s.gpaiModel,
    gaps: s.gaps,
    counts: obligationCounts(s.obligations),
  };
}

/** Obligation counts of one system by status. */
export function obligationCounts(obligations: ObligationCoverage[]): Record<ObligationCoverage['status'], number> {
  const out = { met: 0, partial: 0, gap: 0, 'not-applicable': 0, missing: 0 };
  for (const o of obligations) out[o.status]++;
  return out;
}
