import { checkActRef, checkIsoRef } from '../catalog/refs';
import { amendedInForce } from '../catalog/timeline';
import { child, entries, entry, items, text } from '../yaml/nav';
import type { Rule, RuleContext } from './rule';
import type { Node } from 'yaml';

/** Act references a record holds: obligation keys and the Annex III point. */
function actRefNodes(ctx: RuleContext): Node[] {
  const root = ctx.file.root;
  const out: Node[] = entries(child(root, 'obligations')).map((e) => e.keyNode);
  const annexIII = child(child(root, 'classification'), 'annexIII');
  if (annexIII && text(annexIII)) out.push(annexIII);
  return out;
}

const invalidActReference: Rule = {
  code: 'invalid-act-reference',
  severity: 'error',
  kinds: ['AISystem'],
  summary: 'An AI Act article, paragraph, point, annex or Annex III point that does not exist.',
  check(ctx) {
    for (const node of actRefNodes(ctx)) {
      const s = text(node) ?? '';
      const r = checkActRef(s, { amended: amendedInForce(ctx.options) });
      if (!r.ok) ctx.report(node, r.message, r.suggestion ? { data: { replacement: r.suggestion } } : undefined);
    }
  },
};

const nonCanonicalActReference: Rule = {
  code: 'non-canonical-act-reference',
  severity: 'hint',
  kinds: ['AISystem'],
  summary: 'An Act reference written in another form than the canonical `Art. N(p)(x)`.',
  check(ctx) {
    for (const node of actRefNodes(ctx)) {
      const s = text(node) ?? '';
      const r = checkActRef(s, { amended: amendedInForce(ctx.options) });
      if (r.ok && r.ref.canonical !== s) {
        ctx.report(node, `Write '${r.ref.canonical}' (the canonical form) rather than '${s}'.`, { data: { replacement: r.ref.canonical } });
      }
    }
  },
};

const invalidIsoReference: Rule = {
  code: 'invalid-iso-reference',
  severity: 'error',
  kinds: ['AISystem', 'RiskRegister', 'AIMS'],
  summary: 'An ISO/IEC 42001 control or clause id that does not exist.',
  check(ctx) {
    const root = ctx.file.root;
    const lists: Node[] = [];
    if (ctx.file.kind === 'AISystem')
      for (const o of entries(child(root, 'obligations'))) for (const c of items(child(o.value, 'controls'))) lists.push(c);
    if (ctx.file.kind === 'RiskRegister')
      for (const r of entries(child(root, 'risks'))) for (const c of items(child(r.value, 'controls'))) lists.push(c);
    for (const n of lists) {
      const r = checkIsoRef(text(n) ?? '', { controls: true, topics: false, clauses: false });
      if (!r.ok) ctx.report(n, r.message, r.suggestion ? { data: { replacement: r.suggestion } } : undefined);
    }
    if (ctx.file.kind === 'AIMS') {
      for (const nc of entries(child(root, 'nonconformities'))) {
        const clause = entry(nc.value, 'clause');
        const v = text(clause?.value);
        if (!clause || v === undefined) continue;
        const r = checkIsoRef(v);
        if (!r.ok) ctx.report(clause.value, r.message, r.suggestion ? { data: { replacement: r.suggestion } } : undefined);
      }
    }
  },
};

export const REFERENCE_RULES: readonly Rule[] = [invalidActReference, nonCanonicalActReference, invalidIsoReference];
