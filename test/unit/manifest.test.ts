// The extension manifest and the npm package, as users meet them: per-folder settings, language
// defaults, links on the extension page, and what ships.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { packagedReadme } from '../../scripts/package-vsix.mjs';

const ROOT = join(__dirname, '..', '..');
const manifest = pkg as unknown as {
  files: string[];
  capabilities: { untrustedWorkspaces: { description: string } };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
    commands: { command: string; title: string; enablement?: string }[];
    viewsWelcome: { contents: string }[];
    walkthroughs: { steps: { description: string; media: { markdown: string } }[] }[];
  };
};

/** Whether a path is shipped by one of the `files` entries (a file, a folder/ or a *.ext glob). */
const ships = (p: string) =>
  manifest.files.some(
    (f) =>
      f === p ||
      (f.endsWith('/') && p.startsWith(f)) ||
      (f.includes('*') && new RegExp(`^${f.replace('.', '\\.').replace('*', '[^/]+')}$`).test(p)),
  );

describe('settings and language defaults', () => {
  it('every setting the server reads per workspace folder can be set per folder (scope resource)', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['aims.referenceDate', 'aims.timeline', 'aims.severity', 'aims.checkEvidence']) {
      assert.equal(props[key].scope, 'resource', key);
    }
  });
  it('AIMS files indent by 2 spaces and suggest inside values', () => {
    const d = manifest.contributes.configurationDefaults['[aims]'];
    assert.equal(d['editor.tabSize'], 2);
    assert.equal(d['editor.insertSpaces'], true);
    assert.deepEqual(d['editor.quickSuggestions'], { other: true, comments: false, strings: true });
  });
});

describe('Restricted Mode', () => {
  const WRITERS = ['aims.newSystemRecord', 'aims.createSoa', 'aims.importSoa', 'aims.addMissingControls', 'aims.exportReport'];
  it('the commands that write files are disabled until the workspace is trusted', () => {
    for (const id of WRITERS) {
      assert.equal(manifest.contributes.commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
    }
  });
  it('says what is off, why, and that trusting turns it on', () => {
    const text = manifest.capabilities.untrustedWorkspaces.description;
    for (const id of WRITERS)
      assert.ok(text.includes(manifest.contributes.commands.find((c) => c.command === id)!.title.split('/')[0]), id);
    assert.match(text, /quick fixes, rename/);
    assert.match(text, /because they would change files in a folder you have not trusted/);
    assert.match(text, /Trusting the folder turns them on without a reload/);
  });
});

describe('links', () => {
  it('no placeholder links; every command link names a contributed command', () => {
    const text = JSON.stringify(pkg);
    assert.doesNotMatch(text, /https:\/\/github\.com\/?["\s)]/);
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    const links = [
      ...manifest.contributes.viewsWelcome.map((v) => v.contents),
      ...manifest.contributes.walkthroughs[0].steps.map((s) => s.description),
    ].flatMap((t) => [...t.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]));
    assert.ok(links.length > 0);
    for (const l of links) if (l.startsWith('aims.')) assert.ok(ours.has(l), l);
  });
  it('the README’s relative links point at files that ship, and its images exist', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/```[\s\S]*?```|``[^\n]*?``|`[^`\n]+`/g, '');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
    assert.ok(targets.some((t) => t.endsWith('.png')));
    for (const t of targets) {
      assert.ok(existsSync(join(ROOT, t)), `${t} exists`);
      if (!t.endsWith('.png')) assert.ok(ships(t), `${t} is in package.json "files"`);
    }
  });
  it('the extension page’s README has no image or link the page could not show or open', () => {
    // VS Code's extension page shows images only from http(s) URLs and opens only web links.
    const full = (packagedReadme as () => string)();
    const page = full.replace(/```[\s\S]*?```|``[^\n]*?``|`[^`\n]+`/g, '');
    assert.deepEqual(
      [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]),
      [],
    );
    assert.match(full, /_The screenshots of this section are in the project's repository \(`docs\/images\/`\)/);
    const links = [...page.matchAll(/(?<!!)\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      links.filter((l) => !/^(https:|#)/.test(l)),
      [],
    );
    assert.match(full, /`docs\/rules\.md`/);
  });
  it('every walkthrough page ships', () => {
    for (const s of manifest.contributes.walkthroughs[0].steps)
      assert.ok(ships(s.media.markdown) && existsSync(join(ROOT, s.media.markdown)));
  });
});

describe('the package', () => {
  it('has no runtime dependencies (everything is bundled), so a tarball installs offline', () => {
    assert.equal(manifest.dependencies, undefined);
  });
  it('ships what bin/aims.js and the bundles load at run time', () => {
    const bin = readFileSync(join(ROOT, 'bin', 'aims.js'), 'utf8');
    assert.match(bin, /'dist', 'cli\.js'/);
    for (const p of ['bin/aims.js', 'dist/cli.js', 'dist/server.js', 'dist/client.js', 'docs/rules.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(ships(p), p);
    }
  });
  it('ships every bundle esbuild.mjs writes, the ones loaded on first use included', () => {
    const outfiles = [...readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8').matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(outfiles.includes('dist/server-main.js') && outfiles.includes('dist/exceljs.js'), outfiles.join(', '));
    for (const p of outfiles) assert.ok(ships(p), `${p} is in package.json "files"`);
  });
  it('declares every package the code imports, types included', () => {
    // A package that only arrives through another one (mdast's types through mdast-util-*) can
    // change or vanish with that one's next release.
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies)]);
    const provided = new Set([...builtinModules, 'vscode']); // Node's own, and the host's API (typed by @types/vscode)
    const sources = (dir: string): string[] =>
      statSync(dir).isDirectory()
        ? readdirSync(dir).flatMap((n) => (n === 'node_modules' ? [] : sources(join(dir, n))))
        : /\.(ts|mjs|js)$/.test(dir)
          ? [dir]
          : [];
    const undeclared = new Set<string>();
    for (const file of ['server', 'client', 'test', 'scripts', 'bench', 'bin', 'esbuild.mjs'].flatMap((d) => sources(join(ROOT, d)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)'([^'./][^']*)'/gm)) {
        const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
        if (!name.startsWith('node:') && !provided.has(name) && !declared.has(name) && !declared.has(`@types/${name}`))
          undeclared.add(name);
      }
    }
    assert.deepEqual([...undeclared], []);
  });
});
