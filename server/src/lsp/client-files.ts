import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { dirname, isInside, relative } from '../core/paths';
import { evidenceNodes, resolveEvidence } from '../core/rules/evidence';
import { AIMS_FILES_GLOB, inSkippedFolder, NOT_READ, SKIP_PATHS, SKIPPED_FOLDERS_GLOB, WALK_LIMITS } from '../core/walk-rules';
import { text } from '../core/yaml/nav';
import { isAimsFile, MAX_FILE_BYTES, type ParsedFile } from '../core/yaml/parse';
import { pathOfUri, type DiskText, type FileProvider, type Listing } from './file-provider';
import {
  FILE_TYPE,
  FindFilesRequest,
  ReadDirectoryRequest,
  ReadFilesRequest,
  StatRequest,
  type ReadAnswer,
  type StatAnswer,
} from '../file-protocol';

/** How the provider reaches the client: the connection's requests, and the server's log. */
export interface ClientChannel {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  warn(message: string): void;
}

/** Storage asked of the client at the other end of a connection. */
export function clientFilesOf(connection: Connection): ClientFiles {
  return new ClientFiles({
    sendRequest: (method, params) => connection.sendRequest(method, params),
    warn: (message) => connection.console.warn(message),
  });
}

/** URIs per request: few round trips, each answer still quick. */
const BATCH = 200;
/** Times a request's computation is run again while storage answers what it asked (a folder, then its files). */
const MAX_ROUNDS = 3;

interface FolderRef {
  root: string;
  uri: string;
}

/**
 * Storage read through the client's `vscode.workspace.fs`, asked through
 * requests (server/src/file-protocol.ts): all of it for the server in a
 * browser worker, virtual folders for the Node server (scheme-files.ts).
 * The rules are those of the disk host: only regular files inside the folder
 * are read (links are refused, since their targets cannot be seen here), the
 * same folders are skipped, and the same limits apply to a listing.
 *
 * The core asks `fs` synchronously, so answers are fetched ahead: `prepare`
 * stats the evidence paths of the files about to be checked, and `settle`
 * runs a request again once what it asked has been fetched. A question not
 * answered yet, or one storage cannot answer, counts as "exists": evidence
 * is reported missing only when storage says it is.
 */
export class ClientFiles implements FileProvider {
  /** What storage said about each core path, newest answer kept. */
  private readonly stats = new Map<string, StatAnswer>();
  /** Folder listings fetched for the request being settled. */
  private readonly dirs = new Map<string, string[]>();
  /** Core paths asked of `fs` and not known, since the last `settle` round began: `s:` for stats, `d:` for folders. */
  private readonly misses = new Set<string>();
  /** Texts of the files the last listing found, until indexing takes them. */
  private readonly listed = new Map<string, DiskText | undefined>();
  private readonly warned = new Set<string>();

  constructor(private readonly channel: ClientChannel) {}

  readonly fs = {
    exists: (p: string): boolean => {
      const a = this.stats.get(p);
      if (a === undefined) this.misses.add(`s:${p}`);
      return a !== null;
    },
    list: (dir: string): string[] => {
      const names = this.dirs.get(dir);
      if (!names) this.misses.add(`d:${dir}`);
      return names ?? [];
    },
  };

  async listAimsFiles(
    folderUri: string,
    progress?: (r: { folders: number; files: number }) => void,
    isCancelled: () => boolean = () => false,
  ): Promise<Listing> {
    const folder = { root: rootOf(folderUri), uri: folderUri };
    const found = await this.ask<FindFilesRequest.Result>(FindFilesRequest.method, {
      folderUri,
      include: AIMS_FILES_GLOB,
      exclude: SKIPPED_FOLDERS_GLOB,
      maxResults: WALK_LIMITS.files + 1,
    } satisfies FindFilesRequest.Params);
    // The editor's search is asked to leave the same folders out; its answer is held to the walk's rules all the same.
    const paths = new Map<string, string>();
    for (const uri of found?.uris ?? []) {
      const p = this.pathIn(folder, uri);
      if (p !== undefined && walked(folder.root, p)) paths.set(p, uri);
    }
    const sorted = [...paths.keys()].sort();
    const stopped = sorted.length >= WALK_LIMITS.files ? ('files' as const) : undefined;
    const uris = sorted.slice(0, WALK_LIMITS.files).map((p) => paths.get(p)!);
    const folders = new Set(sorted.map(dirname)).size;
    // Read ahead in batches, so indexing takes each text synchronously (readListedSync) instead of one round trip per file.
    for (let i = 0; i < uris.length && !isCancelled(); i += BATCH) {
      const batch = uris.slice(i, i + BATCH);
      const answers = await this.read(batch);
      batch.forEach((u, k) => this.listed.set(u, judge(answers[k])));
      progress?.({ folders, files: Math.min(i + BATCH, uris.length) });
    }
    return { uris, folders, stopped, skipped: [] };
  }

  readListedSync(uri: string): DiskText | undefined {
    const t = this.listed.get(uri);
    this.listed.delete(uri);
    return t;
  }

  async readFile(uri: string, folderUri: string): Promise<DiskText | undefined> {
    if (this.pathIn({ root: rootOf(folderUri), uri: folderUri }, uri) === undefined) return undefined;
    return judge((await this.read([uri]))[0]);
  }

  async prepare(folder: FolderRef, files: readonly ParsedFile[]): Promise<void> {
    // A document without a place in storage (untitled) is checked without it (storageOf in workspace-manager.ts).
    if (!folder.root.startsWith('/')) return;
    const paths = new Set<string>();
    for (const f of files)
      for (const n of evidenceNodes(f)) {
        const t = resolveEvidence(f, folder.root, text(n) ?? '');
        if (t.kind === 'path') paths.add(t.path);
      }
    await this.stat(folder, [...paths]);
  }

  async settle<T>(folder: FolderRef, run: () => T): Promise<T> {
    // Listings are fetched afresh for each request (a completion must see files created meanwhile).
    this.dirs.clear();
    for (let round = 1; ; round++) {
      this.misses.clear();
      const result = run();
      if (!this.misses.size || round === MAX_ROUNDS || !folder.root.startsWith('/')) return result;
      const missed = [...this.misses];
      const stats = missed.filter((m) => m.startsWith('s:')).map((m) => m.slice(2));
      const dirs = missed.filter((m) => m.startsWith('d:')).map((m) => m.slice(2));
      await Promise.all([this.stat(folder, stats), this.listDirs(folder, dirs)]);
    }
  }

  /** Stats core paths of a folder, in batches, and keeps the answers. */
  private async stat(folder: FolderRef, paths: string[]): Promise<void> {
    const inside = paths.filter((p) => isInside(folder.root, p));
    for (let i = 0; i < inside.length; i += BATCH) {
      const batch = inside.slice(i, i + BATCH);
      const r = await this.ask<StatRequest.Result>(StatRequest.method, {
        uris: batch.map((p) => uriIn(folder, p)),
      } satisfies StatRequest.Params);
      batch.forEach((p, k) => {
        const a = r?.stats[k];
        // No answer at all counts as one storage could not give.
        this.stats.set(p, a === undefined ? { error: 'no answer' } : a);
        if (a && 'error' in a)
          this.warnOnce(
            'stat',
            `Could not test whether ${p} exists (${a.error}); evidence is not reported missing unless storage says so.`,
          );
      });
    }
  }

  private async listDirs(folder: FolderRef, dirs: string[]): Promise<void> {
    const inside = dirs.filter((p) => isInside(folder.root, p));
    if (!inside.length) return;
    const r = await this.ask<ReadDirectoryRequest.Result>(ReadDirectoryRequest.method, {
      uris: inside.map((p) => uriIn(folder, p)),
    } satisfies ReadDirectoryRequest.Params);
    inside.forEach((p, k) => {
      const entries = r?.entries[k];
      // As the disk host lists a folder: sub-folders end in '/'; a link to a folder is not one.
      this.dirs.set(p, Array.isArray(entries) ? entries.map(([name, type]) => (type === FILE_TYPE.directory ? `${name}/` : name)) : []);
    });
  }

  private async read(uris: string[]): Promise<ReadAnswer[]> {
    const r = await this.ask<ReadFilesRequest.Result>(ReadFilesRequest.method, {
      uris,
      maxBytes: MAX_FILE_BYTES,
    } satisfies ReadFilesRequest.Params);
    return r?.files ?? [];
  }

  /** A request to the client; undefined (said once in the log) when it fails. */
  private async ask<R>(method: string, params: unknown): Promise<R | undefined> {
    try {
      return await this.channel.sendRequest<R>(method, params);
    } catch (e) {
      this.warnOnce(
        method,
        `The editor did not answer ${method} (${e instanceof Error ? e.message : String(e)}); files it should have given are not checked.`,
      );
      return undefined;
    }
  }

  /** The core path of a URI when it lies strictly inside the folder (same scheme and authority). */
  private pathIn(folder: FolderRef, uri: string): string | undefined {
    const u = URI.parse(uri);
    const f = URI.parse(folder.uri);
    if (u.scheme !== f.scheme || u.authority !== f.authority) return undefined;
    const p = pathOfUri(uri);
    return p !== folder.root && isInside(folder.root, p) ? p : undefined;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.channel.warn(message);
  }
}

/** Whether the disk walk would list a file at core path `p` below `root`: not in a skipped folder, not too deep, named like an AIMS file. */
function walked(root: string, p: string): boolean {
  const rel = relative(root, p);
  if (!isAimsFile(p) || inSkippedFolder(rel) || rel.split('/').length - 1 > WALK_LIMITS.depth) return false;
  return ![...SKIP_PATHS].some((s) => s !== root && isInside(root, s) && isInside(s, p));
}

/** What a read answer gives, by the disk host's rules: only a regular file's text, within the size limit. */
function judge(a: ReadAnswer | undefined): DiskText | undefined {
  if (!a || 'error' in a) return undefined;
  if (a.type & FILE_TYPE.symbolicLink) return { refused: NOT_READ.link };
  if (a.type === FILE_TYPE.directory) return { refused: NOT_READ.folder };
  if (a.type !== FILE_TYPE.file) return { refused: NOT_READ.other };
  if (a.size > MAX_FILE_BYTES) return { tooLarge: a.size };
  if (a.text === undefined) return undefined;
  // As the disk host reads: one UTF-8 byte-order mark is dropped (the client decodes without dropping it).
  return { text: a.text.charCodeAt(0) === 0xfeff ? a.text.slice(1) : a.text };
}

/** The URI of a core path inside a folder: the folder's scheme and authority with that path. */
function uriIn(folder: FolderRef, p: string): string {
  return URI.parse(folder.uri).with({ path: p }).toString();
}

/** The core path of a workspace folder's URI, without a trailing '/' (as WorkspaceManager keeps roots). */
function rootOf(uri: string): string {
  return pathOfUri(uri).replace(/\/$/, '') || '/';
}
