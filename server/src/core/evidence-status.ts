import type { Node } from 'yaml';
import type { EvidenceStatus } from './coverage-types';
import { evidenceDates, evidenceEntries, evidenceMaxAge } from './rules/evidence-entries';
import { PLACEHOLDER } from './rules/placeholders';
import type { CheckOptions, Diagnostic } from './types';
import type { WorkspaceIndex } from './workspace';
import type { ParsedFile } from './yaml/parse';

/** The evidence of one control or obligation as coverage shows it. */
export interface JudgedEvidence {
  evidence: string[];
  evidenceStatus: EvidenceStatus[];
  staleEvidence: number;
}

/** Codes that say an evidence path is not in the workspace (reported at the path). */
export const NOT_THERE = new Set(['evidence-missing', 'evidence-outside-workspace']);

/**
 * Judges `evidence:` values for coverage. Existence comes from the findings
 * (so coverage says what the Problems view says, `--no-evidence-check` and
 * severity overrides included); dates are read here with the rules' own
 * function, so a capped list of findings cannot hide a stale entry.
 */
export function evidenceJudge(
  ws: WorkspaceIndex,
  diagnostics: ReadonlyMap<string, readonly Diagnostic[]>,
  options: CheckOptions,
): (file: ParsedFile, value: Node | null | undefined) => JudgedEvidence {
  const maxAge = evidenceMaxAge(ws)?.duration;
  const off = (code: string) => options.severities[code] === 'off';
  const absent = new Map<string, Set<number>>();
  const absentIn = (file: ParsedFile): Set<number> => {
    let set = absent.get(file.path);
    if (!set) {
      set = new Set();
      for (const d of diagnostics.get(file.path) ?? []) if (NOT_THERE.has(d.code)) set.add(file.lines.offsetAt(d.range.start));
      absent.set(file.path, set);
    }
    return set;
  };
  return (file, value) => {
    const evidenceStatus = evidenceEntries(value).map((e): EvidenceStatus => {
      const path = e.path ?? '';
      const d = evidenceDates(e, maxAge, options.asOf);
      const dates = {
        ...(d.reviewedOn && { reviewedOn: d.reviewedOn }),
        ...(d.expires && { expires: d.expires }),
        ...(d.reviewDue && { reviewDue: d.reviewDue }),
      };
      const at = e.pathNode?.range?.[0];
      const missing = !path.trim() || PLACEHOLDER.test(path) || (at !== undefined && absentIn(file).has(at));
      const state = missing
        ? 'missing'
        : d.expired && !off('evidence-expired')
          ? 'expired'
          : d.stale && !off('evidence-stale')
            ? 'stale'
            : 'ok';
      return { path, state, ...dates };
    });
    return {
      evidence: evidenceStatus.map((s) => s.path),
      evidenceStatus,
      staleEvidence: evidenceStatus.filter((s) => s.state === 'stale' || s.state === 'expired').length,
    };
  };
}
