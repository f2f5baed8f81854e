import { URI } from 'vscode-uri';
import type { FileProvider } from '../lsp/file-provider';
import { walkAimsFilesAsync } from './find-files';
import { createNodeFileSystem } from './node-fs';
import { readAimsFile, readListedFile, type DiskText } from './read-file';

/** The server's storage on Node: `file:` URIs from the disk; other schemes (virtual workspaces) get nothing, so only open documents are checked there. */
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
