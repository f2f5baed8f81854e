import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSnippets } from '../../scripts/gen-snippets';
import { complete } from '../../server/src/services/complete';
import { config, workspaceAt } from '../helpers/cursor';
import { MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles } from '../helpers/workspace';

const WHOLE_FILE = [
  'aims-manifest',
  'aims-soa',
  'aims-system-provider-high',
  'aims-system-deployer-high',
  'aims-system-limited',
  'aims-system-minimal',
];

/** Defaults that are sensible values as they stand (a role id the templates use, a common article), not blanks to fill. */
const SENSIBLE = new Set(['aims-owner', 'board', 'provider', '6', '9', 'A.5.2', 'A.6.2.4', '8.2', 'R-1', 'NC-1', 'Annex III(4)(a)']);

/** A snippet body accepted with every default: the text, and the lines that held a placeholder with a typed default. */
function expand(body: string): { text: string; lines: { line: number; value: string }[] } {
  const lines: { line: number; value: string }[] = [];
  const text = body
    .split('\n')
    .map((l, i) =>
      l
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, (_, v: string) => {
          if (!v.startsWith('$')) lines.push({ line: i, value: v });
          return v;
        })
        .replace(/\$CURRENT_YEAR/g, '2026')
        .replace(/\$CURRENT_MONTH/g, '11')
        .replace(/\$CURRENT_DATE/g, '23')
        .replace(/\$\{?\d+\}?/g, '')
        .replace(/\\([$}\\])/g, '$1'),
    )
    .join('\n');
  return { text, lines };
}

function wholeFileItems(marked: string): { label: string; text: string }[] {
  const { file, ws, position } = workspaceAt({ 'new.aims.yaml': marked }, 'new.aims.yaml');
  return complete(file, ws, position, config())
    .items.filter((i) => WHOLE_FILE.includes(i.label))
    .map((i) => ({ label: i.label, text: (i.textEdit as { newText: string }).newText }));
}

describe('snippets', () => {
  it('offers whole-file snippets at the top of an empty file, and nowhere else', () => {
    assert.deepEqual(
      wholeFileItems('|').map((i) => i.label),
      WHOLE_FILE,
    );
    assert.deepEqual(
      wholeFileItems('aims-s|').map((i) => i.label),
      WHOLE_FILE,
    );
    assert.deepEqual(wholeFileItems('\n\n|\n'), wholeFileItems('|'), 'blank lines are still an empty file');
    assert.deepEqual(wholeFileItems('aims: 1\nkind: AISystem\n|'), []);
    assert.deepEqual(wholeFileItems('# notes\n|'), []);
    // The snippet file has no context, so it holds only the entry snippets.
    const prefixes = Object.values(buildSnippets()).flatMap((s) => s.prefix);
    for (const p of WHOLE_FILE) assert.ok(!prefixes.includes(p), p);
  });

  it('accepted as they are, whole-file snippets leave a finding on every value still to fill in', () => {
    for (const { label, text: body } of wholeFileItems('|')) {
      const { text, lines } = expand(body);
      const path = label === 'aims-manifest' ? 'aims.aims.yaml' : label === 'aims-soa' ? 'soa.aims.yaml' : 'systems/new.aims.yaml';
      const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [path]: text };
      const found = checkFiles(files, { existing: ['evidence/x.md'] })[path] ?? [];
      for (const { line, value } of lines) {
        if (SENSIBLE.has(value)) continue;
        assert.ok(
          found.some((d) => d.range.start.line === line),
          `${label}: '${value}' (line ${line + 1}) is accepted silently: ${text.split('\n')[line]}`,
        );
      }
    }
  });

  it('the entry snippets do the same inside their files', () => {
    const where: Record<string, { path: string; before: string }> = {
      Obligation: {
        path: 'systems/s.aims.yaml',
        before:
          'aims: 1\nkind: AISystem\nid: s\nname: S\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n',
      },
      Risk: { path: 'risk.aims.yaml', before: 'aims: 1\nkind: RiskRegister\nrisks:\n' },
      Nonconformity: { path: 'aims.aims.yaml', before: MANIFEST + 'nonconformities:\n' },
    };
    const snippets = buildSnippets();
    for (const [name, { path, before }] of Object.entries(where)) {
      const { text, lines } = expand(snippets[name].body.map((l) => (l ? `  ${l}` : l)).join('\n'));
      const offset = before.split('\n').length - 1;
      const files: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), [path]: before + text + '\n' };
      const found = checkFiles(files, { existing: ['evidence/x.md'] })[path] ?? [];
      for (const { line, value } of lines) {
        if (SENSIBLE.has(value)) continue;
        assert.ok(
          found.some((d) => d.range.start.line === line + offset),
          `${name}: '${value}' is accepted silently`,
        );
      }
    }
  });
});
