import type { Node } from 'yaml';
import { firstFalse } from './binary-search';
import { ControlMap } from './soa-controls';
import type { ParsedFile } from './yaml/parse';
import { child, entries, items, text, type Entry } from './yaml/nav';
import { recordIdOf } from './dormant-file';

/** A named thing defined in one file and referenced from others (role, system, risk, control entry). */
export interface Definition {
  readonly id: string;
  readonly file: ParsedFile;
  /** The key or value node that defines it (for ranges). */
  readonly node: Node;
  /** The value node holding its fields. */
  readonly value: Node | null;
}

/** One control's state in the SoA, as cross-file rules need it. */
export interface SoaEntry extends Definition {
  readonly applicable?: boolean;
  readonly status?: string;
  readonly justification?: string;
  readonly additional: boolean;
}

/**
 * Everything one workspace folder (= one AIMS) defines, built from its parsed
 * files. Cross-file rules read this; it is built from parsed files (no
 * re-parse), and hosts update it per changed file (`updateIndex`).
 */
export interface WorkspaceIndex {
  /** Absolute path of the workspace folder; evidence may not leave it. */
  root: string;
  files: readonly ParsedFile[];
  manifests: ParsedFile[];
  soas: ParsedFile[];
  /** The manifest in force (the first one found). */
  manifest?: ParsedFile;
  soa?: ParsedFile;
  roles: Map<string, Definition>;
  systems: Map<string, Definition[]>;
  risks: Map<string, Definition[]>;
  objectives: Map<string, Definition>;
  nonconformities: Map<string, Definition>;
  /** SoA controls (Annex A and additional), by id. */
  controls: ReadonlyMap<string, SoaEntry>;
  riskCriteria?: { likelihood: string[]; impact: string[]; acceptable?: number };
}

/** Per list of files (a new list for every change), whether it holds a file of a kind. */
const kindsPresent = new WeakMap<readonly ParsedFile[], Set<string | undefined>>();

/**
 * Whether any file of the index is of `kind`. Asked once per record: a scan
 * each time was quadratic (100,000 records whose register was too large to
 * read scanned all 100,000 files each).
 */
export function hasKind(ws: WorkspaceIndex, kind: string): boolean {
  let kinds = kindsPresent.get(ws.files);
  if (!kinds) kindsPresent.set(ws.files, (kinds = new Set(ws.files.map((f) => f.kind))));
  return kinds.has(kind);
}

/** Builds the index of one workspace folder. Files are taken in the order given (sort for stable results). */
export function buildIndex(root: string, files: readonly ParsedFile[]): WorkspaceIndex {
  const ws = emptyIndex(root, files);
  for (const f of files) {
    if (f.kind === 'AIMS') ws.manifests.push(f);
    else if (f.kind === 'StatementOfApplicability') ws.soas.push(f);
    else addDefinitions(ws, f);
  }
  setManifest(ws, ws.manifests[0]);
  setSoa(ws, ws.soas[0]);
  return ws;
}

function emptyIndex(root: string, files: readonly ParsedFile[]): WorkspaceIndex {
  return {
    root,
    files,
    manifests: [],
    soas: [],
    roles: new Map(),
    systems: new Map(),
    risks: new Map(),
    objectives: new Map(),
    nonconformities: new Map(),
    controls: new Map(),
  };
}

/**
 * The index after one file changed (`before` → `after`, either undefined for
 * a file added or removed), from the index before: what the file defined is
 * taken out and what it defines now put in, at its place in path order, so
 * the result holds what `buildIndex` would give (`ws.files` sorted by path).
 * A new index object; its maps are shared with the old one and changed.
 */
export function updateIndex(ws: WorkspaceIndex, before: ParsedFile | undefined, after: ParsedFile | undefined): WorkspaceIndex {
  const path = (after ?? before)?.path;
  if (path === undefined) return ws;
  const files = ws.files.slice();
  const at = lowerBound(files, path);
  const present = files[at]?.path === path;
  if (after && present) files[at] = after;
  else if (after) files.splice(at, 0, after);
  else if (present) files.splice(at, 1);
  const next: WorkspaceIndex = { ...ws, files };
  const old = present ? ws.files[at] : undefined;
  if (old && old.kind !== 'AIMS' && old.kind !== 'StatementOfApplicability') removeDefinitions(next, old);
  if (after && after.kind !== 'AIMS' && after.kind !== 'StatementOfApplicability') addDefinitions(next, after, true);
  if (old?.kind === 'AIMS' || after?.kind === 'AIMS') {
    next.manifests = replaced(ws.manifests, path, after?.kind === 'AIMS' ? after : undefined);
    if (next.manifests[0] !== ws.manifest) setManifest(next, next.manifests[0]);
  }
  if (old?.kind === 'StatementOfApplicability' || after?.kind === 'StatementOfApplicability') {
    next.soas = replaced(ws.soas, path, after?.kind === 'StatementOfApplicability' ? after : undefined);
    if (next.soas[0] !== ws.soa) setSoa(next, next.soas[0], ws.controls);
  }
  return next;
}

/** The first index at which `path` is, or would be inserted, in files sorted by path. */
function lowerBound(files: readonly ParsedFile[], path: string): number {
  return firstFalse(files.length, (i) => files[i].path < path);
}

/** A sorted list of files with the one at `path` replaced, added or removed. */
function replaced(list: readonly ParsedFile[], path: string, file: ParsedFile | undefined): ParsedFile[] {
  const out = list.filter((f) => f.path !== path);
  if (file) out.splice(lowerBound(out, path), 0, file);
  return out;
}

/** What a system record or a risk register defines (manifests and SoAs are read as the one in force). */
function addDefinitions(ws: WorkspaceIndex, f: ParsedFile, update = false): void {
  if (f.kind === 'AISystem') {
    const id = recordIdOf(f);
    if (id) insert(ws.systems, id, new RecordDefinition(id, f), update);
  } else if (f.kind === 'RiskRegister') {
    for (const e of entries(child(f.root, 'risks'))) insert(ws.risks, e.key, new EntryDefinition(e.key, f, e), update);
  }
}

function removeDefinitions(ws: WorkspaceIndex, f: ParsedFile): void {
  const drop = (m: Map<string, Definition[]>, id: string): void => {
    const list = m.get(id);
    if (!list) return;
    const rest = list.filter((d) => d.file !== f);
    if (rest.length) m.set(id, rest);
    else m.delete(id);
  };
  if (f.kind === 'AISystem') {
    const id = recordIdOf(f);
    if (id) drop(ws.systems, id);
  } else if (f.kind === 'RiskRegister') {
    for (const e of entries(child(f.root, 'risks'))) drop(ws.risks, e.key);
  }
}

/**
 * Adds a definition to an id's list. Building the index, files come in order
 * and it is appended; updating one, it goes before the first definition from
 * a file later in path order (within one file, entries come in order).
 */
function insert(m: Map<string, Definition[]>, k: string, v: Definition, update: boolean): void {
  const list = m.get(k);
  if (!list) {
    m.set(k, [v]);
    return;
  }
  if (!update) {
    list.push(v);
    return;
  }
  const copy = list.slice();
  let i = copy.length;
  while (i > 0 && copy[i - 1].file !== v.file && copy[i - 1].file.path > v.file.path) i--;
  copy.splice(i, 0, v);
  m.set(k, copy);
}

function setManifest(ws: WorkspaceIndex, f: ParsedFile | undefined): void {
  ws.manifest = f;
  ws.roles = new Map();
  ws.objectives = new Map();
  ws.nonconformities = new Map();
  ws.riskCriteria = undefined;
  if (!f) return;
  const root = f.root;
  for (const e of entries(child(root, 'roles'))) ws.roles.set(e.key, new EntryDefinition(e.key, f, e));
  for (const e of entries(child(root, 'objectives'))) ws.objectives.set(e.key, new EntryDefinition(e.key, f, e));
  for (const e of entries(child(root, 'nonconformities'))) ws.nonconformities.set(e.key, new EntryDefinition(e.key, f, e));
  const rc = child(root, 'riskCriteria');
  if (rc) {
    const acc = Number(text(child(rc, 'acceptable')));
    ws.riskCriteria = {
      likelihood: items(child(rc, 'likelihood')).map((n) => text(n) ?? ''),
      impact: items(child(rc, 'impact')).map((n) => text(n) ?? ''),
      acceptable: Number.isFinite(acc) ? acc : undefined,
    };
  }
}

/** The SoA in force and its controls (updated from `previous`, the controls of an earlier version of the file). */
function setSoa(ws: WorkspaceIndex, f: ParsedFile | undefined, previous?: ReadonlyMap<string, SoaEntry>): void {
  ws.soa = f;
  ws.controls = f ? ControlMap.of(f, (id, e, additional) => new SoaControl(id, f, e, additional), previous) : new Map();
}

/**
 * A definition that is an entry of a mapping (a role, a risk, a control),
 * reading its nodes when asked: after an edit in a large file the entries
 * that moved copy their nodes only when read (see `shifted` in fast-parse.ts).
 */
class EntryDefinition implements Definition {
  constructor(
    readonly id: string,
    readonly file: ParsedFile,
    private readonly entry: Entry,
  ) {}
  get node(): Node {
    return this.entry.keyNode;
  }
  get value(): Node | null {
    return this.entry.value;
  }
}

/**
 * An AI system record's definition, its nodes read from the file when asked:
 * a record nobody has open drops its tree (core/dormant-file.ts), and a node
 * kept here would keep every tree.
 */
class RecordDefinition implements Definition {
  constructor(
    readonly id: string,
    readonly file: ParsedFile,
  ) {}
  get node(): Node {
    return child(this.file.root, 'id')!;
  }
  get value(): Node | null {
    return this.file.root ?? null;
  }
}

/** A control's SoA entry, its state read on first use (a record asks about the few controls it cites). */
class SoaControl extends EntryDefinition implements SoaEntry {
  private state?: { applicable?: boolean; status?: string; justification?: string };
  constructor(
    id: string,
    file: ParsedFile,
    entry: Entry,
    readonly additional: boolean,
  ) {
    super(id, file, entry);
  }
  private read(): { applicable?: boolean; status?: string; justification?: string } {
    if (this.state) return this.state;
    const app = text(child(this.value, 'applicable'));
    this.state = {
      applicable: app === 'true' ? true : app === 'false' ? false : undefined,
      status: text(child(this.value, 'status')),
      justification: text(child(this.value, 'justification')),
    };
    return this.state;
  }
  get applicable(): boolean | undefined {
    return this.read().applicable;
  }
  get status(): string | undefined {
    return this.read().status;
  }
  get justification(): string | undefined {
    return this.read().justification;
  }
}
