import { isScalar } from 'yaml';
import { formatDate } from '../catalog/timeline';
import { parseDuration } from '../duration';
import { child } from '../yaml/nav';
import { evidenceDates, evidenceEntries, evidenceLists, evidenceMaxAge } from './evidence-entries';
import { PLACEHOLDER } from './placeholders';
import type { Rule } from './rule';

const maxAge: Rule = {
  code: 'invalid-evidence-max-age',
  severity: 'error',
  kinds: ['AIMS'],
  summary: "The manifest's `evidenceMaxAge` is not an ISO 8601 duration in days, weeks, months or years (P12M, P1Y, P90D).",
  check(ctx) {
    const n = child(ctx.file.root, 'evidenceMaxAge');
    // Other types are the schema's wrong-type finding.
    if (!isScalar(n) || typeof n.value !== 'string') return;
    const r = parseDuration(n.value);
    if (!r.ok)
      ctx.report(n, `evidenceMaxAge '${n.value}' is not an ISO 8601 duration: ${r.why}. Until it is one, no evidence is checked for age.`);
  },
};

/**
 * The dates of evidence entries at the reference date: past `expires`, a
 * review older than the manifest's `evidenceMaxAge`, a review dated in the
 * future, dates that contradict each other, and (a hint) entries without a
 * review date while a maximum age is set.
 */
const evidenceAge: Rule = {
  code: 'evidence-expired',
  severity: 'warning',
  kinds: ['StatementOfApplicability', 'AISystem'],
  summary: 'Evidence is past its `expires` date at the reference date.',
  alsoReports: [
    {
      code: 'evidence-stale',
      severity: 'warning',
      summary: "Evidence was last reviewed longer ago than the manifest's `evidenceMaxAge`, at the reference date.",
    },
    {
      code: 'evidence-reviewed-in-future',
      severity: 'warning',
      summary: 'An evidence review (`reviewedOn`) dated after the reference date.',
    },
    {
      code: 'evidence-expires-before-review',
      severity: 'warning',
      summary: 'An evidence entry whose `expires` date comes before its `reviewedOn` date.',
    },
    {
      code: 'evidence-review-date-missing',
      severity: 'hint',
      summary: 'Evidence without `reviewedOn` while the manifest sets `evidenceMaxAge` (a plain path stays valid).',
    },
  ],
  check(ctx) {
    const age = evidenceMaxAge(ctx.ws);
    const asOf = ctx.options.asOf;
    for (const list of evidenceLists(ctx.file)) {
      for (const e of evidenceEntries(list.value)) {
        // A plain path has no dates: with no maximum age there is nothing to say (most entries of most files).
        if (e.form === 'string' && !age) continue;
        const path = e.path?.trim();
        // No path: the schema's missing key; a template placeholder: reported as such.
        if (!path || PLACEHOLDER.test(path)) continue;
        const d = evidenceDates(e, age?.duration, asOf);
        const name = `Evidence '${path}'`;
        if (d.expired)
          ctx.report(
            e.expiresNode,
            `${name} expired on ${formatDate(d.expires!)}; at the reference date (${formatDate(asOf)}) it no longer shows anything. Replace it with a current document and record when that one expires.`,
          );
        if (d.expiresBeforeReview)
          ctx.report(
            e.expiresNode,
            `${name} expires on ${formatDate(d.expires!)}, before its review on ${formatDate(d.reviewedOn!)}: a review cannot confirm a document that had lapsed. Correct the dates, or replace the document.`,
            { code: 'evidence-expires-before-review' },
          );
        if (d.reviewedInFuture)
          ctx.report(
            e.reviewedOnNode,
            `${name} is marked reviewed on ${formatDate(d.reviewedOn!)}, after the reference date (${formatDate(asOf)}); record a review once it has taken place.`,
            { code: 'evidence-reviewed-in-future' },
          );
        else if (d.stale)
          ctx.report(
            e.reviewedOnNode,
            `${name} was last reviewed on ${formatDate(d.reviewedOn!)}; with evidenceMaxAge ${age!.text} its next review was due by ${formatDate(d.reviewDue!)}. Review it and record the date in reviewedOn.`,
            { code: 'evidence-stale' },
          );
        if (age && e.reviewedOnNode === undefined)
          ctx.report(
            e.pathNode ?? e.node,
            `${name} has no review date, so its age cannot be checked against evidenceMaxAge ${age.text}. Once it has been reviewed, ${e.form === 'string' ? 'write it as {path: …, reviewedOn: YYYY-MM-DD}' : 'record the date in reviewedOn'}.`,
            { code: 'evidence-review-date-missing' },
          );
      }
    }
  },
};

export const EVIDENCE_AGE_RULES: readonly Rule[] = [maxAge, evidenceAge];
