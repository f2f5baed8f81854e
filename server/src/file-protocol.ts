/**
 * The requests the language server sends its client to read a workspace it
 * cannot read itself: all of it from a browser worker, a virtual folder
 * (`vscode-vfs:` …) from Node. The VS Code client answers from
 * `vscode.workspace.fs` (client/src/file-host.ts) with facts only; the
 * server applies the disk's rules to them (server/src/lsp/client-files.ts).
 */

/** What storage says about one URI: its type (VS Code's FileType bits) and size; null when it does not exist. */
export type StatAnswer = { type: number; size: number } | null | { error: string };

/** A file's text, when it is a regular file no larger than asked; otherwise only its stat. */
export type ReadAnswer = { type: number; size: number; text?: string } | null | { error: string };

/** VS Code's FileType bits, as the answers carry them. */
export const FILE_TYPE = { file: 1, directory: 2, symbolicLink: 64 } as const;

/** Server → client: files below a folder matching a glob, found by the editor's file search. */
export namespace FindFilesRequest {
  export const method = 'aims/findFiles';
  export interface Params {
    folderUri: string;
    /** Glob relative to the folder. */
    include: string;
    /** Glob of what to leave out, relative to the folder (the editor's own exclude settings do not apply). */
    exclude: string;
    maxResults: number;
  }
  export interface Result {
    uris: string[];
  }
}

/** Server → client: the texts of files, each read only if it is a regular file of at most `maxBytes`. */
export namespace ReadFilesRequest {
  export const method = 'aims/readFiles';
  export interface Params {
    uris: string[];
    maxBytes: number;
  }
  export interface Result {
    files: ReadAnswer[];
  }
}

/** Server → client: whether files exist (evidence), one answer per URI. */
export namespace StatRequest {
  export const method = 'aims/stat';
  export interface Params {
    uris: string[];
  }
  export interface Result {
    stats: StatAnswer[];
  }
}

/** Server → client: what folders hold (evidence path completion); null for one that does not exist. */
export namespace ReadDirectoryRequest {
  export const method = 'aims/readDirectory';
  export interface Params {
    uris: string[];
  }
  export interface Result {
    entries: ([string, number][] | null | { error: string })[];
  }
}
