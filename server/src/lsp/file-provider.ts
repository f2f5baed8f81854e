import { URI } from 'vscode-uri';
import type { FileSystem } from '../core/rules/rule';
import type { ParsedFile } from '../core/yaml/parse';
import type { WalkResult } from '../node/find-files';
import type { DiskText } from '../node/read-file';

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
 * reading AIMS files of a folder, and the core's existence checks. Two
 * stores implement it: the disk (server/src/node/file-provider.ts) and the
 * editor's workspace file system asked through the client
 * (server/src/lsp/client-files.ts): all of it in a browser worker, virtual
 * folders on Node (server/src/lsp/scheme-files.ts).
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
  /**
   * For storage that answers asynchronously (the client, asked through
   * requests): fetches what checks of these files will ask `fs` (their
   * evidence paths), so its synchronous answers are there and fresh.
   * Undefined when there is nothing to wait for (the disk answers itself).
   */
  prepare?(folder: { root: string; uri: string }, files: readonly ParsedFile[]): Promise<void> | undefined;
  /** Runs a request's computation about a folder, again until `fs` answered all it asked (asynchronous storage). */
  settle?<T>(folder: { root: string; uri: string }, run: () => T): T | Promise<T>;
}

/** The core path of a URI: its path component (file or virtual scheme). */
export function pathOfUri(uri: string): string {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? URI.file(u.fsPath).path : u.path;
}
