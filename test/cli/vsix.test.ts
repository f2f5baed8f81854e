// The .vsix as `npm start` builds it: the extension's bundles, and not the `aims` command's, which
// the npm package ships and the extension never runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import pkg from '../../package.json';
import { NOT_IN_VSIX, packageVsix } from '../../scripts/package-vsix.mjs';
import { ensureBuilt } from '../lsp/client';
import { temp } from './helpers';

/** A zip's entries by name, read from its central directory (stored or deflated). */
function unzip(zip: Buffer): Map<string, () => Buffer> {
  const out = new Map<string, () => Buffer>();
  for (let i = zip.lastIndexOf('PK\x05\x06'), at = zip.readUInt32LE(i + 16), n = zip.readUInt16LE(i + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.set(name, () => (method === 8 ? inflateRawSync(zip.subarray(start, start + size)) : zip.subarray(start, start + size)));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

let entries = new Map<string, () => Buffer>();
before(() => {
  ensureBuilt();
  const out = join(temp(), 'aims.vsix');
  assert.equal(packageVsix(out, 'ignore'), 0);
  entries = unzip(readFileSync(out));
});

describe('the packaged extension', () => {
  it('ships every bundle the extension loads (main, browser, the server and its loader, lazy files)', () => {
    const bundles = pkg.files.filter((f) => f.startsWith('dist/') && !NOT_IN_VSIX.includes(f));
    assert.ok(bundles.includes('dist/server-main.js') && bundles.includes('dist/browser/server.js'), bundles.join(' '));
    for (const f of bundles) assert.ok(entries.has(`extension/${f}`), `missing extension/${f}`);
    assert.equal(entries.get('extension/dist/server.js')!().toString(), readFileSync(join(__dirname, '../../dist/server.js'), 'utf8'));
  });
  it('leaves out the `aims` command: its bundle, its launcher and the package.json entry for it', () => {
    assert.deepEqual(NOT_IN_VSIX, ['bin/', 'dist/cli.js']);
    assert.deepEqual(
      [...entries.keys()].filter((k) => /^extension\/(bin\/|dist\/cli\.js)/.test(k)),
      [],
    );
    const manifest = JSON.parse(entries.get('extension/package.json')!().toString()) as Record<string, unknown>;
    assert.equal(manifest.bin, undefined);
    assert.equal(manifest.main, pkg.main);
    assert.equal(manifest.browser, pkg.browser);
  });
});
