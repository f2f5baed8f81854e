import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkWorkspace, defaultOptions, parseFile, type Diagnostic, type FileSystem } from '../../server/src/core';
import { memoFileSystem } from '../../server/src/core/memo-fs';
import { buildIndex } from '../../server/src/core/workspace';
import { createNodeFileSystem, nodeFileSystem, toCorePath, type NodeFsHost } from '../../server/src/node/node-fs';
import { complete } from '../../server/src/services/complete';
import { config, cursor } from '../helpers/cursor';
import { MANIFEST, soa } from '../helpers/fixtures';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A record whose Art. 4 evidence is `evidence`. */
const record = (evidence: string): string =>
  `aims: 1\nkind: AISystem\nid: x\nname: X\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n  Art. 4: { status: met, evidence: [${JSON.stringify(evidence)}] }\n`;

/** The evidence findings of a record in a workspace at `root` (core path), checked with `fs`. */
function evidenceFindings(root: string, evidence: string, fs: FileSystem): Diagnostic[] {
  const files = [
    parseFile(`${root}/aims.aims.yaml`, MANIFEST),
    parseFile(`${root}/soa.aims.yaml`, soa()),
    parseFile(`${root}/systems/x.aims.yaml`, record(evidence)),
  ];
  const d = checkWorkspace(root, files, defaultOptions({ asOf: '2026-11-23' }), memoFileSystem(fs)).diagnostics.get(
    `${root}/systems/x.aims.yaml`,
  )!;
  return d.filter((x) => x.code.startsWith('evidence-'));
}

/** A workspace on disk with an outside folder next to it, and the core path of each. */
function disk(): { ws: string; outside: string; core: (p: string) => string } {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'aims-confine-')));
  temps.push(base);
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(ws, 'systems'), { recursive: true });
  mkdirSync(path.join(ws, 'evidence'), { recursive: true });
  mkdirSync(path.join(outside, 'private'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  writeFileSync(path.join(ws, 'evidence', 'ok.md'), 'fine');
  return { ws, outside, core: toCorePath };
}

describe(
  'evidence paths never reach outside the workspace folder',
  { skip: process.platform === 'win32' ? 'symbolic links need POSIX here' : false },
  () => {
    const outsideMessage = (v: string, why: string): string =>
      `Evidence '${v}' is outside the workspace folder (${why}). Evidence must live inside the folder so reviewers get the same files; it is not read.`;

    it('a link to an outside file, existing or not, is "outside", never "missing" (no existence oracle)', () => {
      const { ws, outside, core } = disk();
      symlinkSync(path.join(outside, 'secret.md'), path.join(ws, 'evidence', 'to-secret.md'));
      symlinkSync(path.join(outside, 'no-such-file.md'), path.join(ws, 'evidence', 'dangling.md'));
      symlinkSync(outside, path.join(ws, 'evidence', 'out-dir'));
      const why = 'it is a symbolic link to a place outside the workspace folder';
      for (const v of [
        '../evidence/to-secret.md',
        '../evidence/dangling.md',
        '../evidence/out-dir/secret.md',
        '../evidence/out-dir/nothing-here.md',
      ]) {
        const d = evidenceFindings(core(ws), v, nodeFileSystem);
        assert.deepEqual(
          d.map((x) => [x.code, x.message]),
          [['evidence-outside-workspace', outsideMessage(v, why)]],
          v,
        );
      }
    });

    it('links that stay inside are followed, and missing files inside are "missing"', () => {
      const { ws, core } = disk();
      symlinkSync(path.join(ws, 'evidence'), path.join(ws, 'docs'));
      symlinkSync('ok.md', path.join(ws, 'evidence', 'relative-link.md'));
      assert.deepEqual(evidenceFindings(core(ws), '../docs/ok.md', nodeFileSystem), []);
      assert.deepEqual(evidenceFindings(core(ws), '../evidence/relative-link.md', nodeFileSystem), []);
      assert.deepEqual(
        evidenceFindings(core(ws), '../docs/gone.md', nodeFileSystem).map((x) => x.code),
        ['evidence-missing'],
      );
      symlinkSync('loop.md', path.join(ws, 'evidence', 'loop.md'));
      assert.deepEqual(
        evidenceFindings(core(ws), '../evidence/loop.md', nodeFileSystem).map((x) => x.message),
        [outsideMessage('../evidence/loop.md', 'its symbolic links loop')],
      );
    });

    it('only paths inside the folder are given to the file system', () => {
      const { ws, outside, core } = disk();
      symlinkSync(outside, path.join(ws, 'evidence', 'out-dir'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(ws, 'evidence', 'to-secret.md'));
      const asked: string[] = [];
      const spy: FileSystem = {
        exists: (p) => (asked.push(p), nodeFileSystem.exists(p)),
        realpath: (p) => (asked.push(p), nodeFileSystem.realpath!(p)),
        readlink: (p) => (asked.push(p), nodeFileSystem.readlink!(p)),
      };
      for (const v of ['../evidence/out-dir/private/x.md', '../evidence/to-secret.md', '../evidence/ok.md', '../../outside/secret.md'])
        evidenceFindings(core(ws), v, spy);
      assert.ok(asked.length > 0);
      for (const p of asked) assert.ok(p === core(ws) || p.startsWith(core(ws) + '/'), `asked about ${p}`);
    });

    it('file: URLs are reported like absolute paths', () => {
      for (const v of ['file:///etc/passwd', 'FILE://localhost/etc/hosts', 'file:/etc/passwd']) {
        const d = evidenceFindings('/ws', v, { exists: () => true });
        assert.deepEqual(
          d.map((x) => [x.code, x.message]),
          [['evidence-outside-workspace', outsideMessage(v, 'it is a file: URL; write a path relative to this file')]],
        );
      }
    });

    it('evidence completion lists nothing outside the folder, through .. or a link', () => {
      const { ws, outside, core } = disk();
      symlinkSync(outside, path.join(ws, 'systems', 'out-dir'));
      writeFileSync(path.join(ws, 'systems', 'local.md'), '');
      const labels = (typed: string): string[] => {
        const { text, position } = cursor(record('|').replace('"|"', typed + '|'));
        const file = parseFile(`${core(ws)}/systems/x.aims.yaml`, text);
        const fs = createNodeFileSystem();
        return complete(file, buildIndex(core(ws), [file]), position, config({ fs })).items.map((i) => i.label);
      };
      assert.ok(labels('').includes('local.md'), 'lists the folder of the file');
      assert.ok(labels('../').includes('../evidence/'), 'lists the workspace root');
      assert.deepEqual(labels('../../'), []);
      assert.deepEqual(labels('../../outside/'), []);
      assert.deepEqual(labels('out-dir/'), []);
    });
  },
);

describe('Windows paths: core paths are converted before the file system sees them', () => {
  /** An in-memory Windows file system: paths as Windows writes them, case-insensitive, no links. */
  function windowsHost(files: string[]): { host: NodeFsHost; asked: string[] } {
    const asked: string[] = [];
    const known = new Set(files.map((f) => f.toLowerCase()));
    const isDir = (p: string) => [...known].some((f) => f.startsWith(p.toLowerCase().replace(/\\$/, '') + '\\'));
    const exists = (p: string) => known.has(p.toLowerCase()) || isDir(p);
    const fail = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    const fs = {
      accessSync(p: string) {
        asked.push(p);
        if (!exists(p)) throw fail(p);
      },
      realpathSync(p: string) {
        asked.push(p);
        if (!exists(p)) throw fail(p);
        return p.replace(/^[a-z]:/, (d) => d.toUpperCase());
      },
      readlinkSync(p: string): string {
        asked.push(p);
        throw Object.assign(new Error('EINVAL'), { code: exists(p) ? 'EINVAL' : 'ENOENT' });
      },
      readdirSync(p: string) {
        asked.push(p);
        const prefix = p.toLowerCase().replace(/\\$/, '') + '\\';
        const names = new Map<string, boolean>();
        for (const f of known)
          if (f.startsWith(prefix)) names.set(f.slice(prefix.length).split('\\')[0], f.slice(prefix.length).includes('\\'));
        return [...names].map(([name, dir]) => ({ name, isDirectory: () => dir }));
      },
    };
    return { host: { path: path.win32, fs: fs as unknown as NodeFsHost['fs'] }, asked };
  }

  it('URIs and Windows paths map to /c:/… core paths and back', () => {
    assert.equal(toCorePath('C:\\ws\\systems\\x.aims.yaml', path.win32), '/c:/ws/systems/x.aims.yaml');
    assert.equal(toCorePath('\\\\server\\share\\ws', path.win32), '//server/share/ws');
  });

  it('evidence that exists on a Windows disk is found, and the file system only sees Windows paths', () => {
    const { host, asked } = windowsHost(['C:\\ws\\evidence\\x.md', 'C:\\ws\\aims.aims.yaml']);
    const fs = createNodeFileSystem(host);
    assert.deepEqual(evidenceFindings('/c:/ws', '../evidence/x.md', fs), []);
    assert.deepEqual(
      evidenceFindings('/c:/ws', '../evidence/gone.md', fs).map((x) => x.code),
      ['evidence-missing'],
    );
    assert.ok(asked.length > 0);
    for (const p of asked) assert.match(p, /^c:\\ws(\\|$)/i, `the file system was asked about ${p}`);
    assert.deepEqual(fs.list!('/c:/ws'), ['evidence/', 'aims.aims.yaml']);
  });
});
