/** The 1-based line of each `## code` heading of docs/rules.md's text. */
export function ruleHeadingLines(text: string): Record<string, number> {
  const lines: Record<string, number> = {};
  text.split('\n').forEach((l, i) => {
    if (l.startsWith('## ')) lines[l.slice(3).trim()] = i + 1;
  });
  return lines;
}

/**
 * Links from a finding's code to its section of docs/rules.md at `url`.
 * VS Code opens `rules.md#L82` at line 82 and ignores other fragments, so the
 * link names the line of the rule's heading; for a code whose line is not
 * known, the heading's anchor.
 */
export function ruleHrefs(url: string, lines: Readonly<Record<string, number>>): (code: string) => string {
  return (code) => {
    const line = Object.hasOwn(lines, code) ? lines[code] : undefined;
    return typeof line === 'number' ? `${url}#L${line}` : `${url}#${code}`;
  };
}
