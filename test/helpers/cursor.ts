import { buildIndex, parseFile, type ParsedFile, type Position, type WorkspaceIndex } from '../../server/src/core';
import { defaultOptions } from '../../server/src/core/types';
import type { ServiceConfig } from '../../server/src/services/config';
import { fakeFs, ROOT } from './workspace';

/** Text with a `|` cursor marker → the text without it and the cursor position. */
export function cursor(marked: string): { text: string; position: Position } {
  const i = marked.indexOf('|');
  if (i < 0) throw new Error('no | cursor marker');
  const before = marked.slice(0, i);
  const line = before.split('\n').length - 1;
  return { text: marked.slice(0, i) + marked.slice(i + 1), position: { line, character: i - before.lastIndexOf('\n') - 1 } };
}

/** Parses `files` into a workspace; `at` names the file the cursor is in (its text has a `|`). */
export function workspaceAt(files: Record<string, string>, at: string): { file: ParsedFile; ws: WorkspaceIndex; position: Position } {
  let position: Position = { line: 0, character: 0 };
  const parsed = Object.entries(files).map(([rel, text]) => {
    if (rel === at) {
      const c = cursor(text);
      position = c.position;
      return parseFile(`${ROOT}/${rel}`, c.text);
    }
    return parseFile(`${ROOT}/${rel}`, text);
  });
  const ws = buildIndex(ROOT, parsed);
  return { file: parsed.find((p) => p.path === `${ROOT}/${at}`)!, ws, position };
}

export function config(partial: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    options: defaultOptions({ asOf: '2026-11-23' }),
    snippetSupport: true,
    markdown: true,
    uriOf: (p) => `file://${p}`,
    fs: fakeFs(['evidence/x.md']),
    ...partial,
  };
}
