// The web extension's language server (dist/browser/server.js) in a web worker of headless Chromium,
// driven through the protocol by test/browser/page.ts, against the Node server (dist/server.js) over stdio
// on the same workspace: both must publish the same diagnostics and answer completion and hover alike.
// The page has no Node: the worker reads the workspace only through the page's answers to its file
// requests, from an in-memory copy of the folder the Node server reads on disk.
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import type { WorkspaceCoverage } from '../../server/src/core/coverage-types';
import { ruleHeadingLines } from '../../server/src/lsp/rule-lines';
import { ensureBuilt, ROOT_DIR, TestClient, VSCODE_CAPS } from '../lsp/client';
import type { MemEntry } from './page';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const WORKER_BUNDLE = join(ROOT_DIR, 'dist', 'browser', 'server.js');
const SETTINGS = { referenceDate: '2026-11-23' };
/** The virtual file system the worker is given the workspace in (as github.dev's `vscode-vfs://github/…`). */
const VFS = 'vscode-vfs://github';
/** Where docs/rules.md is for the Node server (beside dist/); the browser client tells its worker the same, with its headings' lines. */
const RULES_URL = pathToFileURL(join(ROOT_DIR, 'docs', 'rules.md')).toString();

interface PageState {
  published: Published[];
  notifications: { method: string }[];
  timings: Record<string, number>;
  asked: Record<string, number>;
  nodeOnPage: boolean;
}

interface Published {
  uri: string;
  diagnostics: { code?: string; message: string; range: { start: { line: number } } }[];
}

const CHATBOT = 'systems/support-chatbot.aims.yaml';

/** The example workspace with what a real repository holds besides: a folder the walk skips, a link, odd bytes, a missing evidence file. */
function workspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'aims-web-')), 'acme');
  cpSync(join(ROOT_DIR, 'examples', 'acme-lending'), dir, { recursive: true });
  const fraud = readFileSync(join(dir, 'systems', 'fraud-detection.aims.yaml'), 'utf8');
  // Installed dependencies and dot-folders are never read: a duplicate record there would be a finding if it were.
  for (const skipped of ['node_modules/pkg', '.github']) {
    mkdirSync(join(dir, skipped), { recursive: true });
    writeFileSync(join(dir, skipped, 'fraud-detection.aims.yaml'), fraud);
  }
  // A byte-order mark and a byte that is not UTF-8 (Latin-1 é in a comment): decoded as on disk, with their findings.
  mkdirSync(join(dir, 'notes'));
  writeFileSync(
    join(dir, 'notes', 'odd.aims.yaml'),
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('# r'),
      Buffer.from([0xe9]),
      Buffer.from(`sum\n${fraud.replace('id: fraud-detection', 'id: fraud-detection-copy')}`),
    ]),
  );
  // A link named like an AIMS file is never read (links are not followed).
  symlinkSync('../soa.aims.yaml', join(dir, 'systems', 'linked.aims.yaml'));
  // Evidence that is not there, in a file nobody opens: only a stat through the client can tell.
  const credit = join(dir, 'systems', 'credit-scoring.aims.yaml');
  writeFileSync(credit, readFileSync(credit, 'utf8').replace('evidence/logging-standard.md', 'evidence/logging-standard-v2.md'));
  // Dated evidence under a maximum age, in a file nobody opens: a review past it, an expiry passed, and a dated entry
  // whose file is not there (its existence, too, only a stat through the client can tell).
  const manifest = join(dir, 'aims.aims.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('\nscope:', '\nevidenceMaxAge: P12M\nscope:'));
  const chatbot = join(dir, CHATBOT);
  writeFileSync(
    chatbot,
    readFileSync(chatbot, 'utf8')
      .replace(
        '    evidence: [../evidence/ai-literacy-programme.md]\n',
        '    evidence:\n      - path: ../evidence/ai-literacy-programme.md\n        reviewedOn: 2025-06-01\n',
      )
      .replace(
        '    evidence: [../evidence/chatbot-disclosure.md]\n    controls:',
        '    evidence:\n      - { path: ../evidence/chatbot-disclosure.md, reviewedOn: 2026-01-10, expires: 2026-10-31 }\n' +
          '      - { path: ../evidence/disclosure-test-2026.md, reviewedOn: 2026-10-01 }\n    controls:',
      ),
  );
  return dir;
}

/** Every file and link below a folder, as the page's in-memory file system holds them. */
function entries(dir: string): MemEntry[] {
  const out: MemEntry[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const uri = `${VFS}${p}`;
      const st = statSync(p, { throwIfNoEntry: false });
      if (
        readdirSync(d, { withFileTypes: true })
          .find((e) => e.name === name)
          ?.isSymbolicLink()
      ) {
        // What vscode.workspace.fs.stat says of a link to a file: File | SymbolicLink.
        out.push({ uri, base64: readFileSync(p).toString('base64'), type: 1 | 64 });
      } else if (st?.isDirectory()) walk(p);
      else out.push({ uri, base64: readFileSync(p).toString('base64') });
    }
  };
  walk(dir);
  return out;
}

/** The same request to both servers; results compared with the worker's URIs written as the Node server's. */
interface Side {
  request(method: string, params: unknown): Promise<unknown>;
  requests(list: { method: string; params: unknown }[]): Promise<unknown[]>;
  notify(method: string, params: unknown): Promise<void>;
  published(): Promise<Published[]>;
  coverageChanged(): Promise<number>;
  uri(rel: string): string;
}

const fromVfs = <T>(v: T): T => JSON.parse(JSON.stringify(v).replaceAll(`${VFS}/`, 'file:///')) as T;

/** The latest diagnostics per URI, sorted by URI. */
function latest(published: Published[]): [string, Published['diagnostics']][] {
  const m = new Map<string, Published['diagnostics']>();
  for (const p of published) m.set(p.uri, p.diagnostics);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

async function until<T>(fn: () => Promise<T | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until a side has published nothing new for `ms` (its re-check queue is empty). */
async function quiet(side: Side, ms = 300): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = (await side.published()).length + (await side.coverageChanged());
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') throw new Error(`browser tests: no Chromium at ${CHROMIUM} (run \`npm run setup:test\`)`);

describe(
  'the language server in a browser web worker',
  { skip: haveChromium ? false : `no Chromium at ${CHROMIUM} (run \`npm run setup:test\`)` },
  () => {
    const dir = workspace();
    let http: Server;
    let context: BrowserContext;
    let page: Page;
    let userData: string;
    let node: TestClient;
    let web: Side;
    let local: Side;
    const SYSTEM = 'systems/fraud-detection.aims.yaml';
    const CREDIT = 'systems/credit-scoring.aims.yaml';

    before(async () => {
      ensureBuilt();
      const pageJs = await esbuild.build({
        entryPoints: [join(ROOT_DIR, 'test', 'browser', 'page.ts')],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      const files: Record<string, { type: string; body: Buffer | string }> = {
        '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>AIMS worker</title><script src="/page.js"></script>' },
        '/page.js': { type: 'text/javascript', body: pageJs.outputFiles[0].text },
        '/server.js': { type: 'text/javascript', body: readFileSync(WORKER_BUNDLE) },
      };
      http = createServer((req, res) => {
        const f = files[req.url ?? ''];
        res.writeHead(f ? 200 : 404, { 'content-type': f?.type ?? 'text/plain' });
        res.end(f?.body ?? 'not found');
      });
      await new Promise<void>((res) => http.listen(0, '127.0.0.1', res));
      const port = (http.address() as { port: number }).port;
      userData = mkdtempSync(join(tmpdir(), 'aims-web-chromium-'));
      context = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', ...CHROMIUM_ARGS],
      });
      page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => 'harness' in globalThis);
      assert.deepEqual(errors, []);

      node = new TestClient();
      node.settings = SETTINGS;
      local = {
        request: (m, p) => node.conn.sendRequest(m, p),
        requests: async (list) => {
          const out = [];
          for (const r of list) out.push(await node.conn.sendRequest(r.method, r.params));
          return out;
        },
        notify: (m, p) => node.conn.sendNotification(m, p),
        published: () => Promise.resolve(node.published as Published[]),
        coverageChanged: () => Promise.resolve(node.notifications.filter((n) => n.method === 'aims/coverageChanged').length),
        uri: (rel) => pathToFileURL(join(dir, rel)).toString(),
      };
      // Page functions are sent as source text: they reach the harness through the page's global, nothing else.
      type Harness = Side & { start(url: string, entries: MemEntry[], settings: unknown): void; state(): PageState };
      web = {
        request: (method, params) =>
          page.evaluate(([m, p]) => (globalThis as unknown as { harness: Harness }).harness.request(m, p), [method, params] as const),
        requests: (list) => page.evaluate((l) => (globalThis as unknown as { harness: Harness }).harness.requests(l), list),
        notify: (method, params) =>
          page.evaluate(([m, p]) => (globalThis as unknown as { harness: Harness }).harness.notify(m, p), [method, params] as const),
        published: () => page.evaluate(() => (globalThis as unknown as { harness: Harness }).harness.state().published),
        coverageChanged: () =>
          page.evaluate(
            () =>
              (globalThis as unknown as { harness: Harness }).harness
                .state()
                .notifications.filter((n) => n.method === 'aims/coverageChanged').length,
          ),
        uri: (rel) => `${VFS}${join(dir, rel)}`,
      };
      const init = (side: Side) => ({
        processId: null,
        rootUri: side.uri(''),
        workspaceFolders: [{ uri: side.uri('').replace(/\/$/, ''), name: 'acme' }],
        capabilities: VSCODE_CAPS,
        initializationOptions: {
          debounceMs: 20,
          rulesUrl: RULES_URL,
          ruleLines: ruleHeadingLines(readFileSync(join(ROOT_DIR, 'docs', 'rules.md'), 'utf8')),
        },
      });
      await page.evaluate(([e, st]) => (globalThis as unknown as { harness: Harness }).harness.start('/server.js', e, st), [
        entries(dir),
        SETTINGS,
      ] as const);
      // The worker first: the timings it reports start when the page created it.
      for (const side of [web, local]) {
        await side.request('initialize', init(side));
        await side.notify('initialized', {});
      }
      // Indexing ends with a coverage notice; then the two open documents: one as on disk, one naming evidence that is not there.
      for (const side of [local, web]) await until(async () => (await side.coverageChanged()) >= 1, 'the first coverage notice');
      const changed = readFileSync(join(dir, SYSTEM), 'utf8').replace(/evidence\/[\w-]+\.md/, 'evidence/not-written-yet.md');
      for (const side of [local, web]) {
        await side.notify('textDocument/didOpen', {
          textDocument: {
            uri: side.uri('soa.aims.yaml'),
            languageId: 'aims',
            version: 1,
            text: readFileSync(join(dir, 'soa.aims.yaml'), 'utf8'),
          },
        });
        await side.notify('textDocument/didOpen', {
          textDocument: { uri: side.uri(SYSTEM), languageId: 'aims', version: 1, text: changed },
        });
      }
      for (const side of [local, web]) {
        await until(
          async () =>
            latest(await side.published()).find(([u, d]) => u === side.uri(SYSTEM) && d.some((x) => x.code === 'evidence-missing')),
          'the opened record’s missing evidence',
        );
        await quiet(side);
      }
    });

    after(async () => {
      await node?.close();
      await context?.close();
      http?.close();
      rmSync(join(dir, '..'), { recursive: true, force: true });
      if (userData) rmSync(userData, { recursive: true, force: true });
    });

    it('publishes the same diagnostics as the Node server, file for file', async () => {
      const want = latest(await local.published());
      const got = fromVfs(latest(await web.published()));
      assert.deepEqual(
        got.map(([u]) => u),
        want.map(([u]) => u),
      );
      for (let i = 0; i < want.length; i++) assert.deepEqual(got[i], want[i], `diagnostics of ${want[i][0]}`);
      // The comparison is about something: each case the workspace holds gave its finding, and nothing was read that must not be.
      const of = (rel: string) => want.find(([u]) => u === local.uri(rel))?.[1] ?? [];
      assert.ok(of(SYSTEM).some((d) => d.code === 'evidence-missing' && d.message.includes('evidence/not-written-yet.md')));
      assert.ok(of(CREDIT).some((d) => d.code === 'evidence-missing' && d.message.includes('evidence/logging-standard-v2.md')));
      assert.ok(of('notes/odd.aims.yaml').some((d) => d.code === 'invalid-encoding'));
      const dated = of(CHATBOT).filter((d) => /^evidence-(stale|expired|missing)$/.test(d.code ?? ''));
      assert.deepEqual(
        dated.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message.split(/; |\. /)[0]}`),
        [
          "27 evidence-stale Evidence '../evidence/ai-literacy-programme.md' was last reviewed on 1 June 2025",
          "31 evidence-expired Evidence '../evidence/chatbot-disclosure.md' expired on 31 October 2026",
          "32 evidence-missing Evidence '../evidence/disclosure-test-2026.md' does not exist (paths are relative to this file)",
        ],
      );
      assert.ok(!want.some(([u]) => /node_modules|\.github|linked\.aims/.test(u)), 'skipped folders and links are not read');
      assert.equal(
        want.flatMap(([, d]) => d).filter((d) => d.code === 'duplicate-id').length,
        0,
        'the copies in node_modules and .github are not read',
      );
    });

    it('answers hover, completion and definition alike at every line of the example workspace', async () => {
      const requests: { method: string; params: unknown }[] = [];
      const where: string[] = [];
      const rels = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((r) => /\.aims\.yaml$/.test(r) && !/node_modules|\.github|linked/.test(r))
        .sort();
      for (const rel of rels) {
        const lines = readFileSync(join(dir, rel), 'utf8').split('\n');
        lines.forEach((line, n) => {
          const key = line.search(/\S/);
          const value = line.indexOf(': ') + 2;
          for (const character of new Set([key, value > 1 ? value : -1, line.length].filter((c) => c >= 0))) {
            for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
              requests.push({ method, params: { textDocument: { uri: rel }, position: { line: n, character } } });
              where.push(`${method} ${rel}:${n + 1}:${character + 1}`);
            }
          }
        });
      }
      const forSide = (side: Side) =>
        requests.map((r) => {
          const p = r.params as { textDocument: { uri: string } };
          return { method: r.method, params: { ...p, textDocument: { uri: side.uri(p.textDocument.uri) } } };
        });
      const want = await local.requests(forSide(local));
      const got = fromVfs(await web.requests(forSide(web)));
      let answered = 0;
      for (let i = 0; i < want.length; i++) {
        assert.deepEqual(got[i], want[i], where[i]);
        if (want[i]) answered++;
      }
      assert.ok(answered > requests.length / 2, `most positions have an answer (${answered} of ${requests.length})`);
      // Completion of an evidence path lists the folder's files: the worker asked the client for the listing.
      const text = readFileSync(join(dir, CREDIT), 'utf8').split('\n');
      const line = text.findIndex((l) => l.includes('evidence: [../evidence/'));
      const character = text[line].indexOf('../evidence/') + '../evidence/'.length;
      const params = (side: Side) => ({ textDocument: { uri: side.uri(CREDIT) }, position: { line, character } });
      const answer = (await web.request('textDocument/completion', params(web))) as { label: string }[] | { items: { label: string }[] };
      const items = Array.isArray(answer) ? answer : answer.items;
      assert.ok(
        items.some((i) => i.label === '../evidence/data-governance.md'),
        JSON.stringify(items.slice(0, 5)),
      );
      assert.deepEqual(fromVfs(answer), await local.request('textDocument/completion', params(local)));
    });

    it('renames a role in every file that names it, as the Node server does', async () => {
      const soa = readFileSync(join(dir, 'soa.aims.yaml'), 'utf8').split('\n');
      const line = soa.findIndex((l) => l.trim() === 'owner: aims-owner');
      const rename = (side: Side) =>
        side.request('textDocument/rename', {
          textDocument: { uri: side.uri('soa.aims.yaml') },
          position: { line, character: soa[line].indexOf('aims-owner') + 1 },
          newName: 'aims-lead',
        }) as Promise<{ changes?: Record<string, unknown[]>; documentChanges?: { textDocument: { uri: string }; edits: unknown[] }[] }>;
      const want = await rename(local);
      assert.deepEqual(fromVfs(await rename(web)), want);
      const files = want.documentChanges?.map((c) => c.textDocument.uri) ?? Object.keys(want.changes ?? {});
      assert.ok(files.includes(local.uri('aims.aims.yaml')) && files.includes(local.uri('soa.aims.yaml')), files.join(', '));
    });

    it('shows stale and expired evidence apart from missing, and fixes a stale review, as the Node server does', async () => {
      const coverage = async (side: Side) =>
        ((await side.request('aims/coverage', {})) as { workspaces: WorkspaceCoverage[] }).workspaces[0].systems.find(
          (s) => s.id === 'support-chatbot',
        )!;
      const want = await coverage(local);
      assert.deepEqual(fromVfs(await coverage(web)), want);
      assert.deepEqual(
        want.obligations.flatMap((o) => o.evidenceStatus.map((e) => `${o.ref} ${e.path} ${e.state}`)),
        [
          'Art. 4 ../evidence/ai-literacy-programme.md stale',
          'Art. 50(1) ../evidence/chatbot-disclosure.md expired',
          'Art. 50(1) ../evidence/disclosure-test-2026.md missing',
          'Art. 50(2) ../evidence/chatbot-disclosure.md ok',
        ],
      );

      const fix = async (side: Side) => {
        const stale = latest(await side.published())
          .find(([u]) => u === side.uri(CHATBOT))![1]
          .filter((d) => d.code === 'evidence-stale');
        return side.request('textDocument/codeAction', {
          textDocument: { uri: side.uri(CHATBOT) },
          range: stale[0].range,
          context: { diagnostics: stale },
        }) as Promise<CodeAction[]>;
      };
      const actions = await fix(local);
      assert.deepEqual(fromVfs(await fix(web)), actions);
      const review = actions.find((a) => a.title === "Mark '../evidence/ai-literacy-programme.md' as reviewed on 2026-11-23");
      assert.ok(review, actions.map((a) => a.title).join(' | '));
      const text = readFileSync(join(dir, CHATBOT), 'utf8');
      const uri = local.uri(CHATBOT);
      assert.equal(
        TextDocument.applyEdits(TextDocument.create(uri, 'aims', 1, text), review.edit!.changes![uri]),
        text.replace('reviewedOn: 2025-06-01', 'reviewedOn: 2026-11-23'),
      );
    });

    it('runs with no Node on the page, reading the workspace through the file requests', async (t) => {
      const s = await page.evaluate(() => (globalThis as unknown as { harness: { state(): PageState } }).harness.state());
      assert.equal(s.nodeOnPage, false);
      assert.ok(
        s.asked.findFiles >= 1 && s.asked.readFile >= 7 && s.asked.stat >= 20 && s.asked.readDirectory >= 1,
        JSON.stringify(s.asked),
      );
      t.diagnostic(
        `worker start → initialize answered ${s.timings.initialized.toFixed(0)} ms, → first diagnostics ${s.timings.firstDiagnostics.toFixed(0)} ms, → workspace checked ${s.timings.firstCoverage.toFixed(0)} ms`,
      );
    });
  },
);
