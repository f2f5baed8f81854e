import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { lineIndexOf, remember, type LineIndex } from '../core/yaml/line-index';

/**
 * The server's copy of an open document, as `vscode-languageserver-textdocument`
 * keeps it (the same positions and offsets), with its lines in the parser's
 * `LineIndex`: that one is shared with the parse of the same text and
 * updated per edit, where the library's copy scans the whole text at the
 * first keystroke (~85 ms in a 50,000-line file before V8 optimises the
 * loop) and moves every later line start at each one.
 */
class AimsDocument implements TextDocument {
  private index?: LineIndex;
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private text: string,
  ) {}

  private get lines(): LineIndex {
    return (this.index ??= lineIndexOf(this.text));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  /** As the library does: a character past the end of its line is the end of the line's content. */
  offsetAt(position: Position): number {
    const lines = this.lines;
    if (position.line >= lines.lineCount) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = lines.offsetAt({ line: position.line, character: 0 });
    if (position.character <= 0) return lineStart;
    return this.beforeEol(lines.offsetAt(position), lineStart);
  }

  getLineRange(line: number): Range {
    const lines = this.lines;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const l = Math.min(line, lines.lineCount - 1);
    const start = lines.offsetAt({ line: l, character: 0 });
    const end = l >= line ? this.beforeEol(lines.offsetAt({ line: l + 1, character: 0 }), start) : this.text.length;
    return { start: { line: l, character: 0 }, end: { line: l, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines;
    if (line < 0 || line >= lines.lineCount) return '';
    const next = lines.offsetAt({ line: line + 1, character: 0 });
    return this.text.substring(this.beforeEol(next, lines.offsetAt({ line, character: 0 })), next);
  }

  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.text = change.text;
        this.index = undefined;
        continue;
      }
      const [a, b] = [this.offsetAt(change.range.start), this.offsetAt(change.range.end)];
      const [start, end] = a <= b ? [a, b] : [b, a];
      const text = this.text.slice(0, start) + change.text + this.text.slice(end);
      this.index = remember(this.lines.edited(text, start, end, start + change.text.length));
      this.text = text;
    }
    this.version = version;
  }
}

const isEol = (c: number): boolean => c === 10 || c === 13;

/** For `new TextDocuments(aimsDocuments)`. */
export const aimsDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new AimsDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    (document as unknown as AimsDocument).update(changes, version);
    return document;
  },
};
