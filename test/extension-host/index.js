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

  // Language defaults: 2-space indent, suggestions inside values (where ids and references are typed).
  const editor = vscode.workspace.getConfiguration('editor', { languageId: 'aims' });
  assert.equal(editor.get('tabSize'), 2);
  assert.equal(editor.get('insertSpaces'), true);
  assert.equal(editor.get('quickSuggestions').strings, true);
  console.log('EXTHOST ok language defaults');

  // File events reach the server from one watcher, the one it registers (not a second client-side one too),
  // and a file created on disk gets its findings.
  assert.equal((api.client.clientOptions.synchronize || {}).fileEvents, undefined);
  assert.ok(api.client.getFeature('workspace/didChangeWatchedFiles').getState().registrations, 'the server registered its watcher');
  const created = vscode.Uri.joinPath(folder, 'systems', 'created-on-disk.aims.yaml');
  const record = Buffer.from(await vscode.workspace.fs.readFile(system)).toString('utf8');
  await vscode.workspace.fs.writeFile(
    created,
    Buffer.from(record.replace(/^id: .*$/m, 'id: created-on-disk').replace('  Art. 9:\n', '  Art. 9(11):\n')),
  );
  await waitFor(
    () => vscode.languages.getDiagnostics(created).some((d) => /no paragraph 11/.test(d.message)),
    'findings of a file created on disk',
  );
  await vscode.workspace.fs.delete(created);
  console.log('EXTHOST ok file events');
};
