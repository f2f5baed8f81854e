import * as vscode from 'vscode';

/** The workspace folder to write into: the only one, or the user's pick. */
export async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder first: AIMS files live in a workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder (one AIMS per folder)' });
}

/**
 * Writes a new file under a folder through the workspace file system (so it
 * works in virtual workspaces too). Never overwrites: if the file exists the
 * user is asked to pick another name, and nothing is written on cancel.
 */
export async function writeNewFile(folder: vscode.WorkspaceFolder, relPath: string, text: string): Promise<vscode.Uri | undefined> {
  let uri = vscode.Uri.joinPath(folder.uri, relPath);
  while (await exists(uri)) {
    const other = await vscode.window.showInputBox({
      title: `${relPath} already exists`,
      prompt: 'Choose another path inside the workspace folder (the existing file is left untouched)',
      value: relPath.replace(/(\.aims\.ya?ml)$/, '-2$1'),
      validateInput: (v) =>
        /\.aims\.ya?ml$/.test(v) && !v.split('/').includes('..') ? undefined : 'A path ending in .aims.yaml, inside the folder',
    });
    if (!other) return undefined;
    relPath = other;
    uri = vscode.Uri.joinPath(folder.uri, relPath);
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
