import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import { ROLES } from '../core/catalog/obligations';
import { controlState } from '../core/coverage';
import { KINDS, type Position } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { dirname, isInside, join } from '../core/paths';
import { resolveInside } from '../core/rules/evidence';
import { child, scalarString, text } from '../core/yaml/nav';
import { annexIItems } from './complete-annex-i';
import { actRefItems, annexIIIItems, clauseItems, controlItems } from './complete-refs';
import type { ServiceConfig } from './config';
import { cursorContext, itemSchema, keysSchema, schemaAt, type CursorContext } from './context';
import { fileSnippets, snippetDefaults } from './file-snippets';

type Schema = Record<string, unknown>;

/**
 * Completion at a position: keys valid there and not yet present, enum
 * values, control/clause ids, Act references step by step, ids from the
 * workspace, evidence paths, and snippets for whole entries.
 */
export function complete(file: ParsedFile, ws: WorkspaceIndex, position: Position, cfg: ServiceConfig): CompletionList {
  const ctx = cursorContext(file, position);
  const after = closedAfter(ctx.prefix, file.lines.lineText(position.line).slice(position.character));
  const range: Range = {
    start: { line: position.line, character: position.character - ctx.prefix.length },
    end: { line: position.line, character: position.character + after },
  };
  const items = itemsFor(file, ws, ctx, cfg, position.line).map((i) => ({
    ...i,
    textEdit: i.textEdit ?? { range, newText: i.insertText ?? i.label },
  }));
  return { isIncomplete: false, items };
}

/**
 * How much of the text after the cursor belongs to the reference being typed:
 * the brackets the editor closed for the ones still open in the prefix (with
 * a point letter typed before them). `Art. 26(|)` → 1, so accepting
 * `Art. 26(1)` does not leave `Art. 26(1))`; `Art. 26(|)(a)` → 1 as well.
 */
export function closedAfter(prefix: string, rest: string): number {
  const open = (prefix.match(/\(/g)?.length ?? 0) - (prefix.match(/\)/g)?.length ?? 0);
  if (open <= 0) return 0;
  const m = /^([0-9a-z]*)(\)*)/i.exec(rest)!;
  const closing = Math.min(open, m[2].length);
  return closing ? m[1].length + closing : 0;
}

function itemsFor(file: ParsedFile, ws: WorkspaceIndex, ctx: CursorContext, cfg: ServiceConfig, line: number): CompletionItem[] {
  if (!file.kind) return [...headerItems(ctx), ...(emptyBesides(file, line) && /^[\w-]*$/.test(ctx.before) ? fileItems(cfg) : [])];
  if (ctx.where === 'key') return keyItems(file, ws, ctx, cfg);
  return valueItems(file, ws, ctx, cfg);
}

/** Whether every line but `line` is blank (a new file, perhaps with a few empty lines). */
function emptyBesides(file: ParsedFile, line: number): boolean {
  for (let l = 0; l < file.lines.lineCount; l++) if (l !== line && file.lines.lineText(l).trim()) return false;
  return true;
}

/** The whole-file snippets, offered only at the top of an empty file. */
function fileItems(cfg: ServiceConfig): CompletionItem[] {
  return fileSnippets().map((s, i) => {
    const body = s.body.join('\n');
    return {
      label: s.prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.description,
      documentation: { kind: MarkupKind.PlainText, value: snippetDefaults(body) },
      sortText: `~${String(i).padStart(2, '0')}`,
      ...(cfg.snippetSupport
        ? { insertText: body, insertTextFormat: InsertTextFormat.Snippet }
        : { insertText: snippetDefaults(body), insertTextFormat: InsertTextFormat.PlainText }),
    };
  });
}

function headerItems(ctx: CursorContext): CompletionItem[] {
  if (ctx.where === 'value' && ctx.key === 'kind')
    return KINDS.map((k, i) => ({ label: k, kind: CompletionItemKind.EnumMember, sortText: String(i) }));
  if (ctx.where === 'value' && ctx.key === 'aims') return [{ label: '1', kind: CompletionItemKind.Value, detail: 'format version' }];
  if (ctx.where === 'key' && ctx.path.length === 0) {
    return [
      { label: 'aims', kind: CompletionItemKind.Property, detail: 'format version', insertText: 'aims: 1' },
      { label: 'kind', kind: CompletionItemKind.Property, detail: KINDS.join(' | '), insertText: 'kind: ' },
    ];
  }
  return [];
}

function presentKeys(file: ParsedFile, path: string[]): Set<string> {
  let node: unknown = file.root;
  for (const k of path) {
    const m = node as { get?: (k: string, keep: boolean) => unknown; items?: unknown[] };
    if (m && typeof m.get === 'function') node = m.get(k, true);
    else return new Set();
    // Inside a list of mappings (audits, …) the current item is unknown here: offer every key.
    if (node && (node as { items?: unknown[] }).items && !(node as { get?: unknown }).get) return new Set();
  }
  const out = new Set<string>();
  for (const p of (node as { items?: { key?: { value?: unknown } }[] })?.items ?? []) {
    if (p?.key?.value !== undefined) out.add(scalarString(p.key.value));
  }
  return out;
}

function keyItems(file: ParsedFile, ws: WorkspaceIndex, ctx: CursorContext, cfg: ServiceConfig): CompletionItem[] {
  const last = ctx.path[ctx.path.length - 1];
  // Maps keyed by ids the catalog knows.
  if (file.kind === 'StatementOfApplicability' && ctx.path.length === 1 && last === 'controls') {
    const present = presentKeys(file, ['controls']);
    return [
      ...controlItems((id) => (present.has(id) ? controlState(ws.controls.get(id)) : undefined), [])
        .filter((i) => !present.has(i.label))
        .map((i) =>
          withSnippet(
            i,
            cfg,
            `${i.label}:\n  applicable: \${1|true,false|}\n  justification: \${2}`,
            `${i.label}:\n  applicable: true\n  justification: `,
          ),
        ),
    ];
  }
  if (file.kind === 'AISystem' && ctx.path.length === 1 && last === 'obligations') {
    const refs = actRefItems(ctx.prefix) ?? actRefItems('Art. ');
    return (refs?.items ?? []).map((i) =>
      ctx.prefix.includes('(') || !/^Art\. \d+$/.test(i.label)
        ? i
        : withSnippet(
            i,
            cfg,
            `${i.label}:\n  status: \${1|gap,partial,met,not-applicable|}\n  evidence: [\${2}]\n  controls: [\${3}]`,
            `${i.label}:\n  status: gap`,
          ),
    );
  }
  if (file.kind === 'RiskRegister' && ctx.path.length === 1 && last === 'risks') {
    const next = `R-${ws.risks.size + 1}`;
    return [
      withSnippet(
        { label: next, kind: CompletionItemKind.Snippet, detail: 'new risk' },
        cfg,
        `\${1:${next}}:\n  title: \${2}\n  system: \${3}\n  likelihood: \${4}\n  impact: \${5}\n  treatment: \${6|mitigate,accept,avoid,transfer|}\n  controls: [\${7}]\n  owner: \${8}\n  status: open`,
        `${next}:\n  title: \n  treatment: mitigate\n  status: open`,
      ),
    ];
  }
  const schema = keysSchema(file, schemaAt(file, ctx.path));
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const present = presentKeys(file, ctx.path);
  return Object.entries(props)
    .filter(([k]) => !present.has(k) && k !== 'aims' && k !== 'kind')
    .map(([k, s], i) => ({
      label: k,
      kind: CompletionItemKind.Property,
      detail: typeof s['x-source'] === 'string' ? s['x-source'] : undefined,
      documentation:
        typeof s.description === 'string'
          ? {
              kind: cfg.markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
              value: s.description + (typeof s['x-source'] === 'string' ? `\n\n${s['x-source']}` : ''),
            }
          : undefined,
      insertText: `${k}: `,
      sortText: String(i).padStart(3, '0'),
    }));
}

function withSnippet(item: CompletionItem, cfg: ServiceConfig, snippet: string, plain: string): CompletionItem {
  return cfg.snippetSupport
    ? { ...item, insertText: snippet, insertTextFormat: InsertTextFormat.Snippet }
    : { ...item, insertText: plain, insertTextFormat: InsertTextFormat.PlainText };
}

function idItems(ids: Iterable<string>, kind: CompletionItemKind, detail: (id: string) => string | undefined): CompletionItem[] {
  return [...ids].map((id) => ({ label: id, kind, detail: detail(id) }));
}

function valueItems(file: ParsedFile, ws: WorkspaceIndex, ctx: CursorContext, cfg: ServiceConfig): CompletionItem[] {
  const key = ctx.key ?? '';
  const inControls = key === 'controls' && (file.kind === 'AISystem' || file.kind === 'RiskRegister');
  if (inControls)
    return controlItems(
      (id) => (ws.soa ? controlState(ws.controls.get(id)) : undefined),
      ['implemented', 'partial', 'planned', 'not-started', 'no-status'],
    );
  switch (key) {
    case 'kind':
      return KINDS.map((k) => ({ label: k, kind: CompletionItemKind.EnumMember }));
    case 'owner':
    case 'approvedBy':
      return idItems(ws.roles.keys(), CompletionItemKind.Variable, (id) => {
        return text(child(ws.roles.get(id)?.value, 'title'));
      });
    case 'system':
      return idItems(ws.systems.keys(), CompletionItemKind.Class, (id) => {
        return text(child(ws.systems.get(id)?.[0]?.value, 'name'));
      });
    case 'risks':
      return idItems(ws.risks.keys(), CompletionItemKind.Reference, (id) => {
        return text(child(ws.risks.get(id)?.[0]?.value, 'title'));
      });
    case 'likelihood':
    case 'residualLikelihood':
      return (ws.riskCriteria?.likelihood ?? []).map((l, i) => ({
        label: l,
        kind: CompletionItemKind.EnumMember,
        detail: `rank ${i + 1}`,
        sortText: String(i),
      }));
    case 'impact':
    case 'residualImpact':
      return (ws.riskCriteria?.impact ?? []).map((l, i) => ({
        label: l,
        kind: CompletionItemKind.EnumMember,
        detail: `rank ${i + 1}`,
        sortText: String(i),
      }));
    case 'annexIII':
      return annexIIIItems();
    case 'annexI':
      return annexIItems();
    case 'clause':
      return clauseItems();
    case 'operatorRoles':
      return ROLES.map((r) => ({ label: r, kind: CompletionItemKind.EnumMember }));
    case 'evidence':
    case 'document':
    case 'assessment':
      return evidenceItems(file, ws.root, ctx, cfg);
    case 'path':
      if (ctx.path[ctx.path.length - 1] === 'evidence') return evidenceItems(file, ws.root, ctx, cfg);
      break;
    case 'reviewedOn':
      return [{ label: cfg.options.asOf, kind: CompletionItemKind.Value, detail: 'the reference date' }];
  }
  if (file.kind === 'AISystem' && ctx.path[0] === 'obligations' && ctx.path.length === 1) {
    const refs = actRefItems(ctx.prefix);
    if (refs) return refs.items;
  }
  let schema = schemaAt(file, [...ctx.path, key]);
  if (ctx.where === 'item') schema = itemSchema(file, schema) ?? schema;
  const values = (schema?.enum as unknown[] | undefined) ?? (schema?.type === 'boolean' ? [true, false] : undefined);
  return (values ?? []).map((v, i) => ({ label: String(v), kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(2, '0') }));
}

/** Files and folders next to the document, for evidence paths (inside the workspace only, links out included). */
function evidenceItems(file: ParsedFile, root: string, ctx: CursorContext, cfg: ServiceConfig): CompletionItem[] {
  if (!cfg.fs.list) return [];
  const typed = ctx.prefix.replace(/^["']/, '');
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const lexical = join(dirname(file.path), dirPart);
  const dir = isInside(root, lexical) ? resolveInside(root, lexical, cfg.fs) : undefined;
  if (typeof dir !== 'string') return [];
  return cfg.fs
    .list(dir)
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({
      label: dirPart + n,
      kind: n.endsWith('/') ? CompletionItemKind.Folder : CompletionItemKind.File,
      command: n.endsWith('/') ? { title: 'more', command: 'editor.action.triggerSuggest' } : undefined,
    }));
}
