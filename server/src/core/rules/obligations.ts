import { findArticle } from '../catalog/act';
import { DUTIES } from '../catalog/applicability';
import { dateText, dutyArticle, sourcedDate } from '../catalog/applicability-dates';
import type { Classification, SystemProfile } from '../catalog/applicability-eval';
import { undecidedFacts } from '../catalog/applicability-facts';
import { findControl } from '../catalog/iso';
import { formatDate, timelineLabel } from '../catalog/timeline';
import { child, entries, entry, items, text } from '../yaml/nav';
import { isRead, mayHoldMore } from '../yaml/unread';
import { hasEvidence } from './evidence-entries';
import { PLACEHOLDER } from './placeholders';
import type { Rule, RuleContext } from './rule';
import { assessRecord, type AssessedDuty } from './system-record';
import { relatedTo } from './util';

const SYS = ['AISystem'] as const;

function anchor(ctx: RuleContext) {
  const root = ctx.file.root;
  return entry(root, 'obligations')?.keyNode ?? child(child(root, 'classification'), 'tier') ?? entry(root, 'kind')?.keyNode;
}

function title(article: number): string {
  return findArticle(article)?.title ?? '';
}

const missingObligation: Rule = {
  code: 'missing-obligation',
  severity: 'error',
  kinds: SYS,
  summary: 'A duty the Act gives this record (by role, basis, Annex point, facts and date) is missing from its obligations.',
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    for (const d of a.duties) {
      if (!d.required || d.entry) continue;
      const article = dutyArticle(d.duty);
      const siblings = a.duties.filter((o) => o !== d && !o.duty.recordedAt && dutyArticle(o.duty) === article).map((o) => o.duty.ref);
      const hint = d.ambiguous
        ? ` '${d.ambiguous.ref}' is listed, but this record owes ${[d.duty.ref, ...siblings].join(' and ')} separately; list '${d.duty.ref}' on its own.`
        : '';
      ctx.report(
        anchor(ctx),
        `${d.duty.ref} (${title(article)}) applies to ${d.reason} ${dateText(d.date)}, but the record does not address it. Add '${d.duty.ref}' under obligations.${hint}`,
        { data: { article, ref: d.duty.ref } },
      );
    }
  },
};

/** The record in a few words: its roles and what the Act makes of it. */
function recordSummary(p: SystemProfile, c: Classification): string {
  const roles = p.roles.filter(Boolean);
  const what =
    c.subject === 'gpai-model'
      ? 'a general-purpose AI model'
      : c.regime === 'high-risk'
        ? `a high-risk AI system${c.basis === 'annex-iii' ? ` under ${c.annexIII ? p.annexIII : 'Annex III'}` : c.basis === 'annex-i' ? ' under Annex I' : ''}`
        : c.regime === 'derogation'
          ? 'an Annex III system its provider considers not high-risk (Art. 6(3))'
          : 'an AI system that is not high-risk';
  return `this record is ${roles.length ? roles.join(' and ') : 'no operator'} of ${what}`;
}

const notRequired: Rule = {
  code: 'obligation-not-required',
  severity: 'information',
  kinds: SYS,
  summary: 'The record lists a duty the Act does not give it (another role, basis, Annex point or case).',
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    if (a.classification.regime === 'prohibited' || a.classification.regime === 'annex-i-b') return;
    // Never say "not a duty" of an entry that a fact the record leaves out could make one.
    const open = undecidedFacts(a.profile).flatMap((f) => f.decides);
    if (open.some((x) => !x.startsWith('Art. '))) return;
    const maybe = new Set(open.map((x) => /^Art\. (\d+)/.exec(x)![1]));
    if (!a.profile.transparency?.length) maybe.add('50');
    for (const l of a.unmatched) {
      if (maybe.has(l.parts[0])) continue;
      // Marked not applicable, or kept on purpose with a reason (a voluntary assessment): nothing to say.
      if (l.status === 'not-applicable' || (text(child(l.value, 'justification')) ?? '').trim()) continue;
      const rows = DUTIES.filter((d) => dutyArticle(d) === Number(l.parts[0]) && !d.recordedAt);
      if (!rows.length) continue;
      const binds = rows.map((d) => `${d.ref} binds ${d.owedBy}`).join('; ');
      ctx.report(
        l.key,
        `${l.ref} is not a duty the Act gives this record: ${binds}; ${recordSummary(a.profile, a.classification)}. Mark it status: not-applicable, or give a justification if you keep it on purpose (a voluntary measure), or remove it.`,
      );
    }
  },
};

const obligationStatus: Rule = {
  code: 'obligation-missing-status',
  severity: 'warning',
  kinds: SYS,
  summary: 'An obligation without a status.',
  alsoReports: [
    { code: 'obligation-met-without-evidence', severity: 'warning', summary: 'An obligation marked met that names no evidence.' },
    {
      code: 'not-applicable-without-justification',
      severity: 'warning',
      summary: 'An obligation marked not-applicable without a justification.',
    },
  ],
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'obligations'))) {
      const status = child(e.value, 'status');
      if (!status) ctx.report(e.keyNode, `${e.key} has no status; add status: met, partial, gap or not-applicable.`);
      else if (text(status) === 'met' && !hasEvidence(child(e.value, 'evidence'))) {
        ctx.report(status, `${e.key} is marked met but names no evidence; add the documents that show it.`, {
          code: 'obligation-met-without-evidence',
        });
      } else if (text(status) === 'not-applicable') {
        const j = text(child(e.value, 'justification'));
        if (!j || !j.trim() || PLACEHOLDER.test(j)) {
          ctx.report(
            status,
            `${e.key} is marked not-applicable; say why under justification (e.g. the condition of the article that the system does not meet), so a reviewer can check it.`,
            { code: 'not-applicable-without-justification' },
          );
        }
      }
    }
  },
};

const controlExcluded: Rule = {
  code: 'obligation-control-excluded',
  severity: 'error',
  kinds: SYS,
  summary: 'An obligation relies on an ISO control that the SoA excludes.',
  alsoReports: [
    { code: 'obligation-control-not-in-soa', severity: 'warning', summary: 'An obligation cites a control the SoA does not list.' },
  ],
  check(ctx) {
    if (!ctx.ws.soa) return;
    // An SoA with a YAML error in its controls: those it could not read are unknown, not unlisted.
    const unread = mayHoldMore(ctx.ws.soa, 'controls');
    for (const e of entries(child(ctx.file.root, 'obligations'))) {
      for (const n of items(child(e.value, 'controls'))) {
        const id = text(n) ?? '';
        const soa = ctx.ws.controls.get(id);
        if (soa && !isRead(soa.file, soa.node)) continue;
        if (!soa) {
          if (findControl(id) && !unread)
            ctx.report(n, `${e.key} cites ${id}, which the Statement of Applicability does not list.`, {
              code: 'obligation-control-not-in-soa',
            });
        } else if (soa.applicable === false) {
          ctx.report(
            n,
            `${e.key} relies on ${id}, but the Statement of Applicability excludes it. Make the control applicable or rely on other evidence.`,
            {
              related: [relatedTo(soa, `${id} is excluded here`)],
            },
          );
        }
      }
    }
  },
};

const gapAlreadyApplies: Rule = {
  code: 'obligation-gap-in-force',
  severity: 'warning',
  kinds: SYS,
  summary:
    'A duty that already applies to this system on the reference date (Art. 113, Art. 111) is still a gap while the system is on the market.',
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    const market = a.profile.marketDate;
    if (!market || market > ctx.options.asOf) return;
    for (const d of a.duties) {
      const t = d.date.effective;
      if (!d.entry || d.entry.status !== 'gap' || !t.fact || t.fact.date > ctx.options.asOf) continue;
      ctx.report(
        d.entry.key,
        `${d.entry.ref} has applied to this system since ${sourcedDate({ ...t, fact: t.fact })} and the system is on the market, but its status is gap.`,
      );
    }
  },
};

/** The high-risk duties Art. 111(2) defers for this record, if any. */
function deferred(duties: AssessedDuty[]): AssessedDuty | undefined {
  return duties.find((d) => d.duty.when.regime === 'high-risk' && d.date.effective.basis.startsWith('Art. 111(2)'));
}

const legacySystem: Rule = {
  code: 'legacy-system',
  severity: 'information',
  kinds: SYS,
  summary:
    'A high-risk system already on the market before the Art. 111(2) cut-off: its high-risk duties wait for a significant change (or 2 August 2030 for public authorities).',
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    const d = deferred(a.duties);
    if (!d) return;
    const t = d.date.effective;
    const consequence = !t.date
      ? 'Its high-risk duties apply only once its design changes significantly: record the date as significantChange when it does.'
      : t.deadline
        ? `As it is intended to be used by public authorities, its provider and deployer comply with the high-risk duties by ${formatDate(t.date)}.`
        : `Its high-risk duties apply from ${formatDate(t.date)}.`;
    ctx.report(
      child(ctx.file.root, 'marketDate'),
      `${t.basis}${t.reported ? ` (${timelineLabel('omnibus')})` : ''}. ${consequence} Art. 4 and Art. 50 keep their own dates.`,
    );
  },
};

const explanationRight: Rule = {
  code: 'explanation-right',
  severity: 'information',
  kinds: SYS,
  summary:
    'A deployer of an Annex III system: affected persons may ask it for an explanation of decisions (Art. 86), a right the record does not mention.',
  check(ctx) {
    const a = assessRecord(ctx.file, ctx.options);
    const right = a.duties.find((d) => d.duty.kind === 'right' && !d.entry);
    if (!right) return;
    ctx.report(
      anchor(ctx),
      `${right.duty.creates}: a person subject to a decision you take as deployer on the basis of this Annex III system's output, with legal or similarly significant effects on them, may ask you for a clear and meaningful explanation of the system's role and the main elements of the decision, unless Union law already gives that right (Art. 86(3)). It is the affected person's right, not a duty listed for this record; add '${right.duty.ref}' under obligations to record how you answer such requests.`,
    );
  },
};

export const OBLIGATION_RULES: readonly Rule[] = [
  missingObligation,
  notRequired,
  obligationStatus,
  controlExcluded,
  gapAlreadyApplies,
  legacySystem,
  explanationRight,
];
