/**
 * Evidence entries in words with their state, as every report, the trees and
 * their tooltips show them. Light on purpose: the client bundles it.
 */
import type { EvidenceStatus, WorkspaceCoverage } from './coverage-types';
import { formatDate } from './format-date';
import { count } from './wording';

/** One evidence entry in words with its state and dates: "x.md (stale: reviewed 1 May 2025, review due 1 May 2026)". */
export function evidenceText(s: EvidenceStatus): string {
  switch (s.state) {
    case 'missing':
      return `${s.path} (missing)`;
    case 'expired':
      return `${s.path} (expired ${formatDate(s.expires!)})`;
    case 'stale':
      return `${s.path} (stale: reviewed ${formatDate(s.reviewedOn!)}, review due ${formatDate(s.reviewDue!)})`;
    default: {
      const dates = [s.reviewedOn && `reviewed ${formatDate(s.reviewedOn)}`, s.expires && `expires ${formatDate(s.expires)}`].filter(
        Boolean,
      );
      return dates.length ? `${s.path} (${dates.join(', ')})` : s.path;
    }
  }
}

/** Counts of evidence entries that are missing, stale and expired, in words ("1 stale, 2 missing"), or '' when none. */
export function evidenceCounts(list: readonly EvidenceStatus[]): string {
  const n = { stale: 0, expired: 0, missing: 0 };
  for (const s of list) if (s.state !== 'ok') n[s.state]++;
  return (['stale', 'expired', 'missing'] as const)
    .filter((k) => n[k])
    .map((k) => `${n[k]} ${k}`)
    .join(', ');
}

/** Every evidence entry of a workspace: its SoA controls', then its systems' obligations'. */
export function workspaceEvidence(c: WorkspaceCoverage): EvidenceStatus[] {
  return [
    ...c.annexA.topics.flatMap((t) => t.controls.flatMap((k) => k.evidenceStatus ?? [])),
    ...c.systems.flatMap((s) => s.obligations.flatMap((o) => o.evidenceStatus ?? [])),
  ];
}

/**
 * The evidence line every report carries, stale and expired told apart from
 * missing: "Evidence: 57 entries: 2 stale, 1 expired, 3 missing. A review holds
 * for P12M (evidenceMaxAge)."
 */
export function evidenceSummary(c: WorkspaceCoverage): string {
  const all = workspaceEvidence(c);
  const counts = evidenceCounts(all);
  const n = count(all.length, 'entry', 'entries');
  const age = c.evidenceMaxAge
    ? `A review holds for ${c.evidenceMaxAge} (evidenceMaxAge).`
    : 'No evidenceMaxAge is set, so only expiry dates make evidence out of date.';
  return `Evidence: ${n}${counts ? `: ${counts}` : ', none stale, expired or missing'}. ${age}`;
}

/** The evidence of a control or obligation in words, each entry with its state ("a.md, b.md (stale: …)"). */
export function evidenceCell(x: { evidence: string[]; evidenceStatus?: EvidenceStatus[] }, separator = ', '): string {
  return (x.evidenceStatus ?? x.evidence.map((path): EvidenceStatus => ({ path, state: 'ok' }))).map(evidenceText).join(separator);
}
