// Through the protocol: a bad indent in the SoA is one finding there, and the records that cite
// its controls drop their "not listed" warnings instead of gaining one per control YAML lost.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const parent = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
after(() => rmSync(parent, { recursive: true, force: true }));
before(() => ensureBuilt());

describe('a bad indent in the SoA, edited in the editor', () => {
  const dir = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  const uri = (rel: string): string => pathToFileURL(join(dir, rel)).toString();
  const SOA = uri('soa.aims.yaml');
  const RISK = uri('risk/risk-register.aims.yaml');
  const SYS = uri('systems/credit-scoring.aims.yaml');
  const text = readFileSync(join(dir, 'soa.aims.yaml'), 'utf8');
  // A.7.4 taken out: the risk register and the credit-scoring record cite it, so they warn.
  const withoutA74 = text.replace(/ {2}A\.7\.4:\n( {4}.*\n)+/, '');
  let c: TestClient;

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS);
  });
  after(() => c.close());

  it('one yaml-syntax finding in the SoA, and no "not listed" warnings in the files that cite it', async () => {
    assert.notEqual(withoutA74, text);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: SOA, languageId: 'aims', version: 1, text: withoutA74 } });
    const warned = await c.until(() => c.latest(RISK)?.find((d) => d.code === 'risk-control-not-in-soa'), 'risk-control-not-in-soa');
    assert.equal(warned.message, 'Risk R-1 is treated by A.7.4, which the Statement of Applicability does not list.');
    await c.until(() => c.latest(SYS)?.some((d) => d.code === 'obligation-control-not-in-soa'), 'obligation-control-not-in-soa');

    const broken = withoutA74.replace('\n  A.2.3:\n', '\n A.2.3:\n');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: SOA, version: 2 }, contentChanges: [{ text: broken }] });
    const soa = await c.until(() => c.latest(SOA)?.some((d) => d.code === 'yaml-syntax') && c.latest(SOA), 'the yaml-syntax finding');
    assert.deepEqual(
      soa.map((d) => [d.range.start.line, (d.range.start as { character?: number }).character, d.code, d.message]),
      [
        [
          14,
          1,
          'yaml-syntax',
          "'A.2.3' is indented 1 space, which matches no level above it ('A.2.2' on line 8 has 2 spaces, 'controls' on line 7 has none), so YAML cannot tell which mapping it belongs to. Indent it 2 spaces, like 'A.2.2'.",
        ],
      ],
    );
    // What the SoA lists past line 15 is unknown until the indent is fixed: no warning either way.
    await c.until(() => c.latest(RISK)?.length === 0, 'the risk register cleared');
    await c.until(() => c.latest(SYS)?.length === 0, 'the credit-scoring record cleared');

    // Fixed, the SoA is read whole again and the warnings that are true come back.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: SOA, version: 3 },
      contentChanges: [{ text: withoutA74 }],
    });
    await c.until(() => c.latest(RISK)?.some((d) => d.code === 'risk-control-not-in-soa'), 'the warning back');

    // A tab in the last control, which nothing cites: every control the register cites is still read, but
    // whether the SoA lists A.7.4 is unknown again, so the register is re-checked and its warning goes.
    const lastBroken = withoutA74.replace(/(\n {2}A\.10\.4:\n(?: {4}.*\n)*?) {4}justification:/, '$1\tjustification:');
    assert.notEqual(lastBroken, withoutA74);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: SOA, version: 4 },
      contentChanges: [{ text: lastBroken }],
    });
    await c.until(() => c.latest(SOA)?.some((d) => d.code === 'yaml-syntax'), 'the tab found');
    await c.until(() => c.latest(RISK)?.length === 0, 'the risk register cleared again');
  });
});
