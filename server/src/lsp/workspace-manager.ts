import { checkFile } from '../core/check';
import type { Diagnostic, CheckOptions, Kind } from '../core/types';
import { buildIndex, type WorkspaceIndex } from '../core/workspace';
import { parseFile, isAimsFile, oversizedFile, type ParsedFile } from '../core/yaml/parse';
import { dirname, isInside } from '../core/paths';
import { child, text } from '../core/yaml/nav';
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
}

/**
 * Keeps every folder's files parsed once per version, rebuilds the index
 * cheaply from parsed files, and re-checks only the files a change can affect.
 */
export class WorkspaceManager {
  readonly folders = new Map<string, Folder>();
  /** System ids of the last changed file before and after the change (for duplicate-id re-checks). */
  private lastIds: string[] = [];

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
      f.files.set(p, 'text' in text ? parseFile(p, text.text) : oversizedFile(p, text.tooLarge));
      f.uris.set(p, uri);
      n++;
    }
    f.indexed = true;
    f.index = undefined;
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
    const parsed = tooLarge ? oversizedFile(p, tooLarge) : parseFile(p, text, version);
    this.lastIds = [systemId(old), systemId(parsed)].filter((x): x is string => !!x);
    folder.files.set(p, parsed);
    folder.uris.set(p, uri);
    if (open) folder.open.add(p);
    folder.index = undefined;
    return { folder, before, after: parsed.kind, same };
  }

  /** Forgets a file (deleted on disk). */
  remove(uri: string): Change | undefined {
    const folder = this.folderOf(uri);
    if (!folder || folder.loose) return undefined;
    const p = pathOfUri(uri);
    const old = folder.files.get(p);
    const before = old?.kind;
    this.lastIds = [systemId(old)].filter((x): x is string => !!x);
    if (!folder.files.delete(p)) return undefined;
    folder.uris.delete(p);
    folder.open.delete(p);
    folder.diagnostics.delete(p);
    folder.index = undefined;
    return { folder, before };
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
   * Which files a change to a file of kind `before`/`after` can affect: the
   * manifest and SoA feed every file; system records feed risk registers and
   * other records (ids); risk registers feed records and other registers.
   */
  dependents(f: Folder, changed: string, kinds: (Kind | undefined)[]): string[] {
    const all = [...f.files.values()];
    const hit = new Set<string>([changed]);
    const add = (k: Kind) => all.filter((x) => x.kind === k).forEach((x) => hit.add(x.path));
    for (const k of kinds) {
      if (k === 'AIMS' || k === 'StatementOfApplicability') return all.map((x) => x.path);
      if (k === 'AISystem') {
        // Risk registers name systems; other records only matter when they share the id (duplicate-id).
        add('RiskRegister');
        for (const x of all) if (x.kind === 'AISystem' && this.lastIds.includes(systemId(x) ?? '')) hit.add(x.path);
      }
      if (k === 'RiskRegister') {
        add('AISystem');
        add('RiskRegister');
      }
    }
    return [...hit].filter((p) => f.files.has(p));
  }

  /** Re-checks one file; returns whether its findings changed (and so must be published). */
  recheckFile(f: Folder, p: string, options: CheckOptions, fs: FileSystem): boolean {
    const file = f.files.get(p);
    if (!file) return false;
    // Turned off rather than filtered afterwards, so the cap on findings per file counts what is shown.
    const alone = f.loose ? { ...options, severities: { ...options.severities, ...ALONE_OFF } } : options;
    const next = checkFile(file, this.indexOf(f), hasDisk(f) ? alone : { ...alone, checkEvidence: false }, storageOf(f, fs));
    const prev = f.diagnostics.get(p);
    f.diagnostics.set(p, next);
    // A file never published that has no findings shows nothing either way: a 10,000-file workspace
    // would otherwise send 10,000 empty notifications at start-up. Open documents always get an answer.
    return prev ? JSON.stringify(prev) !== JSON.stringify(next) : next.length > 0 || f.open.has(p);
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

/** The id of an AI system record, if the file is one. */
function systemId(f: ParsedFile | undefined): string | undefined {
  return f?.kind === 'AISystem' ? text(child(f.root, 'id')) : undefined;
}
