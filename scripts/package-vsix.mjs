// Packages the VS Code extension: `node scripts/package-vsix.mjs [out.vsix]` (default aims-lsp.vsix),
// from what `files` in package.json lists (the npm package ships the same files).
//
// VS Code's extension page shows images only from http(s) URLs and opens only web links; it drops
// relative ones (and data: images). The project has no public repository URL to make them absolute,
// so the README packaged with the extension leaves the screenshots out, saying where they are, and
// names the files it links to instead of linking them (those files ship with the extension).
// For the same reason two vsce flags remain:
//   --allow-missing-repository   vsce otherwise stops to ask for a repository URL;
//   --no-rewrite-relative-links  vsce would otherwise want that URL to rewrite the links with.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VSCE_FLAGS = ['--allow-missing-repository', '--no-rewrite-relative-links'];

/** The README as the extension page can show it: no screenshots (one note where they were), file names for relative links. */
export function packagedReadme(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const local = (target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target);
  let noted = false;
  // Left to right: code (shown as written), an image, or a link (whose label may hold code).
  const token = /```[\s\S]*?```|``[^\n]*?``|`[^`\n]+`|(!?)\[((?:[^\]`]|`[^`\n]*`)*)\]\(([^)\s]+)\)(\n?)/g;
  return markdown.replace(token, (m, bang, label, target, nl) => {
    if (target === undefined || !local(target)) return m;
    if (bang) {
      if (noted) return '';
      noted = true;
      return `_The screenshots of this section are in the project's repository (\`${target.replace(/[^/]+$/, '')}\`): VS Code's extension page shows only images served over https, and the project has no public address yet._${nl}`;
    }
    const file = target.replace(/#.*$/, '');
    return `${label.replace(/`/g, '') === file ? `\`${file}\`` : `${label} (\`${file}\`)`}${nl}`;
  });
}

/**
 * What the npm package ships for the `aims` command and the extension never runs (~290 KB of the
 * .vsix compressed). vsce cannot combine `files` with a .vscodeignore, so the extension is packaged
 * from a copy of the package whose `files` leave these out.
 */
export const NOT_IN_VSIX = ['bin/', 'dist/cli.js'];

/** A temporary folder holding the extension's files and a package.json without the command. */
function stageExtension() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  pkg.files = pkg.files.filter((f) => !NOT_IN_VSIX.includes(f));
  delete pkg.bin;
  const stage = mkdtempSync(join(tmpdir(), 'aims-vsix-'));
  writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
  // Copy each entry's top folder or file; vsce applies the `files` patterns (`docs/*.md`) itself.
  const tops = new Set([...pkg.files.map((f) => f.split(/[/*]/)[0]), pkg.icon.split('/')[0], 'README.md']);
  for (const top of tops) if (existsSync(join(ROOT, top))) cpSync(join(ROOT, top), join(stage, top), { recursive: true });
  writeFileSync(join(stage, 'dist', 'extension-readme.md'), packagedReadme());
  return stage;
}

/** Packages the extension into `out`; returns vsce's exit status (its output goes to ours). */
export function packageVsix(out, stdio = 'inherit') {
  const stage = stageExtension();
  try {
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    // vsce reads --readme-path relative to the package folder. Everything is bundled: no node_modules.
    const args = [
      vsce,
      'package',
      ...VSCE_FLAGS,
      '--no-dependencies',
      '--readme-path',
      join('dist', 'extension-readme.md'),
      '-o',
      resolve(out),
    ];
    return spawnSync(process.execPath, args, { cwd: stage, stdio }).status;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(packageVsix(process.argv[2] ?? join(ROOT, 'aims-lsp.vsix')) ?? 1);
}
