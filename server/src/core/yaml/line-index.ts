import type { Position, Range } from '../types';

/** Line starts per chunk: an edit copies the chunk it falls in and moves the chunks after it by a number. */
const CHUNK = 512;

/** A run of line starts, each `delta` further on than written in `starts` (shared, never changed). */
interface Chunk {
  readonly starts: readonly number[];
  readonly delta: number;
}

/**
 * Converts between string offsets and 0-based line/character positions.
 * Built once per text; lookups are a binary search over line starts. A line
 * ends at '\n', '\r\n' or a lone '\r', as LSP and editors count lines.
 *
 * The line starts are kept in chunks of about `CHUNK`, so the index of an
 * edited text (`edited`) shares the chunks before the edit, copies the one
 * it falls in and moves the ones after it by the edit's length without
 * touching their line starts: a keystroke in a 50,000-line file costs the
 * ~100 chunks, not 50,000 numbers.
 */
export class LineIndex {
  private readonly chunks: readonly Chunk[];
  /** The line number of each chunk's first line start. */
  private readonly firstLines: readonly number[];
  readonly lineCount: number;
  private lastChunk = 0;

  constructor(
    private readonly text: string,
    chunks?: Chunk[],
  ) {
    if (!chunks) {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      chunks = split(starts, 0);
    }
    this.chunks = chunks;
    const firstLines = new Array<number>(chunks.length);
    let n = 0;
    for (let i = 0; i < chunks.length; i++) {
      firstLines[i] = n;
      n += chunks[i].starts.length;
    }
    this.firstLines = firstLines;
    this.lineCount = n;
  }

  /**
   * The index of `text`, which is this index's text with `[start, oldEnd)`
   * replaced by `text`'s `[start, newEnd)`: line starts before the edit are
   * kept, those after it moved, and only the new part is scanned.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    // A line start at p depends on the characters at p - 1 and p: those before `start` and after `oldEnd` are unchanged.
    // Kept: the line starts <= start - 1 (at least the first, 0); moved: those > oldEnd.
    const keep = Math.max(1, this.count(start - 1));
    const from = this.count(oldEnd);
    const first = this.chunkOf(keep - 1);
    const last = from < this.lineCount ? this.chunkOf(from) : this.chunks.length - 1;
    const delta = newEnd - oldEnd;
    // The chunks from `first` to `last` are read into one run: their starts before the edit, the new text's, and theirs after it.
    const run: number[] = [];
    const a = this.chunks[first];
    for (let j = 0, n = keep - this.firstLines[first]; j < n; j++) run.push(a.starts[j] + a.delta);
    for (let p = Math.max(1, start); p <= newEnd; p++) {
      const c = text.charCodeAt(p - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(p) !== 10)) run.push(p);
    }
    const b = this.chunks[last];
    for (let j = Math.max(0, from - this.firstLines[last]); j < b.starts.length; j++) run.push(b.starts[j] + b.delta + delta);
    const chunks = this.chunks.slice(0, first);
    for (const c of split(run, 0)) chunks.push(c);
    for (let i = last + 1; i < this.chunks.length; i++) {
      const c = this.chunks[i];
      chunks.push(delta ? { starts: c.starts, delta: c.delta + delta } : c);
    }
    return new LineIndex(text, chunks);
  }

  /** Whether this is the index of `text` (the same string, as hosts pass it on, is found at once). */
  sameText(text: string): boolean {
    return this.text === text;
  }

  /** Every line start, in order (tests compare them with a fresh index's). */
  lineStarts(): number[] {
    const out: number[] = [];
    for (const c of this.chunks) for (const s of c.starts) out.push(s + c.delta);
    return out;
  }

  /** The line start of line `i` (0 <= i < lineCount). */
  private at(i: number): number {
    // The chunk of the last lookup first: callers walk lines in order (completion reads the lines above the cursor).
    let k = this.lastChunk;
    if (i < this.firstLines[k] || i >= this.firstLines[k] + this.chunks[k].starts.length) k = this.lastChunk = this.chunkOf(i);
    const c = this.chunks[k];
    return c.starts[i - this.firstLines[k]] + c.delta;
  }

  /** The chunk that holds line `i`. */
  private chunkOf(i: number): number {
    // Loops written out rather than through a callback: lookups run before V8 optimises them too (the first keystroke).
    const firsts = this.firstLines;
    let lo = 0;
    let hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** How many line starts are at most `offset`. */
  private count(offset: number): number {
    const ch = this.chunks;
    let lo = 0;
    let hi = ch.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ch[mid].starts[0] + ch[mid].delta <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const c = ch[lo - 1];
    const starts = c.starts;
    const x = offset - c.delta;
    let a = 0;
    let b = starts.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (starts[mid] <= x) a = mid + 1;
      else b = mid;
    }
    return this.firstLines[lo - 1] + a;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.count(o) - 1;
    const start = this.at(line);
    // An offset between the '\r' and '\n' of a line break is the end of the line's content.
    const inBreak = o > start && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line, character: o - start - (inBreak ? 1 : 0) };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineCount) return this.text.length;
    const start = this.at(pos.line);
    const end = pos.line + 1 < this.lineCount ? this.at(pos.line + 1) : this.text.length;
    return Math.max(start, Math.min(start + pos.character, end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const start = this.at(line);
    let end = line + 1 < this.lineCount ? this.at(line + 1) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  /** The range of a whole line's content, used when a finding has no narrower place. */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.lineCount - 1));
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineText(l).length } };
  }
}

/** Line starts in chunks of `CHUNK` (at least one chunk: a text has a line start at 0). */
function split(starts: number[], delta: number): Chunk[] {
  if (starts.length <= 2 * CHUNK) return starts.length ? [{ starts, delta }] : [];
  const out: Chunk[] = [];
  for (let i = 0; i < starts.length; i += CHUNK) out.push({ starts: starts.slice(i, i + CHUNK), delta });
  return out;
}

/** The indexes last made for a text, each with its text (a host's document and its parse share one). */
const recent: LineIndex[] = [];

/**
 * The line index of `text`, shared: the editor's copy of a document and the
 * parse of the same text (the same string) use one index, so a keystroke
 * updates it once and a 50,000-line document is never scanned whole to
 * apply an edit to it.
 */
export function lineIndexOf(text: string): LineIndex {
  return knownLineIndex(text) ?? remember(new LineIndex(text));
}

/** The index of `text` if one was made lately. */
export function knownLineIndex(text: string): LineIndex | undefined {
  for (const l of recent) if (l.sameText(text)) return l;
  return undefined;
}

/** Keeps an index for `lineIndexOf` to find (the last two: an edited text's and the text before it). */
export function remember(index: LineIndex): LineIndex {
  recent.unshift(index);
  if (recent.length > 2) recent.pop();
  return index;
}
