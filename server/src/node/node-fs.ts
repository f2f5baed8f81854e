import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import type { FileSystem } from '../core/rules/rule';

/**
 * What the Node host needs from the platform: a path flavour (POSIX or
 * Windows) and the synchronous fs calls it makes. Injected so the tests run
 * the Windows conversions on any machine.
 */
export interface NodeFsHost {
  path: Pick<nodePath.PlatformPath, 'sep' | 'resolve'>;
  fs: Pick<typeof nodeFs, 'accessSync' | 'realpathSync' | 'readlinkSync' | 'readdirSync'>;
}

const NODE: NodeFsHost = { path: nodePath, fs: nodeFs };

/**
 * A native path as the core writes paths: absolute and '/'-separated, with a
 * Windows drive as `/c:/…` (lower-case drive letter, as `vscode-uri` writes
 * it) and a UNC share as `//server/share/…`.
 */
export function toCorePath(p: string, flavour: NodeFsHost['path'] = nodePath): string {
  const abs = flavour.resolve(p);
  if (flavour.sep === '/') return abs;
  const slashed = abs.replace(/\\/g, '/');
  return slashed.startsWith('//') ? slashed : '/' + slashed.replace(/^([a-zA-Z]):/, (_, d: string) => `${d.toLowerCase()}:`);
}

/** The native path of a core path: `/c:/ws/x` → `c:\ws\x` on Windows; unchanged on POSIX. */
export function toFsPath(p: string, flavour: NodeFsHost['path'] = nodePath): string {
  if (flavour.sep === '/') return p;
  const native = /^\/[a-zA-Z]:/.test(p) ? p.slice(1) : p;
  return native.replace(/\//g, '\\');
}

/**
 * The core's file-system provider on Node: existence, symbolic links and
 * folder listings, never file content. It takes and returns core paths and
 * converts at this edge, so evidence exists on Windows as it does elsewhere.
 */
export function createNodeFileSystem(host: NodeFsHost = NODE): FileSystem & { list(dir: string): string[] } {
  const native = (p: string): string => toFsPath(p, host.path);
  return {
    exists(p) {
      try {
        host.fs.accessSync(native(p));
        return true;
      } catch {
        return false;
      }
    },
    realpath(p) {
      try {
        return toCorePath(host.fs.realpathSync(native(p)), host.path);
      } catch {
        return undefined;
      }
    },
    readlink(p) {
      try {
        const target = host.fs.readlinkSync(native(p));
        // A relative target stays relative (to the link's folder); an absolute one becomes a core path.
        return /^([a-zA-Z]:)?[\\/]/.test(target) ? toCorePath(target, host.path) : target.replace(/\\/g, '/');
      } catch {
        return undefined;
      }
    },
    list(dir) {
      try {
        return host.fs.readdirSync(native(dir), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
      } catch {
        return [];
      }
    },
  };
}

export const nodeFileSystem = createNodeFileSystem();
