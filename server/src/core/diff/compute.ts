import type { ControlCoverage, ObligationCoverage, SystemCoverage, WorkspaceCoverage } from '../coverage-types';
import { relative } from '../paths';
import { GAP_STATES, isObligationGap } from '../coverage-summary';
import { SEVERITIES, type Diagnostic, type Severity } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { anchorOf } from './anchor';
import { fieldChanges, listOf, type FieldOptions } from './fields';
import {
  DIFF_FORMAT_VERSION,
  type ControlDelta,
  type CountDelta,
  type CoverageDelta,
  type FindingRef,
  type GapRef,
  type ObligationDelta,
  type SystemDelta,
  type SystemRef,
} from './types';

/** One checked version of a workspace: what `checkWorkspace` and `computeCoverage` give for a folder. */
export interface CheckedVersion {
  files: readonly ParsedFile[];
  diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  coverage: WorkspaceCoverage;
}

/** A control state that counts as a gap (as in the coverage's `gaps`). */
const isControlGap = (c: ControlCoverage): boolean => GAP_STATES.has(c.state);
/** A required obligation the record lacks or marks as a gap (as in the system's `gaps`). */

/**
 * The delta between two versions of one AIMS workspace, checked with the same
 * options: controls whose SoA entry changed, gaps opened and closed, systems
 * added, removed or changed (with the obligations gained, lost or changed),
 * findings introduced and fixed. Files are compared by their path relative to
 * each version's folder; systems by id (a record that keeps its file but
 * changes its id is the same system renamed); findings by code, file, the
 * YAML keys leading to them and message, never by line.
 */
export function diffVersions(base: CheckedVersion, head: CheckedVersion, labels: { base: string; head: string }): CoverageDelta {
  const gaps: CoverageDelta['gaps'] = { opened: [], closed: [] };
  const controls = diffControls(base.coverage, head.coverage, gaps);
  const systems = diffSystems(base.coverage, head.coverage, gaps);
  const b = base.coverage;
  const h = head.coverage;
  const count = (f: (c: WorkspaceCoverage) => number): CountDelta => ({ before: f(b), after: f(h) });
  return {
    format: 'aims-diff',
    version: DIFF_FORMAT_VERSION,
    base: { label: labels.base, ...(b.organisation !== undefined && { organisation: b.organisation }) },
    head: { label: labels.head, ...(h.organisation !== undefined && { organisation: h.organisation }) },
    asOf: h.asOf,
    timeline: h.timeline,
    summary: {
      annexA: {
        total: h.annexA.total,
        addressed: count((c) => c.annexA.addressed),
        gaps: count((c) => c.annexA.gaps),
        // Only when a side has an SoA with a YAML error, so the deltas of whole SoAs read as before.
        ...((b.annexA.unread || h.annexA.unread) && { unread: count((c) => c.annexA.unread) }),
      },
      obligationGaps: count((c) => c.systems.reduce((n, s) => n + s.gaps, 0)),
      systems: count((c) => c.systems.length),
      findings: Object.fromEntries(SEVERITIES.map((s) => [s, count((c) => c.findings?.[s] ?? 0)])) as Record<Severity, CountDelta>,
    },
    controls,
    gaps,
    systems,
    findings: diffFindings(base, head),
  };
}

function controlsOf(c: WorkspaceCoverage): ControlCoverage[] {
  return c.annexA.topics.flatMap((t) => t.controls);
}

function diffControls(base: WorkspaceCoverage, head: WorkspaceCoverage, gaps: CoverageDelta['gaps']): ControlDelta[] {
  const before = new Map(controlsOf(base).map((c) => [c.id, c]));
  const out: ControlDelta[] = [];
  for (const a of controlsOf(head)) {
    const b = before.get(a.id);
    // A side whose SoA could not be read there says nothing about the control: no change, gap opened or closed (the summary counts them).
    if (!b || a.state === 'unread' || b.state === 'unread') continue;
    const changes = fieldChanges(b, a, {
      order: ['state', 'applicable', 'status', 'justification', 'owner', 'evidence'],
      lists: ['evidence'],
      // Evidence states and counts follow from the paths and dates: a change shows as the findings it introduces or fixes.
      skip: ['id', 'title', 'topic', 'articles', 'location', 'evidenceStatus', 'staleEvidence'],
    });
    if (changes.length)
      out.push({ id: a.id, title: a.title, topic: a.topic, before: controlSnapshot(b), after: controlSnapshot(a), changes });
    const ref = (c: ControlCoverage): GapRef => ({ type: 'control', id: c.id, title: c.title, state: c.state });
    if (isControlGap(a) && !isControlGap(b)) gaps.opened.push(ref(a));
    if (isControlGap(b) && !isControlGap(a)) gaps.closed.push(ref(b));
  }
  return out;
}

function controlSnapshot(c: ControlCoverage): ControlDelta['before'] {
  return {
    state: c.state,
    ...(c.applicable !== undefined && { applicable: c.applicable }),
    ...(c.status !== undefined && { status: c.status }),
    evidence: listOf(c.evidence),
  };
}

/** Systems keyed by id; an id recorded twice is told apart by its file. */
function keyed(systems: SystemCoverage[], fileOf: (s: SystemCoverage) => string): Map<string, SystemCoverage> {
  const seen = new Map<string, number>();
  for (const s of systems) seen.set(s.id, (seen.get(s.id) ?? 0) + 1);
  return new Map(systems.map((s) => [(seen.get(s.id) ?? 0) > 1 ? `${s.id}\u0000${fileOf(s)}` : s.id, s]));
}

function diffSystems(base: WorkspaceCoverage, head: WorkspaceCoverage, gaps: CoverageDelta['gaps']): CoverageDelta['systems'] {
  const fileB = (s: SystemCoverage) => relative(base.root, s.file);
  const fileH = (s: SystemCoverage) => relative(head.root, s.file);
  const before = keyed(base.systems, fileB);
  const after = keyed(head.systems, fileH);
  const pairs: [SystemCoverage, SystemCoverage][] = [];
  const added: SystemCoverage[] = [];
  for (const [k, s] of after) {
    const b = before.get(k);
    if (b) {
      pairs.push([b, s]);
      before.delete(k);
    } else added.push(s);
  }
  // A record that kept its file but changed its id is the same system, renamed.
  const removed: SystemCoverage[] = [];
  for (const b of before.values()) {
    const i = added.findIndex((s) => fileH(s) === fileB(b));
    if (i >= 0) pairs.push([b, added.splice(i, 1)[0]]);
    else removed.push(b);
  }

  const ref = (s: SystemCoverage, file: string): SystemRef => ({
    id: s.id,
    name: s.name,
    file,
    ...(s.tier !== undefined && { tier: s.tier }),
    ...(s.annexIII !== undefined && { annexIII: s.annexIII }),
    obligations: s.obligations.length,
    gaps: s.gaps,
  });
  for (const s of added) for (const o of s.obligations.filter(isObligationGap)) gaps.opened.push(obligationGap(s, o, 'system-added'));
  for (const s of removed) for (const o of s.obligations.filter(isObligationGap)) gaps.closed.push(obligationGap(s, o, 'system-removed'));

  const changed: SystemDelta[] = [];
  for (const [b, a] of pairs) {
    const changes = fieldChanges(
      { ...b, file: fileB(b) },
      { ...a, file: fileH(a) },
      {
        order: ['id', 'name', 'file', 'tier', 'basis', 'annexIII', 'annexI', 'gpaiModel', 'roles', 'lifecycle', 'owner'],
        lists: ['roles'],
        skip: ['obligations', 'gaps', 'location'],
      },
    );
    const obligations = diffObligations(b, a, gaps);
    if (changes.length || obligations.length) changed.push({ id: a.id, name: a.name, file: fileH(a), changes, obligations });
  }
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  return {
    added: added.map((s) => ref(s, fileH(s))).sort(byId),
    removed: removed.map((s) => ref(s, fileB(s))).sort(byId),
    changed: changed.sort(byId),
  };
}

function obligationGap(s: SystemCoverage, o: ObligationCoverage, via?: 'system-added' | 'system-removed'): GapRef {
  return { type: 'obligation', system: s.id, ref: o.ref, article: o.article, title: o.title, status: o.status, ...(via && { via }) };
}

/** An obligation's controls are compared by id: a control's state changes are the control's own. */
const OBLIGATION_FIELDS: FieldOptions = {
  order: ['status', 'appliesFrom', 'evidence', 'controls'],
  lists: ['evidence', 'controls'],
  skip: [
    'ref',
    'article',
    'title',
    'required',
    'reason',
    'timeline',
    'otherDate',
    'dateNote',
    'location',
    'citation',
    'note',
    'evidenceStatus',
    'staleEvidence',
  ],
  view: (field, v) =>
    field === 'controls' && Array.isArray(v) ? v.map((c: { id?: unknown }) => (c && typeof c === 'object' ? c.id : c)) : v,
};

/** Obligations of one system matched by reference, then by article (a reference may be written more precisely later). */
function diffObligations(bs: SystemCoverage, as: SystemCoverage, gaps: CoverageDelta['gaps']): ObligationDelta[] {
  const rest = [...bs.obligations];
  const take = (pred: (o: ObligationCoverage) => boolean): ObligationCoverage | undefined => {
    const i = rest.findIndex(pred);
    return i >= 0 ? rest.splice(i, 1)[0] : undefined;
  };
  const matched: [ObligationCoverage | undefined, ObligationCoverage | undefined][] = as.obligations.map((a) => [
    take((b) => b.ref === a.ref),
    a,
  ]);
  for (const m of matched) if (!m[0]) m[0] = take((b) => b.article === m[1]!.article);
  matched.push(...rest.map((b): [ObligationCoverage, undefined] => [b, undefined]));

  const out: ObligationDelta[] = [];
  for (const [b, a] of matched) {
    if (a && isObligationGap(a) && !(b && isObligationGap(b))) gaps.opened.push(obligationGap(as, a));
    if (b && isObligationGap(b) && !(a && isObligationGap(a))) gaps.closed.push(obligationGap(bs, b));
    const changes = fieldChanges(b, a, OBLIGATION_FIELDS);
    const wasRequired = !!b?.required;
    const isRequired = !!a?.required;
    const change = isRequired && !wasRequired ? 'gained' : wasRequired && !isRequired ? 'lost' : 'changed';
    if (change === 'changed' && !changes.length) continue;
    const o = (a ?? b)!;
    out.push({
      ref: o.ref,
      article: o.article,
      title: o.title,
      change,
      ...(b && { before: obligationSnapshot(b) }),
      ...(a && { after: obligationSnapshot(a) }),
      changes,
    });
  }
  return out.sort((x, y) => x.article - y.article || x.ref.localeCompare(y.ref));
}

function obligationSnapshot(o: ObligationCoverage): ObligationDelta['before'] {
  return {
    status: o.status,
    required: o.required,
    ...(o.appliesFrom !== undefined && { appliesFrom: o.appliesFrom }),
    ...(o.dateNote !== undefined && { dateNote: o.dateNote }),
    evidence: listOf(o.evidence),
  };
}

/** Every finding of a version with its anchor, sorted by file and position. */
function findingsOf(v: CheckedVersion): FindingRef[] {
  const root = v.coverage.root;
  const out: FindingRef[] = [];
  for (const f of v.files) {
    for (const d of v.diagnostics.get(f.path) ?? []) {
      out.push({
        file: relative(root, f.path),
        range: d.range,
        severity: d.severity,
        code: d.code,
        message: d.message,
        anchor: anchorOf(f, d.range),
      });
    }
  }
  return out.sort(
    (x, y) => x.file.localeCompare(y.file) || x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character,
  );
}

/** Findings of one version that the other lacks, as a multiset (two equal findings need two in the other). */
function diffFindings(base: CheckedVersion, head: CheckedVersion): CoverageDelta['findings'] {
  const key = (f: FindingRef) => JSON.stringify([f.file, f.code, f.anchor, f.message]);
  const only = (mine: FindingRef[], theirs: FindingRef[]): FindingRef[] => {
    const left = new Map<string, number>();
    for (const f of theirs) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
    return mine.filter((f) => {
      const n = left.get(key(f)) ?? 0;
      if (n > 0) left.set(key(f), n - 1);
      return n === 0;
    });
  };
  const b = findingsOf(base);
  const h = findingsOf(head);
  return { introduced: only(h, b), fixed: only(b, h) };
}
