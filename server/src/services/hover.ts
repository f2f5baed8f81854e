import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import { ACT_ATTRIBUTION, definitionByNumber, findArticle } from '../core/catalog/act';
import { findClause, findControl, findSubObjective, findTopic } from '../core/catalog/iso';
import { articlesForIso } from '../core/catalog/mapping';
import { findTerm, termAt } from '../core/catalog/terms';
import { controlState } from '../core/coverage';
import { escapeMarkdown, markdownToPlain } from '../core/escape-markdown';
import type { Position } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { pathAt } from '../core/yaml/nav';
import type { ServiceConfig } from './config';
import { schemaAt } from './context';
import { actHover } from './hover-act';
import { idHover } from './hover-ids';

const TOKENS: { re: RegExp; type: 'act' | 'control' | 'clause' }[] = [
  { re: /\bArt(?:icle)?\.?\s?\d{1,3}(?:\s?\(\s*[0-9a-z]+\s*\))*/gi, type: 'act' },
  { re: /\bAnnex\s+[IVX]{1,4}\b(?:,?\s+Section\s+[A-Z0-9]\b)?(?:\s?\(\s*[0-9a-z.]+\s*\))*/gi, type: 'act' },
  { re: /(?<![\w.])A\.\d{1,2}(?:\.\d{1,2}){0,2}(?![\w.])/g, type: 'control' },
  { re: /(?<![\w.])(?:10|[4-9])(?:\.\d){0,2}(?![\w.])/g, type: 'clause' },
];

/** The reference or word under the cursor, with its range on the line. */
function tokenAt(
  line: string,
  character: number,
): { text: string; type: 'act' | 'control' | 'clause'; start: number; end: number } | undefined {
  for (const t of TOKENS) {
    for (const m of line.matchAll(t.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (character >= start && character <= end) return { text: m[0], type: t.type, start, end };
    }
  }
  return undefined;
}

/**
 * Hover: controls, clauses and Act references with what they are, the date an
 * article applies from (both timelines) and the ISO evidence behind it; terms
 * with the ISO and Act meanings side by side; keys with what they are for.
 */
export function hover(file: ParsedFile, ws: WorkspaceIndex, position: Position, cfg: ServiceConfig): Hover | null {
  const ids = idHover(file, ws, position, cfg);
  if (ids) return ids;
  const line = file.lines.lineText(position.line);
  const offset = file.lines.offsetAt(position);
  const steps = pathAt(file.root, offset);
  const last = steps[steps.length - 1];
  const bare = line.replace(/#.*$/, (c) => ' '.repeat(c.length));
  const tok = tokenAt(bare, position.character);
  const range = (s: number, e: number): Range => ({
    start: { line: position.line, character: s },
    end: { line: position.line, character: e },
  });
  const md = (parts: string[], r: Range): Hover => ({
    contents: {
      kind: cfg.markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
      value: cfg.markdown ? parts.join('\n\n') : markdownToPlain(parts.join('\n\n')),
    },
    range: r,
  });

  if (tok?.type === 'act') {
    const parts = actHover(tok.text, file, cfg);
    if (parts) return md(parts, range(tok.start, tok.end));
  }
  if (tok?.type === 'control') {
    const parts = controlHover(tok.text, ws);
    if (parts) return md(parts, range(tok.start, tok.end));
  }
  if (tok?.type === 'clause') {
    const c = findClause(tok.text);
    const onClauseValue = last && !last.onKey && (last.key === 'clause' || /\bclause\b/i.test(line));
    if (c && onClauseValue)
      return md([`**ISO/IEC 42001 clause ${c.id}** ${c.title}`, relatedArticles(c.id)].filter(Boolean), range(tok.start, tok.end));
  }
  // Keys: what the field is for.
  if (last?.onKey && last.keyNode?.range) {
    const keyPath = steps.map((s) => String(s.key));
    const s = schemaAt(file, keyPath);
    if (s && typeof s.description === 'string') {
      const r = file.lines.range(last.keyNode.range[0], last.keyNode.range[1]);
      const term = findTerm(String(last.key));
      return md(
        [
          `**${escapeMarkdown(String(last.key))}**: ${s.description}`,
          typeof s['x-source'] === 'string' ? `*${s['x-source']}*` : '',
          ...(term ? termParts(term) : []),
        ].filter(Boolean),
        r,
      );
    }
  }
  if (!tok) {
    // The longest known term around the cursor, so phrases of several words are found from any of them.
    const hit = termAt(bare, position.character);
    if (hit) return md(termParts(hit.term), range(hit.start, hit.end));
  }
  return null;
}

function termParts(term: NonNullable<ReturnType<typeof findTerm>>): string[] {
  const parts = [
    `**${term.term}**: ISO/IEC 42001 and the EU AI Act use this differently.`,
    `| ISO/IEC 42001 | EU AI Act |\n|---|---|\n| ${cell(term.iso)} | ${cell(term.act)} |`,
  ];
  const def = term.actDefinition ? definitionByNumber(term.actDefinition) : undefined;
  if (def) parts.push(`> ${def.text}\n\n— Art. 3(${def.number}). ${ACT_ATTRIBUTION}`);
  parts.push(`*Watch out:* ${term.pitfall}`);
  return parts;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function controlHover(id: string, ws: WorkspaceIndex): string[] | undefined {
  const c = findControl(id);
  if (!c) {
    const t = findTopic(id) ?? findSubObjective(id);
    return t ? [`**ISO/IEC 42001 Annex A ${t.id}** ${t.title}`, relatedArticles(t.id)].filter(Boolean) : undefined;
  }
  const parts = [
    `**${c.id} ${c.title}**`,
    `ISO/IEC 42001 Annex A, ${c.topic} ${c.topicTitle}${c.subObjective ? ` (${c.subObjective})` : ''}`,
  ];
  const rel = relatedArticles(c.id);
  if (rel) parts.push(rel);
  if (ws.soa) {
    const e = ws.controls.get(c.id);
    const state = controlState(e);
    parts.push(
      `In this workspace's SoA: **${state}**${e?.justification ? ` — "${escapeMarkdown(e.justification.length > 160 ? e.justification.slice(0, 157) + '…' : e.justification)}"` : ''}`,
    );
  }
  return parts;
}

function relatedArticles(isoId: string): string {
  const { articles } = articlesForIso(isoId);
  if (!articles.length) return '';
  return `Supplies evidence for (supports, never satisfies): ${articles.map((a) => `Art. ${a} ${findArticle(a)?.title ?? ''}`).join('; ')}`;
}
