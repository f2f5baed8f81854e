import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soaText } from '../../bench/generate';
import { citations } from '../../server/src/core/dependencies';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../../server/src/core/workspace';
import { fastTrees, parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
import { reparseFile } from '../../server/src/core/yaml/reparse';
import { prng, randomEdit } from '../helpers/yaml-gen';

const ROOT = '/ws';
const PATH = '/ws/soa.aims.yaml';

/** The SoA part of an index as plain data, in its order (workspace symbols list the controls in it). */
const controls = (ws: WorkspaceIndex): unknown =>
  [...ws.controls].map(([id, d]) => [id, d.file.text, d.applicable, d.status, d.justification, d.additional, d.node.range, d.value?.range]);

/** Edits of an SoA: a control's state, its id (often to one as long), a control added or removed, a typed character. */
function edit(rand: () => number, text: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const ids = [...text.matchAll(/^ {2}(\S+):$/gm)];
  const m = pick(ids);
  const r = rand();
  if (r < 0.25) {
    // The same id in the other case is a new id as long as the old one (nothing after it moves); another's is a duplicate.
    const swapped = m[1].replace(/^./, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
    const to = rand() < 0.7 ? swapped : pick([pick(ids)[1], 'A.6.2.5', 'X']);
    return text.slice(0, m.index) + `  ${to}:` + text.slice(m.index + m[0].length);
  }
  if (r < 0.5) {
    const at = text.indexOf('applicable: ', m.index);
    const was = text.startsWith('applicable: true', at) ? 'applicable: true' : 'applicable: false';
    return text.slice(0, at) + (was.endsWith('true') ? 'applicable: false' : 'applicable: true') + text.slice(at + was.length);
  }
  if (r < 0.55) {
    // A control's owner changed (the SoA's citations of roles count them per control).
    const at = text.indexOf('owner: ', m.index);
    const end = text.indexOf('\n', at);
    return at < 0 ? text : text.slice(0, at) + `owner: ${pick(['aims-owner', 'risk-lead', 'new-role', 'x'])}` + text.slice(end);
  }
  if (r < 0.6) return text.slice(0, m.index) + `  NEW-${Math.floor(rand() * 50)}:\n    applicable: true\n` + text.slice(m.index);
  if (r < 0.7) {
    const next = text.indexOf('\n  ', m.index + m[0].length);
    return next < 0 ? text : text.slice(0, m.index) + text.slice(next + 1);
  }
  return randomEdit(rand, text);
}

describe('the SoA part of the workspace index and its citations, updated per edit', () => {
  it('equal a fresh buildIndex and citations after random edits of a 300-control SoA; the places are kept while no id changes', () => {
    const rand = prng(5002);
    let text = soaText(260);
    let file: ParsedFile = parseFile(PATH, text, 0);
    let ws = buildIndex(ROOT, [file]);
    citations(file);
    let shared = 0;
    let clean = text;
    for (let step = 1; step <= 300; step++) {
      // After a text that only a full parse reads (a duplicate id), back to the last one the fast path read, or every
      // later edit would be a full parse too.
      text = fastTrees.has(file) ? edit(rand, text) : clean;
      const next = reparseFile(file, PATH, text, step);
      if (fastTrees.has(next)) clean = text;
      const cites = new Set(citations(next, file));
      const before = ws.controls;
      ws = updateIndex(ws, file, next);
      file = next;
      assert.deepEqual(controls(ws), controls(buildIndex(ROOT, [file])), `controls differ after edit ${step}`);
      assert.deepEqual(cites, new Set(citations(parseFile(PATH, text, step))), `citations differ after edit ${step}`);
      const places = (m: unknown): unknown => (m as { places?: unknown }).places;
      if (places(ws.controls) === places(before)) shared++;
    }
    // Half the edits change a state, not an id: those keep the places (the part that costs the whole SoA).
    assert.ok(shared >= 90, `places kept after ${shared} of 300 edits`);
  });
});
