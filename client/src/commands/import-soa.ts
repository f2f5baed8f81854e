import * as vscode from 'vscode';
import { FIELDS, importTable, type Field, type ImportResult } from '../../../server/src/core/import';
import { countsLine, reportLines } from '../../../server/src/core/import/summary';
import { isWeb } from '../platform';
import { pickFolder, writeNewFile } from './files';

/** Options a caller (or a test) can pass to the command instead of answering its questions. */
export interface ImportSoaOptions {
  /** Column meanings by header: used as they stand, without the confirmation quick pick. */
  mapping?: Record<string, Field>;
}

export interface ImportSoaOutcome {
  uri: vscode.Uri;
  created: boolean;
  result: ImportResult;
}

const FIELD_LABEL: Record<Field, string> = {
  id: 'control id',
  title: 'title',
  applicable: 'applicable (yes / no)',
  justification: 'justification',
  status: 'status',
  evidence: 'evidence',
  owner: 'owner',
  notes: 'notes',
  description: 'description (kept in notes)',
};

let channel: vscode.OutputChannel | undefined;

/** The StatementOfApplicability files of a folder, read from open editors first (unsaved changes count). */
async function soaFiles(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.aims.{yaml,yml}'), '**/node_modules/**', 2000);
  const out: vscode.Uri[] = [];
  for (const uri of found) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (/^kind:\s*StatementOfApplicability\s*$/m.test(text)) out.push(uri);
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Lets the user confirm or change what each column holds, when a header was
 * not recognised or a column was read by its content. Undefined on cancel.
 */
async function confirmMapping(result: ImportResult): Promise<Record<string, Field> | undefined> {
  const mapping: Record<string, Field | undefined> = {};
  for (const c of result.columns) if (c.header.trim() && !(c.header in mapping)) mapping[c.header] = c.field;
  const unsure = result.columns.some((c) => c.header.trim() && (!c.field || c.by === 'content'));
  if (!unsure) return mapping as Record<string, Field>;
  for (;;) {
    type Item = vscode.QuickPickItem & { header?: string };
    const items: Item[] = [
      { label: '$(check) Import with these columns', description: "unrecognised columns are kept in each entry's notes" },
      { label: 'Columns', kind: vscode.QuickPickItemKind.Separator },
      ...Object.entries(mapping).map(([header, field]) => {
        const col = result.columns.find((c) => c.header === header);
        return {
          header,
          label: header,
          description: `→ ${field ? FIELD_LABEL[field] : 'not recognised: kept in notes'}`,
          detail:
            col?.by === 'content'
              ? 'recognised by its content'
              : col?.by === 'header'
                ? 'recognised by its header'
                : col?.by === 'user'
                  ? 'your choice'
                  : undefined,
        };
      }),
    ];
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Import SoA: what does each column hold?',
      placeHolder: 'Pick a column to change it, or import',
    });
    if (!pick) return undefined;
    if (!pick.header) {
      const out: Record<string, Field> = {};
      for (const [h, f] of Object.entries(mapping)) if (f) out[h] = f;
      return out;
    }
    const field = await vscode.window.showQuickPick(
      FIELDS.map((f) => ({ label: FIELD_LABEL[f], field: f })),
      { title: `Import SoA: column "${pick.header}" holds…` },
    );
    if (field) mapping[pick.header] = field.field;
  }
}

/**
 * "Import SoA": reads a spreadsheet (.xlsx, CSV, TSV) or Markdown tables with
 * the same engine as `aims import`, lets the user confirm the columns, then
 * merges into the folder's SoA (an edit that keeps every comment and key)
 * or writes a new one. The summary says how many rows were read, written and
 * need attention; the details go to the "AIMS Import" output.
 */
export async function importSoa(file?: vscode.Uri, options: ImportSoaOptions = {}): Promise<ImportSoaOutcome | undefined> {
  const source =
    file ??
    (
      await vscode.window.showOpenDialog({
        title: 'Import Statement of Applicability',
        canSelectMany: false,
        // The browser build leaves exceljs out (its size): no workbooks there.
        filters: isWeb()
          ? { 'Tables (CSV, Markdown)': ['csv', 'tsv', 'md', 'markdown', 'txt'] }
          : { 'Tables (Excel, CSV, Markdown)': ['xlsx', 'csv', 'tsv', 'md', 'markdown', 'txt'] },
      })
    )?.[0];
  if (!source) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(source) ?? (await pickFolder());
  if (!folder) return undefined;
  const name = source.path.split('/').pop() ?? 'table';
  const bytes = await vscode.workspace.fs.readFile(source);

  const targets = await soaFiles(folder);
  let target = targets[0];
  if (targets.length > 1) {
    const pick = await vscode.window.showQuickPick(
      targets.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })),
      { title: 'Import SoA: the folder has several Statements of Applicability; update which?' },
    );
    if (!pick) return undefined;
    target = pick.uri;
  }
  const document = target ? await vscode.workspace.openTextDocument(target) : undefined;
  const existing = document && { path: document.uri.path, text: document.getText() };

  let result = await importTable({ name, bytes }, { existing, mapping: options.mapping });
  if (!result.error && !options.mapping) {
    const mapping = await confirmMapping(result);
    if (!mapping) return undefined;
    result = await importTable({ name, bytes }, { existing, mapping });
  }
  if (result.error) {
    void vscode.window.showErrorMessage(`Import SoA: ${result.error}`);
    return undefined;
  }

  let uri: vscode.Uri | undefined;
  if (document) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits)
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    if (result.edits.length && !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Import SoA: ${vscode.workspace.asRelativePath(document.uri)} could not be edited.`);
      return undefined;
    }
    await document.save();
    uri = document.uri;
  } else {
    uri = await writeNewFile(folder, 'soa.aims.yaml', result.text);
    if (!uri) return undefined;
  }

  channel ??= vscode.window.createOutputChannel('AIMS Import');
  channel.appendLine(`${document ? 'Updated' : 'Wrote'} ${vscode.workspace.asRelativePath(uri)} from ${name}: ${countsLine(result)}.`);
  for (const l of reportLines(result)) channel.appendLine(l);
  channel.appendLine('');
  const message = `${document ? (result.changes.length ? `Updated ${vscode.workspace.asRelativePath(uri)}` : `${vscode.workspace.asRelativePath(uri)} already says what the table says`) : `Wrote ${vscode.workspace.asRelativePath(uri)}`} from ${name}: ${countsLine(result)}.`;
  const show = result.summary.attention ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, 'Open', 'Show Details').then(async (choice) => {
    if (choice === 'Open') await vscode.window.showTextDocument(uri, { preview: false });
    if (choice === 'Show Details') channel?.show(true);
  });
  if (!document) await vscode.window.showTextDocument(uri, { preview: false });
  return { uri, created: !document, result };
}
