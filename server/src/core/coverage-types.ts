/**
 * Coverage figures computed once by the core and shown by every host: the
 * CLI summary, the server's custom requests (tree views, status item) and the
 * auditor reports. Plain JSON-serialisable data.
 */
import type { Range } from './types';

/** How an Annex A control stands in the workspace's SoA. */
export type ControlState =
  | 'implemented'
  | 'partial'
  | 'planned'
  | 'not-started'
  | 'excluded'
  /** Applicable, but no status given. */
  | 'no-status'
  /** Entry present without a justification (included or excluded). */
  | 'unjustified'
  /** Not in the SoA at all. */
  | 'missing'
  /**
   * Not read: the SoA has a YAML error before its entry (or before its
   * controls end), so whether and how the SoA lists it is unknown.
   */
  | 'unread';

/**
 * How one evidence entry stands at the reference date: 'missing' when it is
 * not in the workspace folder (absent, outside it and never read, or a
 * placeholder), 'expired' past its `expires` date, 'stale' when its last
 * review is older than the manifest's `evidenceMaxAge`, else 'ok' (as far as
 * the checks that ran can tell: existence is not checked with
 * --no-evidence-check, nor for URLs).
 */
export type EvidenceState = 'ok' | 'missing' | 'stale' | 'expired';

export interface EvidenceStatus {
  /** The path or URL as written. */
  path: string;
  state: EvidenceState;
  reviewedOn?: string;
  expires?: string;
  /** The last day the review holds: reviewedOn plus evidenceMaxAge. */
  reviewDue?: string;
}

export interface Location {
  /** Absolute path of the file. */
  file: string;
  range: Range;
}

export interface ControlCoverage {
  id: string;
  title: string;
  topic: string;
  state: ControlState;
  applicable?: boolean;
  status?: string;
  justification?: string;
  owner?: string;
  /** The paths or URLs of the evidence, in either form of entry. */
  evidence: string[];
  /** Each evidence entry with its state, in the order of `evidence`. */
  evidenceStatus: EvidenceStatus[];
  /** Entries that are stale or expired: evidence that is there but out of date, told apart from missing. */
  staleEvidence: number;
  /** Act articles this control supports through the mapping (numbers). */
  articles: number[];
  location?: Location;
}

export interface TopicCoverage {
  id: string;
  title: string;
  controls: ControlCoverage[];
  counts: Record<ControlState, number>;
}

export interface AnnexACoverage {
  topics: TopicCoverage[];
  totals: Record<ControlState, number>;
  /** Controls in the SoA (present and justified) out of 38. */
  addressed: number;
  total: number;
  /** Controls that are missing, unjustified, or applicable without status. */
  gaps: number;
  /** Controls the SoA may list past a YAML error: neither addressed nor gaps (state 'unread'). */
  unread: number;
  /** The SoA's first YAML error (1-based line), when controls past it were not read. */
  yamlError?: { file: string; line: number };
}

/** One obligation of one system: what the Act requires and what the record says. */
export interface ObligationCoverage {
  /** Canonical reference as written in the record, or `Art. N` for a missing one. */
  ref: string;
  article: number;
  title: string;
  /** met | partial | gap | not-applicable, or 'missing' when the record lacks it. */
  status: 'met' | 'partial' | 'gap' | 'not-applicable' | 'missing';
  required: boolean;
  /** Why the Act requires it (role, basis, Annex point, facts), if it does. */
  reason?: string;
  /** The date it applies from, under the timeline in force on the reference date. */
  appliesFrom?: string;
  /** 'original' or 'omnibus': which timeline that date comes from. */
  timeline?: string;
  /** The other timeline's date, where the two differ. */
  otherDate?: string;
  /**
   * The dates in words with where each comes from, amended ones labelled
   * reported: what every host shows beside the date (tree tooltip, reports).
   */
  dateNote?: string;
  evidence: string[];
  /** Each evidence entry with its state, in the order of `evidence`. */
  evidenceStatus: EvidenceStatus[];
  /** Entries that are stale or expired. */
  staleEvidence: number;
  /** ISO controls cited for it, each with its state in the SoA ('unknown': not an Annex A control). */
  controls: { id: string; state: ControlState | 'unknown' }[];
  location?: Location;
  /** The paragraph that creates the duty (e.g. 'Art. 49(1)'), when the Act gives it to this record. */
  citation?: string;
  /** Why it has no date yet (Art. 111(2): waits for a significant change in the system's design). */
  note?: string;
}

export interface SystemCoverage {
  id: string;
  name: string;
  file: string;
  tier?: string;
  basis?: string;
  annexIII?: string;
  /** The Annex I point, `Annex I(11)`, when the record names one. */
  annexI?: string;
  /** The record is about a general-purpose AI model (Chapter V): its duties follow no risk tier. */
  gpaiModel?: boolean;
  roles: string[];
  lifecycle?: string;
  owner?: string;
  obligations: ObligationCoverage[];
  /** Required obligations missing or with status gap. */
  gaps: number;
  location?: Location;
}

/** A system as one line of a summary needs it: what it is, and its obligations counted by status. */
export interface SystemTally extends Pick<SystemCoverage, 'id' | 'file' | 'tier' | 'basis' | 'annexIII' | 'annexI' | 'gpaiModel' | 'gaps'> {
  counts: Record<ObligationCoverage['status'], number>;
}

export interface WorkspaceCoverage {
  root: string;
  asOf: string;
  timeline: string;
  organisation?: string;
  /** The manifest's evidenceMaxAge when it is a valid duration (e.g. 'P12M'): how long a review of evidence holds. */
  evidenceMaxAge?: string;
  annexA: AnnexACoverage;
  systems: SystemCoverage[];
  /** Findings by severity over the whole workspace. */
  findings: { error: number; warning: number; information: number; hint: number };
}
