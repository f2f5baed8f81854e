import type { Node } from 'yaml';
import { treeOwner } from '../dormant-file';
import {
  TRANSPARENCY_CASES,
  VALUE_CHAIN_EVENTS,
  type Duty,
  type Role,
  type TransparencyCase,
  type ValueChainEvent,
} from '../catalog/applicability';
import { dutyDate, type DutyDate } from '../catalog/applicability-dates';
import { memo } from '../memo';
import { applicableDuties, classify, profileKey, type Classification, type SystemProfile, type Tier } from '../catalog/applicability-eval';
import { parseAnnexI } from '../catalog/applicability-points';
import { checkActRef } from '../catalog/refs';
import type { HighRiskBasis } from '../catalog/timeline';
import type { CheckOptions } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { child, entries, items, text } from '../yaml/nav';
import { isCalendarDate } from './util';

function bool(node: unknown): boolean | undefined {
  const t = text(node);
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function date(node: unknown): string | undefined {
  const t = text(node);
  return t && isCalendarDate(t) ? t : undefined;
}

function list<T extends string>(node: unknown, allowed: readonly T[]): T[] {
  return items(node)
    .map((n) => text(n) as T)
    .filter((v) => allowed.includes(v));
}

const profiles = new WeakMap<ParsedFile, SystemProfile>();

/** The facts of a system record that the Act's duties turn on (read once per parsed file: trees never change). */
export function profileOf(file: ParsedFile): SystemProfile {
  const owner = treeOwner(file);
  let p = profiles.get(owner);
  if (!p) profiles.set(owner, (p = readProfile(file)));
  return p;
}

function readProfile(file: ParsedFile): SystemProfile {
  const root = file.root;
  const cls = child(root, 'classification');
  const annex = text(child(cls, 'annexIII'));
  const ref = annex ? checkActRef(annex) : undefined;
  const annexI = text(child(cls, 'annexI'));
  const der = child(cls, 'derogation');
  const establishment = text(child(root, 'establishment'));
  return {
    roles: items(child(root, 'operatorRoles')).map((n) => text(n) as Role),
    tier: text(child(cls, 'tier')) as Tier | undefined,
    basis: text(child(cls, 'basis')),
    annexIII: ref?.ok ? ref.ref.canonical : annex,
    annexI: annexI ? parseAnnexI(annexI).point : undefined,
    thirdPartyAssessment: bool(child(cls, 'thirdPartyAssessment')),
    derogation: der
      ? {
          applies: bool(child(der, 'applies')),
          condition: text(child(der, 'condition')),
          profiling: bool(child(der, 'profiling')),
          assessment: items(child(der, 'assessment')).some((n) => (text(n) ?? '').trim() !== ''),
        }
      : undefined,
    transparency: list<TransparencyCase>(child(root, 'transparency'), TRANSPARENCY_CASES),
    generalPurposeModel: bool(child(root, 'generalPurposeModel')),
    systemicRisk: bool(child(root, 'systemicRisk')),
    openSource: bool(child(root, 'openSource')),
    publicBody: bool(child(root, 'publicBody')),
    publicAuthority: bool(child(root, 'publicAuthority')),
    establishment: establishment === 'eu' || establishment === 'third-country' ? establishment : undefined,
    valueChain: list<ValueChainEvent>(
      child(root, 'valueChain'),
      VALUE_CHAIN_EVENTS.map((e) => e.event),
    ),
    usedIn: items(child(root, 'usedIn')).map((n) => text(n) ?? ''),
    medicalOrSafety: bool(child(root, 'medicalOrSafety')),
    marketDate: date(child(root, 'marketDate')),
    significantChange: date(child(root, 'significantChange')),
  };
}

export function highRiskBasis(basis: string | undefined): HighRiskBasis | undefined {
  return basis === 'annex-i' || basis === 'annex-iii' ? basis : undefined;
}

/** One entry under `obligations` that names an article (with paragraph and point if given). */
export interface ListedObligation {
  /** Canonical reference, e.g. 'Art. 49(1)'. */
  ref: string;
  /** Article, paragraph, point, as far as given. */
  parts: string[];
  key: Node;
  value: Node | null;
  status?: string;
}

const listings = new WeakMap<ParsedFile, ListedObligation[]>();

export function listedObligations(file: ParsedFile): ListedObligation[] {
  const owner = treeOwner(file);
  let l = listings.get(owner);
  if (!l) listings.set(owner, (l = readListed(file)));
  return l;
}

function readListed(file: ParsedFile): ListedObligation[] {
  const out: ListedObligation[] = [];
  for (const e of entries(child(file.root, 'obligations'))) {
    // A provision the amendment reportedly inserts (Art. 6(1a)) is listed too; whether it exists
    // under the timeline in force is the reference rule's finding.
    const r = checkActRef(e.key, { amended: true });
    if (!r.ok || r.ref.type !== 'article') continue;
    const paragraph = r.ref.paragraph ?? r.ref.reported?.paragraph;
    const parts = [String(r.ref.article), ...(paragraph !== undefined ? [String(paragraph)] : []), ...(r.ref.point ? [r.ref.point] : [])];
    out.push({ ref: r.ref.canonical, parts, key: e.keyNode, value: e.value, status: text(child(e.value, 'status')) });
  }
  return out;
}

/** The article numbers a record's obligations cover (`Art. 17(1)` counts for 17), with their entries. */
export function listedArticles(file: ParsedFile): Map<number, { key: Node; value: Node | null; ref: string }> {
  const out = new Map<number, { key: Node; value: Node | null; ref: string }>();
  for (const l of listedObligations(file)) if (!out.has(Number(l.parts[0]))) out.set(Number(l.parts[0]), l);
  return out;
}

/** One applicable duty or right, dated, with the entry of the record that addresses it. */
export interface AssessedDuty {
  duty: Duty;
  reason: string;
  date: DutyDate;
  /** The record's entry that addresses it, if any. */
  entry?: ListedObligation;
  /** An entry for the whole article that cannot address it because the record owes several duties under that article. */
  ambiguous?: ListedObligation;
  /** Demanded under `obligations` now: a duty, recorded there, and dated (not waiting for a significant change). */
  required: boolean;
}

export interface RecordAssessment {
  profile: SystemProfile;
  classification: Classification;
  duties: AssessedDuty[];
  listed: ListedObligation[];
  /** Listed entries unrelated to any duty the Act gives this record (not the provision of one, a part of one, or its article). */
  unmatched: ListedObligation[];
}

const partsCache = new Map<string, string[]>();

/** A duty's reference as its parts ('Art. 49(1)' → ['49', '1']), worked out once per row. */
const joinedCache = new Map<string, string>();

/** `partsOf(ref).join()`, kept: the duties' references are a fixed few. */
function joinedPartsOf(ref: string): string {
  let j = joinedCache.get(ref);
  if (j === undefined) joinedCache.set(ref, (j = partsOf(ref).join()));
  return j;
}

function partsOf(ref: string): string[] {
  let parts = partsCache.get(ref);
  if (!parts) {
    const m = /^Art\. (\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(ref)!;
    partsCache.set(ref, (parts = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined)));
  }
  return parts;
}

function startsWith(long: string[], short: string[]): boolean {
  return short.length <= long.length && short.every((p, i) => long[i] === p);
}

const cache = new WeakMap<ParsedFile, { key: string; value: RecordAssessment }>();
/** Dated duties per profile, market dates and options: records share them. */
const datedMemo = memo<Omit<AssessedDuty, 'entry' | 'ambiguous'>[]>();

/**
 * What the Act makes of a system record: its classification, every duty the
 * applicability table gives it with its date, and which entry under
 * `obligations` addresses each. An entry addresses a duty when it names the
 * same provision or a part of it (`Art. 17(1)` for Art. 17); an entry for a
 * whole article addresses a paragraph duty only when the record owes no other
 * duty under that article (`Art. 49` cannot stand for both 49(1) and 49(3)).
 */
export function assessRecord(file: ParsedFile, options: Pick<CheckOptions, 'asOf' | 'timeline'>): RecordAssessment {
  const key = `${options.asOf}|${options.timeline}`;
  const owner = treeOwner(file);
  const hit = cache.get(owner);
  if (hit && hit.key === key) return hit.value;
  const profile = profileOf(file);
  const listed = listedObligations(file);
  const dated = datedMemo(`${profileKey(profile)}|${profile.marketDate}|${profile.significantChange}|${key}`, () =>
    applicableDuties(profile).map(({ duty, reason }) => {
      const date = dutyDate(duty, profile, options);
      return { duty, reason, date, required: duty.kind === 'duty' && !duty.recordedAt && date.effective.date !== undefined };
    }),
  );
  // Each record gets its own copies: the entries addressing the duties are its own.
  const duties: AssessedDuty[] = dated.map((d) => ({ ...d }));
  const onList = duties.filter((d) => !d.duty.recordedAt);
  const taken = new Set<ListedObligation>();
  const refParts = new Map(onList.map((d) => [d, partsOf(d.duty.ref)]));
  // 1. The same provision.
  const byRef = new Map<string, ListedObligation>();
  for (const l of listed) {
    const k = l.parts.join();
    if (!byRef.has(k)) byRef.set(k, l);
  }
  for (const d of onList) {
    const e = byRef.get(joinedPartsOf(d.duty.ref));
    if (e && !taken.has(e)) taken.add((d.entry = e));
  }
  // 2. A part of it, unless that part is another duty's own provision.
  for (const d of onList.filter((x) => !x.entry)) {
    const p = refParts.get(d)!;
    const e = listed.find(
      (l) =>
        !taken.has(l) &&
        startsWith(l.parts, p) &&
        !onList.some((o) => o !== d && refParts.get(o)!.length > p.length && startsWith(l.parts, refParts.get(o)!)),
    );
    if (e) taken.add((d.entry = e));
  }
  // 3. The whole article (or paragraph), when it cannot be read as another duty.
  for (const d of onList.filter((x) => !x.entry)) {
    const p = refParts.get(d)!;
    const e = listed.find((l) => l.parts.length < p.length && startsWith(p, l.parts));
    if (!e) continue;
    const siblings = onList.filter((o) => o !== d && refParts.get(o)![0] === p[0]);
    if (siblings.length === 0 && !taken.has(e)) taken.add((d.entry = e));
    else d.ambiguous = e;
  }
  // An entry for a whole article (or a detail of a duty) that relates to a duty the record has is not unrelated.
  const related = (l: ListedObligation): boolean =>
    duties.some((d) => !d.duty.recordedAt && (startsWith(partsOf(d.duty.ref), l.parts) || startsWith(l.parts, partsOf(d.duty.ref))));
  const value: RecordAssessment = {
    profile,
    classification: classify(profile),
    duties,
    listed,
    unmatched: listed.filter((l) => !taken.has(l) && !related(l)),
  };
  cache.set(owner, { key, value });
  return value;
}
