// Runs INSIDE VS Code's web worker extension host (no Node: `require` gives only 'vscode'), against the
// extension's `browser` entry: loaded by scripts/test-e2e.mjs through code-server with
// extensionDevelopmentKind=web. The language server runs in a web worker and reads the workspace
// through vscode.workspace.fs. Prints one line per check and throws on the first failure.
const vscode = require('vscode');

function ok(value, message) {
  if (!value) throw new Error(`not ok: ${message}`);
}

async function waitFor(fn, what, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d) => d.code && (d.code.value || d.code);

exports.run = async function run() {
  ok(typeof process === 'undefined', 'no Node in this extension host');
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const ext = vscode.extensions.getExtension('aims-tooling.aims-lsp');
  ok(ext, 'the extension is loaded');
  const api = await ext.activate();
  await api.ready;
  console.log(`EXTHOST web activation ${api.activationMs} ms`);

  const soa = vscode.Uri.joinPath(folder, 'soa.aims.yaml');
  const mismatch = await waitFor(
    () => vscode.languages.getDiagnostics(soa).find((d) => codeOf(d) === 'soa-title-mismatch'),
    'soa-title-mismatch from the worker',
  );
  ok(mismatch.range.start.line === 8, `the finding is on line 9 (${mismatch.range.start.line + 1})`);
  // Its link opens the rule's section: the client read the headings' lines for the worker.
  ok(/^L\d+$/.test(mismatch.code.target.fragment), `the rule link names a line (${mismatch.code.target.toString()})`);
  console.log('EXTHOST web ok diagnostics of an unopened file');

  await waitFor(() => api.store.workspaces.length > 0, 'coverage');
  ok(api.store.workspaces[0].annexA.total === 38, 'Annex A has 38 controls');
  console.log('EXTHOST web ok coverage');

  const system = vscode.Uri.joinPath(folder, 'systems', 'credit-scoring.aims.yaml');
  const doc = await vscode.workspace.openTextDocument(system);
  const line = doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith('  Art. 9:'));
  const hoverText = async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', system, new vscode.Position(line, 4));
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  };
  ok(/Risk management system/.test(await hoverText()), 'the hover explains Art. 9');
  console.log('EXTHOST web ok hover');

  // A record written meanwhile, naming evidence that is not there: read and checked through the client.
  const probe = vscode.Uri.joinPath(folder, 'systems', 'web-probe.aims.yaml');
  const fraud = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'systems', 'fraud-detection.aims.yaml')),
  );
  // Its Art. 4 evidence: a file that is not there, and one past its expiry date (stale evidence, told apart from missing).
  const text = fraud
    .replace('id: fraud-detection', 'id: web-probe')
    .replace(
      /\[\.\.\/evidence\/[\w-]+\.md\]/,
      '[../evidence/not-there-yet.md, { path: ../evidence/ai-literacy-programme.md, expires: 2020-01-31 }]',
    );
  await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode(text));
  const missing = await waitFor(() => {
    const found = vscode.languages.getDiagnostics(probe).filter((d) => codeOf(d) === 'evidence-missing');
    return found.length ? found : undefined;
  }, 'evidence-missing on the new record');
  ok(missing.length === 1 && missing[0].message.includes('../evidence/not-there-yet.md'), missing.map((d) => d.message).join(' | '));
  const expired = vscode.languages.getDiagnostics(probe).filter((d) => codeOf(d) === 'evidence-expired');
  ok(
    expired.length === 1 && expired[0].message.startsWith("Evidence '../evidence/ai-literacy-programme.md' expired on 31 January 2020"),
    expired.map((d) => d.message).join(' | '),
  );
  // The coverage views follow the findings once the worker has recomputed the record's part.
  const want = '../evidence/not-there-yet.md missing, ../evidence/ai-literacy-programme.md expired';
  let states;
  await waitFor(() => {
    const o = api.store.workspaces[0].systems.find((s) => s.id === 'web-probe')?.obligations.find((x) => x.ref === 'Art. 4');
    states = o && o.evidenceStatus.map((e) => `${e.path} ${e.state}`).join(', ');
    return states === want;
  }, 'the coverage views to tell expired evidence from missing').catch((e) => {
    throw new Error(`${e.message} (they show: ${states})`);
  });
  // The AI Act Obligations view says so on the obligation's row.
  const tree = api.trees.obligations;
  const rowsOf = async (parent) =>
    Promise.all(((await tree.getChildren(parent)) || []).map(async (node) => ({ node, item: await tree.getTreeItem(node) })));
  let row;
  await waitFor(async () => {
    for (const tier of await rowsOf())
      for (const system of await rowsOf(tier.node))
        if (String(system.node.path).endsWith('web-probe.aims.yaml'))
          row = (await rowsOf(system.node)).find((r) => String(r.item.label).startsWith('Art. 4 '));
    return row && / · 1 stale evidence$/.test(row.item.description);
  }, 'the obligations view to count the expired entry').catch((e) => {
    throw new Error(`${e.message} (its row: ${row && `${row.item.label} — ${row.item.description}`})`);
  });
  console.log('EXTHOST web ok evidence checked through vscode.workspace.fs, expired told from missing in coverage and the view');

  await vscode.commands.executeCommand('aims.restartServer');
  await waitFor(() => api.server.state === 'running', 'running after AIMS: Restart Server', 30000);
  ok(await waitFor(async () => /Risk management system/.test(await hoverText()), 'a hover from the new worker', 30000), 'hover');
  console.log('EXTHOST web ok restart (a new worker)');

  // The new worker reads the folder again; the store refetches when it says coverage changed.
  await waitFor(() => api.store.workspaces.some((w) => w.organisation === 'Acme Lending GmbH'), 'coverage from the new worker', 30000);
  const target = vscode.Uri.joinPath(folder, 'coverage-report-web.md');
  await vscode.commands.executeCommand('aims.exportReport', 'markdown', target);
  const report = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  ok(/# AIMS coverage report: Acme Lending GmbH/.test(report), report.slice(0, 300));
  console.log('EXTHOST web ok export');

  // What needs the desktop is said, not attempted.
  ok((await vscode.commands.executeCommand('aims.exportReport', 'xlsx', vscode.Uri.joinPath(folder, 'x.xlsx'))) === undefined, 'no xlsx');
  ok((await vscode.commands.executeCommand('aims.compareWithBranch', 'main')) === undefined, 'no compare');
  console.log('EXTHOST web ok Excel and Compare with Branch declined');
  await vscode.workspace.fs.delete(probe);
};
