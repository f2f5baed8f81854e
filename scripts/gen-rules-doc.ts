/**
 * Writes docs/rules.md from the rule registry and the failing/passing cases
 * the unit tests run (test/rule-cases.ts), so docs and tests cannot drift.
 * `--check` exits 1 when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRuleInfos } from '../server/src/core/check';
import { RULE_CASES } from '../test/rule-cases';

/** Long examples are cut to the lines around the marked one. */
function excerpt(text: string, focus?: number): string {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.length <= 24) return lines.join('\n');
  const at = focus ?? lines.length - 1;
  const from = Math.max(0, Math.min(at - 8, lines.length - 16));
  const out = lines.slice(from, from + 16);
  if (from > 0) out.unshift(`# … ${from} line(s) above omitted`);
  if (from + 16 < lines.length) out.push(`# … ${lines.length - from - 16} line(s) below omitted`);
  return out.join('\n');
}

export function buildRulesDoc(): string {
  const out: string[] = [
    '# Rules',
    '',
    'Every finding the checker reports, with its stable code, default severity, why it matters, and a failing and a passing example.',
    'The examples are the ones the unit tests run (`test/rule-cases.ts`); this page is generated from them by `npm run docs:rules`.',
    'Severities can be changed per code with the `aims.severity` setting (or `off`).',
    '',
    'In the examples, `# <--` marks the line where the finding appears. Each example sits in a workspace with a clean manifest,',
    'a Statement of Applicability listing all 38 Annex A controls, and the evidence files it names.',
    '',
    '| code | severity | what it reports |',
    '|---|---|---|',
    ...allRuleInfos().map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const r of allRuleInfos()) {
    const c = RULE_CASES.find((x) => x.code === r.code);
    out.push(`## ${r.code}`, '', `Severity: **${r.severity}**. ${r.summary}`, '');
    if (!c) continue;
    out.push(c.why, '');
    const marked = c.bad.split('\n').findIndex((l) => l.includes('# <--'));
    const isText = c.bad.startsWith('(');
    out.push(`Failing (\`${c.file}\`):`, '', isText ? c.bad : '```yaml\n' + excerpt(c.bad, marked >= 0 ? marked : undefined) + '\n```', '');
    out.push('Passing:', '', c.good === '' ? `(no such file: ${c.file} removed or merged)` : '```yaml\n' + excerpt(c.good) + '\n```', '');
  }
  return out.join('\n');
}

const target = join(__dirname, '..', 'docs', 'rules.md');
if (require.main === module) {
  const text = buildRulesDoc();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('docs/rules.md is stale: run `npm run docs:rules`.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
