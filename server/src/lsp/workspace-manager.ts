import { checkFileAlone } from '../core/check';
import { checkFileIncremental, type CheckMemo } from '../core/check-incremental';
import { changedKeys, citations } from '../core/dependencies';
import type { Diagnostic, CheckOptions, Kind } from '../core/types';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../core/workspace';
import { isAimsFile, oversizedFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { reparseFile } from '../core/yaml/reparse';
import { dormant, DormantFile } from '../core/dormant-file';
import { dirname, isInside } from '../core/paths';
import type { FileSystem } from '../core/rules/rule';
import type { FileProvider } from './file-provider';
import { pathOfUri } from './file-provider';
import { URI } from 'vscode-uri';

/** One workspace folder = one AIMS: its parsed files and their latest findings. */
export interface Folder {
  root: string;
  uri: string;
  files: Map<string, ParsedFile>;
  uris: Map<string, string>;
  /** Paths of documents open in the editor (their text wins over the disk). */
  open: Set<string>;
  index?: WorkspaceIndex;
  diagnostics: Map<string, Diagnostic[]>;
  /** Whether the disk scan has finished. */
  indexed: boolean;
  /**
   * Files read from storage and not checked since, and those checked for the
   * first time since the coverage last took them (`firstChecked`): a record's
   * coverage part waits for its first check and is then computed while its
   * tree is still held (core/dormant-file.ts), not parsed again for it.
   */
  unchecked?: Set<string>;
  firstChecked?: string[];
  /**
   * A document checked alone: a `file:` or `untitled:` document outside every
   * workspace folder. It is never read from disk, gets no findings about the
   * workspace (no manifest, no SoA), is never listed as a folder, and is
   * forgotten when closed. Its root is the document's own folder.
   */
  loose?: boolean;
}

/** Findings about the workspace as a whole, which a document checked alone must not get. */
const ALONE_OFF = { 'missing-manifest': 'off', 'missing-soa': 'off' } as const;

/**
 * What a change to one file did: its folder, its kinds before and after, and
 * whether its text is the one already known (then no other file needs a
 * re-check: opening a document, or a save the watcher reports, changes
 * nothing for the rest).
 */
export interface Change {
  folder: Folder;
  before?: Kind;
  after?: Kind;
  same?: boolean;
  /** What other files may see differently (see core/dependencies.ts); undefined when the text is the same. */
  keys?: Set<string> | 'all';
}

/** What the manager keeps per folder to re-check little after an edit. */
interface FolderState {
  /** Changes to the folder's files so far, and per file: a file's memo holds while the others are unchanged. */
  changes: number;
  own: Map<string, number>;
  /** The last check of large files, for checking the next version in part (core/check-incremental.ts). */
  memos: Map<string, { memo: CheckMemo; others: number }>;
  /** What each file's last parse and check took, in ms (the server waits longer between checks of costly ones). */
  parses: Map<string, number>;
  costs: Map<string, number>;
  /** Who cites what (core/dependencies.ts), built on first use and kept up to date. */
  cites?: { byPath: Map<string, readonly string[]>; byKey: Map<string, Set<string>> };
}

/**
 * Keeps every folder's files parsed once per version, rebuilds the index
 * cheaply from parsed files, and re-checks only the files a change can affect.
 */
export class WorkspaceManager {
  readonly folders = new Map<string, Folder>();
  private readonly states = new WeakMap<Folder, FolderState>();

  constructor(private readonly files: FileProvider) {}

  /** Documents checked alone, by URI (see `Folder.loose`). */
  private readonly loose = new Map<string, Folder>();

  addFolder(uri: string): Folder {
    const root = rootOf(uri);
    let f = this.folders.get(root);
    if (!f) {
      f = { root, uri, files: new Map(), uris: new Map(), open: new Set(), diagnostics: new Map(), indexed: false };
      this.folders.set(root, f);
    }
    return f;
  }

  removeFolder(uri: string): Folder | undefined {
    const root = rootOf(uri);
    const f = this.folders.get(root);
    this.folders.delete(root);
    return f;
  }

  /** Whether a folder (or a document checked alone) is still known: re-checks of a removed one stop. */
  has(f: Folder): boolean {
    return f.loose ? this.loose.get(f.uri) === f : this.folders.get(f.root) === f;
  }

  /**
   * The workspace folder a document belongs to (the innermost one with the
   * same scheme, authority and a root above it), else the document checked
   * alone if it is open as one. Never creates a folder: a request about a
   * stray URI (`file:///`, `untitled:`) used to add a permanent folder, and
   * one at `/` made every `..` evidence path "inside".
   */
  folderOf(uri: string): Folder | undefined {
    const u = URI.parse(uri);
    const p = pathOfUri(uri);
    let best: Folder | undefined;
    for (const f of this.folders.values()) {
      const fu = URI.parse(f.uri);
      if (fu.scheme !== u.scheme || fu.authority !== u.authority) continue;
      if (isInside(f.root, p) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best ?? this.loose.get(uri);
  }

  /**
   * The folder for a document the editor opens: its workspace folder, or,
   * for `file:` and `untitled:` documents outside every folder, a folder of
   * its own checked alone. Other schemes outside the folders (the refactor
   * preview's, a diff's) are not checked: undefined.
   */
  private folderForOpen(uri: string): Folder | undefined {
    const known = this.folderOf(uri);
    if (known) return known;
    const u = URI.parse(uri);
    if (u.scheme !== 'file' && u.scheme !== 'untitled') return undefined;
    const dir = dirname(pathOfUri(uri));
    const f: Folder = {
      root: dir,
      uri,
      files: new Map(),
      uris: new Map(),
      open: new Set(),
      diagnostics: new Map(),
      indexed: true,
      loose: true,
    };
    this.loose.set(uri, f);
    return f;
  }

  /**
   * Reads every AIMS file of a folder from storage (open documents keep their
   * editor text). The walk runs off the event loop and reports progress; the
   * result says whether a limit stopped it.
   */
  async indexFolder(
    f: Folder,
    progress?: (r: { folders: number; files: number }) => void,
    isCancelled: () => boolean = () => false,
  ): Promise<{ files: number; folders: number; stopped?: string; skipped: { uri: string; why: string }[] }> {
    const listing = await this.files.listAimsFiles(f.uri, progress, isCancelled);
    let n = 0;
    let slice = Date.now();
    for (const uri of listing.uris) {
      if (isCancelled()) break;
      // Read in slices of ~20 ms, letting edits and requests in between.
      if (Date.now() - slice > 20) {
        await new Promise((res) => setImmediate(res));
        slice = Date.now();
      }
      const p = pathOfUri(uri);
      if (f.open.has(p)) continue;
      const text = this.files.readListedSync ? this.files.readListedSync(uri) : await this.files.readFile(uri, f.uri);
      if (!text) continue;
      if ('refused' in text) {
        listing.skipped.push({ uri, why: text.refused });
        continue;
      }
      f.files.set(p, resting('text' in text ? parseFile(p, text.text) : oversizedFile(p, text.tooLarge)));
      f.uris.set(p, uri);
      (f.unchecked ??= new Set()).add(p);
      n++;
    }
    f.indexed = true;
    f.index = undefined;
    // Read anew: who cites what is worked out again when first needed, and no check is taken over.
    this.states.delete(f);
    return { files: n, folders: listing.folders, stopped: listing.stopped, skipped: listing.skipped };
  }

  /**
   * A file's new text from disk (the watcher saw it change): read only as a
   * regular file inside its folder. Undefined when the file is in no folder,
   * open in the editor, or unchanged; a file that can no longer be read (or
   * is refused) is forgotten.
   */
  async reload(uri: string): Promise<{ change?: Change; refused?: string } | undefined> {
    const folder = this.folderOf(uri);
    if (!folder || folder.loose || folder.open.has(pathOfUri(uri))) return undefined;
    const text = await this.files.readFile(uri, folder.uri);
    if (!text || 'refused' in text) return { change: this.remove(uri), refused: text?.refused };
    return { change: this.setText(uri, 'text' in text ? text.text : '', 0, false, 'tooLarge' in text ? text.tooLarge : undefined) };
  }

  /** Sets a file's text (open document or disk change); undefined for a document that is not checked. */
  setText(uri: string, text: string, version: number, open: boolean, tooLarge?: number): Change | undefined {
    const folder = open ? this.folderForOpen(uri) : this.folderOf(uri);
    if (!folder || (!open && folder.loose)) return undefined;
    const p = pathOfUri(uri);
    if (!open && folder.open.has(p)) return { folder, same: true };
    const old = folder.files.get(p);
    const before = old?.kind;
    const same = !!old && !tooLarge && old.text === text && !old.syntax.some((d) => d.code === 'file-too-large');
    // The editor's open event is followed by a content event for the same version: parse once.
    if (open && same && old.version === version && folder.open.has(p)) return { folder, before, after: before, same };
    // An edit re-reads only the entries it touched (core/yaml/reparse.ts).
    const start = performance.now();
    const read = tooLarge ? oversizedFile(p, tooLarge) : reparseFile(old, p, text, version);
    const parsed = open ? read : resting(read);
    this.state(folder).parses.set(p, performance.now() - start);
    folder.files.set(p, parsed);
    folder.uris.set(p, uri);
    if (open) folder.open.add(p);
    const keys = this.changed(folder, old, parsed, same);
    return { folder, before, after: parsed.kind, same, keys: same ? undefined : keys };
  }

  /** Forgets a file (deleted on disk). */
  remove(uri: string): Change | undefined {
    const folder = this.folderOf(uri);
    if (!folder || folder.loose) return undefined;
    const p = pathOfUri(uri);
    const old = folder.files.get(p);
    const before = old?.kind;
    if (!folder.files.delete(p)) return undefined;
    folder.uris.delete(p);
    folder.open.delete(p);
    folder.diagnostics.delete(p);
    return { folder, before, keys: this.changed(folder, old, undefined) };
  }

  private state(f: Folder): FolderState {
    let s = this.states.get(f);
    if (!s) this.states.set(f, (s = { changes: 0, own: new Map(), memos: new Map(), parses: new Map(), costs: new Map() }));
    return s;
  }

  /**
   * Takes note of one file's change: the index is updated for it (not rebuilt),
   * who cites what too, and what the other files may now see differently is
   * worked out while both versions are at hand.
   */
  private changed(f: Folder, before: ParsedFile | undefined, after: ParsedFile | undefined, same = false): Set<string> | 'all' {
    const path = (after ?? before)!.path;
    const s = this.state(f);
    // The same text again (an open, a save) changes nothing for the other files' checks.
    if (!same) {
      s.changes++;
      s.own.set(path, (s.own.get(path) ?? 0) + 1);
    }
    if (!after) {
      s.own.delete(path);
      s.memos.delete(path);
      s.costs.delete(path);
      s.parses.delete(path);
    }
    const wsBefore = f.index;
    if (!wsBefore) return 'all';
    f.index = updateIndex(wsBefore, before, after);
    const cites = s.cites;
    if (cites) {
      for (const k of cites.byPath.get(path) ?? []) cites.byKey.get(k)?.delete(path);
      cites.byPath.delete(path);
      if (after) addCitations(cites, after, before);
    }
    return same ? new Set() : changedKeys(before, after, wsBefore, f.index, (prefix) => this.citedWith(f, prefix));
  }

  /**
   * Builds who cites what now if it is not built yet. Called when the server is idle after a check: built at
   * the first keystroke instead, it cost that keystroke 13-26 ms in a 50,000-line SoA (docs/performance.md).
   */
  prepareCitations(f: Folder): void {
    if (this.has(f) && f.index) this.citations(f);
  }

  /** The ids some file cites under a key prefix (`control:` → the controls cited). */
  private citedWith(f: Folder, prefix: string): string[] {
    const out: string[] = [];
    for (const [k, paths] of this.citations(f).byKey) if (paths.size && k.startsWith(prefix)) out.push(k.slice(prefix.length));
    return out;
  }

  private citations(f: Folder): { byPath: Map<string, readonly string[]>; byKey: Map<string, Set<string>> } {
    const s = this.state(f);
    if (!s.cites) {
      s.cites = { byPath: new Map(), byKey: new Map() };
      for (const file of f.files.values()) addCitations(s.cites, file);
    }
    return s.cites;
  }

  /**
   * Marks a document closed. A document checked alone is forgotten; one of a
   * workspace folder is read again from disk (as a regular file inside the
   * folder, or forgotten) so unsaved edits do not linger. `cleared` says its
   * findings must be withdrawn.
   */
  async close(uri: string): Promise<{ change?: Change; cleared: boolean }> {
    const folder = this.folderOf(uri);
    if (!folder) return { cleared: true };
    const p = pathOfUri(uri);
    folder.open.delete(p);
    if (folder.loose) {
      this.loose.delete(uri);
      return { cleared: true };
    }
    if (!isAimsFile(p)) return { cleared: true };
    const text = await this.files.readFile(uri, folder.uri);
    if (!text || 'refused' in text) return { change: this.remove(uri), cleared: true };
    return {
      change: this.setText(uri, 'text' in text ? text.text : '', 0, false, 'tooLarge' in text ? text.tooLarge : undefined),
      cleared: false,
    };
  }

  indexOf(f: Folder): WorkspaceIndex {
    if (!f.index) {
      const files = [...f.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      f.index = buildIndex(f.root, files);
    }
    return f.index;
  }

  /**
   * Which files a change can affect: the file itself, and the files that read
   * what changed in it (core/dependencies.ts: the records citing a control
   * whose state changed, the registers naming a system whose id changed …),
   * or every file when the change is one all depend on.
   */
  dependents(f: Folder, changed: string, change: Pick<Change, 'keys'>): string[] {
    const keys = change.keys;
    if (keys === 'all') return [...f.files.keys()];
    const hit = new Set<string>([changed]);
    if (keys?.size) {
      const byKey = this.citations(f).byKey;
      for (const k of keys) {
        if (k.startsWith('kind:')) {
          for (const x of f.files.values()) if (x.kind === k.slice(5)) hit.add(x.path);
        } else if (k.startsWith('finding:')) {
          const code = k.slice(8);
          for (const [p, list] of f.diagnostics) if (list.some((d) => d.code === code)) hit.add(p);
        } else for (const p of byKey.get(k) ?? []) hit.add(p);
      }
    }
    return [...hit].filter((p) => f.files.has(p));
  }

  /** What the last parse and check of a file took (ms; 0 before the first). */
  checkCost(f: Folder, p: string): number {
    const s = this.states.get(f);
    return (s?.parses.get(p) ?? 0) + (s?.costs.get(p) ?? 0);
  }

  /**
   * An open document's first check while its folder is still being read: only the findings no other
   * file can change (core/check.ts `checkFileAlone`), so the editor shows them at once instead of after
   * the walk of a large folder. The whole check follows when the folder is indexed.
   */
  checkAlone(f: Folder, p: string, options: CheckOptions, fs: FileSystem): boolean {
    const file = f.files.get(p);
    if (!file) return false;
    const next = checkFileAlone(file, f.root, hasDisk(f) ? options : { ...options, checkEvidence: false }, storageOf(f, fs));
    const prev = f.diagnostics.get(p);
    f.diagnostics.set(p, next);
    return !prev || JSON.stringify(prev) !== JSON.stringify(next);
  }

  /** Re-checks one file; returns whether its findings changed (and so must be published). */
  recheckFile(f: Folder, p: string, options: CheckOptions, fs: FileSystem): boolean {
    const file = f.files.get(p);
    if (!file) return false;
    // Turned off rather than filtered afterwards, so the cap on findings per file counts what is shown.
    const alone = f.loose ? { ...options, severities: { ...options.severities, ...ALONE_OFF } } : options;
    // A large file's last check is taken over where the edit did not reach, while no other file has changed.
    const start = performance.now();
    const s = this.state(f);
    const others = s.changes - (s.own.get(p) ?? 0);
    const kept = s.memos.get(p);
    const r = checkFileIncremental(
      file,
      this.indexOf(f),
      hasDisk(f) ? alone : { ...alone, checkEvidence: false },
      storageOf(f, fs),
      kept?.others === others ? kept.memo : undefined,
    );
    if (r.memo) s.memos.set(p, { memo: r.memo, others });
    else s.memos.delete(p);
    const next = r.findings;
    const prev = f.diagnostics.get(p);
    f.diagnostics.set(p, next);
    if (f.unchecked?.delete(p)) (f.firstChecked ??= []).push(p);
    s.costs.set(p, performance.now() - start);
    // A file never published that has no findings shows nothing either way: a 10,000-file workspace
    // would otherwise send 10,000 empty notifications at start-up. Open documents always get an answer.
    return prev ? JSON.stringify(prev) !== JSON.stringify(next) : next.length > 0 || f.open.has(p);
  }
}

/**
 * A file read from storage that no editor has open: a record keeps its text and
 * what the index and the map of citations need, and its tree is parsed again
 * when a check, the coverage or a request reads it (core/dormant-file.ts).
 */
function resting(file: ParsedFile): ParsedFile {
  return dormant(file, () => citations(file));
}

/** Adds one file's citations to a folder's map of who cites what. */
function addCitations(
  c: { byPath: Map<string, readonly string[]>; byKey: Map<string, Set<string>> },
  file: ParsedFile,
  before?: ParsedFile,
): void {
  const keys = file instanceof DormantFile && file.cites ? file.cites : citations(file, before);
  c.byPath.set(file.path, keys);
  for (const k of keys) {
    let set = c.byKey.get(k);
    if (!set) c.byKey.set(k, (set = new Set()));
    set.add(file.path);
  }
}

/** Nothing on disk: for a document that has no place there (`untitled:Untitled-1`). */
const NO_STORAGE: FileSystem & { list(dir: string): string[] } = { exists: () => false, list: () => [] };

/** Whether a folder is a place on disk (an unsaved document without a path is not). */
function hasDisk(f: Folder): boolean {
  return f.root.startsWith('/');
}

/**
 * The file system a folder's checks and completions may use. A document
 * without a path has none: its relative paths would otherwise be resolved
 * against the server's own working folder.
 */
export function storageOf<T extends FileSystem>(f: Folder, fs: T): T | typeof NO_STORAGE {
  return hasDisk(f) ? fs : NO_STORAGE;
}

/** The core path of a workspace folder's URI, without a trailing '/'. */
function rootOf(uri: string): string {
  return pathOfUri(uri).replace(/\/$/, '') || '/';
}
