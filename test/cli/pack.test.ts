// The npm package as a user installs it: `npm pack`, then `npm install -g` of the tarball into a
// fresh prefix, offline (everything is bundled: no runtime dependencies), then the `aims` command.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import pkg from '../../package.json';
import { ensureBuilt } from '../lsp/client';
import { EXAMPLES, ROOT_DIR, temp } from './helpers';

const npm = (args: string[], cwd: string) => {
  // npm_* variables from an enclosing `npm test` would configure this npm too (prefix, dry-run, …).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env, timeout: 120_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

let aimsBin = '';
let files: string[] = [];
before(() => {
  // The tests beside this one use dist/ while it runs, so pack without rebuilding it (prepack's build).
  ensureBuilt();
  const dir = temp();
  const listing = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir, ROOT_DIR], dir)) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = listing[0].files.map((f) => f.path).sort();
  npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', join(dir, 'prefix'), join(dir, listing[0].filename)], dir);
  aimsBin = join(dir, 'prefix', 'bin', 'aims');
});

describe('npm pack + npm install -g', () => {
  it('ships the bundles, docs and data the command and the extension read, and no sources or tests', () => {
    assert.ok(files.includes('bin/aims.js') && files.includes('dist/cli.js') && files.includes('docs/rules.md'), files.join(' '));
    assert.deepEqual(
      files.filter((f) => /^(server|client|test|bench|scripts|examples)\/|\.map$|\.ts$/.test(f)),
      [],
    );
  });
  it('installs an `aims` that prints its version and checks a workspace', () => {
    assert.deepEqual(readdirSync(join(aimsBin, '..')), ['aims']);
    const v = spawnSync(aimsBin, ['--version'], { encoding: 'utf8' });
    assert.equal(v.stdout, `${pkg.version}\n`);
    const c = spawnSync(aimsBin, ['check', 'acme-lending', '--as-of', '2026-11-23'], { cwd: EXAMPLES, encoding: 'utf8' });
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stdout, /^acme-lending: Acme Lending GmbH \(as of 2026-11-23,/m);
    assert.match(c.stdout, /^ {2}0 errors, 0 warnings, 0 notes, 0 hints$/m);
  });
  it('reads a workbook through the lazily loaded bundle it ships (dist/exceljs.js)', async () => {
    const dir = temp();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('SoA');
    sheet.addRow(['ID', 'Included?', 'Reason for inclusion / exclusion']);
    sheet.addRow(['A.2.2', 'Yes', 'Root of the AIMS']);
    writeFileSync(join(dir, 'soa.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = spawnSync(aimsBin, ['import', 'soa.xlsx', '--dry-run'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Would write soa\.aims\.yaml from soa\.xlsx: 1 row read, 1 written/);
  });
  it('runs the language server: `aims lsp --stdio` answers initialize', async () => {
    const child = spawn(aimsBin, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no answer: ${out}`)), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('"serverInfo"')) {
          clearTimeout(timer);
          res();
        }
      });
    });
    child.kill();
    assert.match(out, /"name":"aims-language-server"/);
  });
});
