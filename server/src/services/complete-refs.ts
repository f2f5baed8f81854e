import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import {
  allAnnexes,
  allArticles,
  allDefinitions,
  annexIIIAreas,
  definitionByNumber,
  findAnnex,
  findArticle,
  paragraphOf,
} from '../core/catalog/act';
import { ANNEX_III_SHORT } from '../core/catalog/applicability-points';
import { allClauses, allControls } from '../core/catalog/iso';
import type { ControlState } from '../core/coverage-types';

/**
 * Act references built step by step as the user types: `Art. ` → articles,
 * `Art. 17(` → paragraphs, `Art. 17(1)(` → points, `Annex ` → annexes,
 * `Annex III(` → areas, `Annex III(5)(` → use cases. Returns undefined when
 * the prefix is not the start of an Act reference.
 */
export function actRefItems(prefix: string): { items: CompletionItem[]; replaceFrom: number } | undefined {
  const p = prefix;
  let m = /^(art(?:icle)?\.?\s*)(\d*)$/i.exec(p);
  if (m) {
    return {
      replaceFrom: 0,
      items: allArticles().map((a) => ({
        label: `Art. ${a.number}`,
        kind: CompletionItemKind.Reference,
        detail: a.title,
        documentation: `Chapter ${a.chapter} ${a.chapterTitle}${a.sectionTitle ? `, Section ${a.section} ${a.sectionTitle}` : ''}`,
        sortText: String(a.number).padStart(3, '0'),
        filterText: `Art. ${a.number} ${a.title}`,
      })),
    };
  }
  m = /^(art(?:icle)?\.?\s*)(\d+)\((\d*)$/i.exec(p);
  if (m) {
    const a = findArticle(Number(m[2]));
    if (!a) return { items: [], replaceFrom: 0 };
    const base = `Art. ${a.number}`;
    // Article 3 numbers its definitions instead of paragraphs.
    if (a.number === 3) {
      return {
        replaceFrom: 0,
        items: allDefinitions().map((d) => ({
          label: `${base}(${d.number})`,
          kind: CompletionItemKind.Reference,
          detail: d.term,
          sortText: String(d.number).padStart(3, '0'),
          filterText: `${base}(${d.number}) ${d.term}`,
        })),
      };
    }
    if (a.paragraphs === 0) {
      return {
        replaceFrom: 0,
        items: a.points.map((pt, i) => ({
          label: `${base}(${pt})`,
          kind: CompletionItemKind.Reference,
          detail: `${a.title}, point (${pt})`,
          sortText: String(i).padStart(3, '0'),
        })),
      };
    }
    return {
      replaceFrom: 0,
      items: Array.from({ length: a.paragraphs }, (_, i) => ({
        label: `${base}(${i + 1})`,
        kind: CompletionItemKind.Reference,
        detail: `${a.title}, paragraph ${i + 1}`,
        sortText: String(i).padStart(3, '0'),
      })),
    };
  }
  m = /^(art(?:icle)?\.?\s*)(\d+)\((\d+)\)\(([a-z]*)$/i.exec(p);
  if (m) {
    const a = findArticle(Number(m[2]));
    if (a?.number === 3) {
      const d = definitionByNumber(Number(m[3]));
      return {
        replaceFrom: 0,
        items: (d?.points ?? []).map((pt, i) => ({
          label: `Art. 3(${d!.number})(${pt})`,
          kind: CompletionItemKind.Reference,
          detail: `${d!.term}, point (${pt})`,
          sortText: String(i).padStart(3, '0'),
        })),
      };
    }
    const para = a ? paragraphOf(a, Number(m[3])) : undefined;
    if (!a || !para) return { items: [], replaceFrom: 0 };
    return {
      replaceFrom: 0,
      items: para.points.map((pt, i) => ({
        label: `Art. ${a.number}(${para.number})(${pt})`,
        kind: CompletionItemKind.Reference,
        detail: `${a.title}, paragraph ${para.number}, point (${pt})`,
        sortText: String(i).padStart(3, '0'),
      })),
    };
  }
  m = /^annex\s*([ivx]*)$/i.exec(p);
  if (m) {
    return {
      replaceFrom: 0,
      items: allAnnexes().map((a) => ({
        label: `Annex ${a.id}`,
        kind: CompletionItemKind.Reference,
        detail: a.title,
        sortText: String(a.number).padStart(2, '0'),
      })),
    };
  }
  m = /^annex\s+i\((\d*)$/i.exec(p);
  if (m) {
    // Annex I: points 1 to 20, run on across Section A (1-12) and Section B (13-20).
    const annex = findAnnex('I')!;
    return {
      replaceFrom: 0,
      items: Object.entries(annex.pointTitles ?? {}).map(([n, title]) => ({
        label: `Annex I(${n})`,
        kind: CompletionItemKind.Reference,
        detail: title,
        labelDetails: {
          description: `Section ${annex.sections.find((x) => Number(x.points?.[0]) <= Number(n) && Number(n) <= Number(x.points?.[1]))?.id}`,
        },
        sortText: n.padStart(2, '0'),
      })),
    };
  }
  m = /^annex\s+iii\((\d*)$/i.exec(p);
  if (m) {
    return {
      replaceFrom: 0,
      items: annexIIIAreas().map((a) => ({
        label: `Annex III(${a.point})`,
        kind: CompletionItemKind.Reference,
        detail: a.title,
        sortText: String(a.point),
      })),
    };
  }
  m = /^annex\s+iii\((\d+)\)\(([a-z]*)$/i.exec(p);
  if (m) {
    const area = annexIIIAreas().find((a) => a.point === Number(m[1]));
    return {
      replaceFrom: 0,
      items: (area?.points ?? []).map((pt, i) => {
        const label = `Annex III(${area!.point})(${pt})`;
        const use = ANNEX_III_SHORT[`${area!.point}(${pt})`] ?? '';
        return {
          label,
          kind: CompletionItemKind.Reference,
          labelDetails: { description: use },
          detail: `${area!.title}, point (${pt})`,
          sortText: String(i).padStart(2, '0'),
          filterText: `${label} ${use}`,
        };
      }),
    };
  }
  return undefined;
}

/**
 * Annex III points as complete values (for `annexIII:`), each saying what it
 * covers and found by those words: "credit", "exam" or "recruit" finds the point.
 */
export function annexIIIItems(): CompletionItem[] {
  const uses = annexIIIAreas().flatMap((a) =>
    (a.points.length ? a.points.map((p) => [`(${a.point})(${p})`, `${a.point}(${p})`]) : [[`(${a.point})`, `${a.point}`]]).map(
      ([ref, key]) => ({
        ref: `Annex III${ref}`,
        area: a.title,
        use: ANNEX_III_SHORT[key] ?? '',
      }),
    ),
  );
  return uses.map((u, i) => ({
    label: u.ref,
    kind: CompletionItemKind.Reference,
    labelDetails: { description: u.use },
    detail: u.area,
    sortText: String(i).padStart(2, '0'),
    filterText: `${u.ref} ${u.use} ${u.area}`,
  }));
}

/** Control ids with title and topic; `state` orders applicable/missing ones first. */
export function controlItems(state: (id: string) => ControlState | undefined, firstStates: ControlState[]): CompletionItem[] {
  return allControls().map((c) => {
    const s = state(c.id);
    const first = s !== undefined && firstStates.includes(s);
    return {
      label: c.id,
      kind: CompletionItemKind.Constant,
      detail: c.title,
      labelDetails: { description: s ? `SoA: ${s}` : c.topicTitle },
      documentation: `ISO/IEC 42001 Annex A ${c.topic} ${c.topicTitle}`,
      sortText: `${first ? 0 : 1}${String(c.order).padStart(3, '0')}`,
      filterText: `${c.id} ${c.title}`,
    };
  });
}

export function clauseItems(): CompletionItem[] {
  return allClauses().map((c, i) => ({
    label: c.id,
    kind: CompletionItemKind.Constant,
    detail: c.title,
    sortText: String(i).padStart(3, '0'),
    filterText: `${c.id} ${c.title}`,
  }));
}
