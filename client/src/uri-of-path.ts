import * as vscode from 'vscode';

/**
 * The URI of a core path from the server (an absolute '/'-separated path).
 * On disk that is a `file:` URI; in a virtual workspace (github.dev's
 * `vscode-vfs:`, vscode.dev) the path lies in a workspace folder of another
 * scheme, whose scheme and authority it takes.
 */
export function uriOfPath(p: string): vscode.Uri {
  let best: vscode.Uri | undefined;
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    if (f.uri.scheme === 'file') continue;
    const root = f.uri.path.replace(/\/$/, '');
    if ((p === root || p.startsWith(`${root}/`)) && (!best || root.length > best.path.length)) best = f.uri;
  }
  return best ? best.with({ path: p }) : vscode.Uri.file(p);
}
