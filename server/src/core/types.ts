/**
 * Plain data types shared by the whole language core. Positions are 0-based
 * line/character pairs (UTF-16 code units), the same shape LSP uses, so hosts
 * pass them through without conversion; the core itself imports nothing from
 * LSP or VS Code.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A related location, e.g. the SoA entry that excludes a control a risk relies on. */
export interface RelatedInfo {
  file: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  /** Stable kebab-case rule code; quick fixes are keyed on it. */
  code: string;
  message: string;
  related?: RelatedInfo[];
  /** Machine-readable payload for quick fixes (e.g. the suggested replacement). */
  data?: Record<string, unknown>;
  /** Marks findings that are about unused/obsolete content (editors fade them). */
  tags?: ('unnecessary' | 'deprecated')[];
}

export type Kind = 'AIMS' | 'StatementOfApplicability' | 'AISystem' | 'RiskRegister';

export const KINDS: readonly Kind[] = ['AIMS', 'StatementOfApplicability', 'AISystem', 'RiskRegister'];

/** Which application timeline of the AI Act dates to use. */
export type Timeline = 'in-force' | 'original';

/** Settings that change what the checker reports. */
export interface CheckOptions {
  /** Reference date, YYYY-MM-DD. Date-dependent rules compare against it. */
  asOf: string;
  /** 'in-force': the Act as amended where the amendment is in force on asOf; 'original': the 2024 text. */
  timeline: Timeline;
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities: Record<string, Severity | 'off'>;
  /** Whether evidence paths must exist on disk. */
  checkEvidence: boolean;
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function defaultOptions(partial: Partial<CheckOptions> = {}): CheckOptions {
  return {
    asOf: partial.asOf ?? today(),
    timeline: partial.timeline ?? 'in-force',
    severities: partial.severities ?? {},
    checkEvidence: partial.checkEvidence ?? true,
  };
}
