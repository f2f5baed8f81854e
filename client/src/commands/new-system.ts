import * as vscode from 'vscode';
import { annexIIIAreas } from '../../../server/src/core/catalog/act';
import { ROLES, type Tier } from '../../../server/src/core/catalog/obligations';
import { slugify, systemRecordText, type NewSystem } from '../../../server/src/core/templates';
import { pickFolder, writeNewFile } from './files';

const TIER_ITEMS: (vscode.QuickPickItem & { tier: Tier; basis: string })[] = [
  { label: 'high', description: 'Annex III use case (Art. 6(2))', tier: 'high', basis: 'annex-iii' },
  { label: 'high', description: 'Safety component or product under Annex I legislation (Art. 6(1))', tier: 'high', basis: 'annex-i' },
  {
    label: 'limited',
    description: 'Transparency duties (Art. 50): chatbots, generated content, emotion recognition…',
    tier: 'limited',
    basis: 'article-50',
  },
  { label: 'minimal', description: 'No tier-specific obligations (AI literacy, Art. 4, still applies)', tier: 'minimal', basis: 'none' },
];

/**
 * "AIMS: New AI System Record": asks for the name, roles, tier and (for
 * Annex III systems) the Annex III point, then writes `systems/<id>.aims.yaml`
 * with every obligation the Act sets for that profile, and puts the cursor on
 * the first field to fill. Returns the new file's URI, or undefined if cancelled.
 */
export async function newSystemRecord(): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New AI System Record (1/4)',
    prompt: 'Name of the AI system',
    placeHolder: 'e.g. Credit scoring model',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a name'),
    ignoreFocusOut: true,
  });
  if (!name) return undefined;
  const roles = await vscode.window.showQuickPick(
    ROLES.map((r) => ({ label: r, picked: r === 'provider' })),
    { title: 'New AI System Record (2/4): your operator roles for this system (Art. 3)', canPickMany: true, ignoreFocusOut: true },
  );
  if (!roles || roles.length === 0) return undefined;
  const tier = await vscode.window.showQuickPick(TIER_ITEMS, {
    title: 'New AI System Record (3/4): risk tier under the AI Act',
    placeHolder: 'A prohibited practice (Art. 5) cannot be recorded as a system to place on the market',
    ignoreFocusOut: true,
  });
  if (!tier) return undefined;
  let annexIII: string | undefined;
  if (tier.basis === 'annex-iii') {
    const points = annexIIIAreas().flatMap((a) =>
      a.points.length
        ? a.points.map((p) => ({ label: `Annex III(${a.point})(${p})`, description: a.title }))
        : [{ label: `Annex III(${a.point})`, description: a.title }],
    );
    const pick = await vscode.window.showQuickPick(points, {
      title: 'New AI System Record (4/4): Annex III point',
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!pick) return undefined;
    annexIII = pick.label;
  }
  const id = slugify(name);
  const spec: NewSystem = { id, name: name.trim(), roles: roles.map((r) => r.label), tier: tier.tier, basis: tier.basis, annexIII };
  const { text, cursor } = systemRecordText(spec, new Date().toISOString().slice(0, 10));
  const uri = await writeNewFile(folder, `systems/${id}.aims.yaml`, text);
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const start = doc.positionAt(cursor);
  const end = doc.lineAt(start.line).range.end;
  editor.selection = new vscode.Selection(start, end);
  editor.revealRange(new vscode.Range(start, end));
  return uri;
}
