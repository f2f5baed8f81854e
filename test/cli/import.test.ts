import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { aims, tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const temp = (): string => tempDir('aims-import-');

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.addRow(['ID', 'Title', 'Included?', 'Reason for inclusion / exclusion']);
  ws.addRow(['A.2.2', 'AI policy', 'Yes', 'Root of the AIMS']);
  ws.addRow(['B.2.2', 'AI policy guidance', 'Yes', 'Followed']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('aims import', () => {
  it('writes a new SoA and prints rows read, written and needing attention, then the findings', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'mistakes.csv'), readFileSync(join(FIXTURES, 'mistakes.csv')));
    const r = await aims(['import', 'mistakes.csv', '--as-of', '2026-11-23'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Wrote soa\.aims\.yaml from mistakes\.csv: 12 rows read, 12 written, \d+ need attention\.$/m);
    assert.match(r.out, /Column "Risk ref" is not recognised; its values are kept in notes\./);
    assert.match(r.out, /soa\.aims\.yaml:\d+:\d+ error soa-unknown-control A\.9\.5 is not an Annex A control/);
    assert.ok(existsSync(join(dir, 'soa.aims.yaml')));
  });

  it("merges into the folder's SoA instead of writing a second one; --dry-run prints the diff and writes nothing", async () => {
    const dir = temp();
    const soa =
      'aims: 1\nkind: StatementOfApplicability\ncontrols:\n  # decided in March\n  A.2.2:\n    applicable: true\n    justification: Root of the AIMS\n    status: planned\n';
    mkdirSync(join(dir, 'aims'));
    writeFileSync(join(dir, 'aims', 'statement.aims.yaml'), soa);
    writeFileSync(join(dir, 't.csv'), 'Control,Applicable,Justification,Status\nA.2.2,yes,Root of the AIMS,Implemented\n');
    const dry = await aims(['import', 't.csv', '--dry-run'], dir);
    assert.equal(dry.code, 0, dry.err);
    assert.equal(readFileSync(join(dir, 'aims', 'statement.aims.yaml'), 'utf8'), soa);
    assert.match(dry.out, /^--- aims\/statement\.aims\.yaml$/m);
    assert.match(dry.out, /^-    status: planned\n\+    status: implemented$/m);
    assert.match(
      dry.out,
      /Would update aims\/statement\.aims\.yaml from t\.csv: .*\n(.*\n)*Changes:\n {2}A\.2\.2: status planned → implemented/,
    );

    const r = await aims(['import', 't.csv'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Updated aims\/statement\.aims\.yaml from t\.csv: 1 row read, 1 written, 0 need attention\./);
    assert.match(r.out, /A\.2\.2: status planned → implemented/);
    assert.equal(readFileSync(join(dir, 'aims', 'statement.aims.yaml'), 'utf8'), soa.replace('status: planned', 'status: implemented'));
    assert.deepEqual(readdirSync(dir).sort(), ['aims', 't.csv']);
  });

  it('reads an .xlsx and refuses one passed as CSV with a clear error and exit 2', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'soa.xlsx'), await xlsx());
    writeFileSync(join(dir, 'soa.csv'), await xlsx());
    const bad = await aims(['import', 'soa.csv'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^aims: soa\.csv is an Excel workbook \(\.xlsx\), not CSV text; rename it to \.xlsx or export it as CSV\.\n$/);
    assert.equal(bad.out, '');
    assert.ok(!existsSync(join(dir, 'soa.aims.yaml')));
    const r = await aims(['import', 'soa.xlsx'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(join(dir, 'soa.aims.yaml'), 'utf8'), /additionalControls:\n {2}B\.2\.2:/);
  });

  it('never follows a symbolic link at the output path, dangling or not', async () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(dir, 't.csv'), 'Control,Applicable,Justification\nA.2.2,yes,Root\n');
    symlinkSync(join(outside, 'created-through-link.aims.yaml'), join(dir, 'soa.aims.yaml'));
    const r = await aims(['import', 't.csv'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /soa\.aims\.yaml is a symbolic link; refusing to write through it/);
    assert.deepEqual(readdirSync(outside), []);
    assert.ok(lstatSync(join(dir, 'soa.aims.yaml')).isSymbolicLink());
    // -o into a linked folder that leaves the target folder is refused too.
    symlinkSync(outside, join(dir, 'elsewhere'));
    const o = await aims(['import', 't.csv', '-o', 'elsewhere/soa.aims.yaml'], dir);
    assert.equal(o.code, 2);
    assert.match(o.err, /outside/);
    assert.deepEqual(readdirSync(outside), []);
  });

  it('init does not write through a dangling link either', async () => {
    const dir = temp();
    const outside = temp();
    symlinkSync(join(outside, 'x.aims.yaml'), join(dir, 'soa.aims.yaml'));
    const r = await aims(['init', '.', '--force'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /soa\.aims\.yaml is a symbolic link/);
    assert.deepEqual(readdirSync(outside), []);
  });

  it(
    'the bundled CLI reads an .xlsx through its lazily loaded workbook module',
    { skip: !existsSync(join(ROOT, 'dist', 'cli.js')) && 'run the build first' },
    async () => {
      const dir = temp();
      writeFileSync(join(dir, 'soa.xlsx'), await xlsx());
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'aims.js'), 'import', 'soa.xlsx'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Wrote soa\.aims\.yaml from soa\.xlsx: 2 rows read, 2 written/);
    },
  );
});
