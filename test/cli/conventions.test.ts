// What a user of other command-line tools expects: exit codes, help, paths, dates, empty input,
// stdin, one JSON shape, and a single-file check that stays inside the file's workspace.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { aims, brokenExample, EXAMPLES, temp } from './helpers';

/** The 1-based line of a file that reads exactly `line`. */
const lineOf = (file: string, line: string) => readFileSync(file, 'utf8').split('\n').indexOf(line) + 1;

interface JsonResult {
  target: string;
  folder: string;
  files: number;
  findings: Record<string, number>;
  diagnostics: { file: string; code: string; severity: string; range: { start: { line: number } } }[];
  coverage: { root: string; systems: { file: string }[] } | null;
}
interface JsonOut {
  findings: Record<string, number>;
  results: JsonResult[];
}

describe('exit codes', () => {
  it('0 when clean, 1 on findings, 2 on usage errors, 3 on an internal error (never 1)', async () => {
    assert.equal((await aims(['check', 'acme-lending', '--as-of', '2026-11-23'])).code, 0);
    const broken = brokenExample('soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n');
    assert.equal((await aims(['check', broken, '--as-of', '2026-11-23'])).code, 1);
    assert.equal((await aims(['check', '--fail-on', 'sometimes'])).code, 2);
    // A failure nobody planned for (here: the output cannot be written) is not "findings".
    let err = '';
    const { run } = await import('../../server/src/cli/main');
    const code = await run(['check', 'acme-lending', '--as-of', '2026-11-23'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire');
        },
      },
      stderr: { write: (s: string) => (err += s) },
      cwd: EXAMPLES,
      readStdin: () => '',
    });
    assert.equal(code, 3);
    assert.equal(err, 'aims: internal error: disk on fire (please report this; set AIMS_DEBUG=1 to see where it happened)\n');
  });
});

describe('help and version', () => {
  it('prints the version, the overview and each command’s own help', async () => {
    assert.deepEqual(await aims(['--version']), { code: 0, out: `${pkg.version}\n`, err: '' });
    const overview = await aims(['--help']);
    assert.equal(overview.code, 0);
    assert.match(overview.out, /^aims \d+\.\d+\.\d+: checks AI management system files/);
    assert.match(overview.out, /aims help <command>/);
    for (const cmd of ['check', 'controls', 'articles', 'rules', 'import', 'init', 'lsp']) {
      const viaHelp = await aims(['help', cmd]);
      const viaFlag = await aims([cmd, '--help']);
      assert.equal(viaHelp.code, 0, cmd);
      assert.match(viaHelp.out, new RegExp(`^Usage: aims ${cmd}\\b`), cmd);
      assert.equal(viaFlag.out, viaHelp.out, cmd);
    }
    const unknown = await aims(['help', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.err, "aims: no command 'frobnicate'; commands: check, diff, controls, articles, rules, import, init, lsp, help\n");
  });
  it('with no command prints the overview on stderr and exits 2', async () => {
    const r = await aims([]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^aims \d/);
  });
});

describe('aims check <file>', () => {
  it('reports and counts that file alone', async () => {
    // A defect in the SoA and one in a system record: checking the record shows only the record's.
    const dir = brokenExample('soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n');
    const sys = join(dir, 'systems', 'credit-scoring.aims.yaml');
    writeFileSync(sys, readFileSync(sys, 'utf8').replace('  Art. 12:\n', '  Art. 12(9):\n'));
    const r = await aims(['check', 'systems/credit-scoring.aims.yaml', '--as-of', '2026-11-23'], dir);
    assert.equal(r.code, 1);
    const findings = r.out.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l));
    // The bad paragraph, and the obligation it no longer addresses; nothing from the SoA.
    assert.deepEqual(
      findings.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `systems/credit-scoring.aims.yaml:${lineOf(sys, 'obligations:')}:1 error missing-obligation`,
        `systems/credit-scoring.aims.yaml:${lineOf(sys, '  Art. 12(9):')}:3 error invalid-act-reference`,
      ],
    );
    assert.match(r.out, /^systems\/credit-scoring\.aims\.yaml: checked within \. \(Acme Lending GmbH, as of 2026-11-23, /m);
    assert.match(r.out, /^ {2}2 errors, 0 warnings, 0 notes, 0 hints$/m);
    assert.doesNotMatch(r.out, /Annex A:/);
  });

  it('finds the workspace from the nearest manifest, even above the current folder', async () => {
    const r = await aims(['check', 'credit-scoring.aims.yaml', '--as-of', '2026-11-23'], join(EXAMPLES, 'acme-lending', 'systems'));
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^credit-scoring\.aims\.yaml: checked within \.\. \(Acme Lending GmbH/m);
  });

  it('without a manifest above it, stays in the file’s folder and never climbs past a repository root', async () => {
    // An AIMS manifest above the repository must not be found, read, or make the workspace.
    const outer = temp();
    cpSync(join(EXAMPLES, 'starter', 'aims.aims.yaml'), join(outer, 'aims.aims.yaml'));
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'sub'), { recursive: true });
    cpSync(join(EXAMPLES, 'starter', 'systems'), join(repo, 'sub', 'systems'), { recursive: true });
    // A sibling folder's file is outside the single file's workspace: its defects must not show.
    writeFileSync(join(repo, 'sub', 'broken.aims.yaml'), 'aims: 1\nkind: Nonsense\n');
    const file = join(repo, 'sub', 'systems', 'meeting-assistant.aims.yaml');
    const r = await aims(['check', file, '--format', 'json', '--as-of', '2026-11-23'], outer);
    const json = JSON.parse(r.out) as JsonOut;
    assert.equal(json.results[0].folder, 'repo/sub/systems');
    assert.ok(
      json.results[0].diagnostics.every((d) => d.file === 'repo/sub/systems/meeting-assistant.aims.yaml'),
      JSON.stringify(json.results[0].diagnostics),
    );
    // With a manifest inside the repository, that folder is the workspace.
    cpSync(join(EXAMPLES, 'starter', 'aims.aims.yaml'), join(repo, 'sub', 'aims.aims.yaml'));
    const r2 = JSON.parse((await aims(['check', file, '--format', 'json'], outer)).out) as JsonOut;
    assert.equal(r2.results[0].folder, 'repo/sub');
  });
});

describe('nothing to check', () => {
  it('a folder without AIMS files says so and exits 2, or 0 with --allow-empty', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'notes.yaml'), 'a: 1\n');
    const r = await aims(['check', 'empty'], dir);
    assert.deepEqual(r, {
      code: 2,
      out: '',
      err: 'aims: no AIMS files (*.aims.yaml, *.aims.yml) in empty; pass --allow-empty if that is expected\n',
    });
    const ok = await aims(['check', 'empty', '--allow-empty'], dir);
    assert.equal(ok.code, 0);
    assert.equal(ok.out, 'empty: no AIMS files\n');
  });
  it('a file that is not an AIMS file says so and exits 2', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.yaml'), 'a: 1\n');
    const r = await aims(['check', 'notes.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'aims: notes.yaml is not an AIMS file (the name must end in .aims.yaml or .aims.yml)\n');
    assert.equal((await aims(['check', 'notes.yaml', '--allow-empty'], dir)).code, 0);
  });
});

describe('--format json', () => {
  it('has one shape for one or several targets, with paths relative to the current folder', async () => {
    const one = JSON.parse((await aims(['check', 'acme-lending', '--format', 'json', '--as-of', '2026-11-23'])).out) as JsonOut;
    const two = JSON.parse(
      (await aims(['check', 'acme-lending', 'starter/soa.aims.yaml', '--format', 'json', '--as-of', '2026-11-23'])).out,
    ) as JsonOut;
    assert.deepEqual(Object.keys(one), ['findings', 'results']);
    assert.deepEqual(Object.keys(two), ['findings', 'results']);
    assert.deepEqual(Object.keys(one.results[0]), ['target', 'folder', 'files', 'findings', 'diagnostics', 'coverage']);
    assert.deepEqual(two.results[0], one.results[0]);
    assert.equal(one.results[0].folder, 'acme-lending');
    assert.equal(one.results[0].files, 6);
    assert.equal(one.results[0].coverage?.root, 'acme-lending');
    // Inside coverage, as in every report: files relative to the workspace folder, which is named by its name.
    assert.equal(one.results[0].coverage?.systems[0].file, 'systems/credit-scoring.aims.yaml');
    assert.deepEqual(two.results[1], {
      target: 'starter/soa.aims.yaml',
      folder: 'starter',
      files: 1,
      findings: { error: 0, warning: 0, information: 0, hint: 0 },
      diagnostics: [],
      coverage: null,
    });
    const dir = brokenExample('systems/credit-scoring.aims.yaml', '  Art. 9:\n', '  Art. 9(11):\n');
    const j = JSON.parse((await aims(['check', dir, '--format', 'json', '--as-of', '2026-11-23'], join(dir, 'systems'))).out) as JsonOut;
    const d = j.results[0].diagnostics.find((x) => x.code === 'invalid-act-reference')!;
    assert.equal(d.file, 'credit-scoring.aims.yaml');
    assert.equal(j.results[0].folder, '..');
    assert.deepEqual(j.findings, { error: 2, warning: 0, information: 0, hint: 0 }, 'the bad paragraph and the obligation it leaves out');
  });
});

describe('dates', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '23.11.2026', '2026-1-1']) {
    it(`rejects --as-of ${bad} for check and import`, async () => {
      const c = await aims(['check', 'acme-lending', '--as-of', bad]);
      assert.deepEqual(c, { code: 2, out: '', err: `aims: --as-of takes a real date written YYYY-MM-DD, not '${bad}'\n` });
      const dir = temp();
      writeFileSync(join(dir, 'soa.csv'), 'Control,Applicable,Justification\nA.2.2,yes,Root of the AIMS\n');
      const i = await aims(['import', 'soa.csv', '--as-of', bad], dir);
      assert.equal(i.code, 2);
      assert.equal(i.err, `aims: --as-of takes a real date written YYYY-MM-DD, not '${bad}'\n`);
    });
  }
});

describe('stdin', () => {
  it('`-` reads one AIMS file from standard input, checked within the current folder’s workspace', async () => {
    const text = readFileSync(join(EXAMPLES, 'acme-lending', 'systems', 'credit-scoring.aims.yaml'), 'utf8')
      .replace('id: credit-scoring', 'id: credit-scoring-2')
      .replace('  Art. 12:\n', '  Art. 12(9):\n');
    // Read as a file of the current folder: its relative evidence paths resolve from there.
    const r = await aims(['check', '-', '--as-of', '2026-11-23'], join(EXAMPLES, 'acme-lending', 'systems'), text);
    assert.equal(r.code, 1, r.out + r.err);
    assert.deepEqual(
      r.out
        .split('\n')
        .filter((l) => l.startsWith('<stdin>:'))
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `<stdin>:${text.split('\n').indexOf('obligations:') + 1}:1 error missing-obligation`,
        `<stdin>:${text.split('\n').indexOf('  Art. 12(9):') + 1}:3 error invalid-act-reference`,
        '<stdin>: checked within',
      ],
    );
    assert.match(r.out, /^<stdin>: checked within \.\. \(Acme Lending GmbH, as of 2026-11-23, /m);
  });
  it('`-` twice is a usage error', async () => {
    const r = await aims(['check', '-', '-'], EXAMPLES, 'aims: 1\n');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'aims: standard input (-) can be read once\n');
  });
});

describe('aims lsp', () => {
  it('without a transport prints its usage and exits 2', async () => {
    const r = await aims(['lsp']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^aims: lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n/);
    assert.match(r.err, /Usage: aims lsp/);
  });
});

describe('messages', () => {
  it('counts read as English: 1 error, 2 warnings, 1 gap', async () => {
    const dir = brokenExample('soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n');
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], dir);
    assert.match(r.out, /^ {2}1 error, 0 warnings, 0 notes, 0 hints$/m);
    assert.match(r.out, /^ {2}Annex A: 38\/38 addressed, 0 gaps$/m);
    assert.match(r.out, /credit-scoring \(high, Annex III\(5\)\(b\)\): \d+ met, \d+ partial, 1 gap, 0 missing/);
    assert.match(r.out, /fraud-detection \(minimal\): \d+ met, \d+ partial, 0 gaps, 0 missing/);
  });
});
