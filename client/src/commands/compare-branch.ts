import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { VersionFile } from '../../../server/src/core/diff';
import { DiffCoverageRequest, DiffEvidenceRequest } from '../../../server/src/protocol';

/** The parts of VS Code's Git extension API (extension `vscode.git`, API version 1) this command uses. */
interface GitRef {
  type: number;
  name?: string;
  commit?: string;
  remote?: string;
}
interface GitChange {
  uri: vscode.Uri;
  originalUri: vscode.Uri;
}
interface GitRepository {
  rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
  getObjectDetails(treeish: string, path: string): Promise<{ mode: string; object: string; size: number }>;
  diffWith(ref: string): Promise<GitChange[]>;
  getRefs?(query: { sort?: 'alphabetically' | 'committerdate' }): Promise<GitRef[]>;
  state: { refs?: GitRef[] };
}
interface GitApi {
  state: 'uninitialized' | 'initialized';
  onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}
interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

const SCHEME = 'aims-diff';
const REF_KINDS = ['branch', 'remote branch', 'tag'];
/** Git runs are the extension's own; a few at a time keeps a large workspace from starting hundreds at once. */
const PARALLEL = 8;

/** Read-only Markdown documents holding the deltas shown, so the preview needs no file and nothing asks to save. */
export class DiffDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

/** Registers the command `aims.compareWithBranch` (an optional ref skips the picker) and its documents. */
export function registerCompareBranch(context: vscode.ExtensionContext, client: LanguageClient): void {
  const docs = new DiffDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs),
    vscode.commands.registerCommand('aims.compareWithBranch', (ref?: unknown) =>
      compareWithBranch(client, docs, typeof ref === 'string' ? ref : undefined),
    ),
  );
}

async function gitApi(): Promise<GitApi | string> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  const exports = ext && (ext.isActive ? ext.exports : await ext.activate().then(undefined, () => undefined));
  if (!exports)
    return "VS Code's Git extension is not available (it is off in untrusted workspaces), and it is what reads the other branch.";
  if (!exports.enabled) return "VS Code's Git support is turned off (setting git.enabled); turn it on to compare with a branch.";
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const sub = api.onDidChangeState((s) => {
        if (s === 'initialized') {
          sub.dispose();
          resolve();
        }
      });
    });
  }
  return api;
}

async function pickRef(repo: GitRepository): Promise<string | undefined> {
  const refs = (repo.getRefs ? await repo.getRefs({ sort: 'committerdate' }) : (repo.state.refs ?? [])).filter((r) => r.name);
  const other = '$(edit) A commit or other ref…';
  const pick = await vscode.window.showQuickPick(
    [
      ...refs.map((r) => ({ label: r.name!, description: `${REF_KINDS[r.type] ?? 'ref'}${r.commit ? ` ${r.commit.slice(0, 8)}` : ''}` })),
      { label: other, description: '' },
    ],
    { title: 'Compare Coverage with Branch: the version to compare the workspace with', matchOnDescription: true },
  );
  if (!pick) return undefined;
  if (pick.label !== other) return pick.label;
  return vscode.window.showInputBox({ title: 'Compare Coverage with Branch', prompt: 'A branch, tag or commit', ignoreFocusOut: true });
}

/** Runs `fn` over `items`, a few at a time. */
async function pooled<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

const isAims = (uri: vscode.Uri) => /\.aims\.ya?ml$/i.test(uri.path);

/** The folder-relative path of a file inside the folder, or undefined. */
function relativeTo(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.scheme === folder.scheme && uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

/**
 * The folder's AIMS files as they are at `ref`, read through the Git
 * extension: every AIMS file the folder has now, and those the ref has that
 * the working tree deleted or renamed. A file the ref lacks is left out.
 */
async function filesAtRef(repo: GitRepository, folder: vscode.Uri, ref: string): Promise<VersionFile[]> {
  const now = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.aims.{yaml,yml}'), '**/node_modules/**');
  const changed = await repo.diffWith(ref);
  const candidates = new Map<string, vscode.Uri>();
  for (const uri of [...now, ...changed.flatMap((c) => [c.uri, c.originalUri])]) {
    const rel = relativeTo(folder, uri);
    if (rel && isAims(uri)) candidates.set(rel, uri);
  }
  const texts = await pooled([...candidates], async ([path, uri]): Promise<VersionFile | undefined> => {
    try {
      return { path, text: await repo.show(ref, uri.fsPath) };
    } catch {
      return undefined;
    }
  });
  return texts.filter((t) => t !== undefined);
}

/**
 * "AIMS: Compare Coverage with Branch…": what the workspace (unsaved edits
 * included) changed against a branch, tag or commit — controls, gaps,
 * obligations, systems, findings — shown as Markdown in VS Code's preview.
 * The other version is read with VS Code's own Git extension; this extension
 * runs nothing itself, and the server does all checking. Returns the
 * Markdown shown (for tests), or undefined when cancelled or impossible.
 */
export async function compareWithBranch(client: LanguageClient, docs: DiffDocuments, ref?: string): Promise<string | undefined> {
  const api = await gitApi();
  if (typeof api === 'string') {
    void vscode.window.showErrorMessage(api);
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The AIMS folder to compare' }) : folders[0];
  if (!folder) return undefined;
  const repo = api.getRepository(folder.uri) ?? (await api.openRepository?.(folder.uri)) ?? null;
  if (!repo) {
    void vscode.window.showErrorMessage(`${folder.name} is not in a git repository, so there is no branch to compare with.`);
    return undefined;
  }
  ref ??= await pickRef(repo);
  if (!ref) return undefined;
  const at = ref;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Comparing AIMS coverage with ${at}` },
    async () => {
      const files = await filesAtRef(repo, folder.uri, at);
      const uri = folder.uri.toString();
      const { paths } = await client.sendRequest<DiffEvidenceRequest.Result>(DiffEvidenceRequest.method, { uri, files });
      const found = await pooled(paths, async (p) => {
        try {
          await repo.getObjectDetails(at, vscode.Uri.joinPath(folder.uri, p).fsPath);
          return p;
        } catch {
          return undefined;
        }
      });
      const existing = found.filter((p): p is string => p !== undefined);
      const result = await client.sendRequest<DiffCoverageRequest.Result>(DiffCoverageRequest.method, {
        uri,
        base: { label: at, files, existing },
        headLabel: 'workspace',
        format: 'markdown',
      } satisfies DiffCoverageRequest.Params);
      const doc = vscode.Uri.from({ scheme: SCHEME, path: `/AIMS coverage against ${at.replace(/[/\\]/g, '-')}.md` });
      docs.set(doc, result.content);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', doc);
      } catch {
        await vscode.window.showTextDocument(doc, { preview: true });
      }
      return result.content;
    },
  );
}
