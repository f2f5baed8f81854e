/**
 * Which folders a host searches for AIMS files, and how far. Pure, so the
 * Node walk (server/src/node/find-files.ts) and the browser worker's listing
 * through the editor (server/src/lsp/client-files.ts) keep the same rules.
 */

/**
 * Folders never searched for AIMS files: installed dependencies, build output
 * and caches (and every folder whose name starts with a dot: .git, .venv, …).
 * Names people might also give their own folders (vendor, build) stay in.
 */
const SKIP = new Set(['node_modules', 'bower_components', 'dist', 'out', 'target', '__pycache__', 'venv', 'site-packages']);

/** Whether the walk never enters a folder of this name. */
export function skipsFolder(name: string): boolean {
  return SKIP.has(name) || name.startsWith('.');
}

/** Whether a '/'-separated path below a folder lies in a folder the walk never enters (for walks of git trees). */
export function inSkippedFolder(rel: string): boolean {
  return rel.split('/').slice(0, -1).some(skipsFolder);
}

/** Virtual file systems, never walked when a folder holds them (opening `/`). */
export const SKIP_PATHS = new Set(['/proc', '/sys', '/dev', '/run']);

/** Bounds the walk so a huge or looping tree cannot hang a host (documented in docs/reliability.md). */
export const WALK_LIMITS = { files: 50_000, folders: 20_000, depth: 20 };

/** AIMS file names as a glob for an editor's file search (`*.aims.yaml` / `*.aims.yml`, any case, as isAimsFile). */
export const AIMS_FILES_GLOB = '**/*.[aA][iI][mM][sS].{[yY][aA][mM][lL],[yY][mM][lL]}';

/** The folders the walk never enters, as an exclude glob for an editor's file search (the host filters again). */
export const SKIPPED_FOLDERS_GLOB = `{${[...SKIP].map((n) => `**/${n}/**`).join(',')},**/.*/**}`;

/** Why an entry named like an AIMS file is not read, in the words every host uses. */
export const NOT_READ = {
  link: 'it is a symbolic link (links are not followed)',
  fifo: 'it is a named pipe (FIFO), not a regular file',
  socket: 'it is a socket, not a regular file',
  device: 'it is a device, not a regular file',
  folder: 'it is a folder, not a file',
  other: 'it is not a regular file',
} as const;
