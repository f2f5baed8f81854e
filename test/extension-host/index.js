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
  const gapsShown = () => (api.status.detail === 'no gaps' ? 0 : Number(/^(\d+) obligation gaps?$/.exec(api.status.detail)[1]));
  const before = gapsShown();
  await replaceAfter(system, '  Art. 9:', 'status: met', 'status: gap');
  await waitFor(() => gapsShown() === before + 1, `the status item to count one more gap (it says ${api.status.detail})`);
  assert.equal((await rowAt(obligations, 'High-risk', 'Credit scoring model')).item.description, '2 gaps');
  // Beside "Annex A 38/38" the item says whose gaps these are: none of them is an Annex A gap.
  assert.equal(api.status.text, '$(shield) Annex A 38/38');
  assert.equal(api.status.detail, `${before + 1} obligation gap${before ? 's' : ''}`);
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
  const fraudText = fs.readFileSync(fraud, 'utf8');
  fs.writeFileSync(fraud, fraudText.replace(/^name: .*$/m, 'name: Payment fraud screening'));
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

  // Two duties of one article (Art. 26 and 26(8) of a public-authority deployer) are two rows, and a
  // date the amendment does not move (Art. 4) is not labelled as the amendment's.
  const authority = vscode.Uri.joinPath(folder, 'systems', 'benefits.aims.yaml').fsPath;
  fs.writeFileSync(
    authority,
    'aims: 1\nkind: AISystem\nid: benefits\nname: Benefits eligibility\noperatorRoles: [deployer]\npublicBody: true\npublicAuthority: true\n' +
      'classification: { tier: high, basis: annex-iii, annexIII: Annex III(5)(a) }\n' +
      'obligations:\n  Art. 4: { status: gap }\n  Art. 26: { status: gap }\n  Art. 26(8): { status: gap }\n',
  );
  const benefitsRow = () => rowAt(obligations, 'High-risk', 'Benefits eligibility');
  await waitFor(benefitsRow, 'the public-authority record in the obligations view');
  const duties = await waitFor(async () => {
    const r = await rows(obligations, (await benefitsRow()).node);
    return r.length >= 5 ? r : undefined;
  }, 'its five obligations');
  assert.deepEqual(
    duties.map((r) => label(r.item).split(' ')[0] + ' ' + label(r.item).split(' ')[1]),
    ['Art. 4', 'Art. 26', 'Art. 26(8)', 'Art. 27', 'Art. 49(3)'],
  );
  assert.equal(new Set(duties.map((r) => r.item.id)).size, duties.length, 'one tree id per row');
  assert.match(duties[0].item.description, /from 2 Feb 2025$/);
  assert.match(duties[1].item.description, /from 2 Dec 2027 \(reported amendment\)$/);
  fs.unlinkSync(authority);
  await waitFor(async () => !(await benefitsRow()), 'the public-authority record gone');
  console.log('EXTHOST ok one row per duty, and only amended dates labelled as such');

  // A general-purpose AI model owes Chapter V whatever tier its record gives: it is not shown as "Minimal risk".
  const model = vscode.Uri.joinPath(folder, 'systems', 'model.aims.yaml').fsPath;
  fs.writeFileSync(
    model,
    'aims: 1\nkind: AISystem\nid: lm\nname: Acme LM\noperatorRoles: [provider]\ngeneralPurposeModel: true\n' +
      'classification: { tier: minimal, basis: none }\nobligations:\n  Art. 53: { status: gap }\n',
  );
  const modelRow = await waitFor(() => rowAt(obligations, 'General-purpose AI models', 'Acme LM'), 'the model in the obligations view');
  assert.equal(label((await rows(obligations, modelRow.node))[0].item), 'Art. 53 Obligations for providers of general-purpose AI models');
  assert.equal((await rowAt(obligations, 'General-purpose AI models')).item.description, 'Chapter V · 1 system');
  assert.equal(await rowAt(obligations, 'Minimal risk', 'Acme LM'), undefined);
  assert.ok(await waitFor(() => rowAt(systems, 'General-purpose AI models', 'Acme LM'), 'the model in AI Systems'));
  fs.unlinkSync(model);
  await waitFor(async () => !(await rowAt(systems, 'General-purpose AI models', 'Acme LM')), 'the model record gone');
  console.log('EXTHOST ok a general-purpose AI model is grouped as one');

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

  // Leave the workspace as the checks below expect it: the edits above undone, the file on disk restored.
  for (const uri of [soa, system, chatbot]) {
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  fs.writeFileSync(fraud, fraudText);

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
  const hung = old;
  const gone = () => {
    try {
      process.kill(hung, 0);
      return false;
    } catch {
      return true;
    }
  };
  await waitFor(gone, 'the hung server process is gone', 10000);
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

  // Import a workbook into the workspace's SoA: merged in place (comments and other keys kept),
  // never a second SoA; the column the header does not explain is mapped by the caller, as the
  // quick pick would. exceljs comes from the project's node_modules, as the unit tests use it.
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('SoA');
  sheet.addRow(['ID', 'Included?', 'Reason for inclusion / exclusion', 'Auditor remark']);
  sheet.addRow(['A.10.4', 'No', 'We offer no AI products or services to customers.', 'Checked in the 2026 audit']);
  sheet.addRow(['B.10.4', 'Yes', 'Followed for supplier contracts', '']);
  const table = vscode.Uri.joinPath(folder, 'soa-from-audit.xlsx');
  await vscode.workspace.fs.writeFile(table, new Uint8Array(await wb.xlsx.writeBuffer()));
  const soaBefore = Buffer.from(await vscode.workspace.fs.readFile(soa)).toString('utf8');
  const outcome = await vscode.commands.executeCommand('aims.importSoa', table, { mapping: { 'Auditor remark': 'notes' } });
  assert.ok(outcome, 'the import ran');
  assert.equal(outcome.created, false);
  assert.equal(outcome.uri.toString(), soa.toString());
  assert.deepEqual(outcome.result.summary, { read: 2, written: 2, attention: 1 });
  const soaAfter = Buffer.from(await vscode.workspace.fs.readFile(soa)).toString('utf8');
  assert.ok(soaAfter.startsWith(soaBefore.split('\n').slice(0, 2).join('\n')), 'the leading comments are kept');
  assert.match(
    soaAfter,
    /  A\.10\.4:\n    title: Customers\n    applicable: false\n    justification: We offer no AI products or services to customers\.\n    reviewedOn: 2026-05-01\n    notes: Checked in the 2026 audit\n/,
  );
  assert.match(
    soaAfter,
    /\n  B\.10\.4:\n    applicable: true\n    justification: Followed for supplier contracts\n    source: soa-from-audit\.xlsx, sheet "SoA", row 3\n/,
  );
  assert.equal(soaAfter.split('\n').length, soaBefore.split('\n').length + 5);
  const files = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n);
  assert.ok(!files.some((n) => /^soa-\d/.test(n)), `no second SoA: ${files.join(', ')}`);
  await waitFor(
    () => vscode.languages.getDiagnostics(soa).some((d) => (d.code && (d.code.value || d.code)) === 'soa-not-a-control'),
    'the finding on B.10.4',
  );
  console.log('EXTHOST ok import');

  // The .xlsx report: the workbook module loads on demand inside the extension host too.
  const xlsx = vscode.Uri.joinPath(folder, 'coverage-report.xlsx');
  await vscode.commands.executeCommand('aims.exportReport', 'xlsx', xlsx);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await vscode.workspace.fs.readFile(xlsx)));
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['Summary', 'Annex A', 'AI Act obligations'],
  );
  assert.equal(book.getWorksheet('Annex A').rowCount, 39);
  console.log('EXTHOST ok xlsx export');
};
