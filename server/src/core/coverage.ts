import type { Node } from 'yaml';
import { findArticle } from './catalog/act';
import { allControls, allTopics, findControl } from './catalog/iso';
import { articlesForIso } from './catalog/mapping';
import { requiredObligations } from './catalog/obligations';
import { applicationDate, applicationDateText } from './catalog/timeline';
import type {
  AnnexACoverage,
  ControlCoverage,
  ControlState,
  Location,
  ObligationCoverage,
  SystemCoverage,
  TopicCoverage,
  WorkspaceCoverage,
} from './coverage-types';
import { PLACEHOLDER } from './rules/placeholders';
import { highRiskBasis, listedArticles, profileOf } from './rules/system';
import type { CheckOptions, Diagnostic } from './types';
import type { SoaEntry, WorkspaceIndex } from './workspace';
import type { ParsedFile } from './yaml/parse';
import { child, items, text } from './yaml/nav';

const STATES: readonly ControlState[] = [
  'implemented',
  'partial',
  'planned',
  'not-started',
  'excluded',
  'no-status',
  'unjustified',
  'missing',
];

function zero(): Record<ControlState, number> {
  return Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ControlState, number>;
}

function locate(file: ParsedFile, node: Node | null | undefined): Location | undefined {
  const r = node?.range;
  return r ? { file: file.path, range: file.lines.range(r[0], r[1]) } : undefined;
}

/** A control's state from its SoA entry (or its absence). */
export function controlState(e: SoaEntry | undefined): ControlState {
  if (!e) return 'missing';
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

function annexA(ws: WorkspaceIndex): AnnexACoverage {
  const totals = zero();
  const topics: TopicCoverage[] = allTopics().map((t) => {
    const counts = zero();
    const controls: ControlCoverage[] = t.controls.map((c) => {
      const e = ws.controls.get(c.id);
      const state = controlState(e);
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
        evidence: items(child(e?.value, 'evidence')).map((n) => text(n) ?? ''),
        articles: articlesForIso(c.id).articles,
        location: e ? locate(e.file, e.node) : undefined,
      };
    });
    return { id: t.id, title: t.title, controls, counts };
  });
  const gaps = totals.missing + totals.unjustified + totals['no-status'];
  return { topics, totals, addressed: allControls().length - totals.missing - totals.unjustified, total: allControls().length, gaps };
}

function systemCoverage(file: ParsedFile, ws: WorkspaceIndex, options: CheckOptions): SystemCoverage {
  const root = file.root;
  const p = profileOf(file);
  const basis = highRiskBasis(p.basis);
  const listed = listedArticles(file);
  const required = p.tier === 'prohibited' ? [] : requiredObligations(p);
  const articles = [...new Set([...required.map((r) => r.article), ...listed.keys()])].sort((a, b) => a - b);
  const obligations: ObligationCoverage[] = articles.map((article) => {
    const entry = listed.get(article);
    const req = required.find((r) => r.article === article);
    const date = applicationDate(article, { basis, asOf: options.asOf, timeline: options.timeline });
    const other =
      date && date.amended && date.amended.date !== date.original.date
        ? date.effective.timeline === 'omnibus'
          ? date.original
          : date.amended
        : undefined;
    const status = entry ? (text(child(entry.value, 'status')) as ObligationCoverage['status'] | undefined) : 'missing';
    return {
      ref: entry?.ref ?? `Art. ${article}`,
      article,
      title: findArticle(article)?.title ?? '',
      status: status && ['met', 'partial', 'gap', 'not-applicable', 'missing'].includes(status) ? status : 'gap',
      required: !!req,
      reason: req?.reason,
      appliesFrom: date?.effective.date,
      timeline: date?.effective.timeline,
      otherDate: other?.date,
      dateNote: date ? applicationDateText(date, true) : undefined,
      evidence: items(child(entry?.value, 'evidence')).map((n) => text(n) ?? ''),
      controls: items(child(entry?.value, 'controls')).map((n) => {
        const id = text(n) ?? '';
        return { id, state: findControl(id) ? controlState(ws.controls.get(id)) : 'unknown' };
      }),
      location: entry ? locate(file, entry.key) : undefined,
    };
  });
  const idNode = child(root, 'id');
  return {
    id: text(idNode) ?? '',
    name: text(child(root, 'name')) ?? text(idNode) ?? file.path,
    file: file.path,
    tier: p.tier,
    basis: p.basis,
    annexIII: p.annexIII,
    roles: p.roles.filter(Boolean),
    lifecycle: text(child(root, 'lifecycle')),
    owner: text(child(root, 'owner')),
    obligations,
    gaps: obligations.filter((o) => o.required && (o.status === 'missing' || o.status === 'gap')).length,
    location: locate(file, idNode),
  };
}

/**
 * Coverage of one workspace folder: every Annex A control's state, each
 * system's obligations (required and listed) with application dates, and
 * finding counts. The one source of numbers for the CLI, views and reports.
 */
export function computeCoverage(ws: WorkspaceIndex, diagnostics: Map<string, Diagnostic[]>, options: CheckOptions): WorkspaceCoverage {
  const findings = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const list of diagnostics.values()) for (const d of list) findings[d.severity]++;
  return {
    root: ws.root,
    asOf: options.asOf,
    timeline: applicationDate(9, { asOf: options.asOf, timeline: options.timeline })?.effective.timeline ?? 'original',
    organisation: ws.manifest ? text(child(ws.manifest.root, 'organisation')) : undefined,
    annexA: annexA(ws),
    systems: ws.files.filter((f) => f.kind === 'AISystem').map((f) => systemCoverage(f, ws, options)),
    findings,
  };
}
