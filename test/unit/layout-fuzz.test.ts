import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parseFile, type FileSystem } from '../../server/src/core';
import { resolveEvidence } from '../../server/src/core/rules/evidence';
import { checkFolder } from '../../server/src/cli/load-workspace';
import { defaultOptions } from '../../server/src/core/types';
import { nodeFileProvider } from '../../server/src/node/file-provider';
import { WorkspaceManager } from '../../server/src/lsp/workspace-manager';
import { nodeFileSystem, toCorePath } from '../../server/src/node/node-fs';
import { readAimsFile } from '../../server/src/node/read-file';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** Text that only files outside the workspace hold: it must never show up in what the hosts read. */
const SECRET = 'OUTSIDE-SECRET';
const RECORD = 'aims: 1\nkind: AISystem\nid: inside\nname: Inside\nclassification: { tier: minimal, basis: none }\n';

/** One entry of a random layout: where (a folder index and a name) and what. */
type Entry = {
  dir: number;
  name: string;
  what: 'file' | 'aims' | 'dir' | 'fifo' | 'link-in' | 'link-out' | 'link-dangling-out' | 'link-dangling-in' | 'link-loop';
  to: number;
};

const entry: fc.Arbitrary<Entry> = fc.record({
  dir: fc.nat({ max: 5 }),
  name: fc.constantFrom('a', 'b', 'x.aims.yaml', 'y.aims.yml', 'evidence', 'doc.md', '..x'),
  what: fc.constantFrom('file', 'aims', 'dir', 'fifo', 'link-in', 'link-out', 'link-dangling-out', 'link-dangling-in', 'link-loop'),
  to: fc.nat({ max: 5 }),
});

/** Builds a layout under a fresh folder: `ws` (the workspace, with up to six folders) and `outside` next to it. */
function build(entries: Entry[]): { ws: string; outside: string; paths: string[] } {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'aims-layout-')));
  temps.push(base);
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  const dirs = [
    ws,
    path.join(ws, 'systems'),
    path.join(ws, 'evidence'),
    path.join(ws, 'systems', 'deep'),
    path.join(ws, 'e2'),
    path.join(ws, 'e2', 'f'),
  ];
  for (const d of dirs) mkdirSync(d, { recursive: true });
  mkdirSync(path.join(outside, 'sub'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.aims.yaml'), `aims: 1\nkind: AISystem\nid: ${SECRET}\nname: ${SECRET}\n`);
  writeFileSync(path.join(outside, 'sub', 'doc.md'), SECRET);
  const paths: string[] = [];
  for (const e of entries) {
    const p = path.join(dirs[e.dir], e.name);
    try {
      lstatSync(p);
      continue; // taken
    } catch {
      // free
    }
    paths.push(p);
    switch (e.what) {
      case 'file':
        writeFileSync(p, 'evidence');
        break;
      case 'aims':
        writeFileSync(p, RECORD);
        break;
      case 'dir':
        mkdirSync(p);
        break;
      case 'fifo':
        assert.equal(spawnSync('mkfifo', [p]).status, 0);
        break;
      case 'link-in':
        symlinkSync(path.relative(path.dirname(p), dirs[e.to]) || '.', p);
        break;
      case 'link-out':
        symlinkSync(e.to % 2 ? path.join(outside, 'secret.aims.yaml') : path.join(outside, 'sub'), p);
        break;
      case 'link-dangling-out':
        symlinkSync(path.join(outside, 'nothing', String(e.to)), p);
        break;
      case 'link-dangling-in':
        symlinkSync(`missing-${e.to}`, p);
        break;
      case 'link-loop':
        symlinkSync(path.basename(p), p);
        break;
    }
  }
  return { ws, outside, paths };
}

/** Whether a native path lies in `root` (both real). */
const within = (root: string, p: string): boolean => p === root || p.startsWith(root + path.sep);

/** The first symbolic link on the way from `ws` to `p` whose target, as written, leaves `ws`. */
function firstLinkOut(ws: string, p: string): boolean {
  let cur = ws;
  for (const seg of path.relative(ws, p).split(path.sep)) {
    const next = path.join(cur, seg);
    let target: string;
    try {
      if (!lstatSync(next).isSymbolicLink()) {
        cur = next;
        continue;
      }
      target = readlinkSync(next);
    } catch {
      return false;
    }
    const to = path.resolve(cur, target);
    if (!within(ws, to)) return true;
    cur = to;
  }
  return false;
}

const runs = Number(process.env.AIMS_FUZZ_RUNS ?? 60);

describe(
  'random layouts with pipes and links (fuzzed)',
  { skip: process.platform === 'win32' ? 'FIFOs and symbolic links need POSIX' : false },
  () => {
    it(`hosts never hang on a pipe and never read through a link out (${runs} layouts)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 14 }), async (entries) => {
          const { ws, paths } = build(entries);
          // The CLI's walk and reads.
          const cli = checkFolder(ws, defaultOptions({ asOf: '2026-11-23' }), ws);
          for (const f of cli.files) assert.ok(!f.text.includes(SECRET), `the CLI read ${f.path}`);
          // The server's walk and reads.
          const manager = new WorkspaceManager(nodeFileProvider);
          const folder = manager.addFolder(pathToFileURL(ws).toString());
          await manager.indexFolder(folder);
          for (const f of folder.files.values()) assert.ok(!f.text.includes(SECRET), `the server read ${f.path}`);
          // Single reads, as the watcher and a closed document do them.
          for (const p of paths) {
            const r = readAimsFile(p, ws);
            if (r && 'text' in r) {
              assert.ok(within(ws, realpathSync(p)), `read ${p} from outside`);
              assert.ok(lstatSync(realpathSync(p)).isFile());
            }
          }
        }),
        { numRuns: runs },
      );
    });

    it(`evidence paths: outside whenever a link leads out, dangling or not, and no file-system call outside (${runs} layouts)`, () => {
      fc.assert(
        fc.property(
          fc.array(entry, { minLength: 1, maxLength: 14 }),
          fc.array(fc.constantFrom('a', 'b', 'evidence', 'doc.md', 'x.aims.yaml', 'systems', 'deep', 'e2', 'f', 'missing', '..'), {
            minLength: 1,
            maxLength: 4,
          }),
          (entries, segments) => {
            const { ws } = build(entries);
            const core = toCorePath(ws);
            const asked: string[] = [];
            const spy: FileSystem = {
              exists: (p) => (asked.push(p), nodeFileSystem.exists(p)),
              realpath: (p) => (asked.push(p), nodeFileSystem.realpath!(p)),
              readlink: (p) => (asked.push(p), nodeFileSystem.readlink!(p)),
            };
            const file = parseFile(`${core}/x.aims.yaml`, RECORD);
            const value = segments.join('/');
            const t = resolveEvidence(file, core, value, spy);
            for (const p of asked) assert.ok(p === core || p.startsWith(core + '/'), `asked about ${p} for '${value}'`);
            const lexical = path.resolve(ws, value);
            if (!within(ws, lexical)) assert.equal(t.kind, 'outside', value);
            else if (firstLinkOut(ws, lexical)) assert.equal(t.kind, 'outside', `'${value}' goes through a link out`);
            else if (t.kind === 'path') {
              let real: string | undefined;
              try {
                real = realpathSync(lexical);
              } catch {
                real = undefined;
              }
              if (real) assert.ok(within(ws, real), `'${value}' resolved inside but is ${real}`);
            }
          },
        ),
        { numRuns: runs },
      );
    });
  },
);
