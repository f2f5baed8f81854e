import type { Node } from 'yaml';
import type { ParsedFile } from './yaml/parse';
import { child, entries, items, text } from './yaml/nav';

/** A named thing defined in one file and referenced from others (role, system, risk, control entry). */
export interface Definition {
  id: string;
  file: ParsedFile;
  /** The key or value node that defines it (for ranges). */
  node: Node;
  /** The value node holding its fields. */
  value: Node | null;
}

/** One control's state in the SoA, as cross-file rules need it. */
export interface SoaEntry extends Definition {
  applicable?: boolean;
  status?: string;
  justification?: string;
  additional: boolean;
}

/**
 * Everything one workspace folder (= one AIMS) defines, built from its parsed
 * files. Cross-file rules read this; it is rebuilt cheaply from parsed files
 * (no re-parse), so hosts can rebuild it after any change.
 */
export interface WorkspaceIndex {
  /** Absolute path of the workspace folder; evidence may not leave it. */
  root: string;
  files: readonly ParsedFile[];
  manifests: ParsedFile[];
  soas: ParsedFile[];
  /** The manifest in force (the first one found). */
  manifest?: ParsedFile;
  soa?: ParsedFile;
  roles: Map<string, Definition>;
  systems: Map<string, Definition[]>;
  risks: Map<string, Definition[]>;
  objectives: Map<string, Definition>;
  nonconformities: Map<string, Definition>;
  /** SoA controls (Annex A and additional), by id. */
  controls: Map<string, SoaEntry>;
  riskCriteria?: { likelihood: string[]; impact: string[]; acceptable?: number };
}

/** Builds the index of one workspace folder. Files are taken in the order given (sort for stable results). */
export function buildIndex(root: string, files: readonly ParsedFile[]): WorkspaceIndex {
  const ws: WorkspaceIndex = {
    root,
    files,
    manifests: [],
    soas: [],
    roles: new Map(),
    systems: new Map(),
    risks: new Map(),
    objectives: new Map(),
    nonconformities: new Map(),
    controls: new Map(),
  };
  for (const f of files) {
    switch (f.kind) {
      case 'AIMS':
        ws.manifests.push(f);
        break;
      case 'StatementOfApplicability':
        ws.soas.push(f);
        break;
      case 'AISystem': {
        const idNode = child(f.root, 'id');
        const id = text(idNode);
        if (id && idNode) push(ws.systems, id, { id, file: f, node: idNode, value: f.root ?? null });
        break;
      }
      case 'RiskRegister':
        for (const e of entries(child(f.root, 'risks'))) push(ws.risks, e.key, { id: e.key, file: f, node: e.keyNode, value: e.value });
        break;
    }
  }
  ws.manifest = ws.manifests[0];
  ws.soa = ws.soas[0];
  if (ws.manifest) indexManifest(ws, ws.manifest);
  if (ws.soa) indexSoa(ws, ws.soa);
  return ws;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function indexManifest(ws: WorkspaceIndex, f: ParsedFile): void {
  const root = f.root;
  for (const e of entries(child(root, 'roles'))) ws.roles.set(e.key, { id: e.key, file: f, node: e.keyNode, value: e.value });
  for (const e of entries(child(root, 'objectives'))) ws.objectives.set(e.key, { id: e.key, file: f, node: e.keyNode, value: e.value });
  for (const e of entries(child(root, 'nonconformities'))) {
    ws.nonconformities.set(e.key, { id: e.key, file: f, node: e.keyNode, value: e.value });
  }
  const rc = child(root, 'riskCriteria');
  if (rc) {
    const acc = Number(text(child(rc, 'acceptable')));
    ws.riskCriteria = {
      likelihood: items(child(rc, 'likelihood')).map((n) => text(n) ?? ''),
      impact: items(child(rc, 'impact')).map((n) => text(n) ?? ''),
      acceptable: Number.isFinite(acc) ? acc : undefined,
    };
  }
}

function indexSoa(ws: WorkspaceIndex, f: ParsedFile): void {
  for (const [key, additional] of [
    ['controls', false],
    ['additionalControls', true],
  ] as const) {
    for (const e of entries(child(f.root, key))) {
      const app = text(child(e.value, 'applicable'));
      ws.controls.set(e.key, {
        id: e.key,
        file: f,
        node: e.keyNode,
        value: e.value,
        applicable: app === 'true' ? true : app === 'false' ? false : undefined,
        status: text(child(e.value, 'status')),
        justification: text(child(e.value, 'justification')),
        additional,
      });
    }
  }
}
