import { evidenceMaxAge } from './rules/evidence-entries';
import { roleReferences } from './rules/workspace-rules';
import type { Definition, WorkspaceIndex } from './workspace';
import { isMap, type Pair } from 'yaml';
import { sharedEnds } from './yaml/entry-diff';
import { child, entries, entryKey, items, text, type Entry } from './yaml/nav';
import type { ParsedFile } from './yaml/parse';
import { editBetween } from './yaml/reparse';
import { isRead, mayHoldMore } from './yaml/unread';

/*
 * What a file's findings read from the other files of its folder, as keys,
 * so that a host re-checks after an edit only the files whose findings can
 * change. The rules read the index in these places (keep this list in step
 * with them: test/unit/dependencies.test.ts holds re-checking only the
 * dependents equal to checking everything, after random edits):
 *
 * - `control:<id>`: a record's obligation or a risk cites a control; it reads
 *   whether the SoA lists it, whether it is excluded, and where (related).
 * - `role:<id>`: an owner or approver names a role of the manifest.
 * - `system:<id>`: a risk names a system. `system-def:<id>`: a record defines
 *   it (another record with the same id reports both, with their places).
 * - `risk:<id>` and `risk-def:<id>`: the same for risks, from records and registers.
 * - `finding:<code>`: every file with such a finding (the message lists the
 *   roles, or suggests the nearest id, so any change of those ids matters).
 * - `kind:<Kind>`: every file of a kind (the risk criteria for registers;
 *   the manifest's evidenceMaxAge for SoAs and records; the place of the
 *   manifest or SoA in force for the second ones).
 *
 * Past a YAML error a file's roles, controls, risks or system id are unknown
 * (yaml/unread.ts): a file that goes in or out of that state changes every
 * key of its kind that is cited.
 *
 * From the manifest, other files read its roles, risk criteria and
 * evidenceMaxAge (and whether there is one); a rule that reads more of it
 * must add a key here.
 */

/**
 * The keys of what `file`'s findings read from other files. `before`, an
 * earlier version of the file, lets an SoA's owners be counted again only in
 * the controls the edit touched.
 */
export function citations(file: ParsedFile, before?: ParsedFile): string[] {
  const out = new Set<string>();
  const root = file.root;
  const add = (prefix: string, n: unknown): void => {
    const id = text(n);
    if (id !== undefined) out.add(prefix + id);
  };
  if (file.kind === 'AISystem') {
    for (const o of entries(child(root, 'obligations'))) for (const c of items(child(o.value, 'controls'))) add('control:', c);
    for (const r of items(child(root, 'risks'))) add('risk:', r);
    add('system-def:', child(root, 'id'));
  } else if (file.kind === 'RiskRegister') {
    for (const r of entries(child(root, 'risks'))) {
      for (const c of items(child(r.value, 'controls'))) add('control:', c);
      add('system:', child(r.value, 'system'));
      out.add(`risk-def:${r.key}`);
    }
  }
  if (file.kind === 'StatementOfApplicability') {
    add('role:', child(root, 'approvedBy'));
    for (const id of ownerCounts(file, before).keys()) out.add(`role:${id}`);
  } else for (const n of roleReferences(file.kind, root)) add('role:', n);
  return [...out];
}

/** The SoA mappings whose entries name an owner (roleReferences reads the same). */
const SOA_LISTS = ['controls', 'additionalControls'];
/** Per SoA, how many of its controls name each owner. */
const owners = new WeakMap<ParsedFile, Map<string, number>>();

/** An SoA's owners with their counts; from an earlier version's counts when there is one. */
function ownerCounts(file: ParsedFile, before?: ParsedFile): Map<string, number> {
  const known = owners.get(file);
  if (known) return known;
  const prev = before?.path === file.path ? owners.get(before) : undefined;
  const counts = new Map(prev);
  const count = (pair: unknown, by: number): void => {
    if (entryKey(pair as Pair) === undefined) return;
    const id = text(child((pair as Pair).value, 'owner'));
    if (id === undefined) return;
    const n = (counts.get(id) ?? 0) + by;
    if (n) counts.set(id, n);
    else counts.delete(id);
  };
  const itemsOf = (f: ParsedFile, key: string): readonly unknown[] => {
    const m = child(f.root, key);
    return isMap(m) ? m.items : [];
  };
  for (const key of SOA_LISTS) {
    const now = itemsOf(file, key);
    if (!prev) {
      for (const p of now) count(p, 1);
      continue;
    }
    const was = itemsOf(before!, key);
    const { head, tail } = sharedEnds(was, now, editBetween(before!, file));
    for (let i = head; i < was.length - tail; i++) count(was[i], -1);
    for (let i = head; i < now.length - tail; i++) count(now[i], 1);
  }
  owners.set(file, counts);
  return counts;
}

/**
 * What changed for the other files when one file went from `before` to
 * `after` (either undefined: added, removed), given the index before and
 * after: keys as above, or 'all' when every file must be checked again (a
 * manifest, SoA or register appeared, went or changed kind, or another one
 * came into force). `cited` tells whether any file cites a key, so an SoA edit
 * looks only at the controls that are cited (a 7,000-control SoA is not read
 * whole at each keystroke).
 */
export function changedKeys(
  before: ParsedFile | undefined,
  after: ParsedFile | undefined,
  wsBefore: WorkspaceIndex,
  wsAfter: WorkspaceIndex,
  cited: (prefix: string) => Iterable<string>,
): Set<string> | 'all' {
  const out = new Set<string>();
  const kinds = [before?.kind, after?.kind];
  const shared = new Set(['AIMS', 'StatementOfApplicability', 'RiskRegister']);
  if (before?.kind !== after?.kind && kinds.some((k) => k !== undefined && shared.has(k))) return 'all';
  if (wsBefore.manifest?.path !== wsAfter.manifest?.path || wsBefore.soa?.path !== wsAfter.soa?.path) return 'all';

  if (kinds.includes('AIMS') && wsAfter.manifest === after) {
    const was = [...wsBefore.roles.keys()];
    const now = [...wsAfter.roles.keys()];
    if (was.join('\u0000') !== now.join('\u0000')) {
      out.add('finding:unknown-role');
      for (const id of symmetricDifference(was, now)) out.add(`role:${id}`);
    }
    if (JSON.stringify(wsBefore.riskCriteria) !== JSON.stringify(wsAfter.riskCriteria)) out.add('kind:RiskRegister');
    // The maximum age of evidence dates every review in the SoA and the records.
    if (JSON.stringify(evidenceMaxAge(wsBefore)) !== JSON.stringify(evidenceMaxAge(wsAfter))) {
      out.add('kind:StatementOfApplicability').add('kind:AISystem');
    }
    if (kindPlace(before) !== kindPlace(after)) out.add('kind:AIMS');
    if (mayHoldMore(before, 'roles') !== mayHoldMore(after, 'roles')) for (const id of cited('role:')) out.add(`role:${id}`);
  }
  if (kinds.includes('StatementOfApplicability') && wsAfter.soa === after) {
    const unread = mayHoldMore(before, 'controls') !== mayHoldMore(after, 'controls');
    for (const id of cited('control:')) {
      if (unread || controlSeen(wsBefore.controls.get(id)) !== controlSeen(wsAfter.controls.get(id))) out.add(`control:${id}`);
    }
    if (kindPlace(before) !== kindPlace(after)) out.add('kind:StatementOfApplicability');
  }
  if (kinds.includes('AISystem')) {
    const was = before?.kind === 'AISystem' ? idPlace(before) : undefined;
    const now = after?.kind === 'AISystem' ? idPlace(after) : undefined;
    if (mayHoldMore(system(before), 'id') !== mayHoldMore(system(after), 'id')) {
      out.add('finding:unknown-system');
      for (const id of cited('system:')) out.add(`system:${id}`);
    }
    if (was?.id !== now?.id) {
      out.add('finding:unknown-system');
      for (const x of [was, now]) if (x) out.add(`system:${x.id}`).add(`system-def:${x.id}`);
    } else if (now && was?.place !== now.place) out.add(`system-def:${now.id}`);
  }
  if (kinds.includes('RiskRegister')) {
    const was = before?.kind === 'RiskRegister' ? riskEntries(before) : new Map<string, Entry>();
    const now = after?.kind === 'RiskRegister' ? riskEntries(after) : new Map<string, Entry>();
    let idsChanged = false;
    for (const [id, e] of now) {
      const old = was.get(id);
      if (!old) {
        idsChanged = true;
        out.add(`risk:${id}`).add(`risk-def:${id}`);
      } else if (
        (wsAfter.risks.get(id)?.length ?? 0) > 1 &&
        place(before!, old.keyNode.range?.[0]) !== place(after!, e.keyNode.range?.[0])
      ) {
        // Defined elsewhere too: the other register's finding says where this one is.
        out.add(`risk-def:${id}`);
      }
    }
    for (const id of was.keys()) {
      if (now.has(id)) continue;
      idsChanged = true;
      out.add(`risk:${id}`).add(`risk-def:${id}`);
    }
    if (idsChanged) out.add('finding:unknown-risk');
    if (mayHoldMore(register(before), 'risks') !== mayHoldMore(register(after), 'risks'))
      for (const id of cited('risk:')) out.add(`risk:${id}`);
  }
  return out;
}

const system = (f: ParsedFile | undefined): ParsedFile | undefined => (f?.kind === 'AISystem' ? f : undefined);
const register = (f: ParsedFile | undefined): ParsedFile | undefined => (f?.kind === 'RiskRegister' ? f : undefined);

/** Ids in one list and not the other. */
function symmetricDifference(a: string[], b: string[]): string[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...a.filter((x) => !sb.has(x)), ...b.filter((x) => !sa.has(x))];
}

/** What a citing file sees of a control: whether the SoA lists it, whether it is excluded, and then where. */
function controlSeen(d: (Definition & { applicable?: boolean }) | undefined): string {
  if (!d) return 'absent';
  if (!isRead(d.file, d.node)) return 'unread';
  if (d.applicable !== false) return String(d.applicable);
  return `excluded@${place(d.file, d.node.range?.[0])}`;
}

function place(file: ParsedFile, offset: number | undefined): string {
  const p = file.lines.positionAt(offset ?? 0);
  return `${p.line}:${p.character}`;
}

/** Where a file's `kind:` value is (another manifest or SoA points at the one in force there). */
function kindPlace(f: ParsedFile | undefined): string | undefined {
  const r = f && child(f.root, 'kind')?.range;
  return f && r ? `${place(f, r[0])}-${place(f, r[1])}` : undefined;
}

function idPlace(f: ParsedFile): { id: string; place: string } | undefined {
  const n = child(f.root, 'id');
  const id = text(n);
  return id === undefined ? undefined : { id, place: place(f, n?.range?.[0]) };
}

/** A register's risk ids, each with its first entry (the index lists them in that order). */
function riskEntries(f: ParsedFile): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const e of entries(child(f.root, 'risks'))) if (!out.has(e.key)) out.set(e.key, e);
  return out;
}
