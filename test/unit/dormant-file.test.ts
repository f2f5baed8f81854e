import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFile } from '../../server/src/core/check';
import { systemCoverage } from '../../server/src/core/coverage';
import { dormant, DormantFile, dropDormantTrees } from '../../server/src/core/dormant-file';
import { defaultOptions, type Diagnostic } from '../../server/src/core/types';
import { buildIndex, type WorkspaceIndex } from '../../server/src/core/workspace';
import { parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
import { codeActions } from '../../server/src/services/code-actions';
import { hover } from '../../server/src/services/hover';
import { definition, references } from '../../server/src/services/navigation';
import { config } from '../helpers/cursor';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';
import { RULE_CASES } from '../rule-cases';

/**
 * A record nobody has open keeps its text and drops its tree, which is parsed
 * again when read (core/dormant-file.ts). Whatever the user sees about it must
 * not depend on whether its tree was dropped: its findings, its coverage, and
 * the hover, definition, references and quick fixes at every line.
 */
const fs = fakeFs(EXISTING);

/** Every answer about one file, at the start of each line's key and of its value. */
function answers(file: ParsedFile, ws: WorkspaceIndex, asOf: string, drop: () => void): string[] {
  const options = defaultOptions({ asOf });
  const cfg = { ...config({ fs }), options };
  const out: string[] = [];
  drop();
  const findings: Diagnostic[] = checkFile(file, ws, options, fs);
  out.push(`findings ${JSON.stringify(findings)}`);
  drop();
  if (file.kind === 'AISystem') out.push(`coverage ${JSON.stringify(systemCoverage(file, ws, options, findings))}`);
  drop();
  const diagnostics = findings.map((d) => ({ range: d.range, code: d.code, message: d.message, data: d.data }));
  out.push(`fixes ${JSON.stringify(codeActions(file, ws, file.lines.range(0, 0), { diagnostics }, cfg))}`);
  const lines = file.text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const indent = lines[line].length - lines[line].trimStart().length;
    const colon = lines[line].indexOf(': ');
    for (const character of [indent, colon >= 0 ? colon + 2 : indent]) {
      const position = { line, character };
      drop();
      out.push(`${line}:${character} hover ${JSON.stringify(hover(file, ws, position, cfg))}`);
      drop();
      out.push(`${line}:${character} definition ${JSON.stringify(definition(file, ws, position, cfg))}`);
      drop();
      out.push(`${line}:${character} references ${JSON.stringify(references(file, ws, position, true, cfg))}`);
    }
  }
  return out;
}

/** The same workspace twice: every file as parsed, and every record dormant with its tree dropped before each question. */
function compare(texts: Record<string, string>, root: string, asOf = '2026-11-23'): number {
  const paths = Object.keys(texts).sort();
  const kept = paths.map((p) => parseFile(p, texts[p]));
  const resting = paths.map((p) => dormant(parseFile(p, texts[p])));
  const keptWs = buildIndex(root, kept);
  const restingWs = buildIndex(root, resting);
  let records = 0;
  for (let i = 0; i < paths.length; i++) {
    if (!(resting[i] instanceof DormantFile)) continue;
    records++;
    const a = answers(kept[i], keptWs, asOf, () => undefined);
    const b = answers(resting[i], restingWs, asOf, dropDormantTrees);
    assert.equal(b.length, a.length);
    for (let k = 0; k < a.length; k++) assert.equal(b[k], a[k], `${paths[i]}: ${a[k].slice(0, 60)}`);
  }
  return records;
}

describe('a record whose tree was dropped', () => {
  it('gives the same answers in every rule case', () => {
    let records = 0;
    for (const c of RULE_CASES) {
      const texts: Record<string, string> = {};
      if (!c.omit?.includes('manifest')) texts[`${ROOT}/aims.aims.yaml`] = MANIFEST;
      if (!c.omit?.includes('soa')) texts[`${ROOT}/soa.aims.yaml`] = soa(c.excluded ?? []);
      for (const [rel, text] of Object.entries(c.extra ?? {})) texts[`${ROOT}/${rel}`] = text;
      for (const text of [c.bad.replace('  # <--', ''), c.good]) {
        records += compare({ ...texts, [`${ROOT}/${c.file}`]: text }, ROOT, c.asOf);
      }
    }
    // Most cases have a record: the comparison is not empty.
    assert.ok(records > 100, `only ${records} records compared`);
  });

  it('gives the same answers in the example workspaces', () => {
    for (const name of ['acme-lending', 'starter']) {
      const dir = join(__dirname, '..', '..', 'examples', name);
      const texts: Record<string, string> = {};
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name));
          else if (e.name.endsWith('.aims.yaml')) texts[join(d, e.name)] = readFileSync(join(d, e.name), 'utf8');
        }
      };
      walk(dir);
      assert.ok(compare(texts, dir) > 0, `${name} has no record`);
    }
  });

  it('is parsed again after a drop, and the nodes it gives are equal to the first ones', () => {
    const text = 'aims: 1\nkind: AISystem\nid: s-1\nname: S\n';
    const f = dormant(parseFile(`${ROOT}/systems/s.aims.yaml`, text)) as DormantFile;
    const first = f.root;
    assert.equal(f.root, first, 'held between reads');
    dropDormantTrees();
    assert.notEqual(f.root, first, 'parsed again after the drop');
    assert.deepEqual(f.root?.toJSON(), first?.toJSON());
    assert.equal(f.recordId, 's-1');
  });
});
