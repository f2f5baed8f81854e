import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ruleHeadingLines, ruleHrefs } from './rule-lines';

/**
 * Links from a finding's code to its section of docs/rules.md (see
 * ruleHrefs), its headings read once from the document shipped beside the
 * server; without the document, the headings' anchors.
 */
export function ruleLinks(docPath: string): (code: string) => string {
  let lines: Record<string, number> = {};
  try {
    lines = ruleHeadingLines(readFileSync(docPath, 'utf8'));
  } catch {
    // Not shipped here (a source checkout without docs): the anchor still works in a Markdown viewer.
  }
  return ruleHrefs(pathToFileURL(docPath).toString(), lines);
}
