import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import type { FileSystem } from '../core/rules/rule';
import { MAX_FILE_BYTES } from '../core/yaml/parse';
import { findAimsFiles } from '../node/find-files';
import { nodeFileSystem } from '../node/node-fs';

/**
 * What the server needs from storage for files that are not open: listing and
 * reading AIMS files of a folder, and the core's existence checks. The Node
 * provider serves `file:` URIs; other schemes (virtual workspaces) get
 * nothing, so only open documents are checked there.
 */
export interface FileProvider {
  /** URIs of all AIMS files below a folder URI. */
  listAimsFiles(folderUri: string): Promise<string[]>;
  /** Text of a file, undefined when it cannot be read, or its size when it is too large to read. */
  readFile(uri: string): Promise<string | { tooLarge: number } | undefined>;
  /**
   * The same, synchronously, where storage allows it. Indexing reads small
   * files this way in short slices: awaiting each of 10,000 reads in turn
   * left the server idle for a third of the time, waiting on the thread pool.
   */
  readFileSync?(uri: string): string | { tooLarge: number } | undefined;
  /** Existence checks for evidence paths (core paths). */
  fs: FileSystem & { list?(dir: string): string[] };
}

export const nodeFileProvider: FileProvider = {
  listAimsFiles(folderUri) {
    const u = URI.parse(folderUri);
    return Promise.resolve(u.scheme === 'file' ? findAimsFiles(u.fsPath).map((p) => URI.file(p).toString()) : []);
  },
  // AIMS files are small; one synchronous read each is cheaper than the promise round trips.
  readFile: (uri) => Promise.resolve(readLocalFile(uri)),
  readFileSync: readLocalFile,
  fs: {
    ...nodeFileSystem,
    list(dir: string): string[] {
      try {
        return fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
      } catch {
        return [];
      }
    },
  },
};

/** A `file:` URI's text; files over the parser's limit are reported from their size and never read into memory. */
function readLocalFile(uri: string): string | { tooLarge: number } | undefined {
  const u = URI.parse(uri);
  if (u.scheme !== 'file') return undefined;
  try {
    const { size } = fs.statSync(u.fsPath);
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    return fs.readFileSync(u.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** The core path of a URI: its path component (file or virtual scheme). */
export function pathOfUri(uri: string): string {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? URI.file(u.fsPath).path : u.path;
}
