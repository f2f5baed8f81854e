import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { WALK_LIMITS } from '../../server/src/node/find-files';
import { ensureBuilt, ROOT_DIR } from '../lsp/client';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
before(() => ensureBuilt());

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'aims-hostile-'));
  temps.push(d);
  return d;
}

/**
 * Runs the built `aims` in a child process: a hang shows up as the child
 * being killed at the timeout (a generous one; it only fires on a hang),
 * a crash as its exit code.
 */
function aims(
  args: string[],
  cwd: string,
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): { code: number | null; out: string; err: string; killed: boolean } {
  const r = spawnSync(process.execPath, [...nodeArgs, join(ROOT_DIR, 'bin', 'aims.js'), ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, killed: r.signal !== null };
}

/** mkfifo(1): Node has no API for it. */
function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, 'mkfifo works on this machine');
}

const RECORD = 'aims: 1\nkind: AISystem\nid: x\nname: X\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\n';

describe('aims check on hostile files', { skip: process.platform === 'win32' ? 'FIFOs and symbolic links need POSIX' : false }, () => {
  it('a 1,000,000-item evidence list: 1,000 findings and a summary per format, in a 512 MB heap', () => {
    const dir = temp();
    const items = Array(1_000_000).fill('gone.md').join(', ');
    writeFileSync(join(dir, 'x.aims.yaml'), `${RECORD}obligations:\n  Art. 4:\n    status: met\n    evidence: [${items}]\n`);
    for (const format of ['text', 'json', 'sarif']) {
      const r = aims(['check', '.', '--format', format, '--as-of', '2026-11-23', '--fail-on', 'warning'], dir, [
        '--max-old-space-size=512',
      ]);
      assert.equal(r.killed, false, `${format}: finished`);
      assert.equal(r.code, 1, `${format}: findings at or above warning → exit 1\n${r.err}`);
      const summary =
        'This file has 1,000,002 findings; the first 1,000 (to line 10) are shown and 999,002 more are left out. Fix these, or split the file, to see the rest.';
      if (format === 'text') {
        assert.ok(r.out.includes(`x.aims.yaml:1:1 warning too-many-findings ${summary}`), r.out.slice(0, 500));
        assert.equal((r.out.match(/evidence-missing/g) ?? []).length, 998);
      } else if (format === 'json') {
        const json = JSON.stringify(JSON.parse(r.out));
        assert.ok(json.includes(summary));
      } else {
        const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
        const results = sarif.runs[0].results;
        assert.equal(results.length, 1001);
        assert.ok(results.some((x) => x.ruleId === 'too-many-findings' && x.message.text === summary));
      }
    }
  });

  it('a FIFO named *.aims.yaml is named on stderr and never opened (a folder and the file itself)', () => {
    const dir = temp();
    writeFileSync(join(dir, 'x.aims.yaml'), RECORD);
    mkfifo(join(dir, 'pipe.aims.yaml'));
    const folder = aims(['check', '.', '--as-of', '2026-11-23'], dir);
    assert.equal(folder.killed, false, 'checking the folder finished');
    assert.equal(folder.err, 'aims: pipe.aims.yaml was not read: it is a named pipe (FIFO), not a regular file\n');
    const file = aims(['check', 'pipe.aims.yaml'], dir);
    assert.equal(file.killed, false, 'checking the FIFO itself finished');
    assert.equal(file.code, 2);
    assert.equal(file.err, 'aims: cannot read pipe.aims.yaml: it is a named pipe (FIFO), not a regular file\n');
  });

  it('aims import never opens a FIFO, as the table or as the SoA it would merge into', () => {
    const dir = temp();
    writeFileSync(join(dir, 't.csv'), 'ID,Title,Applicable,Justification\nA.2.2,AI policy,Yes,Root of the AIMS\n');
    mkfifo(join(dir, 'soa.aims.yaml'));
    const into = aims(['import', 't.csv', '-o', 'soa.aims.yaml'], dir);
    assert.equal(into.killed, false, 'importing into the FIFO finished');
    assert.equal(into.code, 2);
    assert.equal(into.err, 'aims: cannot read soa.aims.yaml: it is a named pipe (FIFO), not a regular file\n');
    mkfifo(join(dir, 'pipe.csv'));
    const from = aims(['import', 'pipe.csv', '-o', 'new.aims.yaml'], dir);
    assert.equal(from.killed, false, 'importing from the FIFO finished');
    assert.equal(from.code, 2);
    assert.equal(from.err, 'aims: cannot read pipe.csv: it is a named pipe (FIFO), not a regular file\n');
  });

  it('a symbolic link to an AIMS file outside the folder is not read', () => {
    const outside = temp();
    writeFileSync(join(outside, 'secret.aims.yaml'), 'aims: 1\nkind: AISystem\nid: secret-system\nname: Secret\n');
    const dir = temp();
    cpSync(join(ROOT_DIR, 'examples', 'starter'), dir, { recursive: true });
    symlinkSync(join(outside, 'secret.aims.yaml'), join(dir, 'link.aims.yaml'));
    const r = aims(['check', '.', '--format', 'json', '--as-of', '2026-11-23'], dir);
    assert.ok(!r.out.includes('secret-system'), 'the outside file is never read');
    const file = aims(['check', 'link.aims.yaml'], dir);
    assert.equal(file.code, 2);
    assert.equal(file.err, 'aims: cannot read link.aims.yaml: it is a symbolic link to a place outside its folder\n');
  });
});

describe('aims check on a folder too large to search', () => {
  it('says where it stopped, on stderr', async () => {
    const dir = temp();
    for (let i = 0; i < 12; i++) mkdirSync(join(dir, `d${i}`, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'x.aims.yaml'), RECORD);
    const saved = WALK_LIMITS.folders;
    WALK_LIMITS.folders = 10;
    let err = '';
    try {
      await run(['check', '.'], { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: dir });
    } finally {
      WALK_LIMITS.folders = saved;
    }
    assert.equal(err, 'aims: stopped looking for AIMS files in . after 10 folders; check the folder that holds them\n');
  });
});

describe('AIMS_MAX_FILES', () => {
  const folder = (): string => {
    const dir = temp();
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `s${i}.aims.yaml`), RECORD.replace(/^id: .*$/m, `id: s-${i}`));
    return dir;
  };
  const files = (out: string): number => (JSON.parse(out) as { results: { files: number }[] }).results[0].files;

  it('lowers the number of files read, and the note says how to read more', () => {
    const r = aims(['check', '.', '--format', 'json', '--fail-on', 'never'], folder(), [], { ...process.env, AIMS_MAX_FILES: '2' });
    assert.equal(r.code, 0, r.err);
    assert.equal(files(r.out), 2);
    assert.equal(
      r.err,
      'aims: stopped looking for AIMS files in . after 2 files; check the folder that holds them, or set AIMS_MAX_FILES higher\n',
    );
  });

  it('raised, reads every file without a note', () => {
    const r = aims(['check', '.', '--format', 'json', '--fail-on', 'never'], folder(), [], { ...process.env, AIMS_MAX_FILES: '100000' });
    assert.equal(files(r.out), 3);
    assert.equal(r.err, '');
  });

  it('refuses a value that is not a whole number, says why, and keeps the default', () => {
    for (const bad of ['0', '-5', '1e6', 'lots']) {
      const r = aims(['check', '.', '--format', 'json', '--fail-on', 'never'], folder(), [], { ...process.env, AIMS_MAX_FILES: bad });
      assert.equal(files(r.out), 3, bad);
      assert.equal(
        r.err,
        `aims: AIMS_MAX_FILES=${JSON.stringify(bad)} is not a whole number from 1 to 999999999; reading at most 50000 files per folder\n`,
      );
    }
  });
});
