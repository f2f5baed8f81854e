import type { Node } from 'yaml';
import { findArticle } from './catalog/act';
import { allControls, allTopics, findControl } from './catalog/iso';
import { articlesForIso } from './catalog/mapping';
import { dateNote, dutyArticle } from './catalog/applicability-dates';
import { applicationDate } from './catalog/timeline';
import { formatAnnexI } from './catalog/applicability-points';
import type {
  AnnexACoverage,
  ControlCoverage,
  ControlState,
  Location,
  ObligationCoverage,
  SystemCoverage,
  SystemTally,
  TopicCoverage,
  WorkspaceCoverage,
} from './coverage-types';
import { gapCount, isObligationGap } from './coverage-summary';
import { evidenceJudge, type JudgedEvidence } from './evidence-status';
import { evidenceMaxAge } from './rules/evidence-entries';
import { PLACEHOLDER } from './rules/placeholders';
import { assessRecord, type AssessedDuty, type ListedObligation, type RecordAssessment } from './rules/system-record';
import type { CheckOptions, Diagnostic } from './types';
import type { SoaEntry, WorkspaceIndex } from './workspace';
import type { ParsedFile } from './yaml/parse';
import { child, items, text } from './yaml/nav';
import { mayHoldMore, unreadFrom } from './yaml/unread';

const STATES: readonly ControlState[] = [
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

type EvidenceJudge = ReturnType<typeof evidenceJudge>;
const noEvidence = (): JudgedEvidence => ({ evidence: [], evidenceStatus: [], staleEvidence: 0 });

function zero(): Record<ControlState, number> {
  return Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ControlState, number>;
}

function locate(file: ParsedFile, node: Node | null | undefined): Location | undefined {
  const r = node?.range;
  return r ? { file: file.path, range: file.lines.range(r[0], r[1]) } : undefined;
}

/**
 * A control's state from its SoA entry (or its absence). With `soa` given, an
 * entry the SoA may hold past a YAML error, or one whose block a YAML error
 * cuts, is 'unread': what it says is unknown, so it is neither a gap nor addressed.
 */
export function controlState(e: SoaEntry | undefined, soa?: ParsedFile): ControlState {
  if (!e) return soa && mayHoldMore(soa, 'controls') ? 'unread' : 'missing';
  if (cutByError(e)) return 'unread';
  if (!e.justification || !e.justification.trim() || PLACEHOLDER.test(e.justification)) return 'unjustified';
  if (e.applicable === false) return 'excluded';
  if (e.applicable !== true) return 'unjustified';
  switch (e.status) {
    case 'implemented':
    case 'partial':
    case 'planned':
    case 'not-started':
      return e.status;
    default:
      return 'no-status';
  }
}

/** The line (0-based) of a file's first YAML syntax error: the one `unreadFrom` measures from. */
function yamlErrorLine(file: ParsedFile): number {
  let line = Infinity;
  for (const d of file.syntax) if (d.code === 'yaml-syntax' && d.severity === 'error') line = Math.min(line, d.range.start.line);
  return line;
}

/**
 * Whether a YAML error makes an entry's data unreliable: its block reaches
 * the error line, or holds the line from which the file is unreliable (a line
 * written too deep is read into the one above it). An entry wholly between an
 * enclosing key at the cut and the error reads as written.
 */
function cutByError(e: SoaEntry): boolean {
  const cut = unreadFrom(e.file);
  if (cut === Infinity) return false;
  const lines = e.file.lines;
  const start = e.node.range?.[0];
  const end = e.value?.range?.[1] ?? e.node.range?.[1];
  if (start === undefined || end === undefined) return true;
  const keyLine = lines.positionAt(start).line;
  const endLine = lines.positionAt(Math.max(start, end - 1)).line;
  return endLine >= yamlErrorLine(e.file) || (keyLine <= cut && cut <= endLine);
}

function annexA(ws: WorkspaceIndex, judge: EvidenceJudge): AnnexACoverage {
  const totals = zero();
  const topics: TopicCoverage[] = allTopics().map((t) => {
    const counts = zero();
    const controls: ControlCoverage[] = t.controls.map((c) => {
      const e = ws.controls.get(c.id);
      const state = controlState(e, ws.soa);
      counts[state]++;
      totals[state]++;
      return {
        id: c.id,
        title: c.title,
        topic: t.id,
        state,
        applicable: e?.applicable,
        status: e?.status,
        justification: e?.justification,
        owner: text(child(e?.value, 'owner')),
        ...(e ? judge(e.file, child(e.value, 'evidence')) : noEvidence()),
        articles: articlesForIso(c.id).articles,
        location: e ? locate(e.file, e.node) : undefined,
      };
    });
    return { id: t.id, title: t.title, controls, counts };
  });
  const gaps = gapCount(totals);
  const total = allControls().length;
  const errorLine = ws.soa && totals.unread ? yamlErrorLine(ws.soa) : Infinity;
  return {
    topics,
    totals,
    addressed: total - totals.missing - totals.unjustified - totals.unread,
    total,
    gaps,
    unread: totals.unread,
    yamlError: errorLine === Infinity ? undefined : { file: ws.soa!.path, line: errorLine + 1 },
  };
}

/** What an obligation adds to its entry in the record when the Act requires it: why, and from when. */
type Required = Pick<ObligationCoverage, 'reason' | 'appliesFrom' | 'timeline' | 'otherDate' | 'dateNote' | 'citation' | 'note'>;

/**
 * One obligation's coverage, built as a single literal: every object has the
 * same shape (V8 keeps one hidden class), which a spread of a part built
 * elsewhere did not, and it cost ~15 µs an obligation. The keys keep the
 * order the JSON output has always had.
 */
function obligationCoverage(
  file: ParsedFile,
  ws: WorkspaceIndex,
  judge: EvidenceJudge,
  entry: ListedObligation | undefined,
  ref: string,
  article: number,
  required: boolean,
  r: Required | undefined,
): ObligationCoverage {
  const ev = entry ? judge(file, child(entry.value, 'evidence')) : noEvidence();
  return {
    ref: entry?.ref ?? ref,
    article,
    title: findArticle(article)?.title ?? '',
    status: obligationStatus(entry),
    evidence: ev.evidence,
    evidenceStatus: ev.evidenceStatus,
    staleEvidence: ev.staleEvidence,
    controls: items(child(entry?.value, 'controls')).map((n) => {
      const id = text(n) ?? '';
      return { id, state: findControl(id) ? controlState(ws.controls.get(id), ws.soa) : 'unknown' };
    }),
    location: entry ? locate(file, entry.key) : undefined,
    required,
    reason: r?.reason,
    appliesFrom: r?.appliesFrom,
    timeline: r?.timeline,
    otherDate: r?.otherDate,
    dateNote: r?.dateNote,
    citation: r?.citation,
    note: r?.note,
  };
}

const STATUSES: readonly string[] = ['met', 'partial', 'gap', 'not-applicable', 'missing'];

/** An obligation's status: 'missing' without an entry; an entry without a valid status counts as a gap. */
function obligationStatus(entry: ListedObligation | undefined): ObligationCoverage['status'] {
  if (!entry) return 'missing';
  return entry.status && STATUSES.includes(entry.status) ? (entry.status as ObligationCoverage['status']) : 'gap';
}

/**
 * The duties a system's coverage lists: the ones the Act gives it, and rights and duties waiting for
 * a significant change (Art. 111(2)) only when the record lists them; the Art. 6(4) assessment is
 * recorded under classification.derogation, not here.
 */
function listedDuty(d: AssessedDuty): boolean {
  return !d.duty.recordedAt && (d.required || !!d.entry);
}

/** What a system's coverage says of the record itself (no obligation). */
function systemHead(
  file: ParsedFile,
  a: RecordAssessment,
): Pick<SystemCoverage, 'id' | 'tier' | 'basis' | 'annexIII' | 'annexI' | 'gpaiModel'> {
  const p = a.profile;
  return {
    id: text(child(file.root, 'id')) ?? '',
    tier: p.tier,
    basis: p.basis,
    annexIII: p.annexIII,
    annexI: p.annexI === undefined ? undefined : formatAnnexI(p.annexI),
    gpaiModel: a.classification.subject === 'gpai-model' || undefined,
  };
}

/**
 * A system's summary line without its coverage: the same counts as
 * `tallyOf(systemCoverage(…))` (test/cli/coverage-detail.test.ts), without
 * building, dating and judging the evidence of every obligation.
 */
export function systemTally(file: ParsedFile, options: CheckOptions): SystemTally {
  const a = assessRecord(file, options);
  const counts = { met: 0, partial: 0, gap: 0, 'not-applicable': 0, missing: 0 };
  let gaps = 0;
  for (const d of a.duties) {
    if (!listedDuty(d)) continue;
    const s = obligationStatus(d.entry);
    counts[s]++;
    if (isObligationGap({ required: d.required, status: s })) gaps++;
  }
  const used = new Set(a.duties.map((d) => d.entry));
  for (const l of a.listed) if (!used.has(l)) counts[obligationStatus(l)]++;
  const { id, ...head } = systemHead(file, a);
  return { id, file: file.path, ...head, gaps, counts };
}

/**
 * One system record's coverage: every obligation its profile requires or it
 * lists. `findings` are the record's own (they say which evidence is missing);
 * with the manifest's evidenceMaxAge and the settings, that is all it depends on.
 */
export function systemCoverage(
  file: ParsedFile,
  ws: WorkspaceIndex,
  options: CheckOptions,
  findings: readonly Diagnostic[] = [],
): SystemCoverage {
  const judge = evidenceJudge(ws, new Map([[file.path, findings]]), options);
  const root = file.root;
  const a = assessRecord(file, options);
  const p = a.profile;
  const obligations: ObligationCoverage[] = [];
  for (const d of a.duties) {
    if (!listedDuty(d)) continue;
    const article = dutyArticle(d.duty);
    const eff = d.date.effective;
    const other = eff.timeline === 'omnibus' ? d.date.original : d.date.amended;
    obligations.push(
      obligationCoverage(file, ws, judge, d.entry, d.duty.ref, article, d.required, {
        reason: d.reason,
        appliesFrom: eff.date,
        // The text the date is taken from (the tree labels 'omnibus' a reported amendment), not the one in force.
        timeline: eff.reported ? 'omnibus' : 'original',
        otherDate: other.date !== eff.date ? other.date : undefined,
        dateNote: dateNote(d.date),
        citation: d.duty.creates,
        note: eff.date ? undefined : `applies only once the system undergoes a significant change in its design (${eff.basis})`,
      }),
    );
  }
  const used = new Set(a.duties.map((d) => d.entry));
  for (const l of a.listed) {
    if (!used.has(l)) obligations.push(obligationCoverage(file, ws, judge, l, l.ref, Number(l.parts[0]), false, undefined));
  }
  obligations.sort((x, y) => x.article - y.article || x.ref.localeCompare(y.ref));
  const idNode = child(root, 'id');
  const { id, ...head } = systemHead(file, a);
  return {
    id,
    name: text(child(root, 'name')) ?? text(idNode) ?? file.path,
    file: file.path,
    ...head,
    roles: p.roles.filter(Boolean),
    lifecycle: text(child(root, 'lifecycle')),
    owner: text(child(root, 'owner')),
    obligations,
    gaps: obligations.filter(isObligationGap).length,
    location: locate(file, idNode),
  };
}

/** A folder's coverage apart from its systems: Annex A, finding counts, dates. */
export function folderCoverage(
  ws: WorkspaceIndex,
  diagnostics: Map<string, Diagnostic[]>,
  options: CheckOptions,
): Omit<WorkspaceCoverage, 'systems'> {
  const findings = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const list of diagnostics.values()) for (const d of list) findings[d.severity]++;
  return {
    root: ws.root,
    asOf: options.asOf,
    timeline: applicationDate(9, { asOf: options.asOf, timeline: options.timeline })?.effective.timeline ?? 'original',
    organisation: ws.manifest ? text(child(ws.manifest.root, 'organisation')) : undefined,
    evidenceMaxAge: evidenceMaxAge(ws)?.text,
    annexA: annexA(ws, evidenceJudge(ws, diagnostics, options)),
    findings,
  };
}

/**
 * Coverage of one workspace folder: every Annex A control's state, each
 * system's obligations (required and listed) with application dates, and
 * finding counts. The one source of numbers for the CLI, views and reports.
 */
export function computeCoverage(ws: WorkspaceIndex, diagnostics: Map<string, Diagnostic[]>, options: CheckOptions): WorkspaceCoverage {
  const { findings, ...head } = folderCoverage(ws, diagnostics, options);
  return {
    ...head,
    systems: ws.files.filter((f) => f.kind === 'AISystem').map((f) => systemCoverage(f, ws, options, diagnostics.get(f.path))),
    findings,
  };
}
