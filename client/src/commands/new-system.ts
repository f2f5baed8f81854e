import * as vscode from 'vscode';
import { annexIIIAreas } from '../../../server/src/core/catalog/act';
import { TRANSPARENCY_CASES, type Role, type TransparencyCase } from '../../../server/src/core/catalog/applicability';
import { classify } from '../../../server/src/core/catalog/applicability-eval';
import { undecidedFacts } from '../../../server/src/core/catalog/applicability-facts';
import { ANNEX_I_POINTS, ANNEX_III_SHORT } from '../../../server/src/core/catalog/applicability-points';
import { ROLES } from '../../../server/src/core/catalog/obligations';
import { freeSystemId, systemRecordText, withTransparency, type NewSystem } from '../../../server/src/core/templates';
import type { CoverageStore } from '../coverage-store';
import { pickFolder, writeNewFile } from './files';

const TITLE = 'New AI System Record';

const ROLE_ITEMS: Record<Role, string> = {
  provider: 'develops the system (or has it developed) and places it on the market or puts it into service under its own name (Art. 3(3))',
  deployer: 'uses the system under its authority (Art. 3(4))',
  importer: 'places on the market a system bearing the name of a provider established in a third country (Art. 3(6))',
  distributor: 'makes the system available on the Union market, other than the provider or importer (Art. 3(7))',
  'authorised-representative': 'holds a written mandate from a third-country provider (Art. 3(5))',
  'product-manufacturer': 'places the system on the market with its product under its own name (Art. 25(3), Annex I Section A)',
};

type KindItem = vscode.QuickPickItem & Pick<NewSystem, 'tier' | 'basis'> & { derogation?: true; gpai?: true };

const KIND_ITEMS: KindItem[] = [
  {
    label: 'High-risk: an Annex III use case',
    description: 'Art. 6(2)',
    detail:
      'Biometrics, critical infrastructure, education, employment, credit and insurance, public benefits, law enforcement, migration, justice',
    tier: 'high',
    basis: 'annex-iii',
  },
  {
    label: 'High-risk: a product under Annex I legislation',
    description: 'Art. 6(1)',
    detail:
      'A safety component of, or itself, a product such as machinery, toys, medical devices, vehicles, that needs third-party assessment',
    tier: 'high',
    basis: 'annex-i',
  },
  {
    label: 'An Annex III use case that is not high-risk',
    description: 'Art. 6(3) derogation',
    detail:
      'Only a narrow procedural task, improving a completed human activity, detecting patterns, or a preparatory task; never with profiling',
    tier: 'minimal',
    basis: 'annex-iii',
    derogation: true,
  },
  {
    label: 'Limited risk: transparency',
    description: 'Art. 50',
    detail: 'Chatbots, generated content, biometric categorisation, deep fakes (emotion recognition is Annex III(1)(c))',
    tier: 'limited',
    basis: 'article-50',
  },
  {
    label: 'Minimal risk',
    description: 'no tier-specific duties',
    detail: 'AI literacy (Art. 4) still applies',
    tier: 'minimal',
    basis: 'none',
  },
  {
    label: 'A general-purpose AI model',
    description: 'Chapter V, Art. 51-55',
    detail: 'A model that others integrate into their AI systems (Art. 3(63))',
    tier: 'minimal',
    basis: 'none',
    gpai: true,
  },
];

const TRANSPARENCY_ITEMS: Record<TransparencyCase, { description: string; detail: string }> = {
  interaction: {
    description: 'Art. 50(1), providers',
    detail: 'The system interacts directly with natural persons (a chatbot, a voice agent)',
  },
  'synthetic-content': { description: 'Art. 50(2), providers', detail: 'The system generates synthetic audio, image, video or text' },
  'emotion-recognition': { description: 'Art. 50(3), deployers', detail: 'The system infers emotions or intentions from biometric data' },
  'biometric-categorisation': {
    description: 'Art. 50(3), deployers',
    detail: 'The system assigns people to categories from their biometric data',
  },
  'deep-fake': {
    description: 'Art. 50(4), deployers; 50(2), providers',
    detail: 'The system generates or manipulates image, audio or video that is a deep fake',
  },
  'public-interest-text': {
    description: 'Art. 50(4), deployers',
    detail: 'The system writes text published to inform the public on matters of public interest',
  },
};

const DEROGATION_ITEMS: (vscode.QuickPickItem & { condition: string })[] = [
  { label: '(a) a narrow procedural task', condition: 'a' },
  { label: '(b) improves the result of a previously completed human activity', condition: 'b' },
  {
    label: '(c) detects decision-making patterns or deviations',
    detail: 'without replacing or influencing the completed human assessment without proper human review',
    condition: 'c',
  },
  { label: '(d) a preparatory task to an assessment relevant to Annex III', condition: 'd' },
];

function pick<T extends vscode.QuickPickItem>(items: T[], step: string, placeHolder?: string): Thenable<T | undefined> {
  return vscode.window.showQuickPick(items, {
    title: `${TITLE}: ${step}`,
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
}

/** Annex III points, each with what it is, so "credit", "exam" or "recruit" finds it. */
function annexIIIItems(): (vscode.QuickPickItem & { ref: string })[] {
  return annexIIIAreas().flatMap((a) =>
    (a.points.length ? a.points : ['']).map((letter) => {
      const ref = `Annex III(${a.point})${letter ? `(${letter})` : ''}`;
      return {
        label: ref,
        description: ANNEX_III_SHORT[letter ? `${a.point}(${letter})` : String(a.point)],
        detail: `${a.point}. ${a.heading}`,
        ref,
      };
    }),
  );
}

/** The ids and record file names already in the folder, so a new record never reuses one. */
async function takenIds(folder: vscode.WorkspaceFolder, store: CoverageStore): Promise<Set<string>> {
  const taken = new Set<string>();
  const own = store.workspaces.filter((w) => w.root === folder.uri.fsPath);
  for (const w of own.length ? own : store.workspaces) for (const s of w.systems) taken.add(s.id);
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, 'systems'))) {
      const m = /^(.+)\.aims\.ya?ml$/.exec(name);
      if (m) taken.add(m[1]);
    }
  } catch {
    // No systems folder yet.
  }
  return taken;
}

/**
 * "AIMS: New AI System Record": asks for the name, roles and what the system
 * is, the Annex point with what each point covers, the Art. 50 cases, and then
 * exactly the facts that change its duties (public body, public authority,
 * establishment, third-party assessment, systemic risk, open source, setting);
 * writes `systems/<id>.aims.yaml` under a new id with every duty the Act gives
 * it, and puts the cursor on the first field to fill. Returns the new file's
 * URI, or undefined if cancelled.
 */
export async function newSystemRecord(store: CoverageStore): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const name = await vscode.window.showInputBox({
    title: `${TITLE}: name`,
    prompt: 'Name of the AI system',
    placeHolder: 'e.g. Credit scoring model',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a name'),
    ignoreFocusOut: true,
  });
  if (!name) return undefined;
  const roles = await vscode.window.showQuickPick(
    ROLES.map((r) => ({ label: r, detail: ROLE_ITEMS[r], picked: r === 'provider' })),
    { title: `${TITLE}: your operator roles for this system (Art. 3)`, canPickMany: true, ignoreFocusOut: true },
  );
  if (!roles || roles.length === 0) return undefined;
  const kind = await pick(
    KIND_ITEMS,
    'what the system is',
    'A prohibited practice (Art. 5) cannot be recorded as a system to place on the market',
  );
  if (!kind) return undefined;
  let spec: NewSystem = {
    id: freeSystemId(name, await takenIds(folder, store)),
    name: name.trim(),
    roles: roles.map((r) => r.label),
    tier: kind.tier,
    basis: kind.basis,
    generalPurposeModel: kind.gpai,
  };
  if (kind.basis === 'annex-iii') {
    const point = await pick(annexIIIItems(), 'Annex III point', 'Type what the system does, e.g. credit, exam, recruit');
    if (!point) return undefined;
    spec.annexIII = point.ref;
  }
  if (kind.basis === 'annex-i') {
    const point = await pick(
      ANNEX_I_POINTS.map((p) => ({
        label: `Annex I(${p.point})`,
        description: p.name,
        detail: `${p.act} · Section ${p.section} · ${p.keywords}`,
        point: p.point,
      })),
      'Annex I legislation covering the product',
      'Type the product, e.g. medical, machine, vehicle',
    );
    if (!point) return undefined;
    spec.annexI = point.point;
  }
  if (kind.derogation) {
    const condition = await pick(DEROGATION_ITEMS, 'the Art. 6(3) condition the system meets');
    if (!condition) return undefined;
    const profiling = await pick(
      [{ label: 'No' }, { label: 'Yes' }],
      'profiling',
      'Does the system perform profiling of natural persons? (Art. 6(3))',
    );
    if (!profiling) return undefined;
    if (profiling.label === 'Yes') {
      void vscode.window.showWarningMessage(
        'An Annex III system that profiles natural persons is always high-risk (Art. 6(3), third subparagraph): the record lists the high-risk duties.',
      );
      spec.tier = 'high';
    } else spec.derogation = { applies: true, condition: condition.condition, profiling: false };
  }
  if (!kind.gpai) {
    const cases = await vscode.window.showQuickPick(
      TRANSPARENCY_CASES.map((c) => ({ label: c, ...TRANSPARENCY_ITEMS[c] })),
      {
        title: `${TITLE}: Art. 50 cases (whatever the tier; pick none if none applies)`,
        canPickMany: true,
        matchOnDescription: true,
        matchOnDetail: true,
        ignoreFocusOut: true,
      },
    );
    if (!cases) return undefined;
    const wasHighRisk = spec.tier === 'high';
    spec = withTransparency(
      spec,
      cases.map((c) => c.label),
    );
    if (!wasHighRisk && spec.tier === 'high') {
      void vscode.window.showInformationMessage(
        'Emotion recognition is an Annex III use case (point 1(c)): the record is high-risk under Art. 6(2) and lists its duties.',
      );
    }
  }
  // Ask exactly the facts that change this record's duties, until none is left open.
  const asked = new Set<string>();
  for (;;) {
    const next = undecidedFacts(spec).find((f) => !asked.has(f.fact.key));
    if (!next) break;
    asked.add(next.fact.key);
    const answer = await pick(
      next.fact.answers.map((a) => ({ label: a.label, apply: a.apply })),
      next.fact.key.replace(/^classification\./, ''),
      `${next.fact.question} Decides ${next.decides.join(', ')}.`,
    );
    if (!answer) return undefined;
    spec = { ...spec, ...answer.apply(spec) };
  }
  const prohibited = classify(spec).prohibitedBy;
  if (prohibited) {
    void vscode.window.showErrorMessage(
      `${prohibited.creates} prohibits AI systems that infer emotions of natural persons at the workplace and in education institutions, except for medical or safety reasons. No record was written.`,
    );
    return undefined;
  }
  const { text, cursor } = systemRecordText(spec, new Date().toISOString().slice(0, 10));
  const uri = await writeNewFile(folder, `systems/${spec.id}.aims.yaml`, text);
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const start = doc.positionAt(cursor);
  const end = doc.lineAt(start.line).range.end;
  editor.selection = new vscode.Selection(start, end);
  editor.revealRange(new vscode.Range(start, end));
  return uri;
}
