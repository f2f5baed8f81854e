/**
 * C0 and C1 control characters (escape sequences, carriage returns, new
 * lines), DEL, line and paragraph separators, and the bidirectional controls
 * that can make text read differently from what it is ("Trojan Source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A line break or other white-space control, with the blanks and breaks after it (one pass, no backtracking). */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029][ \t\n\v\f\r\u0085\u2028\u2029]*/g;

/** Text with every control character shown as a visible escape (`\n`, `\x1b`, `\u{202e}`): it cannot start an escape sequence or a new line. */
export function showControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
  });
}

/**
 * User text made safe to show on one line of a terminal, CI log or report:
 * line breaks and tabs become one space, and every other control character
 * (ESC and the rest of C0, DEL, C1) or bidirectional override becomes a
 * visible escape (showControls). So a value can neither start a line of its
 * own (where `::error` would be a GitHub Actions workflow command), nor a
 * terminal escape sequence (colours, OSC 8 links, titles), nor make the text
 * around it display in another order.
 */
export function plainLine(s: string): string {
  return showControls(s.replace(BREAKS, ' '));
}

/** Characters JSON may carry raw that a terminal or a JavaScript reader would act on: DEL, C1, bidi marks, line and paragraph separators. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text (indented) in which those characters are written as `\u`
 * escapes, and so is the second `#` of `##[` (the GitHub Actions runner reads
 * a legacy workflow command there anywhere in a line, inside a JSON string
 * too): the same data, safe to print in a terminal or CI log.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\\u0023[');
}
