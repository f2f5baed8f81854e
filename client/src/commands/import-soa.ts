import * as vscode from 'vscode';
import { importSoaTable } from '../../../server/src/core/import-soa';
import { pickFolder, writeNewFile } from './files';
import { count } from '../../../server/src/core/wording';

/**
 * "Import SoA from CSV/Markdown": turns a spreadsheet export or a Markdown
 * table into a StatementOfApplicability file. What the table gets wrong
 * (unknown ids, wrong titles, missing rows, blank justifications) then shows
 * in Problems; what could not be mapped is listed in the output channel and
 * kept in the new file as comments, never dropped.
 */
export async function importSoa(file?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source =
    file ??
    (
      await vscode.window.showOpenDialog({
        title: 'Import Statement of Applicability',
        canSelectMany: false,
        filters: { 'Tables (CSV, Markdown)': ['csv', 'md', 'markdown', 'txt'] },
      })
    )?.[0];
  if (!source) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(source) ?? (await pickFolder());
  if (!folder) return undefined;
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  const result = importSoaTable(text, source.path.split('/').pop() ?? 'table');
  const uri = await writeNewFile(folder, 'soa.aims.yaml', result.yaml);
  if (!uri) return undefined;
  await vscode.window.showTextDocument(uri);
  if (result.problems.length) {
    const channel = vscode.window.createOutputChannel('AIMS Import');
    for (const p of result.problems) channel.appendLine(`${p.row ? `row ${p.row}: ` : ''}${p.message}`);
    channel.show(true);
    void vscode.window.showWarningMessage(
      `Imported with ${count(result.problems.length, 'problem')} that need a look: see the AIMS Import output.`,
    );
  }
  return uri;
}
