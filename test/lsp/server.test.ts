import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { copyRecords, ensureBuilt, MINIMAL_CAPS, ROOT_DIR, TestClient, VSCODE_CAPS } from './client';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A fresh copy of the example workspace. */
function example(): { dir: string; uri: (rel: string) => string; text: (rel: string) => string } {
  const parent = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
  temps.push(parent);
  const dir = join(parent, 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  return { dir, uri: (rel) => pathToFileURL(join(dir, rel)).toString(), text: (rel) => readFileSync(join(dir, rel), 'utf8') };
}

async function open(c: TestClient, uri: string, text: string, version = 1): Promise<void> {
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aims', version, text } });
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
}

before(() => ensureBuilt());

describe('language server over stdio (VS Code-like client)', () => {
  let c: TestClient;
  const ws = example();
  const SOA = 'soa.aims.yaml';
  const RISK = 'risk/risk-register.aims.yaml';
  const SYS = 'systems/credit-scoring.aims.yaml';

  before(async () => {
    c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    const init = (await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.completionProvider);
    assert.ok(init.capabilities.renameProvider);
  });
  after(() => c.close());

  it('reports a finding on open and clears it after an incremental edit', async () => {
    const text = ws.text(SYS).replace('annexIII: Annex III(5)(b)', 'annexIII: Annex III(5)(x)');
    await open(c, ws.uri(SYS), text);
    const diags = await c.until(
      () => c.latest(ws.uri(SYS))?.find((d) => d.code === 'invalid-act-reference') && c.latest(ws.uri(SYS)),
      'invalid reference',
    );
    const line = lineOf(text, 'annexIII:');
    assert.equal(diags.find((d) => d.code === 'invalid-act-reference')!.range.start.line, line);
    const col = text.split('\n')[line].indexOf('(x)') + 1;
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.uri(SYS), version: 2 },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: 'b' }],
    });
    await c.until(() => c.latest(ws.uri(SYS))?.length === 0, 'cleared diagnostics');
  });

  it('editing the SoA updates the risk register that relies on it, and not unrelated files', async () => {
    const coverageNotices = (): number => c.notifications.filter((n) => n.method === 'aims/coverageChanged').length;
    const coverageBefore = coverageNotices();
    const riskBefore = c.countFor(ws.uri(RISK));
    const chatbot = ws.uri('systems/support-chatbot.aims.yaml');
    const chatBefore = c.countFor(chatbot);
    const soa = ws.text(SOA);
    await open(c, ws.uri(SOA), soa);
    const line = lineOf(soa, '  A.7.4:') + 2; // the `applicable: true` line of A.7.4
    assert.match(soa.split('\n')[line], /applicable: true/);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.uri(SOA), version: 2 },
      contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 20 } }, text: 'false' }],
    });
    const risk = await c.until(() => c.latest(ws.uri(RISK))?.find((d) => d.code === 'risk-control-excluded'), 'risk-control-excluded');
    assert.match(risk.message, /A\.7\.4/);
    assert.ok(c.countFor(ws.uri(RISK)) > riskBefore);
    assert.equal(c.countFor(chatbot), chatBefore, 'the chatbot record does not depend on A.7.4 and is not republished');
    // The coverage views are told once the re-check that follows the edit has finished.
    await c.until(() => coverageNotices() > coverageBefore, 'aims/coverageChanged after the edit');
  });

  it('answers completion, hover, definition, references, symbols, links and folding', async () => {
    const text = ws.text(SYS);
    const line = lineOf(text, '  Art. 9:');
    const comp = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line: lineOf(text, 'lifecycle:'), character: 11 },
    })) as { items: { label: string }[] };
    assert.ok(comp.items.some((i) => i.label === 'retired'));
    const hover = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line, character: 4 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Risk management system/);
    const ownerLine = lineOf(text, 'owner: head-of-risk');
    const def = (await c.conn.sendRequest('textDocument/definition', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line: ownerLine, character: 10 },
    })) as { uri: string }[];
    assert.equal(def[0].uri, ws.uri('aims.aims.yaml'));
    const ctrlLine = lineOf(text, 'controls: [A.5.2, A.6.2.4]');
    const toSoa = (await c.conn.sendRequest('textDocument/definition', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line: ctrlLine, character: 17 },
    })) as { uri: string }[];
    assert.equal(toSoa[0].uri, ws.uri(SOA));
    const refs = (await c.conn.sendRequest('textDocument/references', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line: ownerLine, character: 10 },
      context: { includeDeclaration: true },
    })) as { uri: string }[];
    assert.ok(refs.length >= 4);
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ws.uri(SYS) } })) as { name: string }[];
    assert.ok(symbols.some((s) => s.name === 'obligations'));
    // An SoA's outline is its controls, each with its title and state, not every key inside them.
    type Sym = { name: string; detail?: string; children?: Sym[] };
    const soaSymbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ws.uri(SOA) } })) as Sym[];
    const controls = soaSymbols.find((s) => s.name === 'controls')?.children ?? [];
    const policy = controls.find((s) => s.name === 'A.2.2');
    assert.match(policy?.detail ?? '', /^AI policy — (implemented|partial|planned|excluded)$/);
    assert.ok(controls.length > 0 && controls.every((s) => !s.children?.length));
    const links = (await c.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: ws.uri(SYS) } })) as { target: string }[];
    assert.ok(links.some((l) => l.target.endsWith('/evidence/logging-standard.md')));
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: ws.uri(SYS) } })) as unknown[];
    assert.ok(folds.length > 10);
    const wsyms = (await c.conn.sendRequest('workspace/symbol', { query: 'credit' })) as { name: string }[];
    assert.ok(wsyms.some((s) => s.name.startsWith('credit-scoring')));
  });

  it('renames a role id across the workspace', async () => {
    const text = ws.text(SYS);
    const ownerLine = lineOf(text, 'owner: head-of-risk');
    const edit = (await c.conn.sendRequest('textDocument/rename', {
      textDocument: { uri: ws.uri(SYS) },
      position: { line: ownerLine, character: 10 },
      newName: 'model-risk-lead',
    })) as { changes: Record<string, { newText: string }[]> };
    assert.ok(edit.changes[ws.uri('aims.aims.yaml')].length >= 1);
    assert.ok(edit.changes[ws.uri(RISK)].length >= 2);
    assert.ok(
      Object.values(edit.changes)
        .flat()
        .every((e) => e.newText === 'model-risk-lead'),
    );
  });

  it('serves coverage for the tree views', async () => {
    const cov = (await c.conn.sendRequest('aims/coverage', {})) as {
      workspaces: { annexA: { total: number }; systems: { id: string }[] }[];
    };
    assert.equal(cov.workspaces[0].annexA.total, 38);
    assert.deepEqual(cov.workspaces[0].systems.map((s) => s.id).sort(), ['credit-scoring', 'fraud-detection', 'support-chatbot']);
    const report = (await c.conn.sendRequest('aims/renderReport', { format: 'markdown' })) as { content: string };
    assert.match(report.content, /# AIMS coverage report: Acme Lending GmbH/);
  });

  /** Opens a system record and asks for the quick fixes of its missing-obligation findings. */
  async function obligationFixes(name: string, text: string): Promise<{ uri: string; actions: CodeAction[] }> {
    const uri = ws.uri(`systems/${name}.aims.yaml`);
    await open(c, uri, text);
    const diags = await c.until(
      () => (c.latest(uri)?.some((d) => d.code === 'missing-obligation') ? c.latest(uri) : undefined),
      'missing-obligation',
    );
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags },
    })) as CodeAction[];
    return { uri, actions };
  }

  it('offers the quick fix that adds missing obligations', async () => {
    const { actions } = await obligationFixes(
      'new',
      'aims: 1\nkind: AISystem\nid: new\nname: New\nowner: aims-owner\noperatorRoles: [provider]\ntransparency: [interaction]\nclassification:\n  tier: limited\n  basis: article-50\nobligations:\n  Art. 4: { status: met, evidence: [../evidence/ai-literacy-programme.md] }\n',
    );
    assert.ok(actions.some((a) => /Add the 1 obligation/.test(a.title)));
  });

  it('adds obligations inside a flow mapping over the protocol, keeping every byte, and never as the preferred fix', async () => {
    const text =
      'aims: 1\nkind: AISystem\nid: flow\nname: Flow\nowner: aims-owner\noperatorRoles: [provider]\ntransparency: [interaction]\nclassification: { tier: limited, basis: article-50 }\nobligations: {\n  Art. 4: { status: met, evidence: [../evidence/ai-literacy-programme.md] }  # literacy\n}\n';
    const { uri, actions } = await obligationFixes('flow', text);
    const fix = actions.find((a) => /Add the 1 obligation/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.notEqual(fix.isPreferred, true);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(uri, 'aims', 1, text), fix.edit!.changes![uri]),
      text.replace(
        'programme.md] }  # literacy\n',
        'programme.md] },  # literacy\n  Art. 50(1): { status: gap }  # Transparency obligations for providers and deployers of certain AI systems\n',
      ),
    );
  });

  it('follows file-system changes reported by the watcher', async () => {
    const extra = join(ws.dir, 'systems', 'watched.aims.yaml');
    writeFileSync(extra, 'aims: 1\nkind: AISystem\nid: credit-scoring\nname: Duplicate\nclassification: { tier: minimal, basis: none }\n');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(extra).toString(), type: 1 }] });
    await c.until(() => c.latest(pathToFileURL(extra).toString())?.some((d) => d.code === 'duplicate-id'), 'duplicate-id in the new file');
    unlinkSync(extra);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(extra).toString(), type: 3 }] });
    await c.until(() => c.latest(pathToFileURL(extra).toString())?.length === 0, 'cleared after delete');
  });

  it('reports a 100 MB file from its size without reading it', async () => {
    const huge = join(ws.dir, 'huge.aims.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024); // sparse: nothing is written to disk
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(huge).toString(), type: 1 }] });
    const d = await c.until(
      () => c.latest(pathToFileURL(huge).toString())?.find((x) => x.code === 'file-too-large'),
      'file-too-large',
      2000,
    );
    assert.match(d.message, /100\.0 MB/);
    unlinkSync(huge);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(huge).toString(), type: 3 }] });
  });

  it('re-checks when settings change (reference date)', async () => {
    c.settings = { referenceDate: '2027-04-01' };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { aims: c.settings } });
    await c.until(() => c.latest(ws.uri('aims.aims.yaml'))?.some((d) => d.code === 'policy-review-overdue'), 'policy-review-overdue');
  });

  it('answers a cancelled request with an error or a result, never hangs', async () => {
    const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
    const src = new CancellationTokenSource();
    const p = c.conn.sendRequest('aims/coverage', {}, src.token);
    src.cancel();
    await p.then(
      () => undefined,
      (e: { code?: number }) => assert.equal(e.code, -32800),
    );
  });
});

describe('language server with a minimal client (no configuration, no snippets)', () => {
  it('takes settings from didChangeConfiguration and gives plain completions', async () => {
    const ws = example();
    const c = new TestClient();
    try {
      await c.initialize(pathToFileURL(ws.dir).toString(), MINIMAL_CAPS);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { aims: { referenceDate: '2027-04-01' } } });
      await c.until(() => c.latest(ws.uri('aims.aims.yaml'))?.some((d) => d.code === 'policy-review-overdue'), 'pushed settings applied');
      const uri = ws.uri('systems/credit-scoring.aims.yaml');
      const text = ws.text('systems/credit-scoring.aims.yaml');
      await open(c, uri, text);
      const line = lineOf(text, 'obligations:') + 1;
      const comp = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } })) as {
        items: { insertTextFormat?: number; textEdit?: { newText: string } }[];
      };
      assert.ok(comp.items.length > 0);
      assert.ok(comp.items.every((i) => i.insertTextFormat !== 2 && !/\$\{/.test(i.textEdit?.newText ?? '')));
    } finally {
      await c.close();
    }
  });
});

describe('hovers on phrases, Article 3 points and reported provisions, through the protocol', () => {
  it('finds the phrase around the cursor and labels what the amendment reportedly inserts', async () => {
    const ws = example();
    const c = new TestClient();
    c.settings = { referenceDate: '2026-11-23' };
    try {
      await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS);
      const rel = 'systems/credit-scoring.aims.yaml';
      const notes = 'notes: Placing on the market after Art. 3(12) review; see Art. 6(1a).';
      const text = ws.text(rel).replace(/notes: Internal control under Annex VI;[^\n]*/, notes);
      await open(c, ws.uri(rel), text);
      const line = lineOf(text, notes);
      const at = async (needle: string, offset: number): Promise<string> => {
        const character = text.split('\n')[line].indexOf(needle) + offset;
        const h = (await c.conn.sendRequest('textDocument/hover', {
          textDocument: { uri: ws.uri(rel) },
          position: { line, character },
        })) as {
          contents: { value: string };
        } | null;
        assert.ok(h, `a hover on ${needle}`);
        return h.contents.value;
      };
      assert.match(await at('market', 2), /\*\*placing on the market\*\*[^]*‘placing on the market’ means/);
      assert.match(await at('Art. 3(12)', 8), /‘intended purpose’ means/);
      assert.match(await at('Art. 6(1a)', 8), /reported \(Digital Omnibus on AI, 2026; Official Journal text not verified\)/);
    } finally {
      await c.close();
    }
  });
});

describe('indexing a workspace through the protocol', () => {
  for (const [name, caps] of [
    ['a VS Code-like client', VSCODE_CAPS],
    // Before the fix, registering for folder changes threw for this client and the folder was never indexed.
    ['a client that pulls configuration but has no workspace folders', { workspace: { configuration: true } }],
  ] as const) {
    it(`publishes findings of unopened files, and nothing for clean ones, with ${name}`, async () => {
      const ws = example();
      writeFileSync(
        join(ws.dir, 'systems', 'zz-broken.aims.yaml'),
        'aims: 1\nkind: AISystem\nid: broken\nname: Broken\nowner: nobody-here\nclassification: { tier: minimal, basis: none }\n',
      );
      const c = new TestClient();
      try {
        await c.initialize(pathToFileURL(ws.dir).toString(), caps);
        const broken = ws.uri('systems/zz-broken.aims.yaml');
        const found = await c.until(() => (c.latest(broken)?.length ? c.latest(broken) : undefined), 'the broken record');
        assert.ok(found.some((d) => d.code === 'unknown-role'));
        // Files are checked and published in path order: a clean file before it would have been sent by now.
        assert.equal(c.latest(ws.uri('risk/risk-register.aims.yaml')), undefined);
        assert.equal(c.latest(ws.uri('systems/credit-scoring.aims.yaml')), undefined);
      } finally {
        await c.close();
      }
    });
  }
});

describe('re-checking a large workspace after an edit', () => {
  it('publishes the edited document first and answers requests while its dependents are re-checked', async () => {
    const ws = example();
    // Named to sort after every record, so checking in path order would publish it last.
    renameSync(join(ws.dir, 'soa.aims.yaml'), join(ws.dir, 'zz-soa.aims.yaml'));
    const copies = 1500;
    copyRecords(ws.dir, copies);
    const c = new TestClient();
    try {
      c.settings = { referenceDate: '2026-11-23' };
      await c.initialize(pathToFileURL(ws.dir).toString(), VSCODE_CAPS);
      // Indexing ends with a re-check of every file and a coverage notification.
      await c.until(() => c.notifications.some((n) => n.method === 'aims/coverageChanged'), 'indexing', 60_000);
      const soaUri = ws.uri('zz-soa.aims.yaml');
      const soa = ws.text('zz-soa.aims.yaml');
      await open(c, soaUri, soa);
      const line = lineOf(soa, '  A.6.2.8:') + 2;
      assert.match(soa.split('\n')[line], /applicable: true/);
      const from = c.published.length;
      let hoverAnsweredAt = -1;
      let asked = false;
      // Records that cite A.6.2.8 fail once the SoA excludes it.
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: soaUri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 20 } }, text: 'false' }],
      });
      const copyUris = new Set(Array.from({ length: copies }, (_, i) => ws.uri(`systems/copy-${i}.aims.yaml`)));
      await c.until(
        () => {
          if (!asked && c.published.length > from) {
            asked = true;
            void c.conn
              .sendRequest('textDocument/hover', { textDocument: { uri: soaUri }, position: { line: line - 2, character: 4 } })
              .then(() => (hoverAnsweredAt = c.published.length));
          }
          return c.published.slice(from).filter((p) => copyUris.has(p.uri)).length === copies && hoverAnsweredAt >= 0;
        },
        'every copy re-checked and the hover answered',
        60_000,
      );
      const after = c.published.slice(from);
      assert.equal(after[0].uri, soaUri, 'the edited document is published first');
      assert.ok(after[0].diagnostics.some((d) => d.code === 'soa-status-on-excluded'));
      assert.ok(after.filter((p) => copyUris.has(p.uri)).every((p) => p.diagnostics.some((d) => d.code === 'obligation-control-excluded')));
      const lastCopy = from + after.map((p) => copyUris.has(p.uri)).lastIndexOf(true);
      assert.ok(
        hoverAnsweredAt <= lastCopy,
        `the hover was answered after ${hoverAnsweredAt - from} of ${after.length} publications, not after all of them`,
      );
    } finally {
      await c.close();
    }
  });
});
