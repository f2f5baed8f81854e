import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, parseDocument } from 'yaml';
import { buildIndex, parseFile } from '../../server/src/core';
import { codeActions } from '../../server/src/services/code-actions';
import { config } from '../helpers/cursor';
import { EXISTING, exampleTexts, MANIFEST } from '../helpers/fixtures';
import { checkFiles, ROOT } from '../helpers/workspace';

/** The example SoAs and system records (the files with fixes that add), and the same with their controls and obligations as flow mappings. */
function seeds(): string[] {
  const out: string[] = [];
  for (const text of exampleTexts().filter((t) => /^kind:\s*(StatementOfApplicability|AISystem)\s*$/m.test(t))) {
    out.push(text);
    const doc = parseDocument(text);
    let changed = false;
    for (const key of ['controls', 'obligations']) {
      const map = doc.get(key, true);
      if (isMap(map)) {
        map.flow = true;
        changed = true;
      }
    }
    if (changed) out.push(doc.toString({ lineWidth: 0 }));
  }
  return out;
}

const blank = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && !v.trim()) ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Where `after` drops or changes a value of `before` that was not blank; undefined when it keeps them all. */
function lost(before: unknown, after: unknown, path = ''): string | undefined {
  if (blank(before)) return undefined;
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return path;
    for (let i = 0; i < before.length; i++) {
      const l = lost(before[i], after[i], `${path}[${i}]`);
      if (l !== undefined) return l;
    }
    return undefined;
  }
  if (typeof before === 'object' && before !== null) {
    if (typeof after !== 'object' || after === null || Array.isArray(after)) return path;
    for (const [k, v] of Object.entries(before)) {
      const l = lost(v, (after as Record<string, unknown>)[k], `${path}.${k}`);
      if (l !== undefined) return l;
    }
    return undefined;
  }
  return Object.is(before, after) ? undefined : path;
}

describe('fuzzing the quick fixes with mutated example files (block and flow)', () => {
  const texts = seeds();
  const runs = Number(process.env.AIMS_FUZZ_RUNS ?? 100);
  it(`no fix that adds or fills drops or changes a value, or adds a YAML error (${runs} inputs)`, () => {
    let offered = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(
          fc.oneof(
            // Delete whole lines (an entry, a justification), so that there is something to add.
            { weight: 3, arbitrary: fc.record({ line: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }) },
            {
              weight: 2,
              arbitrary: fc.record({
                at: fc.nat(),
                del: fc.nat({ max: 8 }),
                ins: fc.constantFrom(':', '- ', '\n', '  ', '{', '}', ',', '&a', '*a', '"', '#', ' # c', '|', '>-', '~', "''", '\r\n'),
              }),
            },
          ),
          { maxLength: 4 },
        ),
        (seed, edits) => {
          let text = texts[seed];
          for (const e of edits) {
            if ('line' in e) {
              const lines = text.split('\n');
              lines.splice(e.line % lines.length, e.count);
              text = lines.join('\n');
            } else {
              const at = e.at % (text.length + 1);
              text = text.slice(0, at) + e.ins + text.slice(at + e.del);
            }
          }
          const kind = /^kind:\s*(\w+)/m.exec(text)?.[1];
          const rel = kind === 'AIMS' ? 'aims.aims.yaml' : kind === 'StatementOfApplicability' ? 'soa.aims.yaml' : 'systems/x.aims.yaml';
          const files = rel === 'aims.aims.yaml' ? { [rel]: text } : { 'aims.aims.yaml': MANIFEST, [rel]: text };
          const diags = checkFiles(files, { existing: EXISTING })[rel] ?? [];
          const parsed = Object.entries(files).map(([p, t]) => parseFile(`${ROOT}/${p}`, t));
          const file = parsed.find((p) => p.path === `${ROOT}/${rel}`)!;
          const actions = codeActions(
            file,
            buildIndex(ROOT, parsed),
            { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            { diagnostics: diags.map((d) => ({ range: d.range, code: d.code, message: d.message, data: d.data })) },
            config(),
          );
          const doc = TextDocument.create('file:///x', 'yaml', 0, text);
          // A lone CR ends a line for YAML 1.2, VS Code and the checker, but the yaml package keeps it in
          // a plain scalar ("I\r"); read both sides as the editor does, or a fix that inserts after it
          // (making it CRLF) would count as changing the value.
          const read = (t: string) => parseDocument(t.replace(/\r(?!\n)/g, '\n'), { merge: true });
          const before = read(text);
          for (const a of actions) {
            if (a.title.startsWith('Change to')) continue;
            offered++;
            const edits = Object.values(a.edit!.changes!)[0];
            for (const e of edits) {
              const removed = text.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end));
              assert.match(
                removed,
                /^[ \t]*(\{\s*\}|\[\s*\]|~|null|''|""|[|>][-+0-9]*)?$/,
                `${a.title} removes ${JSON.stringify(removed)}`,
              );
            }
            const after = read(TextDocument.applyEdits(doc, edits));
            assert.ok(after.errors.length <= before.errors.length, `${a.title} adds a YAML error:\n${TextDocument.applyEdits(doc, edits)}`);
            if (before.errors.length === 0) {
              const where = lost(before.toJS(), after.toJS());
              assert.equal(where, undefined, `${a.title} loses ${where}`);
            }
          }
        },
      ),
      { numRuns: runs },
    );
    assert.ok(offered > 0, 'some fixes were offered and checked');
    if (process.env.AIMS_FUZZ_RUNS) console.log(`${offered} fixes checked`);
  });
});
