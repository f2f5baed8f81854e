// The CI recipes in docs/ci run here, step by step, on a real repository: a pull request (GitHub,
// shallow checkout of the merge commit) and a merge request (GitLab, full clone of the source
// branch), with `aims` the built CLI and `gh` / `curl` stand-ins that record what would be posted.
// Only the install steps are left out (they clone and build the tool from its repository).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { ensureBuilt, ROOT_DIR } from '../lsp/client';
import { tempDir } from '../helpers/cli';
import { applyEdits, BASE_EDITS, EXAMPLE, HEAD_EDITS } from '../helpers/diff-fixture';
import { commitAll, git, GIT_ENV } from '../helpers/git';

const GOLDEN_MD = readFileSync(join(__dirname, '..', 'fixtures', 'diff', 'acme.md'), 'utf8');

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

/**
 * An origin repository: `main` holds the base version of the example in `aims/`, `feature` the
 * head version, and `pr-merge` the feature merged into main (what a pull request's checkout is).
 */
function origin(): { bare: string; mainSha: string } {
  const dir = tempDir('aims-ci-');
  const work = join(dir, 'work');
  mkdirSync(work);
  cpSync(EXAMPLE, join(work, 'aims'), { recursive: true });
  applyEdits(join(work, 'aims'), BASE_EDITS);
  const mainSha = commitAll(work, 'base', true);
  git(work, 'checkout', '-q', '-b', 'feature');
  applyEdits(join(work, 'aims'), HEAD_EDITS);
  commitAll(work, 'head');
  git(work, 'checkout', '-q', '-b', 'pr-merge', 'main');
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
  const bare = join(dir, 'origin.git');
  git(dir, 'clone', '-q', '--bare', work, bare);
  return { bare, mainSha };
}

/** `aims`, `gh` and `curl` for the recipe: the built CLI (at a fixed date), and stand-ins that log their arguments and bodies. */
function tools(dir: string): { bin: string; log: string } {
  const bin = join(dir, 'bin');
  const log = join(dir, 'posted.log');
  mkdirSync(bin);
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // The reference date is pinned so the output is the golden file's, whatever day the test runs.
  script('aims', `exec "${process.execPath}" "${join(ROOT_DIR, 'bin', 'aims.js')}" "$@" --as-of 2026-11-23`);
  // gh: --edit-last fails while the user has no comment on the pull request, as the real one does.
  script(
    'gh',
    `echo "gh $*" >> "${log}"
prev=; edit=; body=
for a in "$@"; do [ "$prev" = --body-file ] && body="$a"; [ "$a" = --edit-last ] && edit=1; prev="$a"; done
if [ -n "$edit" ] && [ ! -f "${log}.commented" ]; then echo "no comments found for current user" >&2; exit 1; fi
touch "${log}.commented"; echo "--- body" >> "${log}"; cat "$body" >> "${log}"`,
  );
  script(
    'curl',
    `echo "curl $*" >> "${log}"
for a in "$@"; do case "$a" in body@*) echo "--- body" >> "${log}"; cat "\${a#body@}" >> "${log}";; esac; done`,
  );
  return { bin, log };
}

/** Runs a shell script as the CI runner would (bash, stop at the first failing command); resolves to its exit code. */
function sh(script: string, cwd: string, env: NodeJS.ProcessEnv): { status: number | null; stderr: string } {
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** The text of the Markdown the recipe posted (after the `--- body` line). */
function posted(log: string): string {
  const text = readFileSync(log, 'utf8');
  return text.slice(text.indexOf('--- body\n') + '--- body\n'.length);
}

/** The golden Markdown with the labels a CI run gives. */
function expectedMarkdown(base: string): string {
  return GOLDEN_MD.replace('Base `base` → head `head`', `Base \`${base}\` → head \`working tree\``);
}

before(() => ensureBuilt());

describe('the GitHub Actions recipe (docs/ci/github-actions.yml)', () => {
  it('uploads SARIF and comments the coverage delta on a pull request from a shallow checkout', () => {
    const { bare } = origin();
    const dir = tempDir('aims-gha-');
    const checkout = join(dir, 'checkout');
    // actions/checkout: one commit, the pull request merged into its base.
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'pr-merge', `file://${bare}`, checkout);
    const { bin, log } = tools(dir);
    const workflow = parse(readFileSync(join(ROOT_DIR, 'docs', 'ci', 'github-actions.yml'), 'utf8')) as {
      jobs: { aims: { env: Record<string, string>; steps: Step[] } };
    };
    const job = workflow.jobs.aims;
    const expressions: Record<string, string> = {
      '${{ vars.AIMS_TOOL_REPO }}': 'unused: the install step is skipped',
      '${{ github.token }}': 'test-token',
      '${{ github.repository }}': 'acme/aims',
      '${{ github.event.pull_request.number }}': '7',
    };
    const value = (v: string) => {
      assert.ok(!v.includes('${{') || v in expressions, `an expression the test does not know: ${v}`);
      return expressions[v] ?? v;
    };
    const summary = join(dir, 'summary.md');
    const base = {
      ...GIT_ENV,
      PATH: `${bin}:${process.env.PATH}`,
      GITHUB_BASE_REF: 'main',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: dir,
      ...Object.fromEntries(Object.entries(job.env).map(([k, v]) => [k, value(v)])),
      AIMS_FOLDER: 'aims',
    };
    const results: Record<string, number | null> = {};
    for (const step of job.steps) {
      if (!step.run || step.id === 'install') continue;
      assert.ok(!step.run.includes('${{'), `${step.name}: expressions belong in env, not in the script`);
      const env = { ...base, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, value(v)])) };
      const r = sh(step.run, checkout, env);
      results[step.name!] = r.status;
      assert.ok(r.status === 0 || step.name === 'Check', `${step.name} failed: ${r.stderr}`);
    }
    // The head has errors: the check fails the job, after writing the SARIF the upload step reads.
    assert.equal(results.Check, 1);
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(readFileSync(join(checkout, upload.with!.sarif_file), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(
      sarif.runs[0].results.some(
        (r) => r.ruleId === 'soa-title-mismatch' && r.locations[0].physicalLocation.artifactLocation.uri === 'aims/soa.aims.yaml',
      ),
      'SARIF paths are relative to the repository root, as code scanning needs',
    );
    const sha = git(checkout, 'rev-parse', 'origin/main');
    const markdown = expectedMarkdown(`origin/main (${sha.slice(0, 12)})`);
    assert.equal(readFileSync(summary, 'utf8'), markdown);
    assert.equal(posted(log), markdown);
    assert.match(
      readFileSync(log, 'utf8'),
      /^gh pr comment 7 --edit-last --body-file aims-diff\.md\ngh pr comment 7 --body-file aims-diff\.md\n/,
    );
  });
});

describe('the GitLab CI recipe (docs/ci/gitlab-ci.yml)', () => {
  it('posts the coverage delta against the merge request base as a note and keeps the SARIF', () => {
    const { bare, mainSha } = origin();
    const dir = tempDir('aims-glc-');
    const checkout = join(dir, 'checkout');
    // GIT_DEPTH 0: the whole history of the source branch, checked out at its head.
    git(dir, 'clone', '-q', '--branch', 'feature', `file://${bare}`, checkout);
    const { bin, log } = tools(dir);
    const job = (parse(readFileSync(join(ROOT_DIR, 'docs', 'ci', 'gitlab-ci.yml'), 'utf8')) as { aims: Record<string, unknown> }).aims as {
      variables: Record<string, string>;
      script: string[];
      artifacts: { paths: string[] };
    };
    assert.equal(job.variables.GIT_DEPTH, '0');
    const env = {
      ...GIT_ENV,
      PATH: `${bin}:${process.env.PATH}`,
      ...job.variables,
      AIMS_FOLDER: 'aims',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: mainSha,
      CI_API_V4_URL: 'https://gitlab.example/api/v4',
      CI_PROJECT_ID: '42',
      AIMS_GITLAB_TOKEN: 'glpat-test',
    };
    const statuses = job.script.map((s) => sh(s, checkout, env));
    assert.equal(statuses[0].status, 0, statuses[0].stderr);
    assert.equal(statuses[statuses.length - 1].status, 1, 'the check fails the job on the head version errors');
    const markdown = expectedMarkdown(`${mainSha} (${mainSha.slice(0, 12)})`);
    assert.equal(posted(log), markdown);
    assert.match(
      readFileSync(log, 'utf8'),
      /^curl --fail --silent --show-error --request POST --header PRIVATE-TOKEN: glpat-test --data-urlencode body@aims-diff\.md https:\/\/gitlab\.example\/api\/v4\/projects\/42\/merge_requests\/7\/notes\n/,
    );
    for (const p of job.artifacts.paths) assert.ok(existsSync(join(checkout, p)), `artifact ${p}`);
  });
});

describe('the README', () => {
  it('shows the recipes exactly as docs/ci has them (the files the tests above run)', () => {
    const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
    for (const file of ['github-actions.yml', 'gitlab-ci.yml']) {
      const recipe = readFileSync(join(ROOT_DIR, 'docs', 'ci', file), 'utf8');
      assert.ok(readme.includes('```yaml\n' + recipe + '```\n'), `README.md holds docs/ci/${file} verbatim`);
    }
  });
});
