import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIELDS, importTable, unifiedDiff, type Field } from '../core/import';
import { countsLine, reportLines } from '../core/import/summary';
import { parseFile } from '../core/yaml/parse';
import { defaultOptions, today } from '../core/types';
import { findAimsFiles, toCorePath } from '../node/find-files';
import { readNamedFile } from '../node/read-file';
import { dateOption, parseArgs, UsageError } from './args';
import { reason, writeSafely } from './files';
import { formatText, logLine } from './formats';
import { plainLine } from '../core/safe-text';
import { checkSingleFile, loadFile } from './load-workspace';
import type { Io } from './main';

export const IMPORT_USAGE =
  'aims import <table.csv|.tsv|.md|.xlsx> [-o soa.aims.yaml] [--dry-run] [--force]\n              [--columns "Header=field;…"] [--as-of YYYY-MM-DD]';

/** `--columns "Included?=applicable;Reason=justification"`: the user's column meanings. */
function columnsOption(v: string | true | undefined): Record<string, Field> {
  if (v === undefined) return {};
  if (v === true) throw new UsageError('--columns needs "Header=field" pairs separated by ";"');
  const out: Record<string, Field> = {};
  for (const pair of v.split(';').filter((p) => p.trim())) {
    const eq = pair.lastIndexOf('=');
    const field = pair.slice(eq + 1).trim() as Field;
    if (eq <= 0 || !FIELDS.includes(field)) throw new UsageError(`--columns: "${pair}" is not Header=field (fields: ${FIELDS.join(', ')})`);
    out[pair.slice(0, eq).trim()] = field;
  }
  return out;
}

/** The SoA files below a folder (any *.aims.yaml whose kind is StatementOfApplicability). */
function soaFilesIn(folder: string): string[] {
  return findAimsFiles(folder).filter((f) => {
    try {
      return /^kind:\s*StatementOfApplicability\s*$/m.test(fs.readFileSync(f, 'utf8').slice(0, 64 * 1024));
    } catch {
      return false;
    }
  });
}

/**
 * `aims import`: reads a table, then writes a new SoA, or merges into the SoA
 * the folder already has (never a second one). `--dry-run` prints the diff
 * and writes nothing. The report lists rows read, written and needing
 * attention, then the checker's findings on the result.
 */
export async function importCommand(argv: string[], io: Io, help: string): Promise<number> {
  const args = parseArgs(argv, ['-o', '--output', '--as-of', '--columns'], ['--force', '--dry-run', '--help']);
  if (args.flags.has('--help')) {
    io.stdout.write(help);
    return 0;
  }
  const [input] = args.positional;
  if (!input) throw new UsageError(`import needs a table: ${IMPORT_USAGE}`);
  const asOf = dateOption(args, '--as-of');
  const src = path.resolve(io.cwd, input);
  let bytes: Uint8Array;
  try {
    bytes = readNamedFile(src);
  } catch (e) {
    throw new UsageError(`cannot read ${input}: ${reason(e)}`);
  }
  const outArg = args.flags.get('-o') ?? args.flags.get('--output');
  if (outArg === true) throw new UsageError('-o needs a file name');
  // The folder the import writes into: the working folder, unless -o names a place outside it.
  const lexical = outArg ? path.resolve(io.cwd, outArg) : undefined;
  if (lexical && fs.statSync(lexical, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`${outArg} is a folder; -o takes a file name ending in .aims.yaml`);
  const underCwd = !lexical || !path.relative(io.cwd, lexical).startsWith('..');
  const folder = underCwd ? io.cwd : path.dirname(lexical);
  const existing = lexical ? (fs.existsSync(lexical) ? [lexical] : []) : soaFilesIn(folder);
  if (existing.length > 1)
    throw new UsageError(
      `${existing.map((f) => path.relative(io.cwd, f)).join(', ')} are all Statements of Applicability; name the one to update with -o`,
    );
  const out = lexical ?? existing[0] ?? path.join(folder, 'soa.aims.yaml');
  if (!/\.aims\.ya?ml$/.test(out)) throw new UsageError('the output file must end in .aims.yaml');
  const shown = path.relative(io.cwd, out) || out;
  const merge = existing.length === 1 && !args.flags.has('--force');
  let before: string | undefined;
  if (merge) {
    try {
      if (fs.lstatSync(out).isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; refusing to write through it`);
      before = readNamedFile(out).toString('utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot read ${shown}: ${reason(e)}`);
    }
    if (parseFile(toCorePath(out), before).kind !== 'StatementOfApplicability')
      throw new UsageError(`${shown} exists and is not a StatementOfApplicability; choose another file with -o`);
  }
  const result = await importTable(
    { name: path.basename(src), bytes },
    {
      existing: before === undefined ? undefined : { path: toCorePath(out), text: before },
      mapping: columnsOption(args.flags.get('--columns')),
    },
  );
  if (result.error) throw new UsageError(result.error);

  const source = path.basename(src);
  const dry = args.flags.has('--dry-run');
  // The diff quotes the table's cells: each line is shown safe for a terminal or CI log (formats.ts).
  if (dry)
    io.stdout.write(
      unifiedDiff(shown, before ?? '', result.text)
        .split('\n')
        .map((l) => logLine(plainLine(l)))
        .join('\n'),
    );
  const verb = dry ? (merge ? 'Would update' : 'Would write') : merge ? 'Updated' : 'Wrote';
  const unchanged = merge && result.text === before;
  io.stdout.write(
    `${unchanged ? `${shown} already says what ${source} says` : `${verb} ${shown} from ${source}`}: ${countsLine(result)}.\n`,
  );
  for (const l of reportLines(result)) io.stdout.write(`${logLine(l)}\n`);
  if (dry || unchanged) return 0;
  writeSafely(folder, out, result.text, io.cwd, merge || args.flags.has('--force'));
  // The checker's findings on the file right away: what the table got wrong.
  const ws = checkSingleFile(loadFile(out, io.cwd), shown, defaultOptions({ asOf: asOf ?? today() }), io.cwd);
  io.stdout.write(formatText([ws], io.cwd));
  return 0;
}
