import type { FileSystem } from './rules/rule';

/**
 * A file-system provider that remembers answers for one check run: a
 * workspace names the same evidence files many times, and every `realpath`
 * costs several system calls. Make a new one per run so later changes on
 * disk are seen.
 */
export function memoFileSystem(base: FileSystem): FileSystem {
  const exists = new Map<string, boolean>();
  const real = new Map<string, string | undefined>();
  const links = new Map<string, string | undefined>();
  return {
    exists(path) {
      let v = exists.get(path);
      if (v === undefined) exists.set(path, (v = base.exists(path)));
      return v;
    },
    realpath(path) {
      if (!real.has(path)) real.set(path, base.realpath?.(path));
      return real.get(path);
    },
    readlink: base.readlink
      ? (path) => {
          if (!links.has(path)) links.set(path, base.readlink!(path));
          return links.get(path);
        }
      : undefined,
  };
}
