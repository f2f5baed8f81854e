import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import type { WorkspaceCoverage } from '../../server/src/core/coverage-types';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

before(() => ensureBuilt());

describe('stale evidence over the protocol: finding, quick fix, coverage', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'aims-lsp-stale-')), 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  const manifest = join(dir, 'aims.aims.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('\nscope:', '\nevidenceMaxAge: P12M\nscope:'));
  const record = join(dir, 'systems', 'support-chatbot.aims.yaml');
  const uri = pathToFileURL(record).toString();
  const original = readFileSync(record, 'utf8');
  const text = original.replace(
    '    evidence: [../evidence/ai-literacy-programme.md]\n',
    '    evidence:\n      - path: ../evidence/ai-literacy-programme.md  # 2025 edition\n        reviewedOn: 2025-06-01\n',
  );
  let c: TestClient;

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    await c.initialize(pathToFileURL(dir).toString(), VSCODE_CAPS);
  });
  after(async () => {
    await c.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  const art4 = async (): Promise<{ staleEvidence: number; states: string[] }> => {
    const cov = (await c.conn.sendRequest('aims/coverage', {})) as { workspaces: WorkspaceCoverage[] };
    const o = cov.workspaces[0].systems.find((s) => s.id === 'support-chatbot')!.obligations.find((x) => x.ref === 'Art. 4')!;
    return { staleEvidence: o.staleEvidence, states: o.evidenceStatus.map((s) => `${s.path} ${s.state}`) };
  };

  it('reports the stale entry on its reviewedOn line, fixes it, and the finding and the count go', async () => {
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version: 1, text } });
    const diags = await c.until(() => {
      const l = c.latest(uri);
      return l?.some((d) => d.code === 'evidence-stale') && l;
    }, 'evidence-stale');
    const stale = diags.filter((d) => d.code === 'evidence-stale');
    const line = text.split('\n').findIndex((l) => l.includes('reviewedOn: 2025-06-01'));
    assert.deepEqual(
      stale.map((d) => [d.range.start.line, d.message]),
      [
        [
          line,
          "Evidence '../evidence/ai-literacy-programme.md' was last reviewed on 1 June 2025; with evidenceMaxAge P12M its next review was due by 1 June 2026. Review it and record the date in reviewedOn.",
        ],
      ],
    );
    assert.deepEqual(await art4(), { staleEvidence: 1, states: ['../evidence/ai-literacy-programme.md stale'] });

    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: stale[0].range,
      context: { diagnostics: stale },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Mark '../evidence/ai-literacy-programme.md' as reviewed on 2026-11-23");
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'aims', 1, text), fix.edit!.changes![uri]);
    assert.equal(fixed, text.replace('reviewedOn: 2025-06-01', 'reviewedOn: 2026-11-23'));

    const published = c.countFor(uri);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const now = await c.until(() => c.countFor(uri) > published && c.latest(uri), 'findings of the fixed text');
    assert.deepEqual(
      now.filter((d) => d.code !== 'evidence-review-date-missing').map((d) => d.code),
      [],
    );
    assert.deepEqual(await art4(), { staleEvidence: 0, states: ['../evidence/ai-literacy-programme.md ok'] });
  });

  it('offers to write a plain path as {path, reviewedOn} and keeps the flow list', async () => {
    const diags = await c.until(() => {
      const l = c.latest(uri);
      return l?.some((d) => d.code === 'evidence-review-date-missing') && l;
    }, 'evidence-review-date-missing');
    const hint = diags.find((d) => d.code === 'evidence-review-date-missing' && d.message.includes('chatbot-disclosure'))!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Mark '../evidence/chatbot-disclosure.md' as reviewed on 2026-11-23"],
    );
    const current = TextDocument.create(uri, 'aims', 2, text.replace('reviewedOn: 2025-06-01', 'reviewedOn: 2026-11-23'));
    const line = current.getText().split('\n')[hint.range.start.line];
    const after = TextDocument.applyEdits(current, actions[0].edit!.changes![uri]).split('\n')[hint.range.start.line];
    assert.equal(line, '    evidence: [../evidence/chatbot-disclosure.md]');
    assert.equal(after, '    evidence: [{ path: ../evidence/chatbot-disclosure.md, reviewedOn: 2026-11-23 }]');
  });
});
