import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { LineIndex } from './line-index';

/**
 * A fast path for the YAML that AIMS files are made of: block mappings and
 * sequences, one-line plain and quoted scalars, one-line flow collections,
 * `|` and `>` block scalars, comments. It builds the `yaml` library's own node
 * classes with the same values and the same ranges (as `normalizeRanges`
 * leaves them), so everything downstream cannot tell which parser ran.
 * Anything outside that subset — anchors, tags, multi-line plain or quoted
 * scalars, escapes, tabs, lone CRs, directives, any syntax error — returns
 * undefined and the caller uses `yaml` itself.
 * Windows line ends (CRLF) are read on the fast path too.
 *
 * Why: `yaml`'s general parser is most of the cost of a check (about 15 µs a
 * line); this one is several times faster on the same text. The differential
 * test (test/unit/fast-parse.test.ts) holds it to `yaml`'s output.
 */
export function fastParse(text: string): Node | undefined {
  if (/[\t\uFEFF\0]/.test(text)) return undefined;
  // Windows line ends: parse the text with '\n' alone, then move every offset past the '\r's before it.
  const crlf = text.includes('\r');
  if (crlf && /\r(?!\n)/.test(text)) return undefined; // a lone '\r' is a line break to YAML: rare, leave it
  try {
    const lf = crlf ? text.replace(/\r\n/g, '\n') : text;
    const root = new FastParser(lf).document();
    if (crlf) shiftForCrlf(root, lf);
    return root;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/**
 * The entries of a block mapping whose keys stand at column `col` and which
 * fills all of `text`, a piece of a file that starts at a line start and
 * ends at one (or at the end of the file): what `fastParse` would read there
 * inside a file, with offsets relative to the piece. `depth` is how many
 * collections hold the mapping in the file (the nesting limit counts them).
 * Undefined when the piece leaves the subset, starts with anything but a key
 * at that column, or holds anything after its entries but blank and comment
 * lines. Used to re-read only the entries an edit touched (see reparse.ts).
 */
export function fastParseEntries(text: string, col: number, depth: number): Pair<Node, Node>[] | undefined {
  if (/[\t\r\uFEFF\0]/.test(text)) return undefined;
  try {
    return new FastParser(text).entries(col, depth);
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/**
 * A fast-path node moved by `delta` characters: the same node when nothing
 * moves, else a copy (parsed trees are never changed, and the old tree may
 * still be in use). A pair is moved lazily (`ShiftedPair`): the entries after
 * an edit in a 50,000-line file are copied only where something reads them.
 * Throws on a node the fast path does not make.
 */
export function shifted<T>(node: T, delta: number): T {
  if (delta === 0 || node === null || node === undefined) return node;
  if (node instanceof CompactScalar) return new CompactScalar(node.value, node.type, node.start + delta, node.end + delta) as T;
  if (node instanceof ShiftedPair) return new ShiftedPair(node.source, node.delta + delta) as T;
  if (node instanceof CompactPair) return new ShiftedPair(node, delta) as T;
  const isMap = node instanceof CompactMap;
  if (isMap || node instanceof CompactSeq) {
    const from = node as CompactCollection;
    const items = new Array<unknown>(from.items.length);
    for (let i = 0; i < items.length; i++) items[i] = shifted(from.items[i], delta);
    const copy = new (isMap ? CompactMap : CompactSeq)(items, from.start + delta, from.end + delta);
    if (from.flow) copy.flow = true;
    return copy as T;
  }
  throw new Error('not a fast-path node');
}

/** Whether a pair was made by the fast path (its place can be read with keyStart and valueEnd). */
export function isFastPair(p: unknown): boolean {
  return p instanceof CompactPair || p instanceof ShiftedPair;
}

/** The pair a moved pair was copied from (itself when not moved): the same entry in two versions of a tree. */
export function pairSource(p: unknown): unknown {
  return p instanceof ShiftedPair ? p.source : p;
}

/**
 * Where a node starts and ends. A compact node keeps both as fields, and its
 * `range` getter makes a new array at every read: these read the fields.
 */
export function startOf(n: Node | null | undefined): number | undefined {
  if (n === null || n === undefined) return undefined;
  const s = (n as { start?: number }).start;
  return s !== undefined ? s : n.range?.[0];
}

export function endOf(n: Node | null | undefined): number | undefined {
  if (n === null || n === undefined) return undefined;
  const e = (n as { end?: number }).end;
  return e !== undefined ? e : n.range?.[1];
}

/** Where a fast-path pair's key starts, without copying a moved pair's nodes. */
export function keyStart(p: unknown): number {
  if (p instanceof ShiftedPair) return keyStart(p.source) + p.delta;
  return startOf((p as { key: Node }).key)!;
}

/** Where a fast-path pair's value ends, without copying a moved pair's nodes. */
export function valueEnd(p: unknown): number {
  if (p instanceof ShiftedPair) return valueEnd(p.source) + p.delta;
  return endOf((p as { value: Node }).value)!;
}

/** Maps every range from the '\n' text back to the '\r\n' one: each line break before an offset adds one. */
function shiftForCrlf(root: Node, lf: string): void {
  const lines = new LineIndex(lf);
  const shift = (offset: number): number => offset + lines.positionAt(offset).line;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node & { items?: unknown[]; key?: unknown; value?: unknown };
    if (!node || typeof node !== 'object') continue;
    if (node.range) {
      const end = shift(node.range[1]);
      node.range = [shift(node.range[0]), end, end];
    }
    if (node.items) for (const item of node.items) stack.push(item);
    else if ('key' in node && !node.range) stack.push(node.key, node.value); // a pair
  }
}

/** Thrown (never escapes) when the text leaves the subset. */
const BAIL = new Error('outside the fast-path subset');

const MAX_DEPTH = 64;
const NL = 10; // \n
const SP = 32; // space
const HASH = 35; // #
const DASH = 45; // -
const COLON = 58; // :
const SQ = 39; // '
const DQ = 34; // "
const BACKSLASH = 92;

/** Characters that may not start a plain scalar here (besides '-' before a space). */
const INDICATOR = new Set('?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
const FLOW_END = new Set([44 /* , */, 93 /* ] */, 125 /* } */]);

type Owner = 'map' | 'seq';

class FastParser {
  /** Start of the current line. */
  private pos = 0;
  /** Collections open around the current one: deep nesting is left to `yaml` (and its limits). */
  private depth = 0;
  /** Where the flow node or item last read by `flow` or `flowItem` ends (returned this way: no tuple per item). */
  private flowEnd = 0;
  private readonly n: number;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  document(): Node {
    this.skipBlank();
    if (this.pos >= this.n) throw BAIL; // empty or comment-only: rare, leave it to `yaml`
    const t = this.text;
    if (t.startsWith('---', this.pos) || t.startsWith('...', this.pos) || t.charCodeAt(this.pos) === 37 /* % */) throw BAIL;
    if (this.indent(this.pos) !== 0) throw BAIL;
    const node = this.block(0);
    this.skipBlank();
    if (this.pos < this.n) throw BAIL;
    return node;
  }

  /** See `fastParseEntries`. */
  entries(col: number, depth: number): Pair<Node, Node>[] {
    if (this.n === 0) return [];
    this.depth = depth;
    if (this.indent(0) !== col) throw BAIL;
    const colon = this.keyEnd(col);
    if (colon < 0) throw BAIL;
    const map = this.mapping(col, col, colon);
    this.skipBlank();
    if (this.pos < this.n) throw BAIL;
    return map.items;
  }

  // ---- lines

  private lineEnd(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e < 0 ? this.n : e;
  }

  private nextLine(p: number): number {
    const e = this.lineEnd(p);
    return e < this.n ? e + 1 : this.n;
  }

  private indent(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SP) i++;
    return i - lineStart;
  }

  /** Whether the line at `lineStart` holds nothing but spaces and maybe a comment. */
  private isBlank(lineStart: number): boolean {
    const c = this.text.charCodeAt(lineStart + this.indent(lineStart));
    return c === NL || c === HASH || Number.isNaN(c);
  }

  private skipBlank(): void {
    while (this.pos < this.n && this.isBlank(this.pos)) this.pos = this.nextLine(this.pos);
  }

  private skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SP) p++;
    return p;
  }

  /** After a value that ends its line: the rest must be spaces or a comment. Returns the next line's start. */
  private endOfLine(p: number): number {
    p = this.skipSpaces(p);
    const c = this.text.charCodeAt(p);
    if (c === HASH) {
      if (this.text.charCodeAt(p - 1) !== SP) throw BAIL;
      return this.nextLine(p);
    }
    if (c === NL) return p + 1;
    if (p >= this.n) return this.n;
    throw BAIL;
  }

  // ---- block structure

  /** The block node whose first line starts at `this.pos`, content at column `col`. */
  private block(col: number): Node {
    const at = this.pos + col;
    if (this.isSeqDash(at)) return this.sequence(col, false);
    const colon = this.keyEnd(at);
    if (colon >= 0) return this.mapping(col, at, colon);
    throw BAIL; // a scalar on its own line, or something `yaml` should judge
  }

  private isSeqDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const c = this.text.charCodeAt(at + 1);
    return c === SP || c === NL || at + 1 >= this.n;
  }

  /** A block mapping whose first key starts at `firstKey` (its ':' at `firstColon`), keys at column `col`. */
  private mapping(col: number, firstKey: number, firstColon: number): YAMLMap<Node, Node> {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const items: Pair<Node, Node>[] = [];
    let at = firstKey;
    let colon = firstColon;
    let valueEnd = at;
    for (;;) {
      const key = this.key(at, colon);
      const value = this.value(colon + 1, col, 'map');
      items.push(pair(key, value));
      valueEnd = endOf(value)!;
      if (!this.nextLineAt(col)) break;
      at = this.pos + col;
      colon = this.keyEnd(at);
      if (colon < 0) throw BAIL;
    }
    this.depth--;
    return mapNode(exact(items), firstKey, valueEnd);
  }

  private sequence(col: number, indentless: boolean): YAMLSeq {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const items: Node[] = [];
    const start = this.pos + col;
    let valueEnd = start;
    for (;;) {
      const dash = this.pos + col;
      const item = this.value(dash + 1, col, 'seq');
      items.push(item);
      valueEnd = endOf(item)!;
      if (!this.nextLineAt(col)) break;
      if (!this.isSeqDash(this.pos + col)) {
        if (indentless) break;
        throw BAIL;
      }
    }
    this.depth--;
    return seqNode(exact(items), start, valueEnd);
  }

  /**
   * After an item: skips blank lines and tells whether the next line carries
   * on the collection at column `col`. A deeper line is left to `yaml`.
   */
  private nextLineAt(col: number): boolean {
    this.skipBlank();
    if (this.pos >= this.n) return false;
    const ind = this.indent(this.pos);
    if (ind > col) throw BAIL;
    return ind === col;
  }

  /**
   * The end of a block mapping key starting at `at` (the offset of its ':'),
   * or -1 when the line does not start with a key.
   */
  private keyEnd(at: number): number {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === SQ || c === DQ) {
      const close = this.quoteClose(at);
      if (close < 0) return -1;
      return t.charCodeAt(close + 1) === COLON && this.spaceOrEnd(close + 2) ? close + 1 : -1;
    }
    if (Number.isNaN(c) || c === NL || c === SP) return -1;
    if (INDICATOR.has(c)) return -1;
    // `---` or `...` at the start of a line marks a document boundary, never a key.
    if ((c === DASH || c === 46) && (at === 0 || t.charCodeAt(at - 1) === NL) && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(t.slice(at, at + 4)))
      return -1;
    if (c === DASH && this.spaceOrEnd(at + 1)) return -1;
    for (let i = at; i < this.n; i++) {
      const d = t.charCodeAt(i);
      if (d === NL) return -1;
      if (d === COLON && this.spaceOrEnd(i + 1)) return i - at > 1000 ? -1 : i;
      if (d === HASH && t.charCodeAt(i - 1) === SP) return -1;
    }
    return -1;
  }

  private spaceOrEnd(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === SP || c === NL || p >= this.n;
  }

  /** The key starting at `at` whose ':' is at `colon` (as `keyEnd` found it). */
  private key(at: number, colon: number): Scalar {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === SQ || c === DQ) return this.quoted(at, colon - 1);
    let e = colon;
    while (t.charCodeAt(e - 1) === SP) e--;
    const src = intern(t.slice(at, e));
    if (src === '<<') throw BAIL; // a merge key: `yaml` expands it
    return plainScalar(src, at, e);
  }

  /**
   * The value after a key's ':' or a sequence '-' at `p`, in a collection at
   * column `col`. Leaves `this.pos` after the value's last line (the caller
   * skips any blank lines that follow).
   */
  private value(p: number, col: number, owner: Owner): Node {
    const t = this.text;
    p = this.skipSpaces(p);
    const c = t.charCodeAt(p);
    if (c === NL || c === HASH || p >= this.n) {
      if (c === HASH && t.charCodeAt(p - 1) !== SP) throw BAIL;
      this.pos = this.nextLine(p);
      this.skipBlank();
      if (this.pos < this.n) {
        const ind = this.indent(this.pos);
        if (ind > col) return this.block(ind);
        if (ind === col && owner === 'map' && this.isSeqDash(this.pos + col)) return this.sequence(col, true);
      }
      return scalar(null, 'PLAIN', p, p);
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(p, col);
    let node: Node;
    let end: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      node = this.flow(p);
      end = this.flowEnd;
    } else if (c === SQ || c === DQ) {
      const close = this.quoteClose(p);
      if (close < 0) throw BAIL;
      node = this.quoted(p, close);
      end = close + 1;
    } else {
      if (owner === 'seq') {
        // `- key: value`: a mapping whose keys line up after the dash (`this.pos` is the dash's line).
        const colon = this.keyEnd(p);
        if (colon >= 0) return this.mapping(p - this.pos, p, colon);
      }
      if (INDICATOR.has(c) || (c === DASH && this.spaceOrEnd(p + 1))) throw BAIL;
      end = p;
      const le = this.lineEnd(p);
      while (end < le) {
        const d = t.charCodeAt(end);
        if (d === HASH && t.charCodeAt(end - 1) === SP) break;
        if (d === COLON && this.spaceOrEnd(end + 1)) throw BAIL;
        end++;
      }
      while (t.charCodeAt(end - 1) === SP) end--;
      node = plainScalar(intern(t.slice(p, end)), p, end);
    }
    this.pos = this.endOfLine(end);
    // A deeper-indented content line would continue the value over lines: leave that to `yaml`.
    this.skipBlank();
    if (this.pos < this.n && this.indent(this.pos) > col) throw BAIL;
    return node;
  }

  // ---- scalars

  /** The closing quote of a one-line quoted scalar opening at `p`, or -1. */
  private quoteClose(p: number): number {
    const t = this.text;
    const q = t.charCodeAt(p);
    for (let i = p + 1; i < this.n; i++) {
      const d = t.charCodeAt(i);
      if (d === NL) return -1;
      if (q === DQ && d === BACKSLASH) return -1;
      if (d === q) {
        if (q === SQ && t.charCodeAt(i + 1) === SQ) {
          i++;
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  private quoted(p: number, close: number): Scalar {
    const inner = this.text.slice(p + 1, close);
    const single = this.text.charCodeAt(p) === SQ;
    return scalar(single ? inner.replace(/''/g, "'") : inner, single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE', p, close + 1);
  }

  /** `|` or `>` with optional `-` chomping; its lines follow, deeper than `col`. */
  private blockScalar(p: number, col: number): Scalar {
    const t = this.text;
    const literal = t.charCodeAt(p) === 124;
    let h = p + 1;
    const chomp = t.charCodeAt(h);
    const strip = chomp === DASH;
    if (chomp === 43 /* + */ || (chomp >= 48 && chomp <= 57)) throw BAIL;
    if (strip) h++;
    const c = t.charCodeAt(h);
    if (!(c === SP || c === NL)) throw BAIL;
    let line = this.endOfLine(h);
    // The first non-empty line sets the content indent.
    let probe = line;
    let maxLeadingBlank = 0;
    while (probe < this.n && t.charCodeAt(probe + this.indent(probe)) === NL) {
      maxLeadingBlank = Math.max(maxLeadingBlank, this.indent(probe));
      probe = this.nextLine(probe);
    }
    if (probe >= this.n) throw BAIL;
    const ci = this.indent(probe);
    if (ci <= col || maxLeadingBlank > ci) throw BAIL;
    const parts: string[] = []; // content lines; '' for empty lines
    let contentEnd = line;
    let lastContent = -1;
    while (line < this.n) {
      const ind = this.indent(line);
      const le = this.lineEnd(line);
      if (line + ind === le) {
        if (ind > ci) throw BAIL; // spaces beyond the indent are content: leave that to `yaml`
        parts.push('');
      } else if (ind >= ci) {
        if (!literal && ind > ci) throw BAIL;
        parts.push(t.slice(line + ci, le));
        lastContent = parts.length - 1;
      } else break;
      if (le >= this.n) throw BAIL; // no final line break: leave the chomping to `yaml`
      line = le + 1;
      if (lastContent === parts.length - 1) contentEnd = line;
    }
    const body = parts.slice(0, lastContent + 1);
    let value: string;
    if (literal) value = body.join('\n');
    else {
      value = '';
      let blanks = 0;
      let first = true;
      for (const part of body) {
        if (part === '') {
          blanks++;
          continue;
        }
        if (first) value += '\n'.repeat(blanks);
        else value += blanks ? '\n'.repeat(blanks) : ' ';
        value += part;
        blanks = 0;
        first = false;
      }
    }
    if (!strip) value += '\n';
    this.pos = contentEnd;
    return scalar(value, literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED', p, contentEnd);
  }

  // ---- flow collections, on one line

  /** The flow collection at `p`; where it ends is left in `flowEnd`. */
  private flow(p: number): Node {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const t = this.text;
    const isMap = t.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const items: unknown[] = [];
    let i = this.skipSpaces(p + 1);
    if (t.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowItem(i, true);
          const ke = this.flowEnd;
          if (!(key instanceof Scalar) || t.charCodeAt(ke) !== COLON || t.charCodeAt(ke + 1) !== SP) throw BAIL;
          const value = this.flowItem(this.skipSpaces(ke + 1), false);
          items.push(pair(key, value));
        } else {
          items.push(this.flowItem(i, false));
        }
        i = this.skipSpaces(this.flowEnd);
        const d = t.charCodeAt(i);
        if (d === close) break;
        if (d !== 44) throw BAIL;
        i = this.skipSpaces(i + 1);
        if (t.charCodeAt(i) === close) throw BAIL; // trailing comma: leave to `yaml`
      }
    }
    const end = i + 1;
    this.depth--;
    const node = isMap ? mapNode(exact(items) as Pair<Node, Node>[], p, end) : seqNode(exact(items) as Node[], p, end);
    node.flow = true;
    this.flowEnd = end;
    return node;
  }

  /** One flow item at `p`; the offset after it is left in `flowEnd`. */
  private flowItem(p: number, isKey: boolean): Node {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p);
    if (c === SQ || c === DQ) {
      const close = this.quoteClose(p);
      if (close < 0) throw BAIL;
      this.flowEnd = close + 1;
      return this.quoted(p, close);
    }
    if (Number.isNaN(c) || c === NL || INDICATOR.has(c)) throw BAIL;
    if (c === DASH && (this.spaceOrEnd(p + 1) || FLOW_END.has(t.charCodeAt(p + 1)))) throw BAIL;
    let e = p;
    for (;;) {
      const d = t.charCodeAt(e);
      if (Number.isNaN(d) || d === NL) throw BAIL;
      if (FLOW_END.has(d)) break;
      if (d === 91 || d === 123) throw BAIL; // '[' or '{' inside a flow scalar is an error
      if (d === HASH && t.charCodeAt(e - 1) === SP) throw BAIL;
      if (d === COLON) {
        const after = t.charCodeAt(e + 1);
        if (after === SP || FLOW_END.has(after) || after === NL) {
          if (isKey && after === SP) break;
          throw BAIL;
        }
      }
      e++;
    }
    let end = e;
    while (t.charCodeAt(end - 1) === SP) end--;
    if (end === p) throw BAIL;
    this.flowEnd = end;
    return plainScalar(intern(t.slice(p, end)), p, end);
  }
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;

/**
 * A copy without spare capacity: an array grown by `push` keeps room for
 * 17 items, which for the many two-to-six-key mappings of a workspace was
 * the largest single cost in its memory.
 */
function exact<T>(items: T[]): T[] {
  return items.slice();
}

/** A plain scalar resolved with the YAML 1.2 core schema, as `yaml` does. */
function plainScalar(src: string, start: number, end: number): Scalar {
  return scalar(resolvePlain(src), 'PLAIN', start, end);
}

/**
 * One copy of each short key or value across files: 10,000 records repeat
 * the same keys and enum values, and a slice of the text is a new string
 * each time. Small and emptied when full: the strings that repeat (keys,
 * statuses, control ids, paths) are back in it at once, while each record's
 * own id and name would only be held longer. With room for 50,000, 100,000
 * records kept it full of those and spent 2 s of 45 in it.
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  if (s.length > 40) return s;
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= 4096) interned.clear();
  interned.set(s, s);
  return s;
}

const NODE_TYPE = Symbol.for('yaml.node.type');
const SCALAR = Symbol.for('yaml.scalar');
const PAIR = Symbol.for('yaml.pair');

/**
 * A `yaml` Scalar (its prototype and identity symbol, so `isScalar` and
 * `instanceof Scalar` hold) that keeps its range as two numbers: a range
 * array per scalar was a third of the memory of a 10,000-record workspace.
 * `range` reads as `[start, end, end]`, as `normalizeRanges` leaves it. It
 * has no `source` (the original spelling), which nothing here reads.
 */
class CompactScalar {
  constructor(
    public value: unknown,
    public type: Scalar.Type,
    public start: number,
    public end: number,
  ) {}
  declare range: [number, number, number];
}
Object.setPrototypeOf(CompactScalar.prototype, Scalar.prototype);
spanRange(CompactScalar.prototype);
// The identity symbol lives on the prototype: `isScalar` reads it through the chain, and no scalar pays 8 bytes for it.
Object.defineProperty(CompactScalar.prototype, NODE_TYPE, { value: SCALAR });

/** A `yaml` Pair in the same way (identity on the prototype). */
class CompactPair {
  constructor(
    public key: unknown,
    public value: unknown,
  ) {}
}
Object.setPrototypeOf(CompactPair.prototype, Pair.prototype);
Object.defineProperty(CompactPair.prototype, NODE_TYPE, { value: PAIR });

const NOT_YET = Symbol('not copied yet');

/**
 * A pair of an older tree moved by `delta`: its key and value are copied on
 * first read (and kept), so what nobody reads is never copied.
 */
class ShiftedPair {
  private k: unknown = NOT_YET;
  private v: unknown = NOT_YET;
  constructor(
    readonly source: CompactPair,
    readonly delta: number,
  ) {}
  get key(): unknown {
    if (this.k === NOT_YET) this.k = shifted(this.source.key, this.delta);
    return this.k;
  }
  get value(): unknown {
    if (this.v === NOT_YET) this.v = shifted(this.source.value, this.delta);
    return this.v;
  }
}
Object.setPrototypeOf(ShiftedPair.prototype, Pair.prototype);
Object.defineProperty(ShiftedPair.prototype, NODE_TYPE, { value: PAIR });

export function pair(key: Node, value: Node): Pair<Node, Node> {
  return new CompactPair(key, value) as unknown as Pair<Node, Node>;
}

const MAP = Symbol.for('yaml.map');
const SEQ = Symbol.for('yaml.seq');

/**
 * `yaml` mappings and sequences in the same way: the library's constructors
 * define two properties per node (slow to make, and the objects larger), and
 * a range array per collection cost memory. Identity on the prototype, range
 * as two numbers; `flow` is set on flow collections only, as `yaml` does.
 */
function compactCollection(proto: object, tag: symbol) {
  class Compact {
    declare flow?: boolean;
    constructor(
      public items: unknown[],
      public start: number,
      public end: number,
    ) {}
    declare range: [number, number, number];
  }
  Object.setPrototypeOf(Compact.prototype, proto);
  spanRange(Compact.prototype);
  Object.defineProperty(Compact.prototype, NODE_TYPE, { value: tag });
  return Compact;
}
const CompactMap = compactCollection(YAMLMap.prototype, MAP);
const CompactSeq = compactCollection(YAMLSeq.prototype, SEQ);
type CompactCollection = InstanceType<typeof CompactMap>;

/** `range` from `start` and `end` on a compact node's prototype, read as `[start, end, end]` as `normalizeRanges` leaves it. */
function spanRange(proto: object): void {
  Object.defineProperty(proto, 'range', {
    get(this: { start: number; end: number }): [number, number, number] {
      return [this.start, this.end, this.end];
    },
    set(this: { start: number; end: number }, r: [number, number, number]) {
      this.start = r[0];
      this.end = r[1];
    },
  });
}

/** A block or flow mapping of the fast path, from `start` to `end`. */
export function mapNode(items: Pair<Node, Node>[], start: number, end: number): YAMLMap<Node, Node> {
  return new CompactMap(items, start, end) as unknown as YAMLMap<Node, Node>;
}

function seqNode(items: Node[], start: number, end: number): YAMLSeq<Node> {
  return new CompactSeq(items, start, end) as unknown as YAMLSeq<Node>;
}

function scalar(value: unknown, type: Scalar.Type, start: number, end: number): Scalar {
  return new CompactScalar(value, type, start, end) as unknown as Scalar;
}

function resolvePlain(src: string): unknown {
  const c = src.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number.
  const maybeSpecial =
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70;
  if (!maybeSpecial) return src;
  switch (src) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (INT.test(src)) return Number.parseInt(src, 10);
  if (FLOAT.test(src) || FLOAT_EXP.test(src)) return Number.parseFloat(src);
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^0[ox]/.test(src)) throw BAIL; // rare forms: let `yaml` resolve them
  return src;
}
