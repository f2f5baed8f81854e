import { URI } from 'vscode-uri';
import { isInside } from '../core/paths';
import type { FileProvider } from './file-provider';

/**
 * Storage by scheme, for the Node server: `file:` folders from the disk,
 * every other folder (a virtual workspace: Remote Repositories' `vscode-vfs:`,
 * a remote file system) through the client like the browser worker. Core
 * paths carry no scheme, so the existence checks go to the client for paths
 * inside a virtual folder and to the disk for the rest: the disk is never
 * asked about a repository's paths, where they mean nothing.
 */
export function byScheme(disk: FileProvider, client: FileProvider): FileProvider {
  /** Roots of the virtual folders seen, newest last. */
  const virtual = new Set<string>();
  const isFile = (uri: string): boolean => URI.parse(uri).scheme === 'file';
  const note = (folder: { root: string; uri: string }): void => {
    if (!isFile(folder.uri)) virtual.add(folder.root);
  };
  const storeOf = (p: string): FileProvider => {
    for (const r of virtual) if (isInside(r, p)) return client;
    return disk;
  };
  return {
    listAimsFiles(folderUri, progress, isCancelled) {
      if (isFile(folderUri)) return disk.listAimsFiles(folderUri, progress, isCancelled);
      note({ root: URI.parse(folderUri).path.replace(/\/$/, '') || '/', uri: folderUri });
      return client.listAimsFiles(folderUri, progress, isCancelled);
    },
    readFile: (uri, folderUri) => (isFile(folderUri) ? disk : client).readFile(uri, folderUri),
    readListedSync: (uri) => (isFile(uri) ? disk : client).readListedSync?.(uri),
    fs: {
      exists: (p) => storeOf(p).fs.exists(p),
      realpath: (p) => storeOf(p).fs.realpath?.(p),
      // On the disk links are followed one at a time; a virtual folder has none that can be seen.
      readlink: (p) => (storeOf(p) === disk ? disk.fs.readlink?.(p) : undefined),
      list: (dir) => storeOf(dir).fs.list?.(dir) ?? [],
    },
    prepare(folder, files) {
      if (isFile(folder.uri)) return disk.prepare?.(folder, files);
      note(folder);
      return client.prepare?.(folder, files);
    },
    settle(folder, run) {
      if (isFile(folder.uri) || !client.settle) return run();
      note(folder);
      return client.settle(folder, run);
    },
  };
}
