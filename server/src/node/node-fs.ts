import * as fs from 'node:fs';
import type { FileSystem } from '../core/rules/rule';

/** The core's file-system provider on Node: existence and symlink resolution only, never reading content. */
export const nodeFileSystem: FileSystem = {
  exists(path: string): boolean {
    try {
      fs.accessSync(path);
      return true;
    } catch {
      return false;
    }
  },
  realpath(path: string): string | undefined {
    try {
      return fs.realpathSync(path);
    } catch {
      return undefined;
    }
  },
};
