import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Links from a finding's code to its section of docs/rules.md. VS Code opens
 * `rules.md#L82` at line 82 and ignores other fragments, so the link names
 * the line of the rule's `## code` heading, read once from the document
 * shipped beside the server; without the document, the heading's anchor.
 */
export function ruleLinks(docPath: string): (code: string) => string {
  const url = pathToFileURL(docPath).toString();
  const lines = new Map<string, number>();
  try {
    readFileSync(docPath, 'utf8')
      .split('\n')
      .forEach((l, i) => {
        if (l.startsWith('## ')) lines.set(l.slice(3).trim(), i + 1);
      });
  } catch {
    // Not shipped here (a source checkout without docs): the anchor still works in a Markdown viewer.
  }
  return (code) => {
    const line = lines.get(code);
    return line ? `${url}#L${line}` : `${url}#${code}`;
  };
}
