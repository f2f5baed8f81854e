import {
  FILE_TYPE,
  type FindFilesRequest,
  type ReadAnswer,
  type ReadDirectoryRequest,
  type ReadFilesRequest,
  type StatAnswer,
  type StatRequest,
} from '../../server/src/file-protocol';

/**
 * What the answers need from the editor's storage (`vscode.workspace.fs` and
 * `findFiles`, see file-host.ts); the browser test gives an in-memory one.
 * Failures throw; a missing entry throws an error whose `code` is
 * 'FileNotFound', as vscode.FileSystemError does.
 */
export interface WorkspaceStorage {
  stat(uri: string): Promise<{ type: number; size: number }>;
  readFile(uri: string): Promise<Uint8Array>;
  readDirectory(uri: string): Promise<[string, number][]>;
  findFiles(folderUri: string, include: string, exclude: string, maxResults: number): Promise<string[]>;
}

/** Reads at once per request: enough to overlap round trips to a remote file system, few enough not to flood it. */
const PARALLEL = 16;
/** Decodes as the disk host does: invalid bytes become U+FFFD; the byte-order mark is kept for the server to drop. */
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Answers to the language server's file requests (server/src/file-protocol.ts)
 * from storage: facts only (type, size, text), which the server judges by
 * the disk host's rules. One answer per URI, in order.
 */
export function fileAnswers(storage: WorkspaceStorage) {
  return {
    async findFiles(p: FindFilesRequest.Params): Promise<FindFilesRequest.Result> {
      return { uris: await storage.findFiles(p.folderUri, p.include, p.exclude, p.maxResults) };
    },
    async readFiles(p: ReadFilesRequest.Params): Promise<ReadFilesRequest.Result> {
      return { files: await each(p.uris, (u) => readOne(storage, u, p.maxBytes)) };
    },
    async stat(p: StatRequest.Params): Promise<StatRequest.Result> {
      return {
        stats: await each(p.uris, async (u): Promise<StatAnswer> => {
          const s = await storage.stat(u);
          return { type: s.type, size: s.size };
        }),
      };
    },
    async readDirectory(p: ReadDirectoryRequest.Params): Promise<ReadDirectoryRequest.Result> {
      return { entries: await each(p.uris, (u) => storage.readDirectory(u)) };
    },
  };
}

/** A file's type and size, and its text when it is a regular file of at most `maxBytes`. */
async function readOne(storage: WorkspaceStorage, uri: string, maxBytes: number): Promise<ReadAnswer> {
  const s = await storage.stat(uri);
  if (s.type !== FILE_TYPE.file || s.size > maxBytes) return { type: s.type, size: s.size };
  const bytes = await storage.readFile(uri);
  // The file may have grown since the stat.
  if (bytes.byteLength > maxBytes) return { type: s.type, size: bytes.byteLength };
  return { type: s.type, size: bytes.byteLength, text: DECODER.decode(bytes) };
}

/** `fn` over the URIs, a few at a time, in order; a missing entry answers null and any other failure its message. */
async function each<T>(uris: unknown, fn: (uri: string) => Promise<T>): Promise<(T | null | { error: string })[]> {
  const list: unknown[] = Array.isArray(uris) ? uris : [];
  const out = new Array<T | null | { error: string }>(list.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const i = next++;
      const uri = list[i];
      try {
        if (typeof uri !== 'string') throw new Error('not a URI');
        out[i] = await fn(uri);
      } catch (e) {
        out[i] = (e as { code?: unknown }).code === 'FileNotFound' ? null : { error: e instanceof Error ? e.message : String(e) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
  return out;
}
