// One indentation mistake in the example workspace gives one yaml-syntax finding at the line that is
// wrong, saying how far to indent it, and nothing that is only its consequence: no cascade of YAML
// errors on later lines, no "missing" findings in the same file, and no "not listed" / "unknown"
// findings in the files that refer to it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/core';
import { reparseFile } from '../../server/src/core/yaml/reparse';
import { MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles } from '../helpers/workspace';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'acme-lending');

/** Every file of the example, relative to it: the AIMS files' texts and every path (evidence exists). */
function example(): { texts: Record<string, string>; existing: string[] } {
  const texts: Record<string, string> = {};
  const existing: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = relative(EXAMPLE, p);
        existing.push(rel);
        if (n.endsWith('.aims.yaml')) texts[rel] = readFileSync(p, 'utf8');
      }
    }
  };
  walk(EXAMPLE);
  return { texts, existing };
}

/** Every finding of a workspace as `file:line:column code message` (1-based, as the CLI prints them). */
function rows(files: Record<string, string>, existing: string[]): string[] {
  return Object.entries(checkFiles(files, { existing }))
    .flatMap(([f, ds]) => ds.map((d) => `${f}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`))
    .sort();
}

/** The example's findings with line `line` (1-based) of `file` starting with `to` instead of `from`. */
function withMistake(file: string, line: number, from: string, to: string): string[] {
  const { texts, existing } = example();
  const lines = texts[file].split('\n');
  assert.ok(lines[line - 1].startsWith(from), `${file}:${line} starts with ${JSON.stringify(from)}: ${lines[line - 1]}`);
  lines[line - 1] = to + lines[line - 1].slice(from.length);
  return rows({ ...texts, [file]: lines.join('\n') }, existing);
}

describe('one indentation mistake in the example gives one finding and no cascade', () => {
  it('the example itself has no findings', () => {
    const { texts, existing } = example();
    assert.deepEqual(rows(texts, existing), []);
  });

  const cases: [string, string, number, string, string, string][] = [
    // name, file, line, text at the start of the line, what replaces it, the one finding expected
    [
      'an SoA control indented 1 space instead of 2',
      'soa.aims.yaml',
      15,
      '  A.2.3:',
      ' A.2.3:',
      "soa.aims.yaml:15:2 yaml-syntax 'A.2.3' is indented 1 space, which matches no level above it ('A.2.2' on line 8 has 2 spaces, 'controls' on line 7 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'A.2.2'.",
    ],
    [
      'an SoA control indented 3 spaces instead of 2',
      'soa.aims.yaml',
      15,
      '  A.2.3:',
      '   A.2.3:',
      "soa.aims.yaml:15:4 yaml-syntax 'A.2.3' is indented 3 spaces, which matches no level above it ('evidence' on line 14 has 4 spaces, 'A.2.2' on line 8 has 2 spaces), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'A.2.2'.",
    ],
    [
      "an SoA control's status at its control's column",
      'soa.aims.yaml',
      12,
      '    status:',
      '  status:',
      "soa.aims.yaml:12:3 yaml-syntax 'status' is indented 2 spaces and the key after it ('owner' on line 13) 4 spaces, so YAML cannot read them as one mapping. Indent it 4 spaces, like 'justification' on line 11.",
    ],
    [
      "an SoA control's status indented 3 spaces instead of 4",
      'soa.aims.yaml',
      12,
      '    status:',
      '   status:',
      "soa.aims.yaml:12:4 yaml-syntax 'status' is indented 3 spaces, which matches no level above it ('justification' on line 11 has 4 spaces, 'A.2.2' on line 8 has 2 spaces), so YAML cannot tell which mapping it belongs to. Indent it 4 spaces, like 'justification'.",
    ],
    [
      "an SoA control's status indented 5 spaces instead of 4",
      'soa.aims.yaml',
      12,
      '    status:',
      '     status:',
      "soa.aims.yaml:12:6 yaml-syntax 'status' is indented deeper than 'justification' on line 11, which already has a value, so YAML reads both lines as one key. Indent it 4 spaces, like 'justification'.",
    ],
    [
      "an SoA control's status indented with a tab",
      'soa.aims.yaml',
      12,
      '    status:',
      '\tstatus:',
      "soa.aims.yaml:12:2 yaml-syntax 'status' is indented with a tab, which YAML does not allow. Indent it 4 spaces, like 'justification' on line 11.",
    ],
    [
      'an SoA control indented with a tab',
      'soa.aims.yaml',
      15,
      '  A.2.3:',
      '\tA.2.3:',
      "soa.aims.yaml:15:2 yaml-syntax 'A.2.3' is indented with a tab, which YAML does not allow. Indent it 2 spaces, like 'A.2.2' on line 8.",
    ],
    [
      'a risk indented 1 space instead of 2',
      'risk/risk-register.aims.yaml',
      19,
      '  R-2:',
      ' R-2:',
      "risk/risk-register.aims.yaml:19:2 yaml-syntax 'R-2' is indented 1 space, which matches no level above it ('R-1' on line 7 has 2 spaces, 'risks' on line 6 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'R-1'.",
    ],
    [
      "a risk's owner at its risk's column",
      'risk/risk-register.aims.yaml',
      15,
      '    owner:',
      '  owner:',
      "risk/risk-register.aims.yaml:15:3 yaml-syntax 'owner' is indented 2 spaces and the key after it ('status' on line 16) 4 spaces, so YAML cannot read them as one mapping. Indent it 4 spaces, like 'controls' on line 14.",
    ],
    [
      "a risk's owner indented with a tab",
      'risk/risk-register.aims.yaml',
      15,
      '    owner:',
      '\towner:',
      "risk/risk-register.aims.yaml:15:2 yaml-syntax 'owner' is indented with a tab, which YAML does not allow. Indent it 4 spaces, like 'controls' on line 14.",
    ],
    [
      'a role of the manifest indented 1 space instead of 2',
      'aims.aims.yaml',
      32,
      '  head-of-risk:',
      ' head-of-risk:',
      "aims.aims.yaml:32:2 yaml-syntax 'head-of-risk' is indented 1 space, which matches no level above it ('aims-owner' on line 31 has 2 spaces, 'roles' on line 30 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'aims-owner'.",
    ],
    [
      'a role of the manifest indented with a tab',
      'aims.aims.yaml',
      32,
      '  head-of-risk:',
      '\thead-of-risk:',
      "aims.aims.yaml:32:2 yaml-syntax 'head-of-risk' is indented with a tab, which YAML does not allow. Indent it 2 spaces, like 'aims-owner' on line 31.",
    ],
    [
      "an objective's measure at its objective's column",
      'aims.aims.yaml',
      38,
      '    measure:',
      '  measure:',
      "aims.aims.yaml:38:3 yaml-syntax 'measure' is indented 2 spaces and the key after it ('target' on line 39) 4 spaces, so YAML cannot read them as one mapping. Indent it 4 spaces, like 'statement' on line 37.",
    ],
    [
      'the first of the risk criteria indented 1 space, the others 2',
      'aims.aims.yaml',
      49,
      '  likelihood:',
      ' likelihood:',
      "aims.aims.yaml:49:2 yaml-syntax 'likelihood' is indented 1 space and the key after it ('impact' on line 50) 2 spaces, so YAML cannot read them as one mapping. Indent it 2 spaces, like 'impact'.",
    ],
    [
      "an objective's last field indented 3 spaces instead of 4",
      'aims.aims.yaml',
      41,
      '    owner:',
      '   owner:',
      "aims.aims.yaml:41:4 yaml-syntax 'owner' is indented 3 spaces, which matches no level above it ('due' on line 40 has 4 spaces, 'OBJ-1' on line 36 has 2 spaces), so YAML cannot tell which mapping it belongs to. Indent it 4 spaces, like 'due'.",
    ],
    // Valid YAML that means something else: the last field of an entry at the entries' column.
    [
      "an SoA control's last field at its control's column",
      'soa.aims.yaml',
      14,
      '    evidence:',
      '  evidence:',
      "soa.aims.yaml:14:3 yaml-syntax 'evidence' is indented 2 spaces, like the entries of 'controls' around it, so YAML reads it as an entry of its own, not as a field of 'A.2.2'. Indent it 4 spaces, like 'owner' on line 13.",
    ],
    [
      "a risk's last field at its risk's column",
      'risk/risk-register.aims.yaml',
      37,
      '    status:',
      '  status:',
      "risk/risk-register.aims.yaml:37:3 yaml-syntax 'status' is indented 2 spaces, like the entries of 'risks' around it, so YAML reads it as an entry of its own, not as a field of 'R-3'. Indent it 4 spaces, like 'owner' on line 36.",
    ],
    [
      "an objective's last field at its objective's column",
      'aims.aims.yaml',
      41,
      '    owner:',
      '  owner:',
      "aims.aims.yaml:41:3 yaml-syntax 'owner' is indented 2 spaces, like the entries of 'objectives' around it, so YAML reads it as an entry of its own, not as a field of 'OBJ-1'. Indent it 4 spaces, like 'due' on line 40.",
    ],
  ];
  for (const [name, file, line, from, to, want] of cases) {
    it(name, () => {
      assert.deepEqual(withMistake(file, line, from, to), [want]);
    });
  }
});

describe('two independent mistakes in one file', () => {
  it('each gets its own finding, and nothing follows from either', () => {
    const { texts, existing } = example();
    const lines = texts['soa.aims.yaml'].split('\n');
    assert.equal(lines[14], '  A.2.3:');
    assert.equal(lines[81], '    status: implemented');
    lines[14] = ' A.2.3:';
    lines[81] = '\tstatus: implemented';
    assert.deepEqual(rows({ ...texts, 'soa.aims.yaml': lines.join('\n') }, existing), [
      "soa.aims.yaml:15:2 yaml-syntax 'A.2.3' is indented 1 space, which matches no level above it ('A.2.2' on line 8 has 2 spaces, 'controls' on line 7 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'A.2.2'.",
      "soa.aims.yaml:82:2 yaml-syntax 'status' is indented with a tab, which YAML does not allow. Indent it 4 spaces, like 'justification' on line 81.",
    ]);
  });
});

describe('a broken SoA does not claim controls are missing', () => {
  it('a status dedented in the middle of the SoA: one finding, not "N controls are missing"', () => {
    const text = soa().replace(/( {2}A\.5\.2:\n(?: {4}.*\n){2}) {4}status:/, '$1  status:');
    assert.notEqual(text, soa());
    const d = checkFiles({ 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': text }, { existing: ['evidence/x.md', 'policies/ai-policy.md'] })[
      'soa.aims.yaml'
    ];
    const line = text.split('\n').findIndex((l) => l === '  status: implemented');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.code, x.message]),
      [
        [
          line,
          'yaml-syntax',
          "'status' is indented 2 spaces and the key after it ('owner' on line " +
            (line + 2) +
            ") 4 spaces, so YAML cannot read them as one mapping. Indent it 4 spaces, like 'justification' on line " +
            line +
            '.',
        ],
      ],
    );
  });
});

describe("an edit that leaves a field at its entries' column, re-read in place", () => {
  it('gives the finding a full parse gives', () => {
    const { texts } = example();
    const text = texts['soa.aims.yaml'];
    const old = parseFile('/ws/soa.aims.yaml', text, 1);
    assert.deepEqual(old.syntax, []);
    const edited = text.replace('\n    evidence: [policies/ai-policy.md]\n  A.2.3:', '\n  evidence: [policies/ai-policy.md]\n  A.2.3:');
    assert.notEqual(edited, text);
    const full = parseFile('/ws/soa.aims.yaml', edited, 2).syntax.map((d) => d.message);
    assert.equal(full.length, 1);
    assert.match(full[0], /^'evidence' is indented 2 spaces, like the entries of 'controls'/);
    assert.deepEqual(
      reparseFile(old, '/ws/soa.aims.yaml', edited, 2).syntax.map((d) => d.message),
      full,
    );
  });
});
