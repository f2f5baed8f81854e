/**
 * The client's copy of the server's coverage, kept current part by part
 * (`aims/coverageParts`). No VS Code import: the benchmark and the unit tests
 * run it as the extension does. Applying a page costs what the page holds;
 * the systems list is re-sorted only when records come or go.
 */
import type {
  ControlState,
  ObligationCoverage,
  SystemCoverage,
  TopicCoverage,
  WorkspaceCoverage,
} from '../../server/src/core/coverage-types';
import type { CoveragePartsRequest, FolderPart, SystemPart } from '../../server/src/protocol';

/** A folder's coverage as the views show it, with the number of AIMS files it holds. */
export type LiveWorkspace = WorkspaceCoverage & { files: number };

/** What one sync changed, so each view redraws only that. */
export interface CoverageChanges {
  /** A folder came, went or was sent afresh: redraw everything. */
  full: boolean;
  /** Roots whose totals or Annex A topics changed. */
  annexA: Set<string>;
  /** Paths of systems that changed where they stand (same tier or model, roles and whether they have gaps). */
  systems: Set<string>;
  /** Systems came, went, or moved between groups. */
  regrouped: boolean;
}

export function noChanges(): CoverageChanges {
  return { full: false, annexA: new Set(), systems: new Set(), regrouped: false };
}

export function mergeChanges(a: CoverageChanges, b: CoverageChanges): CoverageChanges {
  return {
    full: a.full || b.full,
    annexA: new Set([...a.annexA, ...b.annexA]),
    systems: new Set([...a.systems, ...b.systems]),
    regrouped: a.regrouped || b.regrouped,
  };
}

export function isEmpty(c: CoverageChanges): boolean {
  return !c.full && !c.regrouped && c.annexA.size === 0 && c.systems.size === 0;
}

type CitedControl = ObligationCoverage['controls'][number];

function topicOrder(id: string): number {
  return Number(/^A\.(\d+)/.exec(id)?.[1] ?? 99);
}

/** Whether a system moved between the groups the views sort it into. */
function regroups(a: SystemCoverage, b: SystemCoverage): boolean {
  return a.tier !== b.tier || !a.gpaiModel !== !b.gpaiModel || a.roles.join() !== b.roles.join() || a.gaps > 0 !== b.gaps > 0;
}

class FolderReplica {
  epoch?: string;
  version?: number;
  private head?: FolderPart;
  private readonly topics = new Map<string, TopicCoverage>();
  private readonly systems = new Map<string, SystemCoverage>();
  /** State of each Annex A control in the SoA, from the topics. */
  private readonly states = new Map<string, ControlState>();
  /** Every cited control of every obligation, by control id, so a state change reaches them directly. */
  private readonly cited = new Map<string, Set<CitedControl>>();
  private sorted: SystemCoverage[] = [];
  private position = new Map<string, number>();
  private orderStale = false;
  private assembled?: LiveWorkspace;

  constructor(readonly root: string) {}

  apply(res: CoveragePartsRequest.Result, firstPage: boolean, out: CoverageChanges): void {
    if (res.full && firstPage) {
      this.head = undefined;
      this.topics.clear();
      this.systems.clear();
      this.cited.clear();
      this.states.clear();
      this.orderStale = true;
      out.full = true;
    }
    if (firstPage) this.version = res.version;
    this.epoch = res.epoch;
    for (const key of res.removed) {
      if (!key.startsWith('system:')) continue;
      const path = key.slice('system:'.length);
      const old = this.systems.get(path);
      if (!old) continue;
      this.uncite(old);
      this.systems.delete(path);
      this.orderStale = true;
      out.regrouped = true;
    }
    const topicsChanged: TopicCoverage[] = [];
    for (const part of res.parts) {
      if (part.key === 'folder') {
        this.head = part.value;
        out.annexA.add(this.root);
      } else if (part.key.startsWith('topic:')) {
        const t = part.value as TopicCoverage;
        this.topics.set(t.id, t);
        topicsChanged.push(t);
        out.annexA.add(this.root);
      } else {
        this.putSystem(part.key.slice('system:'.length), part.value as SystemPart, out);
      }
    }
    for (const t of topicsChanged) {
      for (const c of t.controls) {
        if (this.states.get(c.id) === c.state) continue;
        this.states.set(c.id, c.state);
        for (const ref of this.cited.get(c.id) ?? []) ref.state = c.state;
      }
    }
    this.assembled = undefined;
  }

  private putSystem(path: string, part: SystemPart, out: CoverageChanges): void {
    const system: SystemCoverage = {
      ...part,
      obligations: part.obligations.map((o) => ({
        ...o,
        controls: o.controls.map((id) => this.cite({ id, state: this.states.get(id) ?? 'unknown' })),
      })),
    };
    const old = this.systems.get(path);
    if (old) this.uncite(old);
    this.systems.set(path, system);
    const at = this.position.get(path);
    if (old && at !== undefined && !this.orderStale) this.sorted[at] = system;
    else this.orderStale = true;
    if (!old || regroups(old, system)) out.regrouped = true;
    else out.systems.add(path);
  }

  private cite(ref: CitedControl): CitedControl {
    let set = this.cited.get(ref.id);
    if (!set) this.cited.set(ref.id, (set = new Set()));
    set.add(ref);
    return ref;
  }

  private uncite(s: SystemCoverage): void {
    for (const o of s.obligations) for (const c of o.controls) this.cited.get(c.id)?.delete(c);
  }

  /** Whether the first answer has arrived. */
  get loaded(): boolean {
    return this.head !== undefined;
  }

  workspace(): LiveWorkspace | undefined {
    if (!this.head) return undefined;
    if (this.assembled) return this.assembled;
    if (this.orderStale) {
      const paths = [...this.systems.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted = paths.map((p) => this.systems.get(p)!);
      this.position = new Map(paths.map((p, i) => [p, i]));
      this.orderStale = false;
    }
    const { annexA, findings, ...rest } = this.head;
    const topics = [...this.topics.values()].sort((a, b) => topicOrder(a.id) - topicOrder(b.id));
    // A new array each time, so a view that kept the previous one is not changed under its feet.
    this.assembled = { ...rest, annexA: { ...annexA, topics }, systems: this.sorted.slice(), findings };
    return this.assembled;
  }
}

/** Every folder's replica. */
export class CoverageReplica {
  private readonly folders = new Map<string, FolderReplica>();

  /** What to send as `epoch` and `since` for a folder. */
  position(root: string): { epoch?: string; since?: number } {
    const f = this.folders.get(root);
    return { epoch: f?.epoch, since: f?.version };
  }

  /** Applies one page of an answer (`firstPage`: the first of a sync). */
  apply(res: CoveragePartsRequest.Result, firstPage: boolean, out: CoverageChanges = noChanges()): CoverageChanges {
    let f = this.folders.get(res.root);
    if (!f) {
      f = new FolderReplica(res.root);
      this.folders.set(res.root, f);
      out.full = true;
    }
    f.apply(res, firstPage, out);
    return out;
  }

  /** Forgets folders not in `roots` (removed from the workspace); returns whether any went. */
  keepOnly(roots: Iterable<string>): boolean {
    const keep = new Set(roots);
    let dropped = false;
    for (const r of [...this.folders.keys()])
      if (!keep.has(r)) {
        this.folders.delete(r);
        dropped = true;
      }
    return dropped;
  }

  /** Whether a folder's coverage has arrived. */
  has(root: string): boolean {
    return this.folders.get(root)?.loaded ?? false;
  }

  workspaces(): LiveWorkspace[] {
    const out: LiveWorkspace[] = [];
    for (const f of this.folders.values()) {
      const w = f.workspace();
      if (w) out.push(w);
    }
    return out;
  }

  get loaded(): boolean {
    return [...this.folders.values()].some((f) => f.loaded);
  }
}
