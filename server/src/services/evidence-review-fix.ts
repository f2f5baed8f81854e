import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { evidenceDates, evidenceEntries, evidenceLists, evidenceMaxAge, type EvidenceEntry } from '../core/rules/evidence-entries';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import { entries } from '../core/yaml/nav';
import { changesOnly, withValue } from './edit-check';
import { columnOf, eol, indentUnit, insertIntoMapping, lineEnd } from './edits';

/** The codes whose entries the fix marks as reviewed. */
export const REVIEW_CODES = new Set(['evidence-stale', 'evidence-review-date-missing']);

/**
 * "Mark as reviewed": sets `reviewedOn` of the evidence entry a finding is
 * on to the reference date, writing a plain path as `{path, reviewedOn}` (the
 * path byte for byte, in the list's own style). Not offered for an entry past
 * its `expires` date: a review cannot make a lapsed document current, and the
 * new date would only contradict the expiry. Each edit is re-read first
 * (changesOnly): when it would change anything else, no fix is offered.
 */
export function reviewFix(
  file: ParsedFile,
  ws: WorkspaceIndex,
  offset: number,
  date: string,
): { title: string; edits: TextEdit[] } | undefined {
  const found = entryAt(file, offset);
  if (!found) return undefined;
  const { entry: e, dataPath, holder } = found;
  const dates = evidenceDates(e, evidenceMaxAge(ws)?.duration, date);
  if (!e.path?.trim() || dates.expired || dates.reviewedOn === date) return undefined;
  const title = `Mark '${e.path}' as reviewed on ${date}`;
  let edits: TextEdit[] | undefined;
  let check: (data: Record<string, unknown>) => boolean;
  // Re-stamping replaces the old date's text, and nothing else.
  let old: string | undefined;
  if (e.form === 'object') {
    const r = e.reviewedOnNode?.range;
    old = r ? file.text.slice(r[0], r[1]) : undefined;
    edits = e.reviewedOnNode ? replaceScalar(file, e.reviewedOnNode, date) : addReviewedOn(file, e.node as YAMLMap, date);
    check = withValue(file.value(), [...dataPath, 'reviewedOn'], date);
  } else {
    edits = toObject(file, e, holder, date);
    check = withValue(file.value(), dataPath, { path: (e.pathNode as Scalar).value, reviewedOn: date });
  }
  return edits && changesOnly(file, edits, check, (t) => !t.trim() || t === old) ? { title, edits } : undefined;
}

/** The evidence entry holding `offset`, with the data path to it and the node that holds it. */
function entryAt(file: ParsedFile, offset: number): { entry: EvidenceEntry; dataPath: (string | number)[]; holder: Node } | undefined {
  for (const list of evidenceLists(file)) {
    const r = list.value?.range;
    if (!list.value || !r || offset < r[0] || offset > r[1]) continue;
    const all = evidenceEntries(list.value);
    const i = all.findIndex((x) => x.node.range && offset >= x.node.range[0] && offset <= x.node.range[1]);
    if (i < 0) return undefined;
    const inList = isSeq(list.value);
    return {
      entry: all[i],
      dataPath: [...list.keys, 'evidence', ...(inList ? [i] : [])],
      holder: inList ? list.value : (list.holder ?? list.value),
    };
  }
  return undefined;
}

function isFlow(node: Node): boolean {
  return (node as Node & { flow?: boolean }).flow === true;
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

/** A date in place of a scalar's value, inside the quotes it had. */
function replaceScalar(file: ParsedFile, node: Node, date: string): TextEdit[] | undefined {
  const r = node.range;
  if (!r || !isScalar(node) || isBlockScalar(node)) return undefined;
  const src = file.text.slice(r[0], r[1]);
  const q = /^["']/.test(src) ? src[0] : '';
  return [{ range: file.lines.range(r[0], r[1]), newText: `${q}${date}${q}` }];
}

/** `reviewedOn` after `path` in an object entry, in the style the entry is written in. */
function addReviewedOn(file: ParsedFile, map: YAMLMap, date: string): TextEdit[] | undefined {
  const after = entries(map).find((x) => x.key === 'path');
  return after ? insertIntoMapping(file, map, [{ after, entries: [{ key: 'reviewedOn', value: date }] }]) : undefined;
}

/**
 * A plain path as `{path, reviewedOn}`: inside a flow list (or flow mapping)
 * `{ path: x, reviewedOn: d }` in its place; in a block list `- path: x` with
 * `reviewedOn` on the next line (a comment after the path stays on its line);
 * a lone `evidence: x` becomes a block mapping below its key.
 */
function toObject(file: ParsedFile, e: EvidenceEntry, holder: Node, date: string): TextEdit[] | undefined {
  const node = e.node;
  const r = node.range;
  if (!r || !isScalar(node) || isBlockScalar(node)) return undefined;
  const at = (start: number, end: number, newText: string): TextEdit => ({ range: file.lines.range(start, end), newText });
  // Only inserts around the path: not a byte of it is rewritten.
  if (isFlow(holder)) return [at(r[0], r[0], '{ path: '), at(r[1], r[1], `, reviewedOn: ${date} }`)];
  const nl = eol(file);
  const end = lineEnd(file, r[1]);
  if (isSeq(holder)) {
    const pad = ' '.repeat(columnOf(file, node));
    return [at(r[0], r[0], 'path: '), at(end, end, `${nl}${pad}reviewedOn: ${date}`)];
  }
  if (!isMap(holder)) return undefined;
  const key = holder.items.find((p) => p.value === node)?.key as Node | undefined;
  const keyEnd = key?.range?.[1];
  if (!key || keyEnd === undefined) return undefined;
  const colon = file.text.indexOf(':', keyEnd);
  if (colon < 0 || colon >= r[0] || file.text.slice(colon + 1, r[0]).trim()) return undefined;
  const pad = ' '.repeat(columnOf(file, key) + indentUnit(file));
  return [at(colon + 1, r[0], `${nl}${pad}path: `), at(end, end, `${nl}${pad}reviewedOn: ${date}`)];
}
