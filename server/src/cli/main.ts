import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../../package.json';
import { allArticles } from '../core/catalog/act';
import { applicationDate, dateWithSource, isPostponedHighRisk, timelineFor, timelineLabel, type DateFact } from '../core/catalog/timeline';
import { allControls } from '../core/catalog/iso';
import { allRuleInfos } from '../core/check';
import { starterWorkspace } from '../core/init-workspace';
import { defaultOptions, today, type CheckOptions, type Severity } from '../core/types';
import { choice, parseArgs, UsageError, type ParsedArgs } from './args';
import { formatJson, formatSarif, formatText, logLine } from './formats';
import { plainLine } from '../core/safe-text';
import { checkFolder, workspaceRootOf, type CheckedWorkspace } from './load-workspace';
import { diffCommand } from './diff-command';
import { toCorePath } from '../node/find-files';
import { readAimsFile } from '../node/read-file';
import { UnsafeWrite, writeInside } from '../node/safe-write';
import { IMPORT_USAGE, importCommand } from './import-command';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

const HELP = `aims ${pkg.version}: checks AI management system files (ISO/IEC 42001, EU AI Act)

Usage:
  aims check [folder|file …] [--format text|json|sarif] [--as-of YYYY-MM-DD]
             [--timeline in-force|original] [--fail-on error|warning|never] [--no-evidence-check]
  aims diff <base> <head> | --git <ref> [folder] [--format text|markdown|json]
            [--fail-on never|new-gaps|new-findings|new-errors]   what a change did to coverage
  aims controls [--format text|json]      the 38 Annex A controls of ISO/IEC 42001
  aims articles [--format text|json] [--as-of YYYY-MM-DD] [--timeline in-force|original]
                                          the 113 articles of Regulation (EU) 2024/1689 and their dates
  aims rules [--format text|json]         every finding the checker reports
  ${IMPORT_USAGE}
  aims init [folder] [--organisation NAME] [--force]
  aims lsp --stdio | --node-ipc           the language server, for any LSP editor

Each folder given to check is one AIMS (one manifest, one SoA, system records,
risk registers). Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error.
`;

/** Runs the CLI; resolves to the exit code (-1: keep running, for the language server). */
export async function run(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(HELP);
        return cmd === undefined ? 2 : 0;
      case '-v':
      case '--version':
        io.stdout.write(`${pkg.version}\n`);
        return 0;
      case 'check':
        return check(rest, io);
      case 'diff':
        return diffCommand(rest, io);
      case 'controls':
        return controls(rest, io);
      case 'articles':
        return articles(rest, io);
      case 'rules':
        return rules(rest, io);
      case 'import':
        return await importCommand(rest, io, HELP);
      case 'init':
        return init(rest, io);
      case 'lsp': {
        const { startNodeServer } = await import('../node/start');
        startNodeServer();
        return -1;
      }
      default:
        throw new UsageError(`unknown command '${cmd}' (see aims --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${logLine(`aims: ${plainLine(e.message)}`)}\n`);
      return 2;
    }
    throw e;
  }
}

function wantsHelp(args: ParsedArgs, io: Io): boolean {
  if (args.flags.has('--help')) io.stdout.write(HELP);
  return args.flags.has('--help');
}

const ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

function check(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--as-of', '--timeline', '--fail-on'], ['--no-evidence-check', '--help']);
  if (wantsHelp(args, io)) return 0;
  const format = choice(args, '--format', ['text', 'json', 'sarif'] as const, 'text');
  const failOn = choice(args, '--fail-on', ['error', 'warning', 'never'] as const, 'error');
  const options: CheckOptions = defaultOptions({ ...dateOptions(args), checkEvidence: !args.flags.has('--no-evidence-check') });
  const targets = args.positional.length ? args.positional : ['.'];
  const checked: CheckedWorkspace[] = [];
  for (const t of targets) {
    const abs = path.resolve(io.cwd, t);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`cannot read ${t}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      try {
        fs.readdirSync(abs);
      } catch {
        throw new UsageError(`cannot read folder ${t}: permission denied`);
      }
      checked.push(checkFolder(abs, options));
    } else {
      // Only a regular file inside its own folder is ever opened: a FIFO blocked `aims check` for good.
      const read = readAimsFile(abs, path.dirname(abs));
      if (read && 'refused' in read) throw new UsageError(`cannot read ${t}: ${read.refused}`);
      // A single file: checked within its workspace; only that file's findings are reported.
      const ws = checkFolder(workspaceRootOf(abs, io.cwd), options);
      const only = toCorePath(abs);
      ws.files = ws.files.filter((f) => f.path === only);
      checked.push(ws);
    }
  }
  const out =
    format === 'json'
      ? formatJson(checked, io.cwd)
      : format === 'sarif'
        ? formatSarif(checked, io.cwd, pkg.version)
        : formatText(checked, io.cwd);
  io.stdout.write(out);
  // File names are user text: printed so they cannot start a line or an escape sequence.
  const note = (line: string): unknown => io.stderr.write(`${logLine(`aims: ${plainLine(line)}`)}\n`);
  for (const ws of checked) {
    for (const x of ws.skipped) note(`${path.relative(io.cwd, x.path)} was not read: ${x.why}`);
    if (ws.walkStopped)
      note(
        `stopped looking for AIMS files in ${path.relative(io.cwd, ws.folder) || '.'} after ${ws.walkStopped}; check the folder that holds them`,
      );
  }
  if (failOn === 'never') return 0;
  const threshold = ORDER.indexOf(failOn);
  // A loop, not Math.max(...all): spreading every finding into one call overflowed the stack.
  let worst = -1;
  for (const ws of checked)
    for (const f of ws.files) for (const d of ws.diagnostics.get(f.path) ?? []) worst = Math.max(worst, ORDER.indexOf(d.severity));
  return worst >= threshold ? 1 : 0;
}

/** `--as-of` and `--timeline`, checked: the reference date and which text's dates apply. */
function dateOptions(args: ParsedArgs): Pick<CheckOptions, 'asOf' | 'timeline'> {
  const asOf = args.flags.get('--as-of');
  if (asOf !== undefined && (asOf === true || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
    throw new UsageError('--as-of takes a date written YYYY-MM-DD');
  }
  return {
    asOf: typeof asOf === 'string' ? asOf : today(),
    timeline: choice(args, '--timeline', ['in-force', 'original'] as const, 'in-force'),
  };
}

function controls(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format'], ['--help']);
  if (wantsHelp(args, io)) return 0;
  const list = allControls().map((c) => ({ id: c.id, title: c.title, topic: c.topic, topicTitle: c.topicTitle }));
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else io.stdout.write(list.map((c) => `${c.id.padEnd(9)}${c.title}`).join('\n') + '\n');
  return 0;
}

function articles(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--as-of', '--timeline'], ['--help']);
  if (wantsHelp(args, io)) return 0;
  const format = choice(args, '--format', ['text', 'json'] as const, 'text');
  const opts = dateOptions(args);
  const inForce = timelineFor(opts.asOf, opts.timeline);
  const list = allArticles().map((a) => {
    // High-risk rules apply from different dates for Annex III and Annex I systems.
    const highRisk = isPostponedHighRisk(a.number);
    const d = applicationDate(a.number, { ...opts, basis: highRisk ? 'annex-iii' : undefined })!;
    const annexI = highRisk ? applicationDate(a.number, { ...opts, basis: 'annex-i' })! : undefined;
    const facts: DateFact[] = [d.effective, ...(annexI ? [annexI.effective] : [])];
    return {
      number: a.number,
      title: a.title,
      chapter: a.chapter,
      paragraphs: a.paragraphs,
      appliesFrom: d.effective.date,
      ...(annexI ? { appliesFromAnnexI: annexI.effective.date } : {}),
      timeline: d.effective.timeline,
      dateNote: facts
        .map((f, i) => `${dateWithSource(f, true)}${annexI ? (i ? ' for Annex I systems' : ' for Annex III systems') : ''}`)
        .join('; '),
      label:
        (annexI ? `${d.effective.date} for Annex III systems, ${annexI.effective.date} for Annex I systems` : d.effective.date) +
        (d.effective.timeline === 'omnibus' ? `; reported${d.effective.inferred ? ', inferred' : ''}` : ''),
    };
  });
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify(
        list.map(({ label: _label, ...rest }) => rest),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  io.stdout.write(
    `Regulation (EU) 2024/1689, dates as of ${opts.asOf}: ${timelineLabel(inForce)}.${inForce === 'omnibus' ? ' "inferred": the amendment reportedly moves Chapter III, Sections 1 to 3 only; the article follows them in practice.' : ''}\n` +
      list.map((a) => `Art. ${String(a.number).padEnd(4)} ${a.title} (Chapter ${a.chapter}, applies from ${a.label})`).join('\n') +
      '\n',
  );
  return 0;
}

function rules(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format'], ['--help']);
  if (wantsHelp(args, io)) return 0;
  const list = allRuleInfos();
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else io.stdout.write(list.map((r) => `${r.code.padEnd(34)}${r.severity.padEnd(12)}${r.summary}`).join('\n') + '\n');
  return 0;
}

function init(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--organisation'], ['--force', '--help']);
  if (wantsHelp(args, io)) return 0;
  const folder = path.resolve(io.cwd, args.positional[0] ?? '.');
  const org = args.flags.get('--organisation');
  const files = starterWorkspace(typeof org === 'string' ? org : 'Your organisation', today());
  const clashes = Object.keys(files).filter((f) => fs.existsSync(path.join(folder, f)));
  if (clashes.length && !args.flags.has('--force')) {
    throw new UsageError(`${clashes.join(', ')} already exist in ${path.relative(io.cwd, folder) || '.'}; use --force to overwrite`);
  }
  for (const [rel, text] of Object.entries(files)) {
    try {
      writeInside(folder, path.join(folder, rel), text, rel, true);
    } catch (e) {
      throw e instanceof UnsafeWrite ? new UsageError(e.message) : e;
    }
    io.stdout.write(`created ${path.relative(io.cwd, path.join(folder, rel))}\n`);
  }
  io.stdout.write(
    '\nNext: replace every TODO (the checker lists them as placeholder-text), decide each Annex A control in soa.aims.yaml,\nthen run `aims check` and add your AI systems (one file each under systems/).\n',
  );
  return 0;
}
