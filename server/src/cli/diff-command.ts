import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTexts, diffVersions, DIFF_FORMATS, renderDelta, type CheckedVersion, type CoverageDelta } from '../core/diff';
import { defaultOptions, today, type CheckOptions } from '../core/types';
import { toCorePath } from '../node/find-files';
import { choice, dateOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { readGitVersion } from './git-ref';
import { logLine } from './formats';
import { checkFolder } from './load-workspace';
import type { Io } from './main';

export const DIFF_HELP = `aims diff: what a change did to coverage (controls, gaps, obligations, systems, findings)

Usage:
  aims diff <base-folder> <head-folder> [options]
  aims diff --git <ref> [folder] [options]     the folder (default .) against its state at a git ref

Options:
  --format text|markdown|json   text for a terminal, markdown for a pull-request comment,
                                json for tools (shape: docs/diff.md)
  --fail-on never|new-gaps|new-findings|new-errors
                                exit 1 when the change opens a gap, introduces a finding, or
                                introduces an error (several: new-gaps,new-errors); default never
  --as-of YYYY-MM-DD  --timeline in-force|original  --no-evidence-check   as for aims check

With --git, the ref's files are read from git's object store (git rev-parse, ls-tree, cat-file);
nothing is checked out and nothing from the repository runs.

Exit codes: 0 nothing the --fail-on conditions name, 1 the change did what --fail-on names,
2 the command could not run as asked (usage, a folder or ref that cannot be read),
3 an internal error (a bug: please report it).
`;

const FAIL_ON = ['never', 'new-gaps', 'new-findings', 'new-errors'] as const;
type FailOn = (typeof FAIL_ON)[number];

/** The check options shared with `aims check`: --as-of, --timeline, --no-evidence-check. */
export function checkOptionsFrom(args: ParsedArgs): CheckOptions {
  return defaultOptions({
    asOf: dateOption(args, '--as-of') ?? today(),
    timeline: choice(args, '--timeline', ['in-force', 'original'] as const, 'in-force'),
    checkEvidence: !args.flags.has('--no-evidence-check'),
  });
}

function failOn(args: ParsedArgs): FailOn[] {
  const v = args.flags.get('--fail-on');
  if (v === undefined) return ['never'];
  const list = v === true ? [] : v.split(',').map((s) => s.trim());
  const bad = list.find((x) => !(FAIL_ON as readonly string[]).includes(x));
  if (!list.length || bad !== undefined) throw new UsageError(`--fail-on must be one or more of ${FAIL_ON.join(', ')}`);
  return list as FailOn[];
}

function folderArg(io: Io, arg: string): string {
  const abs = path.resolve(io.cwd, arg);
  if (!fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${arg} is not a folder`);
  return abs;
}

/** `aims diff`: two folders, or a folder against a git ref. */
export function diffCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--git', '--fail-on', '--as-of', '--timeline'], ['--no-evidence-check', '--help']);
  if (args.flags.has('--help')) {
    io.stdout.write(DIFF_HELP);
    return 0;
  }
  const format = choice(args, '--format', DIFF_FORMATS, 'text');
  const conditions = failOn(args);
  const options = checkOptionsFrom(args);
  const ref = args.flags.get('--git');
  let delta: CoverageDelta;
  if (ref !== undefined) {
    if (ref === true) throw new UsageError('--git needs a ref');
    if (args.positional.length > 1) throw new UsageError('--git compares one folder with a ref: aims diff --git <ref> [folder]');
    const folder = folderArg(io, args.positional[0] ?? '.');
    const version = readGitVersion(folder, ref);
    const base = checkTexts(toCorePath(folder), version.files, options, version.fs);
    delta = diffVersions(base, checkFolder(folder, options, io.cwd), { base: version.label, head: 'working tree' });
  } else {
    if (args.positional.length !== 2) throw new UsageError('diff needs two folders (aims diff <base> <head>) or --git <ref> [folder]');
    const [b, h] = args.positional.map((p) => folderArg(io, p));
    const base: CheckedVersion = checkFolder(b, options, io.cwd);
    delta = diffVersions(base, checkFolder(h, options, io.cwd), { base: args.positional[0], head: args.positional[1] });
  }
  const out = renderDelta(delta, format);
  // Text and Markdown go to CI logs too: no line of them may be a workflow command (JSON is escaped as it is made).
  io.stdout.write(format === 'json' ? out : out.split('\n').map(logLine).join('\n'));
  return failed(delta, conditions) ? 1 : 0;
}

function failed(d: CoverageDelta, conditions: FailOn[]): boolean {
  return conditions.some((c) =>
    c === 'new-gaps'
      ? d.gaps.opened.length > 0
      : c === 'new-findings'
        ? d.findings.introduced.length > 0
        : c === 'new-errors'
          ? d.findings.introduced.some((f) => f.severity === 'error')
          : false,
  );
}
