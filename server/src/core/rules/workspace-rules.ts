import type { Node } from 'yaml';
import { closestId } from '../catalog/suggest';
import { KINDS } from '../types';
import { child, entries, entry, text } from '../yaml/nav';
import { mayHoldMore } from '../yaml/unread';
import type { Rule } from './rule';
import { relatedTo } from './util';
import { relative } from '../paths';

const duplicateId: Rule = {
  code: 'duplicate-id',
  severity: 'error',
  kinds: ['AISystem', 'RiskRegister'],
  summary: 'The same AI system or risk id is defined in two places.',
  check(ctx) {
    const isSystem = ctx.file.kind === 'AISystem';
    const maps = isSystem ? ctx.ws.systems : ctx.ws.risks;
    // Only the ids this file defines: scanning every id of the workspace per file was quadratic.
    const own = new Set(isSystem ? [text(child(ctx.file.root, 'id')) ?? ''] : entries(child(ctx.file.root, 'risks')).map((e) => e.key));
    for (const id of own) {
      const defs = maps.get(id);
      if (!defs || defs.length < 2) continue;
      for (const d of defs) {
        if (d.file !== ctx.file) continue;
        const others = defs.filter((o) => o !== d);
        const related = others.map((o) => relatedTo(o, `'${d.id}' is also defined here`));
        // Where the others are, as file:line, so the message alone says where to look.
        const where = related.map((r) => `${relative(ctx.ws.root, r.file)}:${r.range.start.line + 1}`).join(', ');
        ctx.report(
          d.node,
          `${ctx.file.kind === 'AISystem' ? 'AI system' : 'Risk'} id '${d.id}' is also defined in ${where}; ids must be unique in the workspace.`,
          { related },
        );
      }
    }
  },
};

const singletons: Rule = {
  code: 'multiple-manifests',
  severity: 'error',
  kinds: ['AIMS', 'StatementOfApplicability'],
  summary: 'A second AIMS manifest in the same workspace folder.',
  alsoReports: [{ code: 'multiple-soas', severity: 'error', summary: 'A second Statement of Applicability in the same workspace folder.' }],
  check(ctx) {
    const isSoa = ctx.file.kind === 'StatementOfApplicability';
    const list = isSoa ? ctx.ws.soas : ctx.ws.manifests;
    if (list.length < 2 || list[0] === ctx.file) return;
    const first = list[0];
    const kindNode = entry(ctx.file.root, 'kind')?.value;
    const firstKind = entry(first.root, 'kind')?.value as Node;
    ctx.report(
      kindNode,
      `A workspace folder holds one ${isSoa ? 'Statement of Applicability' : 'AIMS manifest'}; this one is ignored in favour of the first. Merge them, or move this file to its own folder.`,
      {
        code: isSoa ? 'multiple-soas' : 'multiple-manifests',
        related: [
          {
            file: first.path,
            range: first.lines.range(firstKind?.range?.[0] ?? 0, firstKind?.range?.[1] ?? 0),
            message: 'the one in force',
          },
        ],
      },
    );
  },
};

const missingManifest: Rule = {
  code: 'missing-manifest',
  severity: 'information',
  kinds: ['StatementOfApplicability', 'AISystem', 'RiskRegister'],
  summary: 'The workspace folder has no AIMS manifest, so roles and risk criteria cannot be checked.',
  alsoReports: [
    {
      code: 'missing-soa',
      severity: 'information',
      summary: 'The workspace folder has no Statement of Applicability, so controls cannot be cross-checked.',
    },
  ],
  check(ctx) {
    const kindNode = entry(ctx.file.root, 'kind')?.value;
    if (!ctx.ws.manifest) {
      ctx.report(
        kindNode,
        "No AIMS manifest (kind: AIMS) in this workspace folder: role ids and risk criteria are not checked. Add one (snippet aims-manifest, or run 'aims init').",
      );
    }
    if (!ctx.ws.soa && ctx.file.kind !== 'StatementOfApplicability') {
      ctx.report(
        kindNode,
        'No Statement of Applicability in this workspace folder: controls cited here are not cross-checked against it.',
        { code: 'missing-soa' },
      );
    }
  },
};

/** The nodes where a file names role ids (owners and approvers), per kind. */
function roleNodes(kind: string | undefined, root: unknown): Node[] {
  const out: Node[] = [];
  const add = (n: Node | null | undefined): void => {
    if (n && text(n) !== undefined) out.push(n);
  };
  switch (kind) {
    case 'StatementOfApplicability':
      add(child(root, 'approvedBy'));
      for (const key of ['controls', 'additionalControls']) for (const e of entries(child(root, key))) add(child(e.value, 'owner'));
      break;
    case 'AISystem':
      add(child(root, 'owner'));
      for (const e of entries(child(root, 'obligations'))) add(child(e.value, 'owner'));
      break;
    case 'RiskRegister':
      for (const e of entries(child(root, 'risks'))) add(child(e.value, 'owner'));
      break;
    case 'AIMS':
      for (const e of entries(child(root, 'objectives'))) add(child(e.value, 'owner'));
      for (const e of entries(child(root, 'nonconformities'))) add(child(e.value, 'owner'));
      break;
  }
  return out;
}

const unknownRole: Rule = {
  code: 'unknown-role',
  severity: 'error',
  kinds: KINDS,
  summary: "An owner or approver that is not a role id of the manifest's `roles`.",
  check(ctx) {
    if (!ctx.ws.manifest) return;
    // Roles past a YAML error in the manifest are unknown, not undefined.
    const unread = mayHoldMore(ctx.ws.manifest, 'roles');
    for (const n of roleNodes(ctx.file.kind, ctx.file.root)) {
      const id = text(n) ?? '';
      if (ctx.ws.roles.has(id) || unread) continue;
      const guess = closestId(id, ctx.ws.roles, 3);
      ctx.report(
        n,
        `'${id}' is not a role of the AIMS manifest${guess ? `; did you mean '${guess}'?` : '.'} Roles: ${[...ctx.ws.roles.keys()].join(', ') || 'none defined'} (clause 5.3).`,
        {
          data: guess ? { replacement: guess } : undefined,
        },
      );
    }
  },
};

/** Role ids named by a file (for navigation and rename). */
export function roleReferences(kind: string | undefined, root: unknown): Node[] {
  return roleNodes(kind, root);
}

export const WORKSPACE_RULES: readonly Rule[] = [duplicateId, singletons, missingManifest, unknownRole];
