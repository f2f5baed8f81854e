// The README's terminal examples, run: every `$ aims …` shown in a ```text block prints what the
// README says it prints. A line that is only "…" stands for lines left out, and a line ending in
// "…" for the rest of that line; everything else must be printed as shown, in that order, and the
// output must end where the example ends.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aims, brokenExample, EXAMPLES, ROOT_DIR, temp } from './helpers';

const FIXTURES = join(ROOT_DIR, 'test', 'fixtures', 'import');

/** The folder each example runs in, set up as the README's text around it describes. */
const SETUPS: Record<string, () => string> = {
  'aims check --as-of 2026-11-23': () => join(EXAMPLES, 'acme-lending'),
  // "with the title of A.2.2 changed to "AI risk assessment" in a copy of the example"
  'aims check --as-of 2026-11-23 | head -1': () =>
    brokenExample('soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n'),
  'aims check systems/credit-scoring.aims.yaml --as-of 2026-11-23': () => join(EXAMPLES, 'acme-lending'),
  // An SoA table with an ID column beside a column of names, and the mistakes the README lists.
  'aims import soa-2025.csv --as-of 2026-11-23': () => {
    const dir = temp();
    writeFileSync(join(dir, 'soa-2025.csv'), readFileSync(join(FIXTURES, 'id-and-name.csv')));
    return dir;
  },
  // "in a folder that has an SoA": the example, and a table that changes A.9.4 and adds Annex B guidance.
  'aims import audit-2026.csv --dry-run': () => {
    const dir = join(temp(), 'acme');
    cpSync(join(EXAMPLES, 'acme-lending'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'audit-2026.csv'),
      'Ref,Included?,Reason for inclusion / exclusion,Implementation status\n' +
        'A.9.4,Yes,Every system has an intended-use statement signed by its owner.,Implemented\n' +
        'B.9.4,Yes,Followed when writing intended-use statements,\n',
    );
    return dir;
  },
};
/** Examples other tests compare with the program. */
const ELSEWHERE: Record<string, string> = {
  'aims --help': 'test/cli/cli.test.ts',
  'aims diff --git main': 'test/unit/legal-audit.test.ts (against the golden output of the same change)',
};

/** Each `$ …` command of the README's text blocks with the lines shown below it. */
function examples(): { command: string; shown: string[] }[] {
  const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
  const out: { command: string; shown: string[] }[] = [];
  for (const block of readme.matchAll(/```text\n([^]*?)```/g)) {
    for (const part of block[1].split(/^(?=\$ )/m)) {
      if (!part.startsWith('$ ')) continue;
      const [first, ...rest] = part.replace(/\n+$/, '').split('\n');
      out.push({
        command: first
          .slice(2)
          .replace(/\s+#.*$/, '')
          .replace(/^cd \S+ && /, ''),
        shown: rest,
      });
    }
  }
  return out;
}

/** Where the printed lines first differ from the lines shown, or undefined if they agree. */
function mismatch(shown: string[], printed: string[]): string | undefined {
  let j = 0;
  let gap = false;
  for (const line of shown) {
    if (line.trim() === '…') {
      gap = true;
      continue;
    }
    const fits = (p: string) => (line.endsWith('…') ? p.startsWith(line.slice(0, -1)) : p === line);
    const at = gap ? printed.findIndex((p, k) => k >= j && fits(p)) : fits(printed[j] ?? '') ? j : -1;
    if (at < 0)
      return `the README shows ${JSON.stringify(line)}; the program prints ${JSON.stringify(printed[j] ?? '(nothing more)')} there`;
    j = at + 1;
    gap = false;
  }
  if (!gap && j < printed.length) return `the program prints more than the README shows: ${JSON.stringify(printed[j])}`;
  return undefined;
}

describe('the README’s terminal examples', () => {
  const all = examples();
  it('are each run by a test', () => {
    assert.deepEqual(
      all.map((e) => e.command).filter((c) => !(c in SETUPS) && !(c in ELSEWHERE)),
      [],
    );
  });
  for (const { command, shown } of all.filter((e) => e.command in SETUPS)) {
    it(`$ ${command}`, async () => {
      const head = / \| head -(\d+)$/.exec(command);
      const args = command
        .replace(/ \| head -\d+$/, '')
        .split(' ')
        .slice(1);
      const r = await aims(args, SETUPS[command]());
      assert.equal(r.err, '');
      const printed = r.out.replace(/\n$/, '').split('\n');
      const problem = mismatch(shown, head ? printed.slice(0, Number(head[1])) : printed);
      assert.equal(problem, undefined);
    });
  }
});
