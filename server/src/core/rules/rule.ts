import type { Node } from 'yaml';
import type { CheckOptions, Diagnostic, Kind, Range, RelatedInfo, Severity } from '../types';
import type { ParsedFile } from '../yaml/parse';
import type { WorkspaceIndex } from '../workspace';

/**
 * What the core may ask of the file system. Hosts supply it (Node fs in the
 * CLI and server, a fake in tests, a virtual FS in a browser); the core never
 * reads files itself.
 */
export interface FileSystem {
  /** Whether a file or folder exists at an absolute path. */
  exists(path: string): boolean;
  /** The path with symbolic links resolved, if the host can tell (the workspace root may sit below a link). */
  realpath?(path: string): string | undefined;
  /**
   * The target of a symbolic link as written (relative to the link's folder,
   * or an absolute core path), or undefined when the path is no link or does
   * not exist. Evidence paths are resolved with it one segment at a time, so
   * no path outside the workspace is ever asked about.
   */
  readlink?(path: string): string | undefined;
}

export interface ReportExtra {
  /** For rules with several codes (`alsoReports`): which one this finding is. */
  code?: string;
  related?: RelatedInfo[];
  data?: Record<string, unknown>;
  tags?: Diagnostic['tags'];
}

export interface RuleContext {
  file: ParsedFile;
  ws: WorkspaceIndex;
  options: CheckOptions;
  fs: FileSystem;
  /** Reports a finding of this rule on a node (its whole range) or an explicit range. */
  report(target: Node | Range | null | undefined, message: string, extra?: ReportExtra): void;
  /** The range of a node, or of the file's first line when the node is missing. */
  rangeOf(node: Node | null | undefined): Range;
  /** Says that the rule stopped before reporting everything (a limit), so counts of findings are lower bounds. */
  incomplete(): void;
}

/** One check, with a stable kebab-case code and a default severity. */
export interface Rule {
  code: string;
  severity: Severity;
  /** Kinds of file the rule runs on. */
  kinds: readonly Kind[];
  /** One line for docs and `aims rules`. */
  summary: string;
  /** Further codes this rule reports (e.g. the structure rule's unknown-key, missing-key …). */
  alsoReports?: readonly RuleInfo[];
  check(ctx: RuleContext): void;
}

/** A code as documented and configured: what `aims rules` lists and settings override. */
export interface RuleInfo {
  code: string;
  severity: Severity;
  summary: string;
}
