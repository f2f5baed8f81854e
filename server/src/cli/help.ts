import pkg from '../../../package.json';
import { DIFF_HELP } from './diff-command';
import { IMPORT_USAGE } from './import-command';

const EXIT_CODES = `Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on,
2 the command could not run as asked (usage, unreadable or missing input, nothing to check,
output that cannot be written), 3 an internal error (a bug: please report it).`;

/** Each command's own help: `aims help <command>` and `aims <command> --help`. */
export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: aims check [folder|file|- …] [options]

Checks AIMS files (*.aims.yaml, *.aims.yml) and prints the findings and a coverage summary.
Each folder is one AIMS (one manifest, one SoA, system records, risk registers); without a
target the current folder is checked. A file is checked within its workspace and only its own
findings are reported and counted: the workspace is the nearest folder at or above the file that
holds the manifest (a file with kind: AIMS), searched no higher than the repository root (a
folder with .git) and never in the home folder or the filesystem root; without one, the file's
own folder. \`-\` reads one AIMS file from standard input, checked as a file of the current
folder (shown as <stdin>). Paths in every format are relative to the current folder.

Options:
  --format text|json|sarif        text (default): file:line:col severity code message;
                                  json: {findings, results: [{target, folder, files,
                                  findings, diagnostics, coverage}]}, 0-based LSP ranges;
                                  sarif: SARIF 2.1.0 for code scanning
  --as-of YYYY-MM-DD              reference date for date-dependent checks (default: today)
  --timeline in-force|original    the AI Act as in force on that date (default), or Art. 113
                                  as adopted in 2024
  --fail-on error|warning|never   the lowest severity that makes the exit code 1 (default: error)
  --no-evidence-check             do not test whether evidence files exist
  --allow-empty                   exit 0 when a target holds no AIMS files (default: exit 2)

A folder is searched to 20 levels, 20,000 folders and 50,000 AIMS files; the environment
variable AIMS_MAX_FILES sets another number of files.

${EXIT_CODES}
`,
  diff: DIFF_HELP,
  controls: `Usage: aims controls [--format text|json]

Lists the 38 Annex A controls of ISO/IEC 42001 (ids and short titles).
`,
  articles: `Usage: aims articles [--format text|json] [--as-of YYYY-MM-DD] [--timeline in-force|original]

Lists the 113 articles of Regulation (EU) 2024/1689 (the AI Act), with chapter and the date
each applies from on the reference date (default: today), under the text in force then or, with
--timeline original, Article 113 as adopted in 2024. Amended dates are labelled "reported".
`,
  rules: `Usage: aims rules [--format text|json]

Lists every finding the checker reports: code, default severity, summary.
`,
  import: `Usage: ${IMPORT_USAGE}

Reads a Statement of Applicability kept as a spreadsheet (.xlsx, CSV, TSV) or Markdown table and
writes soa.aims.yaml, or merges into the SoA the folder already has (never a second one; -o names
the file, which must end in .aims.yaml). --dry-run prints the change and writes nothing; --force
replaces the file instead of merging; --columns says what a column holds when its header does
not ("Included?=applicable;Reason=justification"). Then prints the file's findings.
`,
  init: `Usage: aims init [folder] [--organisation NAME] [--force]

Writes a starter workspace (manifest, SoA, one system record, a risk register) into the folder
(default: the current one). --force overwrites files that exist.
`,
  lsp: `Usage: aims lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Runs the AIMS language server for any LSP editor, on the transport given.
`,
  help: `Usage: aims help <command>

Explains one command and its options (the same as aims <command> --help); without a command,
lists them all (aims --help).
`,
};

export const COMMANDS = Object.keys(COMMAND_HELP);

/** \`aims --help\`: every command in one screen. */
export const OVERVIEW = `aims ${pkg.version}: checks AI management system files (ISO/IEC 42001, EU AI Act)

Usage:
  aims check [folder|file|- …] [--format text|json|sarif] [--as-of YYYY-MM-DD]
             [--timeline in-force|original] [--fail-on error|warning|never]
             [--no-evidence-check] [--allow-empty]
  aims diff <base> <head> | --git <ref> [folder] [--format text|markdown|json]
            [--fail-on never|new-gaps|new-findings|new-errors]   what a change did to coverage
  aims controls [--format text|json]      the 38 Annex A controls of ISO/IEC 42001
  aims articles [--format text|json] [--as-of YYYY-MM-DD] [--timeline in-force|original]
                                          the 113 articles of Regulation (EU) 2024/1689 and their dates
  aims rules [--format text|json]         every finding the checker reports
  ${IMPORT_USAGE}
  aims init [folder] [--organisation NAME] [--force]
  aims lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME
                                          the language server, for any LSP editor
  aims help <command>                     one command in detail
  aims --version

${EXIT_CODES}
`;
