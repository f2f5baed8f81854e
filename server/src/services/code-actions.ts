import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { findArticle } from '../core/catalog/act';
import { allControls } from '../core/catalog/iso';
import { assessRecord } from '../core/rules/system';
import { byArticle, newRoute } from '../core/templates';
import { isMap, isScalar, isSeq } from 'yaml';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { child, entries, entry, type Entry } from '../core/yaml/nav';
import type { ServiceConfig } from './config';
import { changesOnly, withValue } from './edit-check';
import { addEntries, insertEntries, needsQuotes, yamlScalar, type NewEntry } from './edits';
import { REVIEW_CODES, reviewFix } from './evidence-review-fix';

/** The source action kind the "Add Missing Controls" command asks for. */
export const ADD_MISSING_CONTROLS = `${CodeActionKind.Source}.aims.addMissingControls`;

const REPLACEABLE = new Set([
  'unknown-key',
  'invalid-value',
  'unknown-kind',
  'soa-unknown-control',
  'soa-title-mismatch',
  'soa-title-variant',
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
  ws: WorkspaceIndex,
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
        // One token for the one the finding names: the only fixes auto-fix may apply unasked.
        isPreferred: true,
        edit: edit([{ range: d.range, newText: quoted }]),
      });
    }
    if (d.code === 'soa-missing-justification' && wants(CodeActionKind.QuickFix)) {
      const fix = addJustification(file, d);
      if (fix) out.push({ title: 'Add a justification', kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(fix) });
    }
    // Not preferred: saying a document was reviewed is the user's statement, never auto-fix's.
    if (REVIEW_CODES.has(String(d.code)) && wants(CodeActionKind.QuickFix)) {
      const fix = reviewFix(file, ws, file.lines.offsetAt(d.range.start), cfg.options.asOf);
      if (fix) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(fix.edits) });
    }
  }
  // Not preferred: adding obligations (or controls, or a placeholder) is a decision, so auto-fix never applies it.
  const missingObligations = context.diagnostics.filter((d) => d.code === 'missing-obligation');
  if (missingObligations.length && wants(CodeActionKind.QuickFix)) {
    const fix = addObligations(file, cfg);
    if (fix)
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: missingObligations,
        edit: edit(fix.edits),
      });
  }
  if (file.kind === 'StatementOfApplicability') {
    const missingDiags = context.diagnostics.filter((d) => d.code === 'soa-missing-control');
    const asQuickFix = missingDiags.length > 0 && wants(CodeActionKind.QuickFix);
    const asSource = wants(ADD_MISSING_CONTROLS) || (context.only?.includes(CodeActionKind.Source) ?? false);
    // Made only when asked for: the fix is checked by reading the edited text (see changesOnly).
    const fix = asQuickFix || asSource ? addMissingControls(file) : undefined;
    if (fix && asQuickFix) {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: missingDiags, edit: edit(fix.edits) });
    }
    if (fix && asSource) {
      out.push({ title: fix.title, kind: ADD_MISSING_CONTROLS, edit: edit(fix.edits) });
    }
  }
  return out;
}

const TODO_JUSTIFICATION = 'TODO - why this control is included or excluded';
const TODO_YAML = yamlScalar(TODO_JUSTIFICATION, true);

/**
 * Fills a blank justification or adds a missing one. A blank value is replaced
 * by the placeholder and nothing else: a comment after it, the block-scalar
 * lines below it and the next key stay as they are.
 */
function addJustification(file: ParsedFile, d: Diagnostic): TextEdit[] | undefined {
  const offset = file.lines.offsetAt(d.range.start);
  for (const section of ['controls', 'additionalControls']) {
    for (const e of entries(child(file.root, section))) {
      const r = e.keyNode.range;
      if (!r || offset < r[0] || offset > (e.value?.range?.[1] ?? r[1])) continue;
      const j = entry(e.value, 'justification');
      const items = entries(e.value);
      const edits = j
        ? fillBlank(file, j, TODO_JUSTIFICATION)
        : insertEntries(file, e, [{ after: items[items.length - 1], entries: [{ key: 'justification', value: TODO_YAML }] }]);
      return edits && changesOnly(file, edits, withValue(file.value(), [section, e.key, 'justification'], TODO_JUSTIFICATION))
        ? edits
        : undefined;
    }
  }
  return undefined;
}

/** Inserts the missing Annex A controls, each after its predecessor in the standard's order. */
export function addMissingControls(file: ParsedFile): { title: string; edits: TextEdit[] } | undefined {
  const controls = entry(file.root, 'controls');
  if (!controls) return undefined;
  const present = new Map(entries(controls.value).map((e) => [e.key, e]));
  const order = allControls();
  const missing = order.filter((c) => !present.has(c.id));
  if (!missing.length) return undefined;
  // Group missing controls by the present entry they follow (catalogue order); undefined: before the first.
  const groups = new Map<Entry | undefined, NewEntry[]>();
  for (const c of missing) {
    const before = order
      .slice(0, c.order)
      .reverse()
      .find((o) => present.has(o.id))?.id;
    const after = before === undefined ? undefined : present.get(before);
    const list = groups.get(after) ?? [];
    list.push({
      key: c.id,
      value: [
        ['title', yamlScalar(c.title, true)],
        ['applicable', 'true'],
        ['justification', TODO_YAML],
        ['status', 'not-started'],
      ],
    });
    groups.set(after, list);
  }
  const edits = addEntries(
    file,
    'controls',
    [...groups].map(([after, list]) => ({ after, entries: list })),
  );
  if (!edits) return undefined;
  return { title: `Add ${missing.length} missing Annex A control${missing.length === 1 ? '' : 's'}`, edits };
}

/** Adds every obligation the Act gives the record and it does not address yet, as gaps to fill. */
export function addObligations(file: ParsedFile, cfg: ServiceConfig): { title: string; edits: TextEdit[] } | undefined {
  const a = assessRecord(file, cfg.options);
  // In the Regulation's order, Art. 43 with its route: what a new record (templates.ts) lists.
  const missing = a.duties.filter((d) => d.required && !d.entry).sort((x, y) => byArticle(x.duty.ref, y.duty.ref));
  if (!missing.length) return undefined;
  const route = newRoute(a.classification)?.route;
  const added: NewEntry[] = missing.map((d) => ({
    key: d.duty.ref,
    value:
      d.duty.id === 'art-43' && route
        ? [
            ['status', 'gap'],
            ['route', route],
          ]
        : [['status', 'gap']],
    comment: findArticle(Number(/^Art\. (\d+)/.exec(d.duty.ref)![1]))?.title,
  }));
  const title = `Add the ${missing.length} obligation${missing.length === 1 ? '' : 's'} the AI Act gives this system`;
  const items = entries(child(file.root, 'obligations'));
  const edits = addEntries(file, 'obligations', [{ after: items[items.length - 1], entries: added }]);
  if (!edits) return undefined;
  return { title, edits };
}

/**
 * Edits that put `text` in place of a blank value (none, `~`, `''`, an empty
 * block scalar or `{}`), touching nothing around it. Undefined when the value
 * is not blank: then there is something to keep.
 */
function fillBlank(file: ParsedFile, e: Entry, text: string): TextEdit[] | undefined {
  const v = e.value;
  const range = v?.range;
  const src = range ? file.text.slice(range[0], range[1]) : '';
  const replace = (start: number, end: number, newText: string): TextEdit[] => [{ range: file.lines.range(start, end), newText }];
  if (!v || !range || (isScalar(v) && v.value === null && src === '')) {
    const keyEnd = e.keyNode.range?.[1] ?? 0;
    const colon = file.text.indexOf(':', keyEnd);
    if (colon < 0 || file.text.slice(keyEnd, colon).trim()) return undefined;
    return replace(colon + 1, colon + 1, ` ${yamlScalar(text, true)}`);
  }
  if (isScalar(v) && (v.value === null || (typeof v.value === 'string' && !v.value.trim()))) {
    const header = /^[|>][-+0-9]*/.exec(src);
    if (header) return replace(range[0], range[0] + header[0].length, yamlScalar(text, true));
    return replace(range[0], range[1], yamlScalar(text, true));
  }
  if ((isMap(v) || isSeq(v)) && v.items.length === 0 && /^[[{]/.test(src)) return replace(range[0], range[1], yamlScalar(text, true));
  return undefined;
}
