/**
 * What a change did to coverage: the delta between two checked versions of
 * one AIMS workspace. Plain JSON-serialisable data; `aims diff --format json`
 * prints it as is, so this is a public shape (docs/diff.md): add fields, never
 * rename or remove them without raising `version`.
 */
import type { Range, Severity } from '../types';

export const DIFF_FORMAT_VERSION = 1;

/** A value before and after the change. */
export interface BeforeAfter<T> {
  before: T;
  after: T;
}

/** One side of the comparison. */
export interface DiffSide {
  /** What was compared: a folder, `main (1a2b3c4d5e6f)`, `working tree`. */
  label: string;
  organisation?: string;
}

/**
 * One field that changed. Scalars give `before`/`after` (absent = not set);
 * lists give the items `added` and `removed`. Fields the diff does not know
 * by name (coverage grows) are compared the same way and reported under
 * their own name.
 */
export type FieldChange =
  | { field: string; before?: string | number | boolean; after?: string | number | boolean }
  | { field: string; added: string[]; removed: string[] };

export interface ControlSnapshot {
  state: string;
  applicable?: boolean;
  status?: string;
  evidence: string[];
}

/** An Annex A control whose SoA entry changed. */
export interface ControlDelta {
  id: string;
  title: string;
  topic: string;
  before: ControlSnapshot;
  after: ControlSnapshot;
  changes: FieldChange[];
}

/** A gap: an Annex A control (missing, unjustified or without status) or a required obligation (missing or gap). */
export type GapRef =
  | { type: 'control'; id: string; title: string; state: string }
  | {
      type: 'obligation';
      system: string;
      ref: string;
      article: number;
      title: string;
      status: string;
      /** Set when the gap came or went with its whole system record. */
      via?: 'system-added' | 'system-removed';
    };

export interface SystemRef {
  id: string;
  name: string;
  /** Path relative to the workspace folder. */
  file: string;
  tier?: string;
  annexIII?: string;
  obligations: number;
  gaps: number;
}

export interface ObligationSnapshot {
  status: string;
  required: boolean;
  appliesFrom?: string;
  /** The date in words with its source, an amended one labelled reported (from the coverage). */
  dateNote?: string;
  evidence: string[];
}

/** One obligation of one system that changed: newly required, no longer required, or its entry changed. */
export interface ObligationDelta {
  ref: string;
  article: number;
  title: string;
  change: 'gained' | 'lost' | 'changed';
  /** Absent when the record neither listed it nor was required to before (or after). */
  before?: ObligationSnapshot;
  after?: ObligationSnapshot;
  changes: FieldChange[];
}

export interface SystemDelta {
  /** The id after the change (a changed id is a field change `id`). */
  id: string;
  name: string;
  file: string;
  changes: FieldChange[];
  obligations: ObligationDelta[];
}

/** A finding, placed in the version it belongs to (introduced: head, fixed: base). */
export interface FindingRef {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  /** The YAML keys leading to the finding: how it is matched across versions, not by line. */
  anchor: string[];
}

export interface CountDelta {
  before: number;
  after: number;
}

export interface CoverageDelta {
  format: 'aims-diff';
  version: number;
  base: DiffSide;
  head: DiffSide;
  asOf: string;
  /** 'original' or 'omnibus': the AI Act timeline the dates follow (same on both sides). */
  timeline: string;
  summary: {
    /** `unread`: controls an SoA's YAML error hides (neither addressed nor gaps), present when either side has any. */
    annexA: { total: number; addressed: CountDelta; gaps: CountDelta; unread?: CountDelta };
    obligationGaps: CountDelta;
    systems: CountDelta;
    findings: Record<Severity, CountDelta>;
  };
  controls: ControlDelta[];
  gaps: { opened: GapRef[]; closed: GapRef[] };
  systems: { added: SystemRef[]; removed: SystemRef[]; changed: SystemDelta[] };
  findings: { introduced: FindingRef[]; fixed: FindingRef[] };
}
