import type { FileSystem } from '../core/rules/rule';
import type { CheckOptions } from '../core/types';

/** What every service function needs besides the document and the index. */
export interface ServiceConfig {
  options: CheckOptions;
  /** Whether the client accepts snippet syntax in completions. */
  snippetSupport: boolean;
  /** Whether the client renders Markdown in hovers and documentation. */
  markdown: boolean;
  /** The URI the client knows a core path by. */
  uriOf(path: string): string;
  fs: FileSystem & { list?(dir: string): string[] };
  /** The workspace folder is still being read: the index holds only the files read so far. */
  partial?: boolean;
}
