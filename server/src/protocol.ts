/**
 * The custom requests and notifications between the VS Code client and the
 * AIMS language server: one typed module both sides import. File locations in
 * results are absolute core paths (the server's `/`-separated file paths);
 * the client opens them with `vscode.Uri.file`.
 */
import type { ObligationCoverage, SystemCoverage, TopicCoverage, WorkspaceCoverage } from './core/coverage-types';
import type { BaseVersion, CoverageDelta, DiffFormat, VersionFile } from './core/diff';
import type { ReportFormat } from './core/report';

/**
 * Client → server: the whole coverage of every workspace folder (Annex A per
 * control, obligations per system, the system inventory), computed on demand.
 * For reports and for clients that want everything at once; the VS Code
 * client keeps its copy current with `aims/coverageParts` instead, which
 * costs what changed rather than the workspace.
 */
export namespace CoverageRequest {
  export const method = 'aims/coverage';
  export interface Params {
    /** Only the folder that contains this URI; all folders when omitted. */
    uri?: string;
  }
  export interface Result {
    workspaces: WorkspaceCoverage[];
  }
}

/** Where a folder's coverage stands: a version that grows with every change, within an epoch. */
export interface FolderVersion {
  root: string;
  /** Changes when the server's copy starts afresh (a new server, a re-added folder): versions of another epoch mean nothing. */
  epoch: string;
  /** -1 while the folder is first indexed: its coverage is not known yet (a client keeps what it has). */
  version: number;
}

/**
 * Server → client: coverage changed (a file was edited, created, changed on
 * disk or deleted, or settings changed), sent whenever a folder's coverage
 * version moves, at most every ~100 ms per folder. `versions` lists every
 * folder, so a client can drop folders that are gone and fetch the parts of
 * those whose version it does not have.
 */
export namespace CoverageChangedNotification {
  export const method = 'aims/coverageChanged';
  export interface Params {
    /** Workspace folder roots whose coverage changed. */
    folders: string[];
    versions: FolderVersion[];
    /**
     * Roots whose files are still being re-checked after a change: their finding counts are still
     * moving. A folder that was listed here is announced again when its re-check ends.
     */
    checking: string[];
  }
}

/** Client → server: the current version of every folder's coverage. */
export namespace CoverageVersionsRequest {
  export const method = 'aims/coverageVersions';
  export interface Result {
    folders: FolderVersion[];
  }
}

/**
 * A folder's figures apart from its topics and systems: counts over the whole
 * Annex A and the findings, and how many AIMS files the folder holds.
 */
export type FolderPart = Omit<WorkspaceCoverage, 'annexA' | 'systems'> & {
  annexA: Omit<WorkspaceCoverage['annexA'], 'topics'>;
  /** AIMS files in the folder (0: nothing to show but the welcome view). */
  files: number;
};

/**
 * A system's coverage as sent: the ISO controls cited for an obligation are
 * ids only, since their state in the SoA changes with the SoA, not with the
 * record. The client takes each state from the Annex A topics it holds
 * ('unknown' for an id that is not an Annex A control).
 */
export type SystemPart = Omit<SystemCoverage, 'obligations'> & {
  obligations: (Omit<ObligationCoverage, 'controls'> & { controls: string[] })[];
};

/** One piece of a folder's coverage, keyed `folder`, `topic:<A.n>` or `system:<file path>`. */
export type CoveragePart =
  { key: 'folder'; value: FolderPart } | { key: `topic:${string}`; value: TopicCoverage } | { key: `system:${string}`; value: SystemPart };

/**
 * Client → server: the parts of one folder's coverage that changed after
 * version `since` of epoch `epoch` (all of them when the epoch differs, or
 * `since` is omitted or too old: then `full` is true and the client drops
 * what it had). Answers come in pages of at most a few hundred kilobytes, so
 * no single message takes the client long to parse: while `more` is true, ask
 * again with the same `since` and `cursor`. `version` is the folder's version
 * when the first page was cut; parts changed after it come again next time.
 */
export namespace CoveragePartsRequest {
  export const method = 'aims/coverageParts';
  export interface Params {
    root: string;
    epoch?: string;
    since?: number;
    cursor?: string;
  }
  export interface Result {
    root: string;
    epoch: string;
    version: number;
    full: boolean;
    parts: CoveragePart[];
    /** Keys of parts removed since `since` (deleted records, files that stopped being records). */
    removed: string[];
    /** Set while more pages follow: pass it back as `cursor`. */
    cursor?: string;
    more: boolean;
  }
}

/** Client → server: the coverage report rendered in one export format. */
export namespace RenderReportRequest {
  export const method = 'aims/renderReport';
  export interface Params {
    format: ReportFormat;
    uri?: string;
  }
  export interface Result {
    content: string;
  }
}

/**
 * Client → server: the evidence paths that the AIMS files of another version
 * of a folder name (relative to the folder), so the client can tell which
 * exist in that version before asking for the delta.
 */
export namespace DiffEvidenceRequest {
  export const method = 'aims/diffEvidence';
  export interface Params {
    /** The workspace folder (or any file in it). */
    uri: string;
    /** The other version's AIMS files, paths relative to the folder. */
    files: VersionFile[];
  }
  export interface Result {
    paths: string[];
  }
}

/**
 * Client → server: what the folder's current state (open documents' text
 * included) changed against another version given as texts: the coverage
 * delta, and the same delta rendered (Markdown unless asked otherwise).
 */
export namespace DiffCoverageRequest {
  export const method = 'aims/diffCoverage';
  export interface Params {
    uri: string;
    base: BaseVersion;
    headLabel?: string;
    format?: DiffFormat;
  }
  export interface Result {
    delta: CoverageDelta;
    content: string;
  }
}

/**
 * Client → server: the user granted workspace trust (VS Code's
 * `onDidGrantWorkspaceTrust`). Until then an untrusted workspace gets no
 * rename and no code actions from the server, whatever the client shows.
 */
export namespace TrustChangedNotification {
  export const method = 'aims/trustChanged';
  export interface Params {
    trusted: boolean;
  }
}

/**
 * Client → server: a question with an empty answer, asked now and then to
 * tell a server that stopped answering (it is then restarted).
 */
export namespace PingRequest {
  export const method = 'aims/ping';
}

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Whether the workspace is trusted; untrusted workspaces get no edits from the server. */
  trusted?: boolean;
  /** Per-document debounce before re-checking, in ms (tests lower it). */
  debounceMs?: number;
  /** Where docs/rules.md is, for the findings' links, when the server cannot tell (in a browser worker)… */
  rulesUrl?: string;
  /** …and the line of each rule's heading there, by code. */
  ruleLines?: Record<string, number>;
}
