// Runs INSIDE the VS Code extension host, against the real `vscode` API: loaded by the real-editor
// harness (scripts/test-e2e.mjs) through code-server's extensionTestsPath, and usable unchanged as
// @vscode/test-electron's extensionTestsPath where VS Code can be downloaded. Prints one line per
// check and throws on the first failure (the host then exits non-zero).
const vscode = require('vscode');
const assert = require('assert');

async function waitFor(fn, what, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const ext = vscode.extensions.getExtension('aims-tooling.aims-lsp');
  assert.ok(ext, 'the extension is installed');
  const api = await ext.activate();
  await api.ready;
  console.log(`EXTHOST activation ${api.activationMs} ms`);

  const soa = vscode.Uri.joinPath(folder, 'soa.aims.yaml');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(soa));
  const diags = await waitFor(() => {
    const d = vscode.languages.getDiagnostics(soa).filter((x) => x.code && (x.code.value || x.code) === 'soa-title-mismatch');
    return d.length ? d : undefined;
  }, 'soa-title-mismatch');
  assert.equal(diags[0].range.start.line, 8);
  console.log('EXTHOST ok diagnostics');

  const system = vscode.Uri.joinPath(folder, 'systems', 'credit-scoring.aims.yaml');
  const doc = await vscode.workspace.openTextDocument(system);
  const line = doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith('  Art. 9:'));
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', system, new vscode.Position(line, 4));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /Risk management system/);
  assert.match(text, /2 December 2027/);
  console.log('EXTHOST ok hover');

  await waitFor(() => api.store.workspaces.length > 0, 'coverage');
  assert.equal(api.store.workspaces[0].annexA.total, 38);
  assert.ok(api.store.workspaces[0].systems.some((s) => s.id === 'credit-scoring'));
  console.log('EXTHOST ok coverage');

  const target = vscode.Uri.joinPath(folder, 'coverage-report.md');
  await vscode.commands.executeCommand('aims.exportReport', 'markdown', target);
  const report = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
  assert.match(report, /# AIMS coverage report: Acme Lending GmbH/);
  console.log('EXTHOST ok export');

  // The example is committed on `main`; the workspace has the SoA defect and the record the UI test created.
  const md = await vscode.commands.executeCommand('aims.compareWithBranch', 'main');
  assert.match(md, /^### AIMS coverage: /m);
  assert.match(md, /^Base `main` → head `workspace` · Acme Lending GmbH/m);
  assert.match(md, /^- `soa\.aims\.yaml:9:12` error `soa-title-mismatch` The title of A\.2\.2 is "AI policy", not "AI risk assessment"/m);
  assert.match(md, /^- `exam-proctoring` \(Exam proctoring\), `systems\/exam-proctoring\.aims\.yaml`: high Annex III\\\(3\\\)\\\(d\\\)/m);
  const preview = await waitFor(
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('AIMS coverage against main')),
    'the Markdown preview of the delta',
    30000,
  );
  console.log(`EXTHOST ok compare with branch (${preview.label})`);
};
