import { checkFile } from '../core/check';
import type { Diagnostic, CheckOptions, Kind } from '../core/types';
import { buildIndex, type WorkspaceIndex } from '../core/workspace';
import { parseFile, isAimsFile, oversizedFile, type ParsedFile } from '../core/yaml/parse';
import { dirname, isInside } from '../core/paths';
import { child, text } from '../core/yaml/nav';
import type { FileSystem } from '../core/rules/rule';
import type { FileProvider } from './file-provider';
import { pathOfUri } from './file-provider';

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
}

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

  addFolder(uri: string): Folder {
    const root = pathOfUri(uri).replace(/\/$/, '') || '/';
    let f = this.folders.get(root);
    if (!f) {
      f = { root, uri, files: new Map(), uris: new Map(), open: new Set(), diagnostics: new Map(), indexed: false };
      this.folders.set(root, f);
    }
    return f;
  }

  removeFolder(uri: string): Folder | undefined {
    const root = pathOfUri(uri).replace(/\/$/, '') || '/';
    const f = this.folders.get(root);
    this.folders.delete(root);
    return f;
  }

  /** The folder a file belongs to (the innermost); a loose file gets its own directory as folder. */
  folderOf(uri: string): Folder {
    const p = pathOfUri(uri);
    let best: Folder | undefined;
    for (const f of this.folders.values()) if (isInside(f.root, p) && (!best || f.root.length > best.root.length)) best = f;
    if (best) return best;
    const dir = dirname(p);
    const f = this.addFolder(uri.slice(0, uri.length - (p.length - dir.length)));
    f.indexed = true;
    return f;
  }

  /** Reads every AIMS file of a folder from storage (open documents keep their editor text). */
  async indexFolder(f: Folder, isCancelled: () => boolean = () => false): Promise<number> {
    const uris = await this.files.listAimsFiles(f.uri);
    let n = 0;
    let slice = Date.now();
    for (const uri of uris) {
      if (isCancelled()) break;
      // Read in slices of ~20 ms, letting edits and requests in between.
      if (Date.now() - slice > 20) {
        await new Promise((res) => setImmediate(res));
        slice = Date.now();
      }
      const p = pathOfUri(uri);
      if (f.open.has(p)) continue;
      const text = this.files.readFileSync ? this.files.readFileSync(uri) : await this.files.readFile(uri);
      if (text === undefined) continue;
      f.files.set(p, typeof text === 'string' ? parseFile(p, text) : oversizedFile(p, text.tooLarge));
      f.uris.set(p, uri);
      n++;
    }
    f.indexed = true;
    f.index = undefined;
    return n;
  }

  /** Sets a file's text (open document or disk change). */
  setText(uri: string, text: string, version: number, open: boolean, tooLarge?: number): Change {
    const folder = this.folderOf(uri);
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

  /** Marks a document closed; its disk text is re-read so unsaved edits do not linger. */
  async close(uri: string): Promise<Change | undefined> {
    const folder = this.folderOf(uri);
    const p = pathOfUri(uri);
    folder.open.delete(p);
    if (!isAimsFile(p)) return undefined;
    const text = await this.files.readFile(uri);
    if (text === undefined) return this.remove(uri);
    return this.setText(uri, typeof text === 'string' ? text : '', 0, false, typeof text === 'string' ? undefined : text.tooLarge);
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
    const next = checkFile(file, this.indexOf(f), options, fs);
    const prev = f.diagnostics.get(p);
    f.diagnostics.set(p, next);
    // A file never published that has no findings shows nothing either way: a 10,000-file workspace
    // would otherwise send 10,000 empty notifications at start-up. Open documents always get an answer.
    return prev ? JSON.stringify(prev) !== JSON.stringify(next) : next.length > 0 || f.open.has(p);
  }
}

/** The id of an AI system record, if the file is one. */
function systemId(f: ParsedFile | undefined): string | undefined {
  return f?.kind === 'AISystem' ? text(child(f.root, 'id')) : undefined;
}
