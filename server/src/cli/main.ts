import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../../package.json';
import { allArticles } from '../core/catalog/act';
import { allControls } from '../core/catalog/iso';
import { allRuleInfos } from '../core/check';
import { importSoaTable } from '../core/import-soa';
import { starterWorkspace } from '../core/init-workspace';
import { defaultOptions, today, type CheckOptions, type Severity } from '../core/types';
import { isAimsFile, parseFile, type ParsedFile } from '../core/yaml/parse';
import { choice, dateOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { reason, shown, writeText } from './files';
import { formatJson, formatSarif, formatText, relativePath } from './formats';
import { COMMAND_HELP, COMMANDS, OVERVIEW } from './help';
import { checkAlone, checkFolder, loadFile, workspaceRootOf, type CheckedWorkspace } from './load-workspace';
import { toCorePath } from '../node/find-files';
import { count } from '../core/wording';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  /** The whole of standard input (for `aims check -`). */
  readStdin(): string;
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
      io.stderr.write(`aims: ${e.message}\n`);
      return 2;
    }
    // A bug, not a finding: never exit 1, which CI reads as "the AIMS has errors".
    io.stderr.write(
      `aims: internal error: ${e instanceof Error ? e.message : String(e)} (please report this; set AIMS_DEBUG=1 to see where it happened)\n`,
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
    case 'controls':
      return controls(rest, io);
    case 'articles':
      return articles(rest, io);
    case 'rules':
      return rules(rest, io);
    case 'import':
      return importCmd(rest, io);
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
    throw new UsageError(`lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n${COMMAND_HELP.lsp.trimEnd()}`);
  }
  const { startServer } = await import('../server');
  startServer();
  return -1;
}

const ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

function check(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format', '--as-of', '--timeline', '--fail-on'], ['--no-evidence-check', '--allow-empty', '--help']);
  if (wantsHelp('check', args, io)) return 0;
  const format = choice(args, '--format', ['text', 'json', 'sarif'] as const, 'text');
  const failOn = choice(args, '--fail-on', ['error', 'warning', 'never'] as const, 'error');
  const options: CheckOptions = defaultOptions({
    asOf: dateOption(args, '--as-of') ?? today(),
    timeline: choice(args, '--timeline', ['in-force', 'original'] as const, 'in-force'),
    checkEvidence: !args.flags.has('--no-evidence-check'),
  });
  const targets = args.positional.length ? args.positional : ['.'];
  if (targets.filter((t) => t === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  const checked = targets.map((t) => checkTarget(t, options, io, args.flags.has('--allow-empty')));
  const out =
    format === 'json'
      ? formatJson(checked, io.cwd)
      : format === 'sarif'
        ? formatSarif(checked, io.cwd, pkg.version)
        : formatText(checked, io.cwd);
  io.stdout.write(out);
  if (failOn === 'never') return 0;
  const threshold = ORDER.indexOf(failOn);
  const worst = checked.reduce(
    (w, ws) => ws.files.reduce((v, f) => (ws.diagnostics.get(f.path) ?? []).reduce((x, d) => Math.max(x, ORDER.indexOf(d.severity)), v), w),
    -1,
  );
  return worst >= threshold ? 1 : 0;
}

/** Checks one command-line target: a folder (one AIMS), one file within its workspace, or standard input. */
function checkTarget(t: string, options: CheckOptions, io: Io, allowEmpty: boolean): CheckedWorkspace {
  if (t === '-') {
    const file = parseFile(toCorePath(path.join(io.cwd, '<stdin>')), io.readStdin());
    return single(file, '<stdin>', options, io.cwd);
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
    const ws = checkFolder(abs, options, io.cwd);
    if (!ws.files.length && !allowEmpty) {
      throw new UsageError(`no AIMS files (*.aims.yaml, *.aims.yml) in ${label}; pass --allow-empty if that is expected`);
    }
    return { ...ws, target: label };
  }
  if (!stat.isFile()) throw new UsageError(`${t} is not a regular file`);
  if (!isAimsFile(abs)) {
    if (!allowEmpty) throw new UsageError(`${t} is not an AIMS file (the name must end in .aims.yaml or .aims.yml)`);
    return { ...checkAlone(undefined, path.dirname(abs), options), target: label, single: true };
  }
  return single(loadFile(abs, io.cwd), label, options, io.cwd);
}

/** One file checked within its workspace (found from the file's place), reporting its own findings only. */
function single(file: ParsedFile, target: string, options: CheckOptions, cwd: string): CheckedWorkspace {
  const native = path.resolve(file.path);
  const root = workspaceRootOf(native);
  const ws = root ? checkFolder(root, options, cwd, file) : checkAlone(file, path.dirname(native), options);
  return { ...ws, files: ws.files.filter((f) => f.path === file.path), target, single: true };
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
  const args = parseArgs(argv, ['--format'], ['--help']);
  if (wantsHelp('articles', args, io)) return 0;
  const list = allArticles().map((a) => ({
    number: a.number,
    title: a.title,
    chapter: a.chapter,
    paragraphs: a.paragraphs,
    appliesFrom: a.appliesFrom,
  }));
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else
    io.stdout.write(
      list.map((a) => `Art. ${String(a.number).padEnd(4)} ${a.title} (Chapter ${a.chapter}, applies from ${a.appliesFrom})`).join('\n') +
        '\n',
    );
  return 0;
}

function rules(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--format'], ['--help']);
  if (wantsHelp('rules', args, io)) return 0;
  const list = allRuleInfos();
  if (choice(args, '--format', ['text', 'json'] as const, 'text') === 'json') io.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else io.stdout.write(list.map((r) => `${r.code.padEnd(34)}${r.severity.padEnd(12)}${r.summary}`).join('\n') + '\n');
  return 0;
}

function importCmd(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['-o', '--output', '--as-of'], ['--force', '--help']);
  if (wantsHelp('import', args, io)) return 0;
  const asOf = dateOption(args, '--as-of') ?? today();
  const [input] = args.positional;
  if (!input) throw new UsageError('import needs a CSV or Markdown file');
  const src = path.resolve(io.cwd, input);
  let text: string;
  try {
    text = fs.readFileSync(src, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${input}: ${reason(e)}`);
  }
  const outArg = args.flags.get('-o') ?? args.flags.get('--output');
  const out = path.resolve(io.cwd, typeof outArg === 'string' ? outArg : 'soa.aims.yaml');
  if (isFolder(out)) throw new UsageError(`${shown(io.cwd, out)} is a folder; -o takes a file name ending in .aims.yaml`);
  if (!/\.aims\.ya?ml$/.test(out)) throw new UsageError('the output file must end in .aims.yaml');
  if (fs.existsSync(out) && !args.flags.has('--force'))
    throw new UsageError(`${path.relative(io.cwd, out)} exists; use --force to overwrite it`);
  const result = importSoaTable(text, path.basename(src));
  writeText(out, result.yaml, io.cwd);
  io.stdout.write(`Wrote ${relativePath(io.cwd, toCorePath(out))}: ${count(result.imported, 'row')} imported.\n`);
  for (const p of result.problems) io.stderr.write(`${input}${p.row ? `:${p.row}` : ''}: ${p.message}\n`);
  // Findings for the new file right away: what the table got wrong.
  const ws = single(loadFile(out, io.cwd), relativePath(io.cwd, toCorePath(out)), defaultOptions({ asOf }), io.cwd);
  io.stdout.write(formatText([ws], io.cwd));
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
    writeText(path.join(folder, rel), text, io.cwd);
    io.stdout.write(`created ${path.relative(io.cwd, path.join(folder, rel))}\n`);
  }
  io.stdout.write(
    '\nNext: replace every TODO (the checker lists them as placeholder-text), decide each Annex A control in soa.aims.yaml,\nthen run `aims check` and add your AI systems (one file each under systems/).\n',
  );
  return 0;
}
