import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DORMANT_TREES } from '../../server/src/core/dormant-file';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

before(() => ensureBuilt());

const SYS = 'systems/credit-scoring.aims.yaml';

/** Starts a server on a folder and waits until every file is read and checked. */
async function serve(dir: string): Promise<TestClient> {
  const c = new TestClient();
  c.settings = { referenceDate: '2026-11-23' };
  await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS);
  await c.until(() => c.progress.some((p) => p.kind === 'end'), 'the folder indexed', 120_000);
  return c;
}

/** What the server answers about the record nobody opened: hover, definition and references at each line's key and value. */
async function answers(c: TestClient, dir: string): Promise<string[]> {
  const uri = pathToFileURL(join(dir, SYS)).toString();
  const text = readFileSync(join(dir, SYS), 'utf8');
  const out: string[] = [];
  const at = (s: string) => s.split(pathToFileURL(dir).toString()).join('<dir>').split(dir).join('<dir>');
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const indent = lines[line].length - lines[line].trimStart().length;
    const colon = lines[line].indexOf(': ');
    for (const character of new Set([indent, colon >= 0 ? colon + 2 : indent])) {
      const pos = { textDocument: { uri }, position: { line, character } };
      out.push(`${line}:${character} hover ${at(JSON.stringify(await c.conn.sendRequest('textDocument/hover', pos)))}`);
      out.push(`${line}:${character} definition ${at(JSON.stringify(await c.conn.sendRequest('textDocument/definition', pos)))}`);
      // References read every record of the folder: asked at the lines naming an id (the record's, a role).
      if (!/^\s*(id|owner): /.test(lines[line]) || character === indent) continue;
      const refs = await c.conn.sendRequest('textDocument/references', { ...pos, context: { includeDeclaration: true } });
      // The folder with copies has more records citing the same roles: compare what lies outside them.
      const own = ((refs as { uri: string }[] | null) ?? []).filter((r) => !r.uri.includes('/zz-copy-'));
      out.push(`${line}:${character} references ${at(JSON.stringify(own))}`);
    }
  }
  const findings = c.latest(uri) ?? [];
  out.push(`findings ${at(JSON.stringify(findings))}`);
  const fixes = await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    context: { diagnostics: findings },
  });
  out.push(`fixes ${at(JSON.stringify(fixes))}`);
  const coverage = (await c.conn.sendRequest('aims/coverage', { uri })) as { workspaces: { systems: { file: string }[] }[] };
  out.push(`coverage ${at(JSON.stringify(coverage.workspaces[0].systems.find((s) => s.file.endsWith(SYS))))}`);
  return out;
}

/**
 * A record nobody has open keeps its text, and its tree is parsed again when a
 * check, the coverage or a request needs it (core/dormant-file.ts). Through the
 * protocol, the server's answers about such a record are the same in a small
 * folder, where every tree is held, and in one with more records than trees
 * held, before and after a request that reads every record has pushed its
 * tree out.
 */
describe('a record whose tree the server dropped', () => {
  const parent = mkdtempSync(join(tmpdir(), 'aims-dormant-'));
  after(() => rmSync(parent, { recursive: true, force: true }));
  const small = join(parent, 'small');
  const large = join(parent, 'large');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), small, { recursive: true });
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), large, { recursive: true });
  const record = readFileSync(join(large, SYS), 'utf8');
  // A role misspelt: the record has a finding with a quick fix (in both folders; the copies keep the right one).
  for (const dir of [small, large]) {
    const p = join(dir, SYS);
    writeFileSync(p, readFileSync(p, 'utf8').replace('owner: head-of-risk', 'owner: head-of-rsk'));
  }
  // Copies that sort after the record, more than the trees held: reading them all pushes its tree out.
  for (let i = 0; i < DORMANT_TREES + 200; i++)
    writeFileSync(join(large, 'systems', `zz-copy-${i}.aims.yaml`), record.replace('id: credit-scoring', `id: zz-copy-${i}`));

  it('gets the same findings, hover, definition, references, quick fixes and coverage', async () => {
    const a = await serve(small);
    let kept: string[];
    try {
      kept = await answers(a, small);
    } finally {
      await a.close();
    }
    assert.ok(
      kept.some((s) => /hover \{/.test(s)),
      'some hover answered',
    );
    assert.ok(
      kept.some((s) => /definition \[\{/.test(s)),
      'some definition answered',
    );
    assert.ok(!kept.includes('findings []') && !kept.includes('fixes []'), 'the record has findings and fixes');
    const b = await serve(large);
    try {
      const first = await answers(b, large);
      // References to a role every record names read every record, in path order: the copies after it push its tree out.
      const ownerLine = record.split('\n').findIndex((l) => l.startsWith('    owner: head-of-ml'));
      const refs = (await b.conn.sendRequest('textDocument/references', {
        textDocument: { uri: pathToFileURL(join(large, SYS)).toString() },
        position: { line: ownerLine, character: '    owner: '.length },
        context: { includeDeclaration: true },
      })) as unknown[];
      assert.ok(refs.length > DORMANT_TREES, `the references read every record (${refs.length})`);
      const again = await answers(b, large);
      for (let i = 0; i < kept.length; i++) {
        // A hover on a role counts the files naming it, which the copies add to: compared within the large folder.
        if (!kept[i].includes(' hover ')) assert.equal(first[i], kept[i]);
        assert.equal(again[i], first[i]);
      }
      assert.equal(again.length, kept.length);
    } finally {
      await b.close();
    }
  });
});
