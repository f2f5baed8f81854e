// The extension in a real VS Code workbench: code-server (VS Code OSS, from npm) in headless
// Chromium, driven with playwright-core. Packages the .vsix, installs it into a fresh profile,
// opens a copy of the example workspace with one defect, and checks what a user sees.
// Needs `npm run setup:test` (Chromium, Node 24, code-server). Screenshots: test-artifacts/e2e/.
// Prints `ok N - …` / `not ok N - …` and a final `N passed, N failed`; exits 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.AIMS_E2E_ROOT ?? join(homedir(), '.cache', 'aims-e2e');
const NODE24 = join(CACHE, 'node24', 'package', 'bin', 'node');
const CODE_SERVER = join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

if (!existsSync(NODE24) || !existsSync(CODE_SERVER) || !existsSync(CHROMIUM)) {
  const msg = `e2e: code-server, Node 24 or Chromium missing under ${CACHE} (run \`npm run setup:test\`)`;
  if (process.env.CI === 'true') {
    console.error(msg);
    process.exit(1);
  }
  console.log(`# SKIP ${msg}; the real-editor tests did not run`);
  process.exit(0);
}

const t0 = Date.now();
const log = (m) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });

// ---- package the extension exactly as users get it
const work = mkdtempSync(join(tmpdir(), 'aims-e2e-'));
const vsix = join(work, 'aims.vsix');
const pack = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs'), vsix], { cwd: ROOT, encoding: 'utf8' });
if (pack.status !== 0) {
  console.error(pack.stdout, pack.stderr);
  process.exit(1);
}
log(`packaged ${vsix}`);

async function waitFor(fn, what, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
// ---- a workbench: a fresh profile with the .vsix installed, and a copy of the example with one
// defect (a mislabelled control). `trust`: whether workspace trust is on (the folder then opens in
// Restricted Mode); the main run turns it off.
const servers = [];
process.on('exit', () => {
  for (const pid of servers) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
});
async function startWorkbench(name, { trust }) {
  const base = join(work, name);
  const ws = join(base, 'acme-lending');
  cpSync(join(ROOT, 'examples', 'acme-lending'), ws, { recursive: true });
  // The clean example is committed on `main`, so "Compare Coverage with Branch…" has a branch to compare with.
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'clean example'],
  ]) {
    const g = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=AIMS e2e', '-c', 'user.email=e2e@example.org', ...args], {
      cwd: ws,
      encoding: 'utf8',
    });
    if (g.status !== 0) {
      console.error(`git ${args[0]}: ${g.stderr}`);
      process.exit(1);
    }
  }
  const soaPath = join(ws, 'soa.aims.yaml');
  writeFileSync(soaPath, readFileSync(soaPath, 'utf8').replace('    title: AI policy\n', '    title: AI risk assessment\n'));
  // A workbook to import from the explorer: its "Reviewer" column is one the import does not know.
  {
    const ExcelJS = createRequire(import.meta.url)('exceljs');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('SoA');
    sheet.addRow(['Ref', 'Included?', 'Reason for inclusion / exclusion', 'Reviewer']);
    sheet.addRow(['A.9.4', 'Yes', 'Every system has an intended-use statement signed by its owner.', 'J. Doe']);
    writeFileSync(join(ws, 'audit.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  }
  const home = join(base, 'home');
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': trust,
      // No modal question at start: an untrusted folder opens in Restricted Mode.
      'security.workspace.trust.startupPrompt': 'never',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      // Its asynchronous "similar commands" can replace the palette's exact matches.
      'workbench.commandPalette.experimental.enableNaturalLanguageSearch': false,
      'git.enabled': true,
      'git.autofetch': false,
      'files.autoSave': 'off',
      // No backups of unsaved edits: the extension-host suite opens the same folder in another window,
      // which would otherwise restore what a step typed and undid here.
      'files.hotExit': 'off',
      'aims.referenceDate': '2026-11-23',
      // The protocol trace must reach the AIMS output channel (a step below reads it there).
      'aims.trace.server': 'messages',
    }),
  );
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
  };
  const csArgs = ['--user-data-dir', userData, '--extensions-dir', extensions];
  const inst = spawnSync(NODE24, [CODE_SERVER, ...csArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (inst.status !== 0) {
    console.error(inst.stdout, inst.stderr);
    process.exit(1);
  }
  log(`${name}: installed the .vsix into a fresh profile`);
  const port = await new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => res(p));
    });
  });
  const child = spawn(
    NODE24,
    [
      CODE_SERVER,
      ...csArgs,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      // Lets the workbench run an extension test suite given in the URL (extensionTestsPath).
      '--vscode-option',
      'enable-smoke-test-driver',
      ws,
    ],
    { env, detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  servers.push(child.pid);
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 'code-server to listen', 60_000);
  log(`${name}: code-server on 127.0.0.1:${port}`);
  return { port, ws, userData };
}

const { port, ws, userData } = await startWorkbench('main', { trust: false });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
let page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
const results = [];
let n = 0;
async function step(name, fn) {
  n++;
  try {
    await fn();
    results.push(true);
    console.log(`ok ${n} - ${name}`);
  } catch (e) {
    results.push(false);
    // Playwright's first line says what timed out; the "waiting for" line says for which element.
    const lines = String(e.message).split('\n');
    const what = lines.find((l) => /waiting for /.test(l));
    console.log(`not ok ${n} - ${name}\n  # ${lines[0]}${what ? `\n  # ${what.trim()}` : ''}`);
    // CI keeps only the log: say what was in the way (a dialog, a notification, the focused element).
    const inWay = await page
      .evaluate(() => ({
        dialogs: [...document.querySelectorAll('.monaco-dialog-box')].map((d) => d.innerText.slice(0, 200)),
        toasts: [...document.querySelectorAll('.notification-toast')].map((d) => d.innerText.slice(0, 200)),
        focus: document.activeElement ? `${document.activeElement.tagName}.${document.activeElement.className}`.slice(0, 120) : '',
      }))
      .catch(() => undefined);
    if (inWay) console.log(`  # on screen: ${JSON.stringify(inWay)}`);
  }
  await page
    .screenshot({ path: join(ARTIFACTS, `${String(n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) })
    .catch(() => {});
}

/**
 * Presses a key that opens the quick input (Ctrl+P, F1, Ctrl+G) and waits for it. The quick input a
 * previous step closed must be gone first (else the wait below would see the old one and the next
 * keys would go to the editor). A key pressed while the workbench is still moving focus can be lost,
 * so it is pressed again while the quick input stays closed.
 */
async function openQuickInput(key) {
  const input = page.locator('.quick-input-widget input');
  // One left open (by a failed step) is closed, as a user would.
  await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => page.keyboard.press('Escape'));
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 6) throw e;
    }
  }
}
async function quickOpen(file) {
  await openQuickInput('Control+P');
  await page.keyboard.type(file);
  // Enter opens the focused row: wait until the filter has made it the file's (a row of the previous
  // results can stay focused for a moment), and then for the file's tab to be the active one.
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: file.split('/').pop() })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.editor-group-container.active .tabs-container .tab.active', { hasText: file.split('/').pop() })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
}
async function command(title) {
  await openQuickInput('F1');
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch {
    // The palette's filter can lose a race with its own asynchronous results and show stale
    // rows for the full text; typing the last character again refilters, as a user would.
    await page.keyboard.press('Backspace');
    await page.keyboard.type(title.slice(-1));
    await row.waitFor({ timeout: 20_000 }).catch(async () => {
      const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      throw new Error(`the command palette does not offer "${title}"; it shows ${JSON.stringify(rows)}`);
    });
  }
  await page.keyboard.press('Enter');
}
/** Loads the project folder as a development extension and runs a test file inside its extension host; throws unless it passes. */
async function runExtensionTests(testsFile) {
  const host = `127.0.0.1:${port}`;
  const apiPage = await browser.newPage();
  const lines = [];
  const exit = new Promise((resolve) => {
    void apiPage.exposeFunction('codeAutomationLog', (type, args) => {
      const text = String((args || []).join(' '));
      if (/EXTHOST|Error|assert/i.test(text)) lines.push(text.split('\n')[0]);
    });
    void apiPage.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsFile}`],
  ]);
  await apiPage.goto(`http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
  const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 120_000))]);
  for (const l of lines) log(l);
  await apiPage.close();
  if (code !== 0) throw new Error(`${testsFile.split('/').pop()} exited with ${code}: ${lines.slice(-3).join(' | ')}`);
}
/** The frame (a webview's) whose first-level heading contains `text`. */
const frameWithHeading = (text, what) =>
  waitFor(async () => {
    for (const f of page.frames()) {
      const headings = await f
        .locator('h1')
        .allInnerTexts()
        .catch(() => []);
      if (headings.some((t) => t.includes(text))) return f;
    }
    return undefined;
  }, what);
/** Moves the cursor to a 1-based line of the active editor (Go to Line). */
async function goToLine(line) {
  await openQuickInput('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}
/** The 1-based number of the first line of a workspace file that starts with `start` (after `after`, if given). */
function lineOf(rel, start, after) {
  const lines = readFileSync(join(ws, rel), 'utf8').split('\n');
  const from = after ? lines.findIndex((l) => l.startsWith(after)) : 0;
  const i = lines.findIndex((l, n) => n >= from && l.startsWith(start));
  if (i < 0) throw new Error(`${rel} has no line starting ${JSON.stringify(start)}`);
  return i + 1;
}
/**
 * Undoes a step's unsaved edits to a workspace file, also after a failure: another window on the
 * same folder (the extension-host suite's) would restore them from VS Code's backups.
 */
async function revert(rel) {
  await page.keyboard.press('Escape');
  await quickOpen(rel);
  await command('File: Revert File');
}
/** Waits for a row of a view whose text matches; the error lists what the rows said. */
async function waitForRow(rows, re, what) {
  let texts = [];
  try {
    await waitFor(async () => (texts = await rows.allInnerTexts()).some((t) => re.test(t)), what, 30_000);
  } catch (e) {
    throw new Error(`${e.message}; the rows read ${JSON.stringify(texts)}`);
  }
}
const viewRows = (view) => page.locator(`.pane:has(.pane-header:has-text("${view}")) .monaco-list-row`);
// The editor renders spaces as U+00A0.
const editorText = async () =>
  (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

try {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench loaded');

  await step('the SoA defect shows in Problems', async () => {
    await quickOpen('soa.aims.yaml');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'The title of A.2.2 is "AI policy"' }).first();
    await row.waitFor({ timeout: 60_000 });
  });

  await step('the AIMS view shows Annex A coverage by topic', async () => {
    await page.locator('.activitybar .action-label[aria-label^="AIMS"]').first().click();
    for (const view of ['Annex A Coverage', 'AI Act Obligations', 'AI Systems']) {
      await page.locator('.pane-header', { hasText: view }).first().waitFor({ timeout: 30_000 });
    }
    const rows = page.locator('.pane:has(.pane-header:has-text("Annex A Coverage")) .monaco-list-row');
    await waitFor(async () => (await rows.allInnerTexts()).some((t) => t.startsWith('A.10 ')), 'topics A.2 … A.10');
    const labels = await rows.allInnerTexts();
    if (!labels[0].startsWith('A.2 Policies related to AI')) throw new Error(`first row: ${labels[0]}`);
    log(`coverage rows: ${JSON.stringify(labels.slice(0, 3))}`);
  });

  await step('the obligations view groups systems by risk tier', async () => {
    const rows = page.locator('.pane:has(.pane-header:has-text("AI Act Obligations")) .monaco-list-row');
    await waitFor(async () => (await rows.allInnerTexts()).some((t) => t.includes('High-risk')), 'a High-risk group');
  });

  await step('editing a status updates the Annex A view without Refresh', async () => {
    await quickOpen('soa.aims.yaml');
    await goToLine(lineOf('soa.aims.yaml', '    status: ', '  A.2.2:'));
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.type('partial');
    const rows = viewRows('Annex A Coverage');
    await rows.filter({ hasText: 'A.2 Policies related to AI' }).first().click();
    await waitForRow(rows, /A\.2\.2 AI policy\s*partially implemented/, 'A.2.2 shown as partially implemented');
    await revert('soa.aims.yaml');
    await waitForRow(rows, /A\.2\.2 AI policy\s*implemented/, 'A.2.2 back to implemented');
  });
  if (!results[results.length - 1]) await revert('soa.aims.yaml');

  await step('accepting Act references after an auto-closed ( leaves valid text', async () => {
    const rel = 'systems/credit-scoring.aims.yaml';
    await quickOpen(rel);
    /** Replaces a line's text (after its indentation) by typing, accepts the completion offered, reads the line. */
    const typeAndAccept = async (start, typed, pick, want) => {
      // The line is found by its start ("  Art. 26", "  annexIII"): the editor shows only the lines in view.
      const currentLine = async () => (await editorText()).split('\n').find((l) => l.startsWith(want.slice(0, 9)));
      await goToLine(lineOf(rel, start));
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type(typed);
      // Enter accepts the focused row: wait until the list has caught up with what was typed.
      await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: pick }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      let line;
      await waitFor(async () => (line = await currentLine()) === want, `the line to read ${JSON.stringify(want)}`, 10_000).catch(() => {
        throw new Error(`the line reads ${JSON.stringify(line)}, not ${JSON.stringify(want)}`);
      });
    };
    await typeAndAccept('  Art. 9:', 'Art. 26(', 'Art. 26(1)', '  Art. 26(1)');
    await typeAndAccept('  annexIII:', 'annexIII: Annex III(3)(d', 'Annex III(3)(d)', '  annexIII: Annex III(3)(d)');
    // Annex III points are found by what they are about.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('annexIII: credit');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Annex III(5)(b)' }).first();
    await row.waitFor({ timeout: 30_000 });
    if (!/creditworthiness/.test(await row.innerText())) throw new Error(`the item does not say what 5(b) is: ${await row.innerText()}`);
    await revert(rel);
  });
  if (!results[results.length - 1]) await revert('systems/credit-scoring.aims.yaml');

  await step('a completion offers control ids and is accepted', async () => {
    await quickOpen('risk/risk-register.aims.yaml');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    // One line in flow style: typed newlines would be re-indented by the editor.
    await page.keyboard.insertText('  R-7: { title: Exam data leak, owner: aims-owner, treatment: mitigate, controls: [A.6.2.');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'A.6.2.4' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await waitFor(async () => /controls: \[A\.6\.2\.\d/.test(await editorText()), 'the accepted id in the editor');
  });

  await step('a hover explains the control under the cursor', async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: 'ISO/IEC 42001 Annex A' }).first().waitFor({ timeout: 30_000 });
  });

  await step('a rename applied through the refactor preview leaves no extra Problems entry', async () => {
    // F2, Ctrl+Enter, Apply. The preview's documents (scheme vscode-bulkeditpreview-editor, same paths)
    // were once checked as documents of their own, and Problems listed findings for them that no
    // workspace file has ("No AIMS manifest", unknown ids), which stayed until a reload.
    const register = 'risk/risk-register.aims.yaml';
    const system = 'systems/fraud-detection.aims.yaml';
    const onDisk = (rel) => readFileSync(join(ws, rel), 'utf8');
    const original = [register, system].map((rel) => [rel, onDisk(rel)]);
    const rows = page.locator('.markers-panel .monaco-list-row');
    const showProblems = async () => {
      if (!(await page.locator('.markers-panel').first().isVisible())) await page.keyboard.press('Control+Shift+M');
      await rows.filter({ hasText: 'The title of A.2.2 is "AI policy"' }).first().waitFor({ timeout: 30_000 });
    };
    const counts = async () => (await page.locator('[id="status.problems"]').first().innerText()).replace(/\s+/g, ' ').trim();
    const extraRows = async () => (await rows.allInnerTexts()).filter((t) => !rowsBefore.includes(t));
    /** Fails if, within `ms`, what `read` says differs from `before` (the preview's findings come after a debounce). */
    const unchanged = async (read, before, what, ms) => {
      const end = Date.now() + ms;
      do {
        const now = await read();
        if (JSON.stringify(now) !== JSON.stringify(before))
          throw new Error(`${what} were ${JSON.stringify(before)}, now ${JSON.stringify(now)}`);
        await new Promise((r) => setTimeout(r, 250));
      } while (Date.now() < end);
    };
    let rowsBefore = [];
    let pending = false;
    try {
      await revert(register); // the completion step's unfinished line
      await showProblems();
      await waitFor(
        async () => !(await rows.allInnerTexts()).some((t) => t.startsWith('risk-register.aims.yaml')),
        'the unfinished line gone from Problems',
      );
      rowsBefore = await rows.allInnerTexts();
      const countsBefore = await counts();

      await quickOpen(register);
      await goToLine(lineOf(register, '  R-6:'));
      await page.keyboard.press('Home');
      await page.keyboard.press('F2');
      // Keys pressed before the rename box has the focus go to the editor (Ctrl+A would select the file).
      const input = page.locator('.rename-box input.rename-input').first();
      await waitFor(
        () => input.evaluate((el) => el === document.activeElement && el.value === 'R-6'),
        'the rename box to have the focus and offer R-6',
        30_000,
      );
      await page.keyboard.press('Control+A');
      await page.keyboard.type('R-60');
      await waitFor(async () => (await input.inputValue()) === 'R-60', 'R-60 in the rename box', 10_000);
      await page.keyboard.press('Control+Enter');
      pending = true;
      const preview = page.locator('.bulk-edit-panel');
      await preview.locator('.monaco-list-row', { hasText: 'fraud-detection.aims.yaml' }).first().waitFor({ timeout: 30_000 });

      // The preview takes the panel's place; the status bar's problem counts stay as they were.
      await unchanged(counts, countsBefore, 'while the preview is shown, the problem counts', 5_000);
      await preview.locator('.buttons .monaco-button', { hasText: 'Apply' }).first().click({ timeout: 30_000 });
      await preview.waitFor({ state: 'hidden', timeout: 30_000 });
      pending = false;
      await command('File: Save All');
      await waitFor(
        () => onDisk(register).includes('\n  R-60:\n') && onDisk(system).includes('\nrisks: [R-5, R-60]\n'),
        'R-60 in the register and in the fraud-detection record on disk',
        30_000,
      );
      await showProblems();
      await unchanged(extraRows, [], 'after Apply, the Problems rows no workspace file had before', 5_000);
      await unchanged(counts, countsBefore, 'after Apply, the problem counts', 0);
    } finally {
      // The workspace as the next steps expect it, also after a failure.
      if (pending)
        await page
          .locator('.bulk-edit-panel .buttons .monaco-button', { hasText: 'Discard' })
          .first()
          .click({ timeout: 10_000 })
          .catch(() => {});
      for (const [rel, text] of original) writeFileSync(join(ws, rel), text);
      for (const [rel] of original) await revert(rel);
    }
  });

  await step('New AI System Record asks what the duties turn on, finds Annex III points by their words, never reuses an id', async () => {
    const widget = (text) => page.locator('.quick-input-widget', { hasText: text }).waitFor({ timeout: 30_000 });
    const row = (text) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    const create = async () => {
      await page.keyboard.press('Escape');
      await command('AIMS: New AI System Record');
      await widget('New AI System Record: name');
      await page.keyboard.type('Exam proctoring');
      await page.keyboard.press('Enter');
      await widget('your operator roles');
      await page.keyboard.press('Enter');
      await widget('what the system is');
      await page.keyboard.press('Enter');
      await widget('Annex III point');
      await page.keyboard.type('exam');
      await row('Annex III(3)(d)').waitFor({ timeout: 30_000 });
      await row('Annex III(3)(d)').click();
      await widget('Art. 50 cases');
      await page.keyboard.press('Enter');
      await widget('New AI System Record: establishment');
      await row('In the EU').click();
    };
    await create();
    const tab = page.locator('.tabs-container .tab', { hasText: 'exam-proctoring.aims.yaml' }).first();
    await tab.waitFor({ timeout: 30_000 });
    await waitFor(async () => (await editorText()).includes('kind: AISystem'), 'the new record in the editor');
    // A new record is a file to work in: a normal tab, not an italic preview the next click replaces.
    if ((await tab.locator('.italic').count()) > 0) throw new Error('the new record opened in a preview tab');
    const text = readFileSync(join(ws, 'systems', 'exam-proctoring.aims.yaml'), 'utf8');
    for (const want of [
      'annexIII: Annex III(3)(d)',
      'establishment: eu',
      'Art. 9:',
      'Art. 43:',
      'route: annex-vi',
      'Art. 49(1):',
      'Art. 73:',
    ])
      if (!text.includes(want)) throw new Error(`record lacks ${want}`);
    if (/publicBody|generalPurposeModel/.test(text)) throw new Error('the record states facts it was not asked');
    await create();
    await page.locator('.tabs-container .tab', { hasText: 'exam-proctoring-2.aims.yaml' }).first().waitFor({ timeout: 30_000 });
    const second = readFileSync(join(ws, 'systems', 'exam-proctoring-2.aims.yaml'), 'utf8');
    if (!second.includes('id: exam-proctoring-2')) throw new Error('the second record reuses the id');
  });

  await step('the coverage report opens', async () => {
    await command('AIMS: Open Coverage Report');
    await page.locator('.tabs-container .tab', { hasText: 'AIMS Coverage Report' }).first().waitFor({ timeout: 30_000 });
    const frame = await frameWithHeading('Acme Lending GmbH', 'report content');
    await frame.locator('svg.bar').first().waitFor({ timeout: 10_000 });
  });

  await step('an .xlsx imports from the explorer into the SoA after the columns are confirmed', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'audit.xlsx' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    // The workbench's context menu acts on Enter for the item under the pointer (a click can land while it opens).
    await page.locator('.monaco-menu .action-item', { hasText: 'Import SoA from Excel, CSV or Markdown' }).first().hover();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'what does each column hold?' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reviewer' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const updated = () => readFileSync(join(ws, 'soa.aims.yaml'), 'utf8').includes('intended-use statement signed by its owner');
    await waitFor(updated, 'the SoA updated on disk', 30_000);
    // The summary with its "Open" button, from the notification centre (a toast may already have hidden).
    await command('Notifications: Show Notifications');
    const note = page.locator('.notifications-center .notification-list-item', {
      hasText: 'Updated soa.aims.yaml from audit.xlsx: 1 row read, 1 written, 0 need attention',
    });
    await note.first().locator('.monaco-button', { hasText: 'Open' }).first().click({ timeout: 30_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'soa.aims.yaml' }).first().waitFor({ timeout: 30_000 });
    const text = readFileSync(join(ws, 'soa.aims.yaml'), 'utf8');
    if (!text.includes('    justification: Every system has an intended-use statement signed by its owner.\n    status: partial\n'))
      throw new Error('the SoA was not updated in place');
    if (!text.includes('    notes: "Reviewer: J. Doe"\n')) throw new Error('the unrecognised column is not kept in notes');
    if (existsSync(join(ws, 'soa-2.aims.yaml'))) throw new Error('a second SoA was written');
  });

  await step('the extension page shows the README, with no broken image', async () => {
    // The report's webview may hold the keyboard: open the Extensions view from the activity bar.
    await page.locator('.activitybar .action-label[aria-label^="Extensions"]').first().click({ timeout: 30_000 });
    await page.locator('.extensions-viewlet').first().waitFor({ timeout: 30_000 });
    await page.keyboard.type('@installed AIMS');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'ISO/IEC 42001' }).first().click({ timeout: 30_000 });
    const frame = await frameWithHeading('checked as you type', 'the README on the extension page');
    await frame.getByText("The screenshots of this section are in the project's repository").first().waitFor({ timeout: 10_000 });
    const images = await frame.locator('img').evaluateAll((els) => els.map((e) => ({ alt: e.alt, src: e.getAttribute('src') })));
    if (images.length) throw new Error(`images on the page: ${JSON.stringify(images)}`);
    const links = await frame.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    const dead = links.filter((h) => !/^(https?:|#)/.test(h ?? ''));
    if (dead.length) throw new Error(`links the page cannot open: ${dead.join(', ')}`);
  });

  await step("a finding's rule code opens its section of docs/rules.md", async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'The title of A.2.2 is "AI policy"' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.locator('a', { hasText: 'soa-title-mismatch' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'rules.md' }).first().waitFor({ timeout: 30_000 });
    const heading =
      readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')
        .split('\n')
        .indexOf('## soa-title-mismatch') + 1;
    await page
      .locator('.statusbar-item', { hasText: `Ln ${heading},` })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+W');
  });

  await step('aims.trace.server traces the protocol in the AIMS output', async () => {
    // Closing rules.md left the report's webview focused, which keeps F1 to itself.
    await page.locator('.part.panel .action-label', { hasText: 'Problems' }).first().click();
    await command('AIMS: Show Output');
    const lines = page.locator('.part.panel .monaco-editor .view-lines');
    await lines.first().waitFor({ timeout: 30_000 });
    await waitFor(
      async () =>
        /(Sending|Received) (request|notification|response) '/.test((await lines.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ')),
      'a protocol trace line in the AIMS output',
      30_000,
    );
  });

  await step('the extension-host suite passes against the real vscode API', async () => {
    // The project folder is loaded as a development extension and test/extension-host/index.js
    // runs inside the extension host, as @vscode/test-electron would run it.
    await runExtensionTests(join(ROOT, 'test', 'extension-host', 'index.js'));
  });

  await step('the browser entry runs in the web worker extension host, its server in a web worker', async () => {
    // The web extension as vscode.dev and github.dev run it: `remote.extensionKind` puts the extension in the
    // browser's worker extension host instead of code-server's Node one, and test/extension-host/web.js runs there.
    const settingsFile = join(userData, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'remote.extensionKind': { 'aims-tooling.aims-lsp': ['web'] } }));
    await runExtensionTests(join(ROOT, 'test', 'extension-host', 'web.js'));
  });

  // ---- Restricted Mode, then trust granted mid-session: a second workbench with workspace trust on.
  const restricted = await startWorkbench('trust', { trust: true });
  await page.close();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`http://127.0.0.1:${restricted.port}/?folder=${encodeURIComponent(restricted.ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('trust: workbench loaded in Restricted Mode');
  /** Asks for the quick fixes at the SoA's mislabelled title (line 9, column 12). */
  const quickFixOnTitle = async () => {
    await page.keyboard.press('Escape');
    await openQuickInput('Control+G');
    await page.keyboard.type('9:12');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
  };

  await step('in Restricted Mode the SoA is checked but offers no quick fix', async () => {
    await quickOpen('soa.aims.yaml');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'The title of A.2.2 is "AI policy"' }).first();
    await row.waitFor({ timeout: 60_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    // The "no quick fixes" message is brief: ask again if it was missed (or the keys beat the editor's focus).
    let offered = false;
    await waitFor(
      async () => {
        await quickFixOnTitle();
        offered ||= (await page.locator('.action-widget', { hasText: "Change to 'AI policy'" }).count()) > 0;
        return (
          offered ||
          page
            .locator('.monaco-editor-overlaymessage', { hasText: /No (quick fixes|code actions)/ })
            .first()
            .waitFor({ timeout: 3_000 })
            .then(() => true)
            .catch(() => false)
        );
      },
      'the editor to say there is no quick fix',
      60_000,
    );
    if (offered) throw new Error('a quick fix is offered in Restricted Mode');
  });

  await step('trusting the folder turns the quick fix on, without a reload', async () => {
    await page.evaluate(() => {
      window.aimsBeforeTrust = true;
    });
    await page.keyboard.press('Escape');
    await command('Workspaces: Manage Workspace Trust');
    await page
      .locator('.workspace-trust-editor .workspace-trust-buttons .monaco-button', { hasText: /^Trust/ })
      .first()
      .click({ timeout: 30_000 });
    await quickOpen('soa.aims.yaml');
    // The client tells the running server that the workspace is now trusted (aims/trustChanged); ask until its answer arrives.
    await waitFor(
      async () => {
        await quickFixOnTitle();
        return page
          .locator('.action-widget', { hasText: "Change to 'AI policy'" })
          .first()
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
      },
      'the quick fix after the folder was trusted',
      60_000,
    );
    if (!(await page.evaluate(() => window.aimsBeforeTrust === true))) throw new Error('the workbench reloaded');
  });
} finally {
  await browser.close().catch(() => {});
  for (const pid of servers.splice(0)) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  // Keep the AIMS output of every window (with the protocol trace) beside the screenshots.
  const logs = spawnSync('find', [work, '-path', '*/logs/*', '-name', '*AIMS*.log'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
  logs.forEach((f, i) => cpSync(f, join(ARTIFACTS, `aims-output-${i + 1}.log`)));
  rmSync(work, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
console.log(`\n${passed} passed, ${results.length - passed} failed`);
log(`screenshots in ${ARTIFACTS}`);
process.exit(passed === results.length ? 0 : 1);
