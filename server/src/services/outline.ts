import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { SymbolKind, type DocumentLink, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver-types';
import { findControl } from '../core/catalog/iso';
import { evidenceNodes, resolveEvidence } from '../core/rules/evidence';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { child, entries, text, type Entry } from '../core/yaml/nav';
import type { Kind } from '../core/types';
import type { ServiceConfig } from './config';

function detailOf(key: string, value: Node | null): string | undefined {
  if (isScalar(value)) return text(value);
  if (findControl(key)) return findControl(key)!.title;
  const title = text(child(value, 'title')) ?? text(child(value, 'name')) ?? text(child(value, 'status'));
  return title;
}

function kindOf(key: string, value: Node | null, depth: number): SymbolKind {
  if (depth === 0) return isMap(value) || isSeq(value) ? SymbolKind.Namespace : SymbolKind.Property;
  if (findControl(key)) return SymbolKind.Constant;
  if (/^Art/.test(key)) return SymbolKind.Event;
  return isMap(value) ? SymbolKind.Object : isSeq(value) ? SymbolKind.Array : SymbolKind.Field;
}

/**
 * The mappings whose entries the outline lists without their keys: an SoA is
 * an outline of controls and a register one of risks, each entry with its
 * title and state as detail (the keys inside a control are the same six each
 * time, and listing them made a 10,000-line SoA's outline 2.7 MB).
 */
const ENTRY_LISTS: Partial<Record<Kind, readonly string[]>> = {
  StatementOfApplicability: ['controls', 'additionalControls'],
  RiskRegister: ['risks'],
};

/** A control's title and where it stands: "AI policy — implemented", "… — excluded". */
function controlDetail(key: string, value: Node | null): string | undefined {
  const title = findControl(key)?.title ?? text(child(value, 'title'));
  const state = text(child(value, 'applicable')) === 'false' ? 'excluded' : text(child(value, 'status'));
  return title && state ? `${title} — ${state}` : (title ?? state);
}

/** The outline: every key, nested, with a short detail (control titles, names, statuses); SoAs and registers by entry. */
export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  const lists = (file.kind && ENTRY_LISTS[file.kind]) ?? [];
  const symbol = (e: Entry, depth: number, children: DocumentSymbol[] | undefined, detail: string | undefined): DocumentSymbol[] => {
    const kr = e.keyNode.range;
    if (!kr) return [];
    const end = e.value?.range?.[1] ?? kr[1];
    return [
      {
        name: e.key,
        detail,
        kind: kindOf(e.key, e.value, depth),
        range: file.lines.range(kr[0], end),
        selectionRange: file.lines.range(kr[0], kr[1]),
        children,
      },
    ];
  };
  const walk = (node: unknown, depth: number): DocumentSymbol[] => {
    if (depth > 6) return [];
    if (isSeq(node)) {
      return node.items.flatMap((n, i) => {
        const item = n as Node;
        if (!isMap(item) || !item.range) return [];
        const name = text(child(item, 'name')) ?? text(child(item, 'date')) ?? `[${i}]`;
        const r = file.lines.range(item.range[0], item.range[1]);
        return [{ name, kind: SymbolKind.Object, range: r, selectionRange: r, children: walk(item, depth + 1) }];
      });
    }
    return entries(node).flatMap((e) => {
      if (depth === 0 && lists.includes(e.key) && isMap(e.value)) {
        const soa = file.kind === 'StatementOfApplicability';
        const items = entries(e.value).flatMap((c) =>
          symbol(c, 1, undefined, soa ? controlDetail(c.key, c.value) : detailOf(c.key, c.value)),
        );
        return symbol(e, depth, items, undefined);
      }
      return symbol(e, depth, isMap(e.value) || isSeq(e.value) ? walk(e.value, depth + 1) : undefined, detailOf(e.key, e.value));
    });
  };
  return walk(file.root, 0);
}

/** Workspace symbols: systems, risks, roles and SoA controls matching a query. */
export function workspaceSymbols(list: WorkspaceIndex[], query: string, cfg: ServiceConfig): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  const add = (name: string, kind: SymbolKind, file: ParsedFile, node: Node, container: string): void => {
    if (q && !name.toLowerCase().includes(q)) return;
    const r = node.range ?? [0, 0];
    out.push({ name, kind, location: { uri: cfg.uriOf(file.path), range: file.lines.range(r[0], r[1]) }, containerName: container });
  };
  for (const ws of list) {
    for (const [id, defs] of ws.systems)
      for (const d of defs) add(`${id} ${text(child(d.value, 'name')) ?? ''}`.trim(), SymbolKind.Class, d.file, d.node, 'AI system');
    for (const [id, defs] of ws.risks)
      for (const d of defs) add(`${id} ${text(child(d.value, 'title')) ?? ''}`.trim(), SymbolKind.Event, d.file, d.node, 'risk');
    for (const [id, d] of ws.roles) add(id, SymbolKind.Variable, d.file, d.node, 'role');
    for (const [id, d] of ws.controls)
      add(
        `${id} ${findControl(id)?.title ?? text(child(d.value, 'title')) ?? ''}`.trim(),
        SymbolKind.Constant,
        d.file,
        d.node,
        'SoA control',
      );
  }
  return out.slice(0, 500);
}

/** Links for evidence paths that stay inside the workspace (others are findings, not links). */
export function documentLinks(file: ParsedFile, ws: WorkspaceIndex, cfg: ServiceConfig): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const n of evidenceNodes(file)) {
    const v = text(n) ?? '';
    const t = resolveEvidence(file, ws.root, v, cfg.fs);
    const r = n.range;
    if (!r) continue;
    if (t.kind === 'path' && cfg.fs.exists(t.path))
      out.push({ range: file.lines.range(r[0], r[1]), target: cfg.uriOf(t.path), tooltip: 'Open evidence' });
    else if (t.kind === 'url' && /^https?:\/\//.test(v)) out.push({ range: file.lines.range(r[0], r[1]), target: v.trim() });
  }
  return out;
}

/** Folding: every mapping or list that spans more than one line. */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 32) return;
    if (isMap(node)) {
      for (const p of node.items) {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        if (k?.range && v?.range && (isMap(v) || isSeq(v))) {
          const start = file.lines.positionAt(k.range[0]).line;
          const end = file.lines.positionAt(Math.max(v.range[0], v.range[1] - 1)).line;
          if (end > start) out.push({ startLine: start, endLine: end });
        }
        walk(v, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const n of node.items) {
        const item = n as Node;
        if (item?.range && isMap(item)) {
          const start = file.lines.positionAt(item.range[0]).line;
          const end = file.lines.positionAt(Math.max(item.range[0], item.range[1] - 1)).line;
          if (end > start) out.push({ startLine: start, endLine: end });
        }
        walk(item, depth + 1);
      }
    }
  };
  walk(file.root, 0);
  return out;
}
