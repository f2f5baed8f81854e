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

  // Supervision: a killed server comes back, a hung one is found and restarted, and one that keeps
  // failing stays down (the status item says so) until the user restarts it.
  const hoverWorks = async () => {
    const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', system, new vscode.Position(line, 4));
    return h.some((x) => x.contents.some((c) => /Risk management system/.test(typeof c === 'string' ? c : c.value)));
  };
  const pid = () => api.client.serverProcess && api.client.serverProcess.pid;
  const restarted = (old, what) => waitFor(() => api.server.state === 'running' && pid() && pid() !== old, what, 30000);
  let old = pid();
  process.kill(old, 'SIGKILL');
  await restarted(old, 'a restart after a crash');
  assert.ok(await waitFor(hoverWorks, 'a hover after the crash', 30000));
  console.log('EXTHOST ok restart after a crash');
  old = pid();
  process.kill(old, 'SIGSTOP');
  await api.server.checkNow(2000);
  await restarted(old, 'a restart after a hang');
  assert.ok(await waitFor(hoverWorks, 'a hover after the hang', 30000));
  console.log('EXTHOST ok restart after a hang');
  old = pid();
  process.kill(old, 'SIGKILL');
  await restarted(old, 'a third restart');
  process.kill(pid(), 'SIGKILL');
  await waitFor(() => api.server.state === 'down', 'the server left down after four stops', 30000);
  assert.equal(api.server.detail, 'stopped 4 times in 3 minutes');
  await vscode.commands.executeCommand('aims.restartServer');
  await waitFor(() => api.server.state === 'running', 'running after AIMS: Restart Server', 30000);
  assert.ok(await waitFor(hoverWorks, 'a hover after the restart', 30000));
  console.log('EXTHOST ok down after repeated crashes, up again on request');

  const target = vscode.Uri.joinPath(folder, 'coverage-report.md');
  await vscode.commands.executeCommand('aims.exportReport', 'markdown', target);
  const report = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
  assert.match(report, /# AIMS coverage report: Acme Lending GmbH/);
  console.log('EXTHOST ok export');
};
