import type * as vscode from 'vscode';
import { activateWith, type AimsApi } from '../extension';
import { markWeb } from '../platform';
import { workerServer } from './worker-server';

export { deactivate } from '../extension';

/** The web entry (`browser` in package.json): VS Code's web worker extension host, the server in a web worker. */
export function activate(context: vscode.ExtensionContext): AimsApi {
  markWeb();
  return activateWith(context, workerServer(context));
}
