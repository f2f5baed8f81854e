import { URI } from 'vscode-uri';
import type { FileSystem } from '../core/rules/rule';
import { walkAimsFilesAsync, type WalkResult } from '../node/find-files';
import { createNodeFileSystem } from '../node/node-fs';
import { readAimsFile, readListedFile, type DiskText } from '../node/read-file';

export type { DiskText } from '../node/read-file';

/** What a walk of a folder found: AIMS file URIs, and which limit stopped it, if one did. */
export interface Listing {
  uris: string[];
  folders: number;
  stopped?: WalkResult['stopped'];
  /** Entries named like AIMS files that are not read (pipes, links …), and why. */
  skipped: { uri: string; why: string }[];
}

/**
 * What the server needs from storage for files that are not open: listing and
 * reading AIMS files of a folder, and the core's existence checks. The Node
 * provider serves `file:` URIs; other schemes (virtual workspaces) get
 * nothing, so only open documents are checked there.
 */
export interface FileProvider {
  /** URIs of all AIMS files below a folder URI, found without blocking requests; `progress` hears how far it got. */
  listAimsFiles(
    folderUri: string,
    progress?: (r: { folders: number; files: number }) => void,
    isCancelled?: () => boolean,
  ): Promise<Listing>;
  /**
   * The text of a file of the folder `folderUri`, undefined when it does not
   * exist, its size when too large to read, or why it is refused (not a
   * regular file, or a link out of the folder).
   */
  readFile(uri: string, folderUri: string): Promise<DiskText | undefined>;
  /**
   * A file that `listAimsFiles` just listed, synchronously, where storage
   * allows it. Indexing reads small files this way in short slices: awaiting
   * each of 10,000 reads in turn left the server idle for a third of the
   * time, waiting on the thread pool.
   */
  readListedSync?(uri: string): DiskText | undefined;
  /** Existence checks for evidence paths (core paths). */
  fs: FileSystem & { list?(dir: string): string[] };
}

export const nodeFileProvider: FileProvider = {
  async listAimsFiles(folderUri, progress, isCancelled) {
    const u = URI.parse(folderUri);
    if (u.scheme !== 'file') return { uris: [], folders: 0, skipped: [] };
    const r = await walkAimsFilesAsync(u.fsPath, progress, isCancelled);
    return {
      uris: r.files.map((p) => URI.file(p).toString()),
      folders: r.folders,
      stopped: r.stopped,
      skipped: r.skipped.map((x) => ({ uri: URI.file(x.path).toString(), why: x.why })),
    };
  },
  // AIMS files are small; one synchronous read each is cheaper than the promise round trips.
  readFile: (uri, folderUri) => Promise.resolve(readLocalFile(uri, folderUri)),
  readListedSync: (uri) => {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? readListedFile(u.fsPath) : undefined;
  },
  fs: createNodeFileSystem(),
};

/** A `file:` URI's text, read only if it is a regular file inside its folder (see readAimsFile). */
function readLocalFile(uri: string, folderUri: string): DiskText | undefined {
  const u = URI.parse(uri);
  const root = URI.parse(folderUri);
  if (u.scheme !== 'file' || root.scheme !== 'file') return undefined;
  return readAimsFile(u.fsPath, root.fsPath);
}

/** The core path of a URI: its path component (file or virtual scheme). */
export function pathOfUri(uri: string): string {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? URI.file(u.fsPath).path : u.path;
}
