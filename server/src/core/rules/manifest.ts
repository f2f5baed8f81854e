import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { formatDate } from '../catalog/timeline';
import { KINDS } from '../types';
import { child, entries, entry, items, text } from '../yaml/nav';
import { mayHoldMore } from '../yaml/unread';
import type { Rule } from './rule';
import { isCalendarDate, monthsBefore } from './util';

const MANIFEST = ['AIMS'] as const;

const policyReview: Rule = {
  code: 'policy-review-overdue',
  severity: 'warning',
  kinds: MANIFEST,
  summary: 'The AI policy is past its planned review date (A.2.4).',
  check(ctx) {
    const next = child(child(ctx.file.root, 'policy'), 'nextReview');
    const d = text(next);
    if (d && isCalendarDate(d) && d < ctx.options.asOf) {
      ctx.report(
        next,
        `The AI policy was due for review on ${formatDate(d)} (A.2.4 asks for planned reviews). Review it, record the new approval date and set the next review.`,
      );
    }
  },
};

const recentAudit: Rule = {
  code: 'no-recent-audit',
  severity: 'warning',
  kinds: MANIFEST,
  summary: 'No internal audit in the 12 months before the reference date (clause 9.2).',
  check(ctx) {
    const audits = entry(ctx.file.root, 'audits');
    const since = monthsBefore(ctx.options.asOf, 12);
    const dates = items(audits?.value).map((a) => text(child(a, 'date')) ?? '');
    // Audits past a YAML error are unknown, not absent.
    if (dates.some((d) => d >= since && d <= ctx.options.asOf) || mayHoldMore(ctx.file, 'audits')) return;
    const last = dates
      .filter((d) => d <= ctx.options.asOf)
      .sort()
      .pop();
    ctx.report(
      audits?.keyNode ?? entry(ctx.file.root, 'kind')?.keyNode,
      `No internal audit since ${formatDate(since)}${last ? ` (the last was on ${formatDate(last)})` : ''}. Clause 9.2 asks for internal audits at planned intervals; record one under audits.`,
    );
  },
};

const managementReview: Rule = {
  code: 'no-management-review',
  severity: 'warning',
  kinds: MANIFEST,
  summary: 'No management review in the 12 months before the reference date (clause 9.3).',
  check(ctx) {
    const reviews = entry(ctx.file.root, 'managementReviews');
    const since = monthsBefore(ctx.options.asOf, 12);
    if (
      items(reviews?.value).some((r) => {
        const d = text(child(r, 'date')) ?? '';
        return d >= since && d <= ctx.options.asOf;
      }) ||
      mayHoldMore(ctx.file, 'managementReviews')
    )
      return;
    ctx.report(
      reviews?.keyNode ?? entry(ctx.file.root, 'kind')?.keyNode,
      `No management review since ${formatDate(since)}. Clause 9.3 asks top management to review the AIMS at planned intervals; record it under managementReviews.`,
    );
  },
};

const nonconformityOverdue: Rule = {
  code: 'nonconformity-overdue',
  severity: 'warning',
  kinds: MANIFEST,
  summary: 'An open nonconformity is past its due date (clause 10.2).',
  check(ctx) {
    for (const nc of entries(child(ctx.file.root, 'nonconformities'))) {
      const due = child(nc.value, 'due');
      const d = text(due);
      if (d && isCalendarDate(d) && d < ctx.options.asOf && text(child(nc.value, 'status')) !== 'closed') {
        ctx.report(
          due,
          `Nonconformity ${nc.key} was due on ${formatDate(d)} and is not closed. Complete the corrective action (clause 10.2) or record a new due date with the reason.`,
        );
      }
    }
  },
};

const auditFindingUnknown: Rule = {
  code: 'audit-finding-unknown',
  severity: 'error',
  kinds: MANIFEST,
  summary: 'An audit names a finding that is not under `nonconformities`.',
  check(ctx) {
    const known = new Set(entries(child(ctx.file.root, 'nonconformities')).map((e) => e.key));
    for (const a of items(child(ctx.file.root, 'audits'))) {
      for (const f of items(child(a, 'findings'))) {
        const id = text(f) ?? '';
        if (!known.has(id))
          ctx.report(
            f,
            `Audit finding '${id}' is not recorded under nonconformities; add it there with its corrective action (clause 10.2).`,
          );
      }
    }
  },
};

const objectiveOverdue: Rule = {
  code: 'objective-overdue',
  severity: 'information',
  kinds: MANIFEST,
  summary: 'An AI objective is past its due date (clause 6.2).',
  check(ctx) {
    for (const o of entries(child(ctx.file.root, 'objectives'))) {
      const due = child(o.value, 'due');
      const d = text(due);
      if (d && isCalendarDate(d) && d < ctx.options.asOf) {
        ctx.report(due, `Objective ${o.key} was due on ${formatDate(d)}. Record whether it was met and set the next target (clause 6.2).`);
      }
    }
  },
};

const riskCriteria: Rule = {
  code: 'invalid-risk-criteria',
  severity: 'error',
  kinds: MANIFEST,
  summary: 'Risk criteria with repeated levels or an acceptable score outside the matrix.',
  check(ctx) {
    const rc = child(ctx.file.root, 'riskCriteria');
    if (!rc) return;
    const l = items(child(rc, 'likelihood')).map((n) => text(n) ?? '');
    const i = items(child(rc, 'impact')).map((n) => text(n) ?? '');
    for (const [key, list] of [
      ['likelihood', l],
      ['impact', i],
    ] as const) {
      const dup = list.find((v, k) => list.indexOf(v) !== k);
      if (dup) ctx.report(child(rc, key), `The ${key} level '${dup}' appears twice; each level must be distinct.`);
    }
    const accNode = child(rc, 'acceptable');
    const acc = Number(text(accNode));
    if (accNode && l.length && i.length && Number.isFinite(acc) && acc > l.length * i.length) {
      ctx.report(
        accNode,
        `acceptable is ${acc}, but the highest possible score is ${l.length * i.length} (${l.length} × ${i.length}); every risk would be acceptable.`,
      );
    }
  },
};

const DATE_KEYS = new Set(['approvedOn', 'nextReview', 'date', 'due', 'marketDate', 'reviewedOn', 'dueDate', 'closedOn', 'expires']);

const invalidDate: Rule = {
  code: 'invalid-date',
  severity: 'error',
  kinds: KINDS,
  summary: 'A date that is not a real calendar date (e.g. 2026-02-30).',
  alsoReports: [{ code: 'audit-in-future', severity: 'warning', summary: 'An audit or review dated after the reference date.' }],
  check(ctx) {
    const visit = (node: Node | null | undefined, depth: number): void => {
      if (!node || depth > 32) return;
      if (isMap(node)) {
        for (const p of node.items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          const v = p.value as Node | null;
          if (DATE_KEYS.has(k) && isScalar(v)) {
            const s = text(v) ?? '';
            if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !isCalendarDate(s))
              ctx.report(v, `${s} is not a calendar date; write a real date as YYYY-MM-DD.`);
          } else visit(v, depth + 1);
        }
      } else if (isSeq(node)) for (const n of node.items) visit(n as Node, depth + 1);
    };
    visit(ctx.file.root, 0);
    if (ctx.file.kind !== 'AIMS') return;
    for (const key of ['audits', 'managementReviews']) {
      for (const a of items(child(ctx.file.root, key))) {
        const dn = child(a, 'date');
        const d = text(dn);
        if (d && isCalendarDate(d) && d > ctx.options.asOf) {
          ctx.report(
            dn,
            `This ${key === 'audits' ? 'audit' : 'management review'} is dated ${formatDate(d)}, after the reference date; record it once it has taken place (plan it elsewhere).`,
            {
              code: 'audit-in-future',
            },
          );
        }
      }
    }
  },
};

export const MANIFEST_RULES: readonly Rule[] = [
  policyReview,
  recentAudit,
  managementReview,
  nonconformityOverdue,
  auditFindingUnknown,
  objectiveOverdue,
  riskCriteria,
  invalidDate,
];
