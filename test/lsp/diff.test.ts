import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CoverageDelta } from '../../server/src/core/diff';
import type { DiffCoverageRequest, DiffEvidenceRequest } from '../../server/src/protocol';
import { tempDir } from '../helpers/cli';
import { makeVersions } from '../helpers/diff-fixture';
import { ensureBuilt, TestClient, VSCODE_CAPS } from './client';

/** Every AIMS file below a folder, as the client sends another version's files. */
function versionFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.aims.yaml'))
        out.push({ path: relative(dir, join(d, e.name)).split('\\').join('/'), text: readFileSync(join(d, e.name), 'utf8') });
    }
  };
  walk(dir);
  return out;
}

before(() => ensureBuilt());

describe('aims/diffEvidence and aims/diffCoverage (what VS Code sends for "Compare Coverage with Branch")', () => {
  const { base, head } = makeVersions(tempDir('aims-lsp-diff-'));
  const uri = pathToFileURL(head).toString();
  let c: TestClient;

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(uri, VSCODE_CAPS);
    await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
  });
  after(() => c.close());

  /** Asks for the evidence paths, looks them up in the base version (as the client asks git), then for the delta. */
  async function delta(
    files: { path: string; text: string }[],
    format?: 'markdown' | 'json' | 'text',
  ): Promise<DiffCoverageRequest.Result> {
    const { paths } = (await c.conn.sendRequest('aims/diffEvidence', {
      uri,
      files,
    } satisfies DiffEvidenceRequest.Params)) as DiffEvidenceRequest.Result;
    const existing = paths.filter((p) => existsSync(join(base, p)));
    return (await c.conn.sendRequest('aims/diffCoverage', {
      uri,
      base: { label: 'base', files, existing },
      headLabel: 'head',
      format,
    } satisfies DiffCoverageRequest.Params)) as DiffCoverageRequest.Result;
  }

  it('names the evidence the base files cite, relative to the folder', async () => {
    const { paths } = (await c.conn.sendRequest('aims/diffEvidence', { uri, files: versionFiles(base) })) as DiffEvidenceRequest.Result;
    assert.ok(paths.includes('evidence/validation-report.md'), 'the wrong path of the base is looked up');
    assert.ok(paths.includes('policies/ai-policy.md'));
    assert.ok(paths.every((p) => !p.startsWith('/') && !p.startsWith('..')));
  });

  it('gives the same delta and Markdown as `aims diff base head`', async () => {
    const r = await delta(versionFiles(base));
    assert.equal(r.content, readFileSync(join(__dirname, '..', 'fixtures', 'diff', 'acme.md'), 'utf8'));
    const cli = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'diff', 'acme.json'), 'utf8')) as CoverageDelta;
    assert.deepEqual(r.delta, cli);
  });

  it("includes the editor's unsaved text, and drops files that would leave the folder", async () => {
    const sys = join(head, 'systems', 'fraud-detection.aims.yaml');
    const text = readFileSync(sys, 'utf8')
      .replace('  tier: limited\n  basis: article-50\n', '  tier: minimal\n  basis: none\n')
      .replace('transparency: [biometric-categorisation]\n', '');
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(sys).toString(), languageId: 'aims', version: 1, text },
    });
    const files = [...versionFiles(base), { path: '../outside.aims.yaml', text: 'aims: 1\nkind: AISystem\nid: intruder\n' }];
    const r = await delta(files, 'json');
    assert.equal(
      r.delta.systems.changed.find((s) => s.id === 'fraud-detection'),
      undefined,
      'the unsaved edit reverts the reclassification',
    );
    assert.ok(!JSON.stringify(r.delta).includes('intruder'));
    assert.equal((JSON.parse(r.content) as CoverageDelta).format, 'aims-diff');
  });
});
