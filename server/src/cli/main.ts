import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../../package.json';
import { allArticles } from '../core/catalog/act';
import { applicationDate, dateWithSource, hasAnnexIDate, timelineFor, timelineLabel, type DateFact } from '../core/catalog/timeline';
import { allControls } from '../core/catalog/iso';
import { allRuleInfos } from '../core/check';
import { starterWorkspace } from '../core/init-workspace';
import { defaultOptions, today, type CheckOptions, type Severity } from '../core/types';
import { isAimsFile, parseFile } from '../core/yaml/parse';
import { choice, dateOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { reason, shown, writeSafely } from './files';
import { formatJson, formatSarif, formatText, logLine, relativePath } from './formats';
import { plainLine } from '../core/safe-text';
import { formatDate } from '../core/format-date';
import { COMMAND_HELP, COMMANDS, OVERVIEW } from './help';
import { checkAlone, checkFolder, checkSingleFile, loadFile, type CheckedWorkspace, type CoverageDetail } from './load-workspace';
import { diffCommand } from './diff-command';
import { importCommand } from './import-command';
import { toCorePath } from '../node/find-files';
import { notRegular } from '../node/read-file';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  /** The whole of standard input (for `aims check -`); the process's own when not given. */
  readStdin?(): string;
}

/**
 * Runs the CLI; resolves to the exit code (-1: keep running, for the language server):
 * 0 clean, 1 findings, 2 the command could not run as asked, 3 an internal error.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${logLine(`aims: ${plainLine(e.message)}`)}\n`);
      return 2;
    }
    // A bug, not a finding: never exit 1, which CI reads as "the AIMS has errors".
    io.stderr.write(
      `${logLine(`aims: internal error: ${plainLine(e instanceof Error ? e.message : String(e))} (please report this; set AIMS_DEBUG=1 to see where it happened)`)}\n`,
    );
    if (process.env.AIMS_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return 3;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      io.stderr.write(OVERVIEW);
      return 2;
    case '-h':
    case '--help':
      io.stdout.write(OVERVIEW);
      return 0;
    case 'help': {
      const topic = rest[0];
      if (topic === undefined) io.stdout.write(OVERVIEW);
      else if (COMMAND_HELP[topic]) io.stdout.write(COMMAND_HELP[topic]);
      else throw new UsageError(`no command '${topic}'; commands: ${COMMANDS.join(', ')}`);
      return 0;
    }
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
      return await importCommand(rest, io, COMMAND_HELP.import);
    case 'init':
      return init(rest, io);
    case 'lsp':
      return lsp(rest, io);
    default:
      throw new UsageError(`unknown command '${cmd}' (see aims --help)`);
  }
}

function wantsHelp(cmd: string, args: ParsedArgs, io: Io): boolean {
  if (args.flags.has('--help')) io.stdout.write(COMMAND_HELP[cmd]);
  return args.flags.has('--help');
}

/** The language server reads its transport from the process arguments itself; without one it cannot start. */
async function lsp(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout.write(COMMAND_HELP.lsp);
    return 0;
  }
  if (!argv.some((a) => /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/.test(a))) {
    io.stderr.write(`aims: lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n${COMMAND_HELP.lsp}`);
    return 2;
  }
  const { startNodeServer } = await import('../node/start');
  startNodeServer();
  return -1;
}

const ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

function check(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--as-of', '--timeline', '--fail-on'], ['--no-evidence-check', '--allow-empty', '--help']);
  if (wantsHelp('check', args, io)) return 0;
  const format = choice(args, '--format', ['text', 'json', 'sarif'] as const, 'text');
  const failOn = choice(args, '--fail-on', ['error', 'warning', 'never'] as const, 'error');
  const options: CheckOptions = defaultOptions({ ...dateOptions(args), checkEvidence: !args.flags.has('--no-evidence-check') });
  const targets = args.positional.length ? args.positional : ['.'];
  if (targets.filter((t) => t === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  const allowEmpty = args.flags.has('--allow-empty');
  // JSON prints every obligation; text and SARIF only count them (see CoverageDetail).
  let checked: CheckedWorkspace<CoverageDetail>[];
  let out: string;
  if (format === 'json') {
    const full = targets.map((t) => checkTarget(t, options, io, allowEmpty, 'full'));
    [checked, out] = [full, formatJson(full, io.cwd)];
  } else {
    const tallied = targets.map((t) => checkTarget(t, options, io, allowEmpty, 'tally'));
    [checked, out] = [tallied, format === 'sarif' ? formatSarif(tallied, io.cwd, pkg.version) : formatText(tallied, io.cwd)];
  }
  io.stdout.write(out);
  // File names are user text: printed so they cannot start a line or an escape sequence.
  const note = (line: string): unknown => io.stderr.write(`${logLine(`aims: ${plainLine(line)}`)}\n`);
  for (const ws of checked) {
    for (const x of ws.skipped) note(`${shown(io.cwd, x.path)} was not read: ${x.why}`);
    if (ws.walkStopped)
      note(
        `stopped looking for AIMS files in ${shown(io.cwd, ws.folder)} after ${ws.walkStopped}; check the folder that holds them${ws.walkStopped.endsWith(' files') ? ', or set AIMS_MAX_FILES higher' : ''}`,
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

/** Checks one command-line target: a folder (one AIMS), one file within its workspace, or standard input. */
function checkTarget<D extends CoverageDetail>(
  t: string,
  options: CheckOptions,
  io: Io,
  allowEmpty: boolean,
  detail: D,
): CheckedWorkspace<D> {
  if (t === '-') {
    const file = parseFile(toCorePath(path.join(io.cwd, '<stdin>')), io.readStdin ? io.readStdin() : fs.readFileSync(0, 'utf8'));
    return checkSingleFile(file, '<stdin>', options, io.cwd, detail);
  }
  const abs = path.resolve(io.cwd, t);
  const label = relativePath(io.cwd, toCorePath(abs)) || '.';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (e) {
    throw new UsageError(`cannot read ${t}: ${reason(e)}`);
  }
  if (stat.isDirectory()) {
    const ws = checkFolder(abs, options, io.cwd, undefined, detail);
    if (!ws.files.length && !allowEmpty) {
      throw new UsageError(`no AIMS files (*.aims.yaml, *.aims.yml) in ${label}; pass --allow-empty if that is expected`);
    }
    return { ...ws, target: label };
  }
  // Only regular files are opened: a FIFO blocked `aims check` for good.
  if (!stat.isFile()) throw new UsageError(`cannot read ${t}: ${notRegular(stat)}`);
  if (!isAimsFile(abs)) {
    if (!allowEmpty) throw new UsageError(`${t} is not an AIMS file (the name must end in .aims.yaml or .aims.yml)`);
    return { ...(checkAlone(undefined, path.dirname(abs), options) as CheckedWorkspace<D>), target: label, single: true };
  }
  return checkSingleFile(loadFile(abs, io.cwd), label, options, io.cwd, detail);
}

/** `--as-of` and `--timeline`, checked: the reference date and which text's dates apply. */
function dateOptions(args: ParsedArgs): Pick<CheckOptions, 'asOf' | 'timeline'> {
  return {
    asOf: dateOption(args, '--as-of') ?? today(),
    timeline: choice(args, '--timeline', ['in-force', 'original'] as const, 'in-force'),
  };
}

function controls(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format'], ['--help']);
  if (wantsHelp('controls', args, io)) return 0;
  const list = allControls().map((c) => ({ id: c.id, title: c.title, topic: c.topic, topicTitle: c.topicTitle }));
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else io.stdout.write(list.map((c) => `${c.id.padEnd(9)}${c.title}`).join('\n') + '\n');
  return 0;
}

function articles(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--as-of', '--timeline'], ['--help']);
  if (wantsHelp('articles', args, io)) return 0;
  const format = choice(args, '--format', ['text', 'json'] as const, 'text');
  const opts = dateOptions(args);
  const inForce = timelineFor(opts.asOf, opts.timeline);
  const list = allArticles().map((a) => {
    // High-risk rules apply from different dates for Annex III and Annex I systems.
    const highRisk = hasAnnexIDate(a.number);
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
        // Dates in words, as findings, hovers, reports and aims diff write them (the JSON keeps ISO dates).
        (annexI
          ? `${formatDate(d.effective.date)} for Annex III systems, ${formatDate(annexI.effective.date)} for Annex I systems`
          : formatDate(d.effective.date)) +
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
  if (wantsHelp('rules', args, io)) return 0;
  const list = allRuleInfos();
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else {
    // Columns as wide as the longest code and severity, with two spaces between.
    const code = Math.max(...list.map((r) => r.code.length)) + 2;
    const severity = Math.max(...list.map((r) => r.severity.length)) + 2;
    io.stdout.write(list.map((r) => `${r.code.padEnd(code)}${r.severity.padEnd(severity)}${r.summary}`).join('\n') + '\n');
  }
  return 0;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function init(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--organisation'], ['--force', '--help']);
  if (wantsHelp('init', args, io)) return 0;
  const folder = path.resolve(io.cwd, args.positional[0] ?? '.');
  if (fs.existsSync(folder) && !isFolder(folder)) throw new UsageError(`${shown(io.cwd, folder)} is a file; init takes a folder`);
  const org = args.flags.get('--organisation');
  const files = starterWorkspace(typeof org === 'string' ? org : 'Your organisation', today());
  const clashes = Object.keys(files).filter((f) => fs.existsSync(path.join(folder, f)));
  if (clashes.length && !args.flags.has('--force')) {
    throw new UsageError(`${clashes.join(', ')} already exist in ${path.relative(io.cwd, folder) || '.'}; use --force to overwrite`);
  }
  for (const [rel, text] of Object.entries(files)) {
    writeSafely(folder, path.join(folder, rel), text, io.cwd, true);
    io.stdout.write(`created ${path.relative(io.cwd, path.join(folder, rel))}\n`);
  }
  io.stdout.write(
    '\nNext: replace every TODO (the checker lists them as placeholder-text), decide each Annex A control in soa.aims.yaml,\nthen run `aims check` and add your AI systems (one file each under systems/).\n',
  );
  return 0;
}
