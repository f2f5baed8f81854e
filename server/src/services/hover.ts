import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import { ACT_ATTRIBUTION, annexIIIAreas, findAnnex, findArticle, findDefinition, paragraphOf } from '../core/catalog/act';
import { findClause, findControl, findSubObjective, findTopic } from '../core/catalog/iso';
import { articlesForIso, isoForArticle } from '../core/catalog/mapping';
import { checkActRef } from '../core/catalog/refs';
import { findTerm } from '../core/catalog/terms';
import {
  amendmentNotes,
  applicationDate,
  formatDate,
  OMNIBUS,
  ORIGINAL,
  timelineFor,
  type AmendmentNote,
  type ApplicationDate,
} from '../core/catalog/timeline';
import { controlState } from '../core/coverage';
import { escapeMarkdown, markdownToPlain } from '../core/escape-markdown';
import { highRiskBasis, profileOf } from '../core/rules/system';
import { isCalendarDate } from '../core/rules/util';
import type { Position } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { child, pathAt, text } from '../core/yaml/nav';
import type { ServiceConfig } from './config';
import { schemaAt } from './context';

const TOKENS: { re: RegExp; type: 'act' | 'control' | 'clause' | 'word' }[] = [
  { re: /\bArt(?:icle)?\.?\s?\d{1,3}(?:\(\s*[0-9a-z]+\s*\))*/gi, type: 'act' },
  { re: /\bAnnex\s+[IVX]{1,4}(?:\(\s*[0-9a-z]+\s*\))*/gi, type: 'act' },
  { re: /(?<![\w.])A\.\d{1,2}(?:\.\d{1,2}){0,2}(?![\w.])/g, type: 'control' },
  { re: /(?<![\w.])(?:10|[4-9])(?:\.\d){0,2}(?![\w.])/g, type: 'clause' },
  { re: /[A-Za-z][A-Za-z-]*(?: [a-z]+)?/g, type: 'word' },
];

/** The reference or word under the cursor, with its range on the line. */
function tokenAt(
  line: string,
  character: number,
): { text: string; type: 'act' | 'control' | 'clause' | 'word'; start: number; end: number } | undefined {
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
  const line = file.lines.lineText(position.line);
  const offset = file.lines.offsetAt(position);
  const steps = pathAt(file.root, offset);
  const last = steps[steps.length - 1];
  const tok = tokenAt(
    line.replace(/#.*$/, (c) => ' '.repeat(c.length)),
    position.character,
  );
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
  if (tok?.type === 'word') {
    const term = findTerm(tok.text) ?? findTerm(tok.text.split(' ')[0]);
    if (term) {
      const len = findTerm(tok.text) ? tok.text.length : tok.text.split(' ')[0].length;
      return md(termParts(term), range(tok.start, tok.start + len));
    }
  }
  return null;
}

function termParts(term: NonNullable<ReturnType<typeof findTerm>>): string[] {
  const parts = [
    `**${term.term}**: ISO/IEC 42001 and the EU AI Act use this differently.`,
    `| ISO/IEC 42001 | EU AI Act |\n|---|---|\n| ${cell(term.iso)} | ${cell(term.act)} |`,
  ];
  if (term.actDefinition) {
    const d = findDefinition(term.term) ?? undefined;
    const def = d && d.number === term.actDefinition ? d : undefined;
    if (def) parts.push(`> ${def.text}\n\n— Art. 3(${def.number}). ${ACT_ATTRIBUTION}`);
  }
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

function dateLine(d: ApplicationDate, inForce: 'original' | 'omnibus'): string {
  const lines = [
    `Applies from **${formatDate(d.effective.date)}** (${d.effective.timeline === 'omnibus' ? OMNIBUS.label : ORIGINAL.label}; ${d.effective.basis}).`,
  ];
  if (d.amended && d.amended.date !== d.original.date) {
    const other = d.effective.timeline === 'omnibus' ? d.original : d.amended;
    lines.push(
      `Under ${other.timeline === 'omnibus' ? `the text ${OMNIBUS.label} — reported, Official Journal text not verified here —` : 'the original 2024 text'}: ${formatDate(other.date)}.`,
    );
  }
  lines.push(`Timeline in force on the reference date: ${inForce === 'omnibus' ? OMNIBUS.label : 'the original 2024 text'}.`);
  return lines.join(' ');
}

/** A reported change of the amendment, and whether a grace period covers this record. */
function amendmentLine(n: AmendmentNote, file: ParsedFile): string {
  let line = `${OMNIBUS.label[0].toUpperCase()}${OMNIBUS.label.slice(1)} (reported; Official Journal text not verified here): ${n.change}`;
  const market = file.kind === 'AISystem' ? text(child(file.root, 'marketDate')) : undefined;
  if (n.marketBefore && n.date && market && isCalendarDate(market)) {
    line +=
      market < n.marketBefore
        ? ` This system's market date, ${formatDate(market)}, is before ${formatDate(n.marketBefore)}, so the grace period covers it until ${formatDate(n.date)}.`
        : ` This system's market date, ${formatDate(market)}, is not before ${formatDate(n.marketBefore)}, so the grace period does not cover it.`;
  }
  return line;
}

function actHover(s: string, file: ParsedFile, cfg: ServiceConfig): string[] | undefined {
  const r = checkActRef(s);
  if (!r.ok) return [`**${s}**: ${r.message}`];
  const ref = r.ref;
  if (ref.type === 'annex') {
    const a = findAnnex(ref.annex);
    if (!a) return undefined;
    const parts = [`**Annex ${a.id}** ${a.title}`];
    if (ref.annex === 'III' && ref.point) {
      const area = annexIIIAreas().find((x) => x.point === ref.point);
      if (area)
        parts.push(
          `Point ${area.point}: ${area.heading}${ref.letter ? `, point (${ref.letter})` : ''}. Systems under Annex III are high-risk under Art. 6(2), unless the Art. 6(3) derogation applies.`,
        );
    }
    parts.push(`*Regulation (EU) 2024/1689.*`);
    return parts;
  }
  const a = findArticle(ref.article);
  if (!a) return undefined;
  const parts = [
    `**${ref.canonical}** ${a.title}`,
    `Chapter ${a.chapter} ${a.chapterTitle}${a.sectionTitle ? `, Section ${a.section} ${a.sectionTitle}` : ''}`,
  ];
  if (ref.paragraph) {
    const p = paragraphOf(a, ref.paragraph);
    parts.push(
      `Paragraph ${ref.paragraph} of ${a.paragraphs}${p?.points.length ? `, points (${p.points[0]})–(${p.points[p.points.length - 1]})` : ''}${ref.point ? `; point (${ref.point})` : ''}.`,
    );
  } else if (a.paragraphs) parts.push(`${a.paragraphs} paragraph${a.paragraphs === 1 ? '' : 's'}.`);
  const basis = file.kind === 'AISystem' ? highRiskBasis(profileOf(file).basis) : undefined;
  const d = applicationDate(ref.article, { basis, asOf: cfg.options.asOf, timeline: cfg.options.timeline });
  if (d)
    parts.push(
      dateLine(d, timelineFor(cfg.options.asOf, cfg.options.timeline)) +
        (basis ? ` (for a high-risk system under ${basis === 'annex-i' ? 'Annex I, Art. 6(1)' : 'Annex III, Art. 6(2)'})` : ''),
    );
  for (const ex of a.exceptions) parts.push(`${ex.provision} applies from ${formatDate(ex.appliesFrom)} (${ex.basis}).`);
  for (const n of amendmentNotes(ref.article, ref.paragraph)) parts.push(amendmentLine(n, file));
  const iso = isoForArticle(ref.article);
  if (iso.iso.length) {
    parts.push(`ISO/IEC 42001 evidence that supports it (never satisfies it): ${iso.iso.join(', ')}.`);
  }
  parts.push('*Regulation (EU) 2024/1689; titles © European Union.*');
  return parts;
}
