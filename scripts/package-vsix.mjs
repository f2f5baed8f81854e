// Packages the VS Code extension: `node scripts/package-vsix.mjs [out.vsix]` (default aims-lsp.vsix),
// from what `files` in package.json lists (the npm package ships the same files).
// Two vsce flags remain because the project has no public repository URL yet:
//   --allow-missing-repository   vsce otherwise stops to ask for one;
//   --no-rewrite-relative-links  vsce would point the README's relative links and images at that
//                                repository; kept relative, they open the files packaged with the extension.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VSCE_FLAGS = ['--allow-missing-repository', '--no-rewrite-relative-links'];

/** Packages the extension into `out`; returns vsce's exit status (its output goes to ours). */
export function packageVsix(out, stdio = 'inherit') {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  return spawnSync(process.execPath, [vsce, 'package', ...VSCE_FLAGS, '-o', resolve(out)], { cwd: ROOT, stdio }).status;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(packageVsix(process.argv[2] ?? join(ROOT, 'aims-lsp.vsix')) ?? 1);
}
