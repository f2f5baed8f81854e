import type { Node, YAMLMap } from 'yaml';
import type { Diagnostic, Kind } from './types';
import { child, text } from './yaml/nav';
import { isMap } from 'yaml';
import { fastParse } from './yaml/fast-parse';
import { fastTrees, parseFile, plainValue, type ParsedFile } from './yaml/parse';
import type { LineIndex } from './yaml/line-index';

/**
 * How many dormant files keep their tree at once. A record's tree is ~10-20 KB
 * against ~1 KB of text: with 100,000 records the trees were 2 GB, and garbage
 * collection of that heap made every file cost more. Files are used in runs
 * (a check, then the record's coverage), so a few thousand are plenty.
 */
export const DORMANT_TREES = 2000;

/** Files whose tree is held, least recently used first (a Map keeps insertion order). */
const held = new Map<DormantFile, ParsedFile>();

/**
 * A parsed file nobody has open, kept as its text, line index, kind and
 * syntax findings; its tree is parsed again when read and dropped when
 * `DORMANT_TREES` others were read since. Parsing is a pure function of
 * path, text and version, so the tree read again gives the same nodes,
 * ranges, values and findings as the first (test/unit/dormant-file.test.ts,
 * test/lsp/dormant-records.test.ts). Nodes are new objects after a drop:
 * whatever keeps a node across calls must keep the file, and read the node
 * again from it (the index's definitions do).
 */
export class DormantFile implements ParsedFile {
  readonly path: string;
  readonly text: string;
  readonly version: number;
  readonly lines: LineIndex;
  readonly kind?: Kind;
  readonly syntax: Diagnostic[];
  /** A record's `id`, as the workspace index needs it without the tree. */
  readonly recordId?: string;
  /** What the file cites (core/dependencies.ts `citations`), when the host asked for it while the tree was at hand. */
  readonly cites?: readonly string[];
  readonly value = (): unknown => this.tree().value();
  /** Read by the fast parser without a finding: its tree is that parser's result alone (as `parseFile` gives it). */
  private readonly fast: boolean;

  constructor(file: ParsedFile, cites?: readonly string[]) {
    this.path = file.path;
    this.text = file.text;
    this.version = file.version;
    this.lines = file.lines;
    this.kind = file.kind;
    this.syntax = file.syntax;
    this.recordId = text(child(file.root, 'id'));
    this.cites = cites;
    this.fast = fastTrees.has(file);
    hold(this, file);
  }

  /** The file as parsed now: what is worked out from its tree is cached under this, and dropped with it. */
  tree(): ParsedFile {
    let t = held.get(this);
    if (t) {
      // Most recently used last.
      held.delete(this);
      held.set(this, t);
      return t;
    }
    t = (this.fast && this.fastTree()) || parseFile(this.path, this.text, this.version);
    hold(this, t);
    return t;
  }

  /** The tree again without what `parseFile` adds around the fast parser (line index, syntax findings: kept). */
  private fastTree(): ParsedFile | undefined {
    let contents: Node | undefined;
    try {
      contents = fastParse(this.text);
    } catch {
      return undefined;
    }
    if (!contents) return undefined;
    const { path, text, version, lines, kind, syntax } = this;
    return {
      path,
      text,
      version,
      lines,
      kind,
      syntax,
      contents,
      root: isMap(contents) ? contents : undefined,
      value: () => plainValue(contents),
    };
  }

  get contents(): Node | null | undefined {
    return this.tree().contents;
  }
  get root(): YAMLMap | undefined {
    return this.tree().root;
  }
}

function hold(f: DormantFile, tree: ParsedFile): void {
  held.set(f, tree);
  if (held.size > DORMANT_TREES) held.delete(held.keys().next().value!);
}

/**
 * The file to keep for one read from storage that no editor has open: an AI
 * system record (the kind a large workspace has thousands of) as a dormant
 * file, anything else as it is. `cites` gives what the file cites, for a host
 * that keeps a map of citations.
 */
export function dormant(file: ParsedFile, cites?: () => readonly string[]): ParsedFile {
  return file.kind === 'AISystem' ? new DormantFile(file, cites?.()) : file;
}

/**
 * The object to cache what is worked out from a file's tree under (in a
 * WeakMap): the file itself, or for a dormant file the parse that holds its
 * tree now, so the cache entry goes when the tree is dropped instead of
 * keeping it alive.
 */
export function treeOwner(file: ParsedFile): ParsedFile {
  return file instanceof DormantFile ? file.tree() : file;
}

/** Drops every held tree (tests: the next read parses again). */
export function dropDormantTrees(): void {
  held.clear();
}

/** The id an AI system record defines (the index reads a dormant record's without its tree). */
export function recordIdOf(f: ParsedFile): string | undefined {
  return f instanceof DormantFile ? f.recordId : text(child(f.root, 'id'));
}
