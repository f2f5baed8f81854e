import type { Node } from 'yaml';
import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import { escapeMarkdown as esc, markdownToPlain } from '../core/escape-markdown';
import type { Position } from '../core/types';
import type { Definition, WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { child, items, pathAt, text } from '../core/yaml/nav';
import type { ServiceConfig } from './config';
import { idAt, matching, type Occurrence } from './navigation';

/** Files named in a hover before the rest are summed up as "and N more". */
const MAX_FILES = 8;

/**
 * Hovers on the workspace's own ids and on status values: a role, system or
 * risk id says what it is, where it is defined and what refers to it (with
 * counts and links); a status value says what it means in the column it is
 * in (the SoA's ISO/IEC 42001 statuses are not the AI Act obligations').
 * Undefined when the cursor is on neither, so other hovers get their turn.
 */
export function idHover(file: ParsedFile, ws: WorkspaceIndex, position: Position, cfg: ServiceConfig): Hover | undefined {
  // Where the cursor is depends on this file alone: looking through 10,000 others for it made every hover slow.
  const at = idAt(file, { ...ws, files: [file] }, position);
  if (at && at.kind !== 'control') return render(idParts(at.kind, at.id, ws, cfg), rangeOf(file, at.node), cfg);
  const offset = file.lines.offsetAt(position);
  const steps = pathAt(file.root, offset);
  const last = steps[steps.length - 1];
  if (last && !last.onKey && last.key === 'status' && last.node?.range) {
    const parts = statusParts(
      file,
      steps.map((s) => s.key),
      text(last.node) ?? '',
    );
    if (parts) return render(parts, rangeOf(file, last.node), cfg);
  }
  return undefined;
}

function rangeOf(file: ParsedFile, node: Node): Range {
  const r = node.range ?? [0, 0, 0];
  return file.lines.range(r[0], r[1]);
}

function render(parts: string[], range: Range, cfg: ServiceConfig): Hover {
  const md = parts.join('\n\n');
  return {
    contents: {
      kind: cfg.markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
      // Plain text keeps a link's words and drops its target and the marks.
      value: cfg.markdown ? md : markdownToPlain(md.replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')),
    },
    range,
  };
}

type IdKind = 'role' | 'system' | 'risk';
const KIND_NAME: Record<IdKind, string> = { role: 'role', system: 'AI system', risk: 'risk' };

function idParts(kind: IdKind, id: string, ws: WorkspaceIndex, cfg: ServiceConfig): string[] {
  const link = linker(ws, cfg);
  const all = matching(ws, kind, id);
  const defs = all.filter((o) => o.definition);
  const refs = all.filter((o) => !o.definition);
  // While the folder is still being read, absence proves nothing: say so rather than "not defined".
  const unknown = cfg.partial
    ? `the workspace is still being read; where this ${KIND_NAME[kind]} is defined is not known yet`
    : `no ${KIND_NAME[kind]} with this id is defined in this workspace`;
  const parts = [`**${esc(id)}**: ${describe(kind, id, ws) ?? unknown}`];
  if (defs.length === 1) parts.push(`Defined in ${link(defs[0])}.`);
  else if (defs.length > 1) parts.push(`Defined ${defs.length} times (ids must be unique): ${defs.map(link).join(', ')}.`);
  parts.push((cfg.partial ? 'In the files read so far: ' : '') + referredBy(kind, refs, link));
  return parts;
}

/** What a defined id stands for, from its definition. */
function describe(kind: IdKind, id: string, ws: WorkspaceIndex): string | undefined {
  // Record text is quoted as text: escaped, never Markdown or HTML of its own.
  const field = (d: Definition | undefined, k: string): string | undefined => {
    const v = text(child(d?.value, k));
    return v === undefined ? undefined : esc(v);
  };
  if (kind === 'role') {
    const d = ws.roles.get(id);
    if (!d) return undefined;
    const title = field(d, 'title');
    const holder = field(d, 'holder');
    return `role${title ? ` _${title}_` : ''}${holder ? `, held by ${holder}` : ''} (from the manifest's \`roles\`).`;
  }
  if (kind === 'system') {
    const d = ws.systems.get(id)?.[0];
    if (!d) return undefined;
    const cls = child(d.value, 'classification');
    const tier = esc(text(child(cls, 'tier')) ?? '');
    const annex = esc(text(child(cls, 'annexIII')) ?? '');
    const roles = items(child(d.value, 'operatorRoles')).map((n) => esc(text(n) ?? ''));
    const name = field(d, 'name');
    return [
      `AI system${name ? ` _${name}_` : ''}`,
      tier ? `risk tier ${tier}${annex ? ` (${annex})` : ''}` : 'risk tier not given',
      roles.length ? `operator roles ${roles.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(', ')
      .concat('.');
  }
  const d = ws.risks.get(id)?.[0];
  if (!d) return undefined;
  const title = field(d, 'title');
  const system = field(d, 'system');
  const likelihood = field(d, 'likelihood');
  const impact = field(d, 'impact');
  const status = field(d, 'status');
  return [
    `risk${title ? ` _${title}_` : ''}`,
    system && `of system ${system}`,
    likelihood && impact && `likelihood ${likelihood}, impact ${impact}`,
    status && `status ${status}`,
  ]
    .filter(Boolean)
    .join(', ')
    .concat('.');
}

/** "Referred to 5 times in 3 files: a (2), b (2), c (1)." with links to the first place in each file. */
function referredBy(kind: IdKind, refs: Occurrence[], link: (o: Occurrence) => string): string {
  if (refs.length === 0) return `Nothing in the workspace refers to this ${KIND_NAME[kind]} yet.`;
  const byFile = new Map<ParsedFile, Occurrence[]>();
  for (const r of refs) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const files = [...byFile.values()];
  const listed = files.slice(0, MAX_FILES).map((list) => `${link(list[0])}${list.length > 1 ? ` (${list.length})` : ''}`);
  const more = files.length > MAX_FILES ? `, and ${files.length - MAX_FILES} more file${files.length - MAX_FILES === 1 ? '' : 's'}` : '';
  const times = `${refs.length} time${refs.length === 1 ? '' : 's'}`;
  return `Referred to ${times} in ${files.length} file${files.length === 1 ? '' : 's'}: ${listed.join(', ')}${more}.`;
}

/** A link to a place in the workspace, labelled with the path relative to the folder and the line. */
function linker(ws: WorkspaceIndex, cfg: ServiceConfig): (o: Occurrence) => string {
  return (o) => {
    const p = o.file.path;
    const rel = p.startsWith(ws.root + '/') ? p.slice(ws.root.length + 1) : p;
    const line = rangeOf(o.file, o.node).start.line + 1;
    return `[${esc(rel)}:${line}](${cfg.uriOf(p)}#L${line})`;
  };
}

/** What each status means, per column. */
const ISO_STATUS: Record<string, string> = {
  implemented: 'the control is in place, with evidence named under `evidence`',
  partial: 'the control is in place for part of its scope; an auditor will ask what is missing and by when',
  planned: 'the organisation has decided to implement the control and it is scheduled, not yet in place',
  'not-started': 'the control applies but no work on it has begun',
};
const ACT_STATUS: Record<string, string> = {
  met: 'the organisation holds the obligation fulfilled for this system and names its evidence (ISO/IEC 42001 evidence can support it, never satisfy it)',
  partial: 'part of what the article requires is done and part is still open',
  gap: 'not fulfilled yet: counted as a gap when the Act gives the record this duty, by its roles and the Act’s own conditions',
  'not-applicable': 'the record states that the obligation does not apply to this system; say why in the entry',
};
const RISK_STATUS: Record<string, string> = {
  open: 'identified, treatment not yet in place',
  treated: 'the chosen treatment is in place; the residual risk is what remains',
  accepted: 'the residual risk was accepted as it is (acceptance of residual risks: clause 6.1.3)',
  closed: 'no longer relevant (the system or the cause is gone)',
};
const NC_STATUS: Record<string, string> = {
  open: 'found, corrective action not yet begun',
  'in-progress': 'the corrective action is under way',
  closed: 'the corrective action is done and its effect checked (clause 10.2)',
};

function table(rows: Record<string, string>, current: string): string {
  return Object.entries(rows)
    .map(([k, v]) => `- ${k === current ? `**\`${k}\`**` : `\`${k}\``}: ${v}`)
    .join('\n');
}

/** The status value's meaning in the column it is in, and the other column's words beside it. */
function statusParts(file: ParsedFile, path: (string | number)[], value: string): string[] | undefined {
  const [top] = path;
  if (file.kind === 'StatementOfApplicability' && (top === 'controls' || top === 'additionalControls') && path.length === 3) {
    return [
      `**${value}** in a Statement of Applicability: the ISO/IEC 42001 implementation status of the control (clause 6.1.3).`,
      table(ISO_STATUS, value),
      `An AI system record uses other words for AI Act obligations: ${Object.keys(ACT_STATUS)
        .map((k) => `\`${k}\``)
        .join(', ')}. A control's status says nothing by itself about an obligation of the Act.`,
    ];
  }
  if (file.kind === 'AISystem' && top === 'obligations' && path.length === 3) {
    return [
      `**${value}** in an AI system record: where this EU AI Act obligation stands for the system, as the organisation assesses it.`,
      table(ACT_STATUS, value),
      `The Statement of Applicability uses other words for ISO/IEC 42001 controls: ${Object.keys(ISO_STATUS)
        .map((k) => `\`${k}\``)
        .join(', ')}.`,
    ];
  }
  if (file.kind === 'RiskRegister' && top === 'risks' && path.length === 3)
    return [`**${value}**: where the risk's treatment stands (clauses 6.1.2, 6.1.3, 8.3).`, table(RISK_STATUS, value)];
  if (file.kind === 'AIMS' && top === 'nonconformities' && path.length === 3)
    return [`**${value}**: where the corrective action for this nonconformity stands (clause 10.2).`, table(NC_STATUS, value)];
  return undefined;
}
