import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { findArticle } from '../core/catalog/act';
import { allControls } from '../core/catalog/iso';
import { assessRecord } from '../core/rules/system';
import type { Node } from 'yaml';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { child, entries, entry } from '../core/yaml/nav';
import type { ServiceConfig } from './config';
import { columnOf, endOfBlock, eol, indentUnit, isBlockMap } from './edits';

/** The source action kind the "Add Missing Controls" command asks for. */
export const ADD_MISSING_CONTROLS = `${CodeActionKind.Source}.aims.addMissingControls`;

const REPLACEABLE = new Set([
  'unknown-key',
  'invalid-value',
  'unknown-kind',
  'soa-unknown-control',
  'soa-title-mismatch',
  'invalid-iso-reference',
  'invalid-act-reference',
  'non-canonical-act-reference',
  'unknown-role',
  'unknown-system',
  'unknown-risk',
  'invalid-likelihood',
  'invalid-impact',
  'annex-i-point-missing',
  'conformity-route-mismatch',
]);

/**
 * Quick fixes keyed on diagnostic codes (never on message text), and the
 * source action that adds every missing Annex A control. Each edit touches
 * only the text it replaces or inserts; comments, order, quoting,
 * indentation and line endings elsewhere stay as they were.
 */
export function codeActions(
  file: ParsedFile,
  _ws: WorkspaceIndex,
  _range: Range,
  context: { diagnostics: Diagnostic[]; only?: string[] },
  cfg: ServiceConfig,
): CodeAction[] {
  const uri = cfg.uriOf(file.path);
  const out: CodeAction[] = [];
  const wants = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });

  for (const d of context.diagnostics) {
    const replacement = (d.data as { replacement?: string } | undefined)?.replacement;
    if (REPLACEABLE.has(String(d.code)) && replacement && wants(CodeActionKind.QuickFix)) {
      const current = file.text.slice(file.lines.offsetAt(d.range.start), file.lines.offsetAt(d.range.end));
      const quoted = /^["']/.test(current)
        ? current[0] + replacement + current[0]
        : needsQuotes(replacement)
          ? JSON.stringify(replacement)
          : replacement;
      out.push({
        title: `Change to '${replacement}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: d.range, newText: quoted }]),
      });
    }
    if (d.code === 'soa-missing-justification' && wants(CodeActionKind.QuickFix)) {
      const fix = addJustification(file, d);
      if (fix) out.push({ title: 'Add a justification', kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([fix]) });
    }
  }
  const missingObligations = context.diagnostics.filter((d) => d.code === 'missing-obligation');
  if (missingObligations.length && wants(CodeActionKind.QuickFix)) {
    const fix = addObligations(file, cfg);
    if (fix)
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: missingObligations,
        isPreferred: true,
        edit: edit(fix.edits),
      });
  }
  if (file.kind === 'StatementOfApplicability') {
    const fix = addMissingControls(file);
    const missingDiags = context.diagnostics.filter((d) => d.code === 'soa-missing-control');
    if (fix && missingDiags.length && wants(CodeActionKind.QuickFix)) {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: missingDiags, edit: edit(fix.edits) });
    }
    if (fix && (wants(ADD_MISSING_CONTROLS) || (context.only?.includes(CodeActionKind.Source) ?? false))) {
      out.push({ title: fix.title, kind: ADD_MISSING_CONTROLS, edit: edit(fix.edits) });
    }
  }
  return out;
}

function needsQuotes(s: string): boolean {
  return /^[\s#&*!|>'"%@`-]|: | #|^(true|false|null|~|yes|no)$/i.test(s) || /^[\d.]+$/.test(s);
}

function addJustification(file: ParsedFile, d: Diagnostic): TextEdit | undefined {
  const offset = file.lines.offsetAt(d.range.start);
  for (const key of ['controls', 'additionalControls']) {
    for (const e of entries(child(file.root, key))) {
      const r = e.keyNode.range;
      if (!r || offset < r[0] || offset > (e.value?.range?.[1] ?? r[1])) continue;
      const j = entry(e.value, 'justification');
      if (j?.value && j.value.range) {
        // Blank justification present: fill its value.
        const empty = j.value.range[0] === j.value.range[1];
        return {
          range: { start: file.lines.positionAt(j.value.range[0]), end: file.lines.positionAt(j.value.range[1]) },
          newText: `${empty && file.text[j.value.range[0] - 1] === ':' ? ' ' : ''}TODO - why this control is included or excluded`,
        };
      }
      if (!isBlockMap(e.value)) return undefined;
      const at = endOfBlock(file, e.value);
      const col = columnOf(file, e.value.items[0].key as never);
      return {
        range: { start: file.lines.positionAt(at), end: file.lines.positionAt(at) },
        newText: `${eol(file)}${' '.repeat(col)}justification: TODO - why this control is included or excluded`,
      };
    }
  }
  return undefined;
}

/** Inserts the missing Annex A controls, each after its predecessor in the standard's order. */
export function addMissingControls(file: ParsedFile): { title: string; edits: TextEdit[] } | undefined {
  const controls = entry(file.root, 'controls');
  if (!controls) return undefined;
  const present = new Map(entries(controls.value).map((e) => [e.key, e]));
  const missing = allControls().filter((c) => !present.has(c.id));
  if (!missing.length) return undefined;
  const nl = eol(file);
  const unit = indentUnit(file);
  const map = controls.value;
  const keyCol = isBlockMap(map) && map.items.length ? columnOf(file, map.items[0].key as never) : columnOf(file, controls.keyNode) + unit;
  const block = (id: string, title: string): string =>
    [
      `${' '.repeat(keyCol)}${id}:`,
      `${' '.repeat(keyCol + unit)}title: ${title}`,
      `${' '.repeat(keyCol + unit)}applicable: true`,
      `${' '.repeat(keyCol + unit)}justification: TODO - why this control is included or excluded`,
      `${' '.repeat(keyCol + unit)}status: not-started`,
    ].join(nl);
  const edits: TextEdit[] = [];
  if (!isBlockMap(map) || map.items.length === 0) {
    return {
      title: `Add ${missing.length} missing Annex A control${missing.length === 1 ? '' : 's'}`,
      edits: [blockAfterKey(file, controls.keyNode, missing.map((c) => block(c.id, c.title)).join(nl))],
    };
  }
  // Group missing controls by the present entry they follow (catalogue order).
  const order = allControls();
  const groups = new Map<string | undefined, string[]>();
  for (const c of missing) {
    const before = order
      .slice(0, c.order)
      .reverse()
      .find((o) => present.has(o.id))?.id;
    groups.set(before, [...(groups.get(before) ?? []), c.id]);
  }
  for (const [after, ids] of groups) {
    const text = ids.map((id) => block(id, order.find((c) => c.id === id)!.title)).join(nl);
    if (after) {
      const e = present.get(after)!;
      const endNode = e.value ?? e.keyNode;
      const p = file.lines.positionAt(Math.max(0, (endNode.range?.[1] ?? 0) - 1));
      const eolPos = { line: p.line, character: file.lines.lineText(p.line).length };
      edits.push({ range: { start: eolPos, end: eolPos }, newText: nl + text });
    } else {
      const first = file.lines.positionAt(map.items[0].key ? (map.items[0].key as { range: [number, number] }).range[0] : 0);
      const at = { line: first.line, character: 0 };
      edits.push({ range: { start: at, end: at }, newText: text + nl });
    }
  }
  return { title: `Add ${missing.length} missing Annex A control${missing.length === 1 ? '' : 's'}`, edits };
}

/** Adds every obligation the Act gives the record and it does not address yet, as gaps to fill. */
export function addObligations(file: ParsedFile, cfg: ServiceConfig): { title: string; edits: TextEdit[] } | undefined {
  const missing = assessRecord(file, cfg.options)
    .duties.filter((d) => d.required && !d.entry)
    .map((d) => ({ ref: d.duty.ref, article: Number(/^Art\. (\d+)/.exec(d.duty.ref)![1]) }));
  if (!missing.length) return undefined;
  const nl = eol(file);
  const unit = indentUnit(file);
  const obligations = entry(file.root, 'obligations');
  const lines = (col: number): string =>
    missing
      .map((o) => `${' '.repeat(col)}${o.ref}:  # ${findArticle(o.article)?.title ?? ''}${nl}${' '.repeat(col + unit)}status: gap`)
      .join(nl);
  const title = `Add the ${missing.length} obligation${missing.length === 1 ? '' : 's'} the AI Act gives this system`;
  if (!obligations) {
    const end = file.text.length;
    const prefix = file.text.endsWith('\n') ? '' : nl;
    return {
      title,
      edits: [
        {
          range: { start: file.lines.positionAt(end), end: file.lines.positionAt(end) },
          newText: `${prefix}obligations:${nl}${lines(unit)}${nl}`,
        },
      ],
    };
  }
  const map = obligations.value;
  if (isBlockMap(map) && map.items.length) {
    const at = file.lines.positionAt(endOfBlock(file, map));
    return { title, edits: [{ range: { start: at, end: at }, newText: nl + lines(columnOf(file, map.items[0].key as never)) }] };
  }
  return { title, edits: [blockAfterKey(file, obligations.keyNode, lines(columnOf(file, obligations.keyNode) + unit))] };
}

/**
 * Replaces an empty value (`key:` or `key: {}`) with a block of lines below
 * the key, keeping a comment at the end of the key's line.
 */
function blockAfterKey(file: ParsedFile, keyNode: Node, block: string): TextEdit {
  const keyEnd = file.lines.positionAt(keyNode.range?.[1] ?? 0);
  const line = file.lines.lineText(keyEnd.line);
  const colon = line.indexOf(':', keyEnd.character);
  const rest = line.slice(colon + 1);
  const comment = /\s#.*$/.exec(rest)?.[0] ?? '';
  return {
    range: { start: { line: keyEnd.line, character: colon + 1 }, end: { line: keyEnd.line, character: line.length } },
    newText: `${comment}${eol(file)}${block}`,
  };
}
