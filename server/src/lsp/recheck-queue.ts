import { memoFileSystem } from '../core/memo-fs';
import type { CheckOptions } from '../core/types';
import type { FileProvider } from './file-provider';
import type { Folder, WorkspaceManager } from './workspace-manager';

/** How long one slice of re-checks may hold the event loop before edits and requests get in. */
const SLICE_MS = 20;

/**
 * Paths in the order they were queued, each once. (Taking the first member of
 * a Set over and over is quadratic: V8 skips the deleted entries each time.)
 */
class Lane {
  private order: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();

  get size(): number {
    return this.queued.size;
  }

  add(p: string): void {
    if (this.queued.has(p)) return;
    this.queued.add(p);
    this.order.push(p);
  }

  take(): string | undefined {
    while (this.head < this.order.length) {
      const p = this.order[this.head++];
      if (this.queued.delete(p)) return p;
    }
    this.order = [];
    this.head = 0;
    return undefined;
  }
}

interface Pending {
  open: Lane;
  rest: Lane;
  run?: Promise<void>;
}

/**
 * Re-checks the files a change affects, per folder, in slices. Open documents
 * go first, so the document being typed in shows its findings before the
 * thousands of records that depend on an SoA; between slices the event loop
 * is free, so keystrokes, hovers and completions are answered while a large
 * workspace is re-checked. A file queued again before its turn is checked
 * once, against the state at that time.
 */
export class RecheckQueue {
  private readonly pending = new Map<Folder, Pending>();

  constructor(
    private readonly manager: WorkspaceManager,
    private readonly files: FileProvider,
    private readonly optionsOf: (folder: Folder) => Promise<CheckOptions>,
    /** Called after each slice with the files whose findings changed. */
    private readonly publish: (folder: Folder, changed: string[]) => void,
    /**
     * Called after every slice, and once for a change that re-checks nothing (a deleted file nothing
     * depends on): coverage can change without any finding changing (a status, a name, a new record).
     * `more` says whether files are still queued.
     */
    private readonly checked: (folder: Folder, more: boolean) => void,
  ) {}

  /** Queues files of a folder; resolves when the folder's queue is empty. */
  add(folder: Folder, paths: Iterable<string>): Promise<void> {
    let q = this.pending.get(folder);
    if (!q) {
      q = { open: new Lane(), rest: new Lane() };
      this.pending.set(folder, q);
    }
    // Until the folder is indexed only open documents are checked, and only with the rules that read no
    // other file (see drain): indexing ends with a check of every file, open documents first, and a check
    // against a half-built index gave bogus findings (a "missing manifest" that flashed in Neovim,
    // thousands of slow unknown ids).
    for (const p of paths) {
      if (folder.open.has(p)) q.open.add(p);
      else if (folder.indexed) q.rest.add(p);
    }
    q.run ??= this.drain(folder, q);
    return q.run;
  }

  private async drain(folder: Folder, q: Pending): Promise<void> {
    try {
      do {
        const options = await this.optionsOf(folder);
        if (!this.manager.has(folder)) break; // the folder was removed (or the document checked alone was closed)
        const end = Date.now() + SLICE_MS;
        // One memo per slice: records name the same evidence files many times, and a run that lasts
        // as long as someone types must still see files created meanwhile.
        const fs = memoFileSystem(this.files.fs);
        const changed: string[] = [];
        while (q.open.size || q.rest.size) {
          const fromOpen = q.open.size > 0;
          const p = q.open.take() ?? q.rest.take();
          if (p === undefined) break;
          // An open document of a folder still being read gets the findings no other file can change.
          const m = this.manager;
          if (folder.indexed ? m.recheckFile(folder, p, options, fs) : m.checkAlone(folder, p, options, fs)) changed.push(p);
          // The open documents' findings go out before any other file is checked.
          if ((fromOpen && !q.open.size) || Date.now() >= end) break;
        }
        if (changed.length) this.publish(folder, changed);
        this.checked(folder, q.open.size + q.rest.size > 0);
        if (q.open.size || q.rest.size) await letMessagesIn();
      } while (q.open.size || q.rest.size);
    } finally {
      this.pending.delete(folder);
    }
  }
}

/**
 * Yields so that messages that arrived during a slice are answered before the
 * next one starts. vscode-jsonrpc handles a message in an immediate after the
 * event loop reads it and writes the reply in an immediate after that. Four
 * chained immediates come after both, whichever phase the slice ended in:
 * the event loop reads input between them without waiting (an immediate is
 * pending), and each takes one turn. A timer in the chain (the earlier way)
 * left the process idle for a millisecond per 20 ms slice, 8 % of indexing
 * 100,000 records.
 */
function letMessagesIn(turns = 4): Promise<void> {
  return new Promise((res) => setImmediate(() => (turns > 1 ? void letMessagesIn(turns - 1).then(res) : res())));
}
