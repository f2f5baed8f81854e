import type * as vscode from 'vscode';
import { activateWith, type AimsApi } from './extension';
import { nodeServer } from './node-server';

export { deactivate } from './extension';

/** The desktop entry (`main` in package.json): the language server runs as a Node process. */
export function activate(context: vscode.ExtensionContext): AimsApi {
  return activateWith(context, nodeServer(context));
}
