/**
 * Generates snippets/aims.code-snippets: the snippets for one entry (an
 * obligation, a risk, a nonconformity). Whole-file snippets (manifest, SoA,
 * system records) are completion items of the language server instead
 * (server/src/services/file-snippets.ts), offered only at the top of an empty
 * file, which a snippet file cannot express. Values to write are "TODO"
 * placeholders, reported by the placeholder-text rule until replaced.
 * Run: `node --import tsx scripts/gen-snippets.ts` (`--check` exits 1 when the
 * committed file is stale; the unit tests do that).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
  scope?: string;
}

export function buildSnippets(): Record<string, Snippet> {
  return {
    Obligation: {
      prefix: ['aims-obligation'],
      description: 'One AI Act obligation of a system record',
      body: [
        'Art. ${1:9}:',
        '  status: ${2|gap,partial,met,not-applicable|}',
        '  evidence: [${3:evidence/file.md}]',
        '  controls: [${4:A.5.2}]',
        '$0',
      ],
    },
    'Evidence with review date': {
      prefix: ['aims-evidence'],
      description:
        "One evidence entry of an evidence list with the date it was last reviewed (checked against the manifest's evidenceMaxAge) and, optionally, when it expires",
      body: [
        '- path: ${1:TODO - path of the evidence}',
        '  reviewedOn: ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
        '${3:  expires: ${4:YYYY-MM-DD}}',
        '$0',
      ],
    },
    Risk: {
      prefix: ['aims-risk'],
      description: 'One risk of a risk register (clauses 6.1.2, 6.1.3)',
      body: [
        '${1:R-1}:',
        '  title: ${2:TODO - what could go wrong}',
        '  system: ${3:system-id}',
        '  likelihood: ${4|rare,unlikely,possible,likely,almost-certain|}',
        '  impact: ${5|negligible,minor,moderate,major,severe|}',
        '  treatment: ${6|mitigate,accept,avoid,transfer|}',
        '  controls: [${7:A.6.2.4}]',
        '  owner: ${8:aims-owner}',
        '  status: ${9|open,treated,accepted,closed|}',
        '$0',
      ],
    },
    Nonconformity: {
      prefix: ['aims-nonconformity'],
      description: 'One nonconformity of the manifest (clause 10.2)',
      body: [
        '${1:NC-1}:',
        '  clause: ${2:8.2}',
        '  description: ${3:TODO - what was found}',
        '  correctiveAction: ${4:TODO - what will be done}',
        '  status: ${5|open,in-progress,closed|}',
        '  due: ${6:YYYY-MM-DD}',
        '$0',
      ],
    },
  };
}

const target = join(__dirname, '..', 'snippets', 'aims.code-snippets');
const text = JSON.stringify(buildSnippets(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('snippets/aims.code-snippets is stale: run `node --import tsx scripts/gen-snippets.ts`.');
    process.exit(1);
  }
} else if (require.main === module) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
