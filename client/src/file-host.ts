import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindFilesRequest, ReadDirectoryRequest, ReadFilesRequest, StatRequest } from '../../server/src/file-protocol';
import { fileAnswers } from './file-answers';

/**
 * Serves the worker server's file requests from `vscode.workspace.fs`, which
 * reads whatever the workspace is (github.dev's repository, a folder opened
 * in vscode.dev, a remote). Only URIs inside a workspace folder are answered.
 */
export function serveFiles(client: BaseLanguageClient): vscode.Disposable {
  const inWorkspace = (uri: string): vscode.Uri => {
    const u = vscode.Uri.parse(uri);
    if (!vscode.workspace.getWorkspaceFolder(u)) throw new Error(`${uri} is in no workspace folder`);
    return u;
  };
  const answers = fileAnswers({
    stat: (uri) => Promise.resolve(vscode.workspace.fs.stat(inWorkspace(uri))),
    readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(inWorkspace(uri))),
    readDirectory: (uri) => Promise.resolve(vscode.workspace.fs.readDirectory(inWorkspace(uri))),
    // A string exclude replaces the user's files.exclude, so the server's rules alone decide (as on disk).
    findFiles: async (folder, include, exclude, maxResults) =>
      (await vscode.workspace.findFiles(new vscode.RelativePattern(inWorkspace(folder), include), exclude, maxResults)).map((u) =>
        u.toString(),
      ),
  });
  return vscode.Disposable.from(
    client.onRequest(FindFilesRequest.method, (p: FindFilesRequest.Params) => answers.findFiles(p)),
    client.onRequest(ReadFilesRequest.method, (p: ReadFilesRequest.Params) => answers.readFiles(p)),
    client.onRequest(StatRequest.method, (p: StatRequest.Params) => answers.stat(p)),
    client.onRequest(ReadDirectoryRequest.method, (p: ReadDirectoryRequest.Params) => answers.readDirectory(p)),
  );
}
