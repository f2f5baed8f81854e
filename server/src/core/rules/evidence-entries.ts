import { isMap, isScalar, type Node } from 'yaml';
import { treeOwner } from '../dormant-file';
import { addDuration, parseDuration, type Duration } from '../duration';
import type { WorkspaceIndex } from '../workspace';
import type { ParsedFile } from '../yaml/parse';
import { child, entries, items, text } from '../yaml/nav';
import { isCalendarDate } from './util';

/**
 * One entry of an `evidence:` list: a plain path or URL, or the object form
 * `{path, reviewedOn, expires}`. Both forms are valid everywhere evidence is
 * listed; every reader of evidence goes through here.
 */
export interface EvidenceEntry {
  /** The list item: the string itself, or the mapping. */
  node: Node;
  form: 'string' | 'object';
  /** The scalar that holds the path or URL (the item itself for a plain string). */
  pathNode?: Node;
  path?: string;
  reviewedOnNode?: Node;
  expiresNode?: Node;
}

/** Entries per `evidence:` value, read once: parsed trees never change, and four rules and coverage read each list. */
const entryCache = new WeakMap<Node, readonly EvidenceEntry[]>();

/** The entries of an `evidence:` value: a list, or a lone string or mapping counting as a list of one. */
export function evidenceEntries(value: Node | null | undefined): readonly EvidenceEntry[] {
  if (!value) return [];
  let out = entryCache.get(value);
  if (!out) entryCache.set(value, (out = readEntries(value)));
  return out;
}

function readEntries(value: Node): EvidenceEntry[] {
  const list = isMap(value) ? [value] : items(value);
  return list.map((node): EvidenceEntry => {
    if (!isMap(node)) return { node, form: 'string', pathNode: isScalar(node) ? node : undefined, path: text(node) };
    const pathNode = child(node, 'path');
    return {
      node,
      form: 'object',
      pathNode: isScalar(pathNode) ? pathNode : undefined,
      path: text(pathNode),
      reviewedOnNode: child(node, 'reviewedOn'),
      expiresNode: child(node, 'expires'),
    };
  });
}

/** Whether an `evidence:` value names at least one path or URL. */
export function hasEvidence(value: Node | null | undefined): boolean {
  return evidenceEntries(value).some((e) => (e.path ?? '').trim() !== '');
}

/** One `evidence:` key of a file. */
export interface EvidenceList {
  /** The keys that lead from the document's root to the mapping that holds `evidence:`. */
  keys: string[];
  /** That mapping (a control's or an obligation's entry). */
  holder: Node | null;
  value: Node | undefined;
}

/** Lists per parsed file, found once (a file is parsed once per text version and never changed). */
const listCache = new WeakMap<ParsedFile, readonly EvidenceList[]>();

/** Where `evidence:` lists are, by kind. */
export function evidenceLists(file: ParsedFile): readonly EvidenceList[] {
  const owner = treeOwner(file);
  let out = listCache.get(owner);
  if (!out) listCache.set(owner, (out = findLists(file)));
  return out;
}

function findLists(file: ParsedFile): EvidenceList[] {
  const out: EvidenceList[] = [];
  const sections =
    file.kind === 'StatementOfApplicability' ? ['controls', 'additionalControls'] : file.kind === 'AISystem' ? ['obligations'] : [];
  for (const section of sections) {
    for (const e of entries(child(file.root, section)))
      out.push({ keys: [section, e.key], holder: e.value, value: child(e.value, 'evidence') });
  }
  return out;
}

/** The manifest's `evidenceMaxAge`, when it is set to a valid duration. */
export function evidenceMaxAge(ws: WorkspaceIndex): { text: string; duration: Duration } | undefined {
  const raw = ws.manifest ? child(ws.manifest.root, 'evidenceMaxAge') : undefined;
  const t = isScalar(raw) && typeof raw.value === 'string' ? raw.value : undefined;
  const parsed = t === undefined ? undefined : parseDuration(t);
  return parsed?.ok ? { text: t!.trim(), duration: parsed.duration } : undefined;
}

/** What an entry's dates say at the reference date (only real calendar dates are read). */
export interface EvidenceDates {
  reviewedOn?: string;
  expires?: string;
  /** The last day the review holds: reviewedOn plus evidenceMaxAge. */
  reviewDue?: string;
  /** Past `expires` (the document is valid through that day). */
  expired: boolean;
  /** Past `reviewDue`. */
  stale: boolean;
  reviewedInFuture: boolean;
  expiresBeforeReview: boolean;
}

export function evidenceDates(e: EvidenceEntry, maxAge: Duration | undefined, asOf: string): EvidenceDates {
  const date = (n: Node | undefined): string | undefined => {
    const t = isScalar(n) ? text(n) : undefined;
    return t && isCalendarDate(t) ? t : undefined;
  };
  const reviewedOn = date(e.reviewedOnNode);
  const expires = date(e.expiresNode);
  const reviewDue = reviewedOn && maxAge ? addDuration(reviewedOn, maxAge) : undefined;
  return {
    reviewedOn,
    expires,
    reviewDue,
    expired: !!expires && expires < asOf,
    stale: !!reviewDue && reviewDue < asOf,
    reviewedInFuture: !!reviewedOn && reviewedOn > asOf,
    expiresBeforeReview: !!reviewedOn && !!expires && expires < reviewedOn,
  };
}
