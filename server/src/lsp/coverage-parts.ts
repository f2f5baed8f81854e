import { digest as fingerprint } from './digest';
import { folderCoverage, systemCoverage } from '../core/coverage';
import type { SystemCoverage } from '../core/coverage-types';
import { NOT_THERE } from '../core/evidence-status';
import { evidenceMaxAge } from '../core/rules/evidence-entries';
import type { CheckOptions, Diagnostic } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import type { ParsedFile } from '../core/yaml/parse';
import type { CoverageChangedNotification, CoveragePart, CoveragePartsRequest, FolderPart, FolderVersion, SystemPart } from '../protocol';
import type { Folder } from './workspace-manager';

/** Most bytes of parts in one answer: a page the client parses well within a frame. */
export const PAGE_BYTES = 256 * 1024;
/** How long one pass of recomputing changed systems may hold the event loop. */
const SLICE_MS = 10;
/** Notices per folder are at least this far apart; the last change is always announced. */
const NOTICE_MS = 100;
/** While a folder is re-checked, its header parts are recomputed at most this often (and once at the end). */
const HEADER_MS = 500;
/** Removed keys remembered before the oldest are forgotten (a client that far behind gets everything). */
const MAX_TOMBSTONES = 5000;

/**
 * A system's part: its coverage without the SoA state of the controls it
 * cites. What is left depends on the record's text, the settings, the
 * manifest's evidenceMaxAge and which of its evidence paths its findings say
 * are missing (a unit test holds `systemCoverage` to that), so a part is new
 * when one of those changes, never because the SoA changed. It is computed
 * only when a client asks for it: indexing 100,000 records computed (and
 * fingerprinted) a part for each that no view had asked for.
 */
export function systemPart(c: SystemCoverage): SystemPart {
  return { ...c, obligations: c.obligations.map((o) => ({ ...o, controls: o.controls.map((x) => x.id) })) };
}

/** A header part (`folder`, `topic:<id>`): few and small, so kept with its value and fingerprint. */
interface Entry {
  digest: string;
  version: number;
  /** Its size as sent, `{"key":…,"value":…}` and a comma included. */
  bytes: number;
  value: CoveragePart['value'];
}

/** A system part: what it is computed from (it is computed when served). */
interface SystemEntry {
  version: number;
  file: ParsedFile;
  optionsKey: string;
  /** Where the record's findings say an evidence path is missing (see `absentKey`). */
  absent: string;
}

/** The positions of a record's findings that say an evidence path is missing: all its part reads of its findings. */
function absentKey(findings: readonly Diagnostic[] | undefined): string {
  let key = '';
  for (const d of findings ?? []) if (NOT_THERE.has(d.code)) key += `${d.range.start.line}:${d.range.start.character},`;
  return key;
}

interface Snapshot {
  id: string;
  keys: string[];
  removed: string[];
  version: number;
  full: boolean;
}

let epochs = 0;

/** What system parts depend on besides their record and findings: the settings and the manifest's evidenceMaxAge. */
function partsKey(options: CheckOptions, index: WorkspaceIndex): string {
  return `${JSON.stringify(options)}\u0000${evidenceMaxAge(index)?.text ?? ''}`;
}

/**
 * One folder's coverage as versioned parts: `folder` (totals, finding counts),
 * one `topic:<id>` per Annex A topic, one `system:<path>` per AI system
 * record. Each part carries the folder version at which it last changed, so
 * a client asks for what changed since the version it holds.
 */
export class FolderCoverage {
  readonly epoch = `${Math.floor(Math.random() * 2 ** 31).toString(36)}-${Date.now().toString(36)}-${++epochs}`;
  version = 0;
  /** `folder` and `topic:<id>` parts, by key. */
  private readonly head = new Map<string, Entry>();
  /** System parts, by file path (the key is `system:<path>`). */
  private readonly systems = new Map<string, SystemEntry>();
  private readonly tombstones = new Map<string, number>();
  /** Tombstones at or below this version may have been forgotten. */
  private horizon = 0;
  private snapshots: Snapshot[] = [];
  private snapshotIds = 0;
  /** The index and settings the systems were last compared with, and the records still to recompute. */
  private scanned?: { index: WorkspaceIndex; optionsKey: string };
  private todo: ParsedFile[] = [];
  /** Records whose findings changed since the last update (they say which evidence is missing). */
  private readonly findingsMoved = new Set<string>();

  /** Notes files whose findings changed, so their system parts are recomputed at the next update. */
  findingsChanged(paths: Iterable<string>): void {
    for (const p of paths) this.findingsMoved.add(p);
  }

  /** Stores a header part's value if it differs from the one held. */
  private put(key: string, value: CoveragePart['value']): void {
    const json = JSON.stringify(value);
    const digest = fingerprint(json);
    if (this.head.get(key)?.digest === digest) return;
    this.version++;
    this.head.set(key, { digest, version: this.version, bytes: json.length + key.length + 20, value });
  }

  /**
   * Notes what a system's part is now computed from; a new version when any of it differs
   * (the same text parsed again is the same part).
   */
  private note(f: ParsedFile, optionsKey: string, findings: readonly Diagnostic[] | undefined): void {
    const absent = absentKey(findings);
    const old = this.systems.get(f.path);
    if (old && old.optionsKey === optionsKey && old.absent === absent && (old.file === f || old.file.text === f.text)) {
      old.file = f;
      return;
    }
    this.version++;
    this.systems.set(f.path, { version: this.version, file: f, optionsKey, absent });
    this.tombstones.delete(`system:${f.path}`);
  }

  private drop(path: string): void {
    if (!this.systems.delete(path)) return;
    this.version++;
    this.tombstones.set(`system:${path}`, this.version);
    if (this.tombstones.size > MAX_TOMBSTONES) {
      // Forget the older half: a client behind them is sent everything instead.
      const sorted = [...this.tombstones.entries()].sort((a, b) => a[1] - b[1]);
      for (const [k, v] of sorted.slice(0, sorted.length / 2)) {
        this.tombstones.delete(k);
        this.horizon = Math.max(this.horizon, v);
      }
    }
  }

  /**
   * Brings the parts up to date with the folder. The header parts (finding
   * counts, Annex A) are recomputed unless `header` is false: their counts
   * read every file's findings, so while a folder is re-checked they are
   * recomputed now and then, not after every slice. Systems are compared
   * with the files only when the index changed (any file did) or the
   * settings did, and noted where their file or findings changed, for at
   * most `budgetMs`. Returns false while records are left to do.
   */
  update(folder: Folder, index: WorkspaceIndex, options: CheckOptions, budgetMs = SLICE_MS, header = true): boolean {
    if (header) {
      const { annexA, ...rest } = folderCoverage(index, folder.diagnostics, options);
      const { topics, ...totals } = annexA;
      const part: FolderPart = { ...rest, annexA: totals, files: folder.files.size };
      this.put('folder', part);
      for (const t of topics) this.put(`topic:${t.id}`, t);
    }

    const optionsKey = partsKey(options, index);
    if (this.scanned?.index !== index || this.scanned.optionsKey !== optionsKey) {
      this.scanned = { index, optionsKey };
      this.todo = [];
      for (const f of index.files) {
        // A record not checked yet is taken when it is (below): its findings say which evidence is missing.
        if (f.kind !== 'AISystem' || folder.unchecked?.has(f.path)) continue;
        const e = this.systems.get(f.path);
        if (!e || e.file !== f || e.optionsKey !== optionsKey) this.todo.push(f);
      }
      for (const p of [...this.systems.keys()]) if (folder.files.get(p)?.kind !== 'AISystem') this.drop(p);
    }
    // Records checked for the first time, taken right after their check, while their trees are held.
    for (const p of folder.firstChecked?.splice(0) ?? []) this.findingsMoved.add(p);
    if (this.findingsMoved.size) {
      const queued = new Set(this.todo.map((f) => f.path));
      for (const p of this.findingsMoved) {
        const f = folder.files.get(p);
        if (f?.kind === 'AISystem' && !queued.has(p)) this.todo.push(f);
      }
      this.findingsMoved.clear();
    }
    const end = Date.now() + budgetMs;
    while (this.todo.length && Date.now() <= end) {
      const f = this.todo.pop()!;
      // Replaced since the scan: the next scan (the index changed with it) takes the new one.
      if (folder.files.get(f.path) !== f) continue;
      this.note(f, optionsKey, folder.diagnostics.get(f.path));
    }
    return this.todo.length === 0;
  }

  /** The parts changed since a version (or all of them), one page at a time. */
  parts(
    params: CoveragePartsRequest.Params,
    files: ReadonlyMap<string, ParsedFile>,
    index: WorkspaceIndex,
    options: CheckOptions,
    diagnostics: ReadonlyMap<string, readonly Diagnostic[]> = new Map(),
  ): Omit<CoveragePartsRequest.Result, 'root'> {
    let snap = params.cursor ? this.snapshots.find((s) => params.cursor?.startsWith(`${s.id}:`)) : undefined;
    let offset = snap ? Number(params.cursor!.slice(snap.id.length + 1)) || 0 : 0;
    if (!snap) {
      offset = 0;
      const full = params.epoch !== this.epoch || params.since === undefined || params.since < this.horizon;
      const since = full ? -1 : params.since!;
      const keys: string[] = [];
      for (const [k, e] of this.head) if (e.version > since) keys.push(k);
      for (const [p, e] of this.systems) if (e.version > since) keys.push(`system:${p}`);
      snap = {
        id: `s${++this.snapshotIds}`,
        keys,
        removed: full ? [] : [...this.tombstones].filter(([, v]) => v > since).map(([k]) => k),
        version: this.version,
        full,
      };
      // One sync at a time per client; a few are kept in case several clients page at once.
      this.snapshots = [snap, ...this.snapshots.slice(0, 3)];
    }
    const optionsKey = partsKey(options, index);
    const parts: CoveragePart[] = [];
    let bytes = 0;
    let i = offset;
    for (; i < snap.keys.length; i++) {
      const key = snap.keys[i];
      let part: CoveragePart;
      let size: number;
      if (key.startsWith('system:')) {
        const path = key.slice('system:'.length);
        const file = files.get(path);
        // Removed since the snapshot (the next sync lists it as removed), or no longer a record.
        if (!this.systems.has(path) || file?.kind !== 'AISystem') continue;
        const value = systemPart(systemCoverage(file, index, options, diagnostics.get(path)));
        part = { key: key as `system:${string}`, value };
        size = JSON.stringify(value).length + key.length + 20;
        if (parts.length && bytes + size > PAGE_BYTES) break;
        // A record changed after the last update: note what is served, so its version says so.
        this.note(file, optionsKey, diagnostics.get(path));
      } else {
        const e = this.head.get(key);
        if (!e) continue;
        part = { key, value: e.value } as CoveragePart;
        size = e.bytes;
        if (parts.length && bytes + size > PAGE_BYTES) break;
      }
      bytes += size;
      parts.push(part);
    }
    const more = i < snap.keys.length;
    return {
      epoch: this.epoch,
      version: snap.version,
      full: snap.full,
      parts,
      removed: offset === 0 ? snap.removed : [],
      cursor: more ? `${snap.id}:${i}` : undefined,
      more,
    };
  }
}

/**
 * Keeps every folder's coverage parts current and tells the client when a
 * folder's version moves. Updated after every slice of re-checks, so any edit
 * that alters coverage is announced, whether or not a finding changed.
 */
export class CoverageTracker {
  private readonly byFolder = new WeakMap<Folder, FolderCoverage>();
  private readonly running = new Map<Folder, Promise<void>>();
  private readonly again = new Set<Folder>();
  private readonly quiet = new Set<Folder>();
  private readonly lastNotice = new Map<Folder, number>();
  private readonly noticeTimers = new Map<Folder, NodeJS.Timeout>();
  private readonly announced = new WeakMap<Folder, number>();
  /** Folders with files still queued for re-checking, and those a notice said so of. */
  private readonly busy = new Set<Folder>();
  private readonly announcedBusy = new Set<Folder>();
  /** When each folder's header parts were last recomputed, and whether files were queued then. */
  private readonly headerAt = new WeakMap<Folder, { at: number; busy: boolean; cost: number }>();

  constructor(
    private readonly folders: () => Iterable<Folder>,
    private readonly indexOf: (folder: Folder) => WorkspaceIndex,
    private readonly optionsOf: (folder: Folder) => Promise<CheckOptions>,
    private readonly notify: (params: CoverageChangedNotification.Params) => void,
  ) {}

  of(folder: Folder): FolderCoverage {
    let c = this.byFolder.get(folder);
    if (!c) {
      c = new FolderCoverage();
      this.byFolder.set(folder, c);
    }
    return c;
  }

  /** Notes a folder's files whose findings changed (after a slice of re-checks, before `refresh`). */
  findingsChanged(folder: Folder, paths: readonly string[]): void {
    this.of(folder).findingsChanged(paths);
  }

  /** Every folder's version; -1 until it has been read and checked once (its coverage is not known before). */
  versions(): FolderVersion[] {
    return [...this.folders()].map((f) => ({
      root: f.root,
      epoch: this.of(f).epoch,
      version: !f.indexed || this.quiet.has(f) ? -1 : this.of(f).version,
    }));
  }

  /** While a folder is first indexed, its coverage is computed but not announced. */
  setQuiet(folder: Folder, on: boolean): void {
    if (on) this.quiet.add(folder);
    else this.quiet.delete(folder);
  }

  /** Recomputes a folder's parts (in slices) and announces a new version. Resolves when done. */
  refresh(folder: Folder, checking = false): Promise<void> {
    if (checking) this.busy.add(folder);
    else this.busy.delete(folder);
    const run = this.running.get(folder);
    if (run) {
      this.again.add(folder);
      return run;
    }
    const p = this.recompute(folder)
      // A failure here is a bug; it is reported on stderr (the client's output) and the next change tries again.
      .catch((e: unknown) => console.error(`coverage update failed for ${folder.root}:`, e))
      .finally(() => {
        this.running.delete(folder);
        this.announce(folder);
      });
    this.running.set(folder, p);
    return p;
  }

  private async recompute(folder: Folder): Promise<void> {
    do {
      this.again.delete(folder);
      const options = await this.optionsOf(folder);
      // The header's counts read every file's findings, and a refresh follows every slice of re-checks: while
      // files are queued they are brought up to date at the first slice (the edit that queued them shows at
      // once), then at most every HEADER_MS, and when the queue is empty.
      const now = Date.now();
      const last = this.headerAt.get(folder);
      const busy = this.busy.has(folder);
      // At most 2 % of the time: with 100,000 files a count takes ~20 ms.
      const header = !busy || !last?.busy || now - last.at >= Math.max(HEADER_MS, 50 * last.cost);
      let done = this.of(folder).update(folder, this.indexOf(folder), options, undefined, header);
      if (header) this.headerAt.set(folder, { at: now, busy, cost: Date.now() - now });
      while (!done) {
        await new Promise((res) => setImmediate(res));
        done = this.of(folder).update(folder, this.indexOf(folder), options, undefined, false);
      }
    } while (this.again.has(folder));
  }

  /** Sends a notice if the folder's version moved since the last one, at most every NOTICE_MS. */
  private announce(folder: Folder): void {
    if (this.quiet.has(folder) || this.noticeTimers.has(folder)) return;
    const finished = this.announcedBusy.has(folder) && !this.busy.has(folder);
    if (this.announced.get(folder) === this.of(folder).version && !finished) return;
    const wait = (this.lastNotice.get(folder) ?? 0) + NOTICE_MS - Date.now();
    if (wait > 0) {
      this.noticeTimers.set(
        folder,
        setTimeout(() => {
          this.noticeTimers.delete(folder);
          this.announce(folder);
        }, wait),
      );
      return;
    }
    this.lastNotice.set(folder, Date.now());
    this.announced.set(folder, this.of(folder).version);
    this.send([folder]);
  }

  private send(folders: Folder[]): void {
    for (const f of folders) {
      if (this.busy.has(f)) this.announcedBusy.add(f);
      else this.announcedBusy.delete(f);
    }
    const checking = [...this.folders()].filter((f) => this.busy.has(f)).map((f) => f.root);
    this.notify({ folders: folders.map((f) => f.root), versions: this.versions(), checking });
  }

  /** Announces every folder now (after indexing), whatever their versions. */
  announceAll(): void {
    const list = [...this.folders()];
    for (const f of list) {
      this.announced.set(f, this.of(f).version);
      this.lastNotice.set(f, Date.now());
    }
    this.send(list);
  }

  async parts(folder: Folder, params: CoveragePartsRequest.Params): Promise<CoveragePartsRequest.Result> {
    const options = await this.optionsOf(folder);
    const c = this.of(folder);
    const before = c.version;
    const result = { root: folder.root, ...c.parts(params, folder.files, this.indexOf(folder), options, folder.diagnostics) };
    // Serving a record changed since the last update moved the version: say so.
    if (c.version !== before) this.announce(folder);
    return result;
  }
}
