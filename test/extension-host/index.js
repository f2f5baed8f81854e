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

/** The children of a tree node with their items, as the view draws them. */
async function rows(tree, parent) {
  const nodes = (await tree.getChildren(parent)) || [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await tree.getTreeItem(node) })));
}
const label = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
/** The row under a path of labels (each matched by its start), or undefined. */
async function rowAt(tree, ...path) {
  let parent;
  let found;
  for (const start of path) {
    found = (await rows(tree, parent)).find((r) => label(r.item).startsWith(start));
    if (!found) return undefined;
    parent = found.node;
  }
  return found;
}
/** Replaces the first `from` after the line starting with `after` in an open document. */
async function replaceAfter(uri, after, from, to) {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  const at = text.indexOf(from, text.indexOf(after));
  assert.ok(text.indexOf(after) >= 0 && at >= 0, `${after} … ${from}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
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

  // ---- coverage is live: trees and the status item follow every change, without Refresh
  const { coverage, obligations, systems } = api.trees;
  const controlRow = () => rowAt(coverage, 'A.6 ', 'A.6.2.4 ');
  assert.equal((await controlRow()).item.description, 'implemented');
  await replaceAfter(soa, '  A.6.2.4:', 'status: implemented', 'status: partial');
  await waitFor(async () => (await controlRow()).item.description === 'partially implemented', 'A.6.2.4 shown as partial');
  // A topic with a partial control and no gap is not shown with the green check.
  assert.equal((await rowAt(coverage, 'A.6 ')).item.iconPath.id, 'circle-large-outline');
  console.log('EXTHOST ok a status edit updates the Annex A view');

  // Other steps add records with gaps of their own: count from what the item says now.
  const gapsShown = () => (api.status.detail === 'no gaps' ? 0 : Number(/^(\d+) gaps?$/.exec(api.status.detail)[1]));
  const before = gapsShown();
  await replaceAfter(system, '  Art. 9:', 'status: met', 'status: gap');
  await waitFor(() => gapsShown() === before + 1, `the status item to count one more gap (it says ${api.status.detail})`);
  assert.equal((await rowAt(obligations, 'High-risk', 'Credit scoring model')).item.description, '2 gaps');
  assert.equal(
    api.status.accessibilityInformation.label,
    `AIMS coverage: 38 of 38 Annex A controls addressed; 0 Statement of Applicability gaps, ${before + 1} AI Act obligation gaps. Opens the coverage report.`,
  );
  console.log('EXTHOST ok an obligation status updates the status item and the obligations view');

  const chatbot = vscode.Uri.joinPath(folder, 'systems', 'support-chatbot.aims.yaml');
  await replaceAfter(chatbot, 'name:', 'Customer support chatbot', 'Help desk assistant');
  await waitFor(async () => !!(await rowAt(systems, 'Tier: limited', 'Help desk assistant')), 'the renamed system in AI Systems');
  assert.ok(await rowAt(obligations, 'Limited risk', 'Help desk assistant'));
  console.log('EXTHOST ok renaming a system updates both system views');

  // Changed, created and deleted on disk, as `git pull` or another editor would.
  const fs = require('fs');
  const fraud = vscode.Uri.joinPath(folder, 'systems', 'fraud-detection.aims.yaml').fsPath;
  fs.writeFileSync(fraud, fs.readFileSync(fraud, 'utf8').replace(/^name: .*$/m, 'name: Payment fraud screening'));
  await waitFor(async () => !!(await rowAt(systems, 'Tier: minimal', 'Payment fraud screening')), 'the name changed on disk');
  const extra = vscode.Uri.joinPath(folder, 'systems', 'from-disk.aims.yaml').fsPath;
  fs.writeFileSync(
    extra,
    'aims: 1\nkind: AISystem\nid: from-disk\nname: Written on disk\nclassification: { tier: limited, basis: article-50 }\n',
  );
  await waitFor(async () => !!(await rowAt(systems, 'Tier: limited', 'Written on disk')), 'a record created on disk');
  fs.unlinkSync(extra);
  await waitFor(async () => !(await rowAt(systems, 'Tier: limited', 'Written on disk')), 'the deleted record gone');
  console.log('EXTHOST ok files changed, created and deleted on disk update the views');

  // ---- empty and filtered states
  api.store.setGapsOnly(true);
  const gapRows = await rows(coverage);
  assert.deepEqual(
    gapRows.map((r) => label(r.item)),
    ['No gaps: every Annex A control is addressed'],
  );
  assert.ok(await rowAt(obligations, 'High-risk', 'Credit scoring model'));
  api.store.setGapsOnly(false);
  // A folder without AIMS files: no rows, so VS Code shows the welcome view (create / import) instead of 38 gaps.
  const empty = {
    loaded: true,
    gapsOnly: false,
    onDidChange: () => ({ dispose() {} }),
    workspaces: [{ ...api.store.workspaces[0], files: 0, systems: [] }],
  };
  assert.deepEqual(await new coverage.constructor(empty).getChildren(), []);
  console.log('EXTHOST ok gaps-only and empty folders say so');

  const target = vscode.Uri.joinPath(folder, 'coverage-report.md');
  await vscode.commands.executeCommand('aims.exportReport', 'markdown', target);
  const report = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
  assert.match(report, /# AIMS coverage report: Acme Lending GmbH/);
  console.log('EXTHOST ok export');
};
