import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildIndex, parseFile, type ParsedFile } from '../../server/src/core';
import { systemCoverage } from '../../server/src/core/coverage';
import { defaultOptions } from '../../server/src/core/types';
import { FolderCoverage, PAGE_BYTES, systemPart } from '../../server/src/lsp/coverage-parts';
import type { Folder } from '../../server/src/lsp/workspace-manager';
import { MANIFEST, soa, SYSTEM } from '../helpers/fixtures';

const ROOT = '/ws';
const options = defaultOptions({ asOf: '2026-11-23' });

function exampleFiles(): ParsedFile[] {
  const dir = join(__dirname, '..', '..', 'examples', 'acme-lending');
  const out: ParsedFile[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.aims.yaml')) out.push(parseFile(ROOT + p.slice(dir.length), readFileSync(p, 'utf8')));
    }
  };
  walk(dir);
  return out;
}

function folderOf(files: ParsedFile[]): Folder {
  return {
    root: ROOT,
    uri: 'file:///ws',
    files: new Map(files.map((f) => [f.path, f])),
    uris: new Map(),
    open: new Set(),
    diagnostics: new Map(),
    indexed: true,
  };
}

describe('coverage parts', () => {
  // The server recomputes a system's part only when its own file, its findings, the settings or the
  // manifest's evidenceMaxAge change (the last two: test/unit/evidence-coverage-parts.test.ts). That is
  // right only while the part depends on nothing else: this test fails the day it does, and then
  // FolderCoverage.update must learn the new dependency.
  it("a system's part depends on nothing else in the workspace (no other manifest field, SoA or register)", () => {
    const files = exampleFiles();
    const systems = files.filter((f) => f.kind === 'AISystem');
    const full = buildIndex(ROOT, files);
    const others = [
      // nothing else at all
      buildIndex(ROOT, systems),
      // another manifest (other roles, organisation), an SoA excluding every control, no risk register
      buildIndex(ROOT, [
        parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST.replace('[provider, deployer]', '[importer]')),
        parseFile(`${ROOT}/soa.aims.yaml`, soa().replace(/applicable: true/g, 'applicable: false')),
        ...systems,
        parseFile(`${ROOT}/systems/zz.aims.yaml`, SYSTEM),
      ]),
    ];
    for (const f of systems) {
      const want = systemPart(systemCoverage(f, full, options));
      for (const ws of others) assert.deepEqual(systemPart(systemCoverage(f, ws, options)), want, f.path);
    }
  });

  it('moves the version only when a part changes, and sends only what changed', () => {
    const files = exampleFiles();
    const folder = folderOf(files);
    const c = new FolderCoverage();
    assert.ok(c.update(folder, buildIndex(ROOT, files), options, 1000));
    const v = c.version;
    assert.ok(c.update(folder, buildIndex(ROOT, files), options, 1000));
    assert.equal(c.version, v, 'nothing changed');
    // The same text parsed again is a new file object with the same part: no new version.
    const reparsed = files.map((f) => parseFile(f.path, f.text));
    assert.ok(c.update(folderOf(reparsed), buildIndex(ROOT, reparsed), options, 1000));
    assert.equal(c.version, v, 'same text, same parts');
    const renamed = reparsed.map((f) =>
      f.path.endsWith('support-chatbot.aims.yaml') ? parseFile(f.path, f.text.replace(/^name: .*$/m, 'name: Renamed')) : f,
    );
    c.update(folderOf(renamed), buildIndex(ROOT, renamed), options, 1000);
    const res = c.parts({ root: ROOT, epoch: c.epoch, since: v }, folderOf(renamed).files, buildIndex(ROOT, renamed), options);
    assert.equal(res.full, false);
    assert.deepEqual(
      res.parts.map((p) => p.key),
      [`system:${ROOT}/systems/support-chatbot.aims.yaml`],
    );
  });

  it('pages stay under the byte limit and a stale cursor starts afresh', () => {
    const files = [parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST), parseFile(`${ROOT}/soa.aims.yaml`, soa())];
    for (let i = 0; i < 300; i++) files.push(parseFile(`${ROOT}/systems/s-${i}.aims.yaml`, SYSTEM.replace('id: hiring', `id: s-${i}`)));
    const folder = folderOf(files);
    const index = buildIndex(ROOT, files);
    const c = new FolderCoverage();
    while (!c.update(folder, index, options)) {
      /* in slices */
    }
    const keys = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = c.parts({ root: ROOT, cursor }, folder.files, index, options);
      assert.ok(JSON.stringify(res.parts).length <= PAGE_BYTES, `page ${pages}`);
      res.parts.forEach((p) => keys.add(p.key));
      cursor = res.cursor;
      pages++;
    } while (cursor);
    assert.ok(pages > 1);
    assert.equal([...keys].filter((k) => k.startsWith('system:')).length, 300);
    const again = c.parts({ root: ROOT, cursor: 'gone:5' }, folder.files, index, options);
    assert.equal(again.parts[0].key, [...keys][0]);
  });
});
