/**
 * The custom requests and notifications between the VS Code client and the
 * AIMS language server: one typed module both sides import. File locations in
 * results are absolute core paths (the server's `/`-separated file paths);
 * the client opens them with `vscode.Uri.file`.
 */
import type { WorkspaceCoverage } from './core/coverage-types';
import type { BaseVersion, CoverageDelta, DiffFormat, VersionFile } from './core/diff';
import type { ReportFormat } from './core/report';

/**
 * Client → server: coverage of every workspace folder (Annex A per control,
 * obligations per system, the system inventory). Sent when a view opens and
 * after each `aims/coverageChanged`.
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

/**
 * Server → client: coverage may have changed (a file was edited, created or
 * deleted, or settings changed). The client refetches with `aims/coverage`.
 */
export namespace CoverageChangedNotification {
  export const method = 'aims/coverageChanged';
  export interface Params {
    /** Workspace folder roots whose coverage changed. */
    folders: string[];
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
  /** Where docs/rules.md is, for the findings' links, when the server cannot tell (in a browser worker). */
  rulesUrl?: string;
}
