import * as vscode from 'vscode';
import { soaText } from '../../../server/src/core/templates';
import { pickFolder, writeNewFile } from './files';

/** "Create Statement of Applicability": a new SoA listing all 38 Annex A controls. */
export async function createSoa(): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const approvedBy = await vscode.window.showInputBox({
    title: 'Create Statement of Applicability',
    prompt: "Role id (from the manifest's roles) that approves the SoA",
    value: 'aims-owner',
    validateInput: (v) => (/^[\w.-]+$/.test(v) ? undefined : 'A role id: letters, digits, - _ .'),
  });
  if (!approvedBy) return undefined;
  const uri = await writeNewFile(folder, 'soa.aims.yaml', soaText(approvedBy, new Date().toISOString().slice(0, 10)));
  // A file just created is one to work in: a normal tab, not a preview the next click replaces.
  if (uri) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/**
 * "Add Missing Controls": asks the server for its "add missing Annex A
 * controls" action on the SoA and applies it, so the edit is the same one the
 * light bulb offers (minimal, comments and order kept).
 */
export async function addMissingControls(uri?: vscode.Uri): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showWarningMessage('Open the Statement of Applicability first.');
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const kind = vscode.CodeActionKind.Source.append('aims.addMissingControls');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, whole, kind.value);
  const action = actions?.find((a) => a.edit && a.kind && kind.contains(a.kind));
  if (!action?.edit) {
    void vscode.window.showInformationMessage('Every Annex A control is already in this Statement of Applicability.');
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}
