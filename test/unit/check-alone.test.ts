import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFile, checkFileAlone } from '../../server/src/core/check';
import { defaultOptions, type Diagnostic } from '../../server/src/core/types';
import { buildIndex } from '../../server/src/core/workspace';
import { parseFile } from '../../server/src/core/yaml/parse';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';
import { RULE_CASES } from '../rule-cases';

const key = (d: Diagnostic): string => `${d.range.start.line + 1}:${d.range.start.character} ${d.code} ${d.message}`;

/**
 * What an open document shows while its folder is still being read (core/check.ts `checkFileAlone`)
 * must be findings the whole check also makes: the later check only adds findings about other files.
 */
describe('the findings of a file checked without its workspace', () => {
  const fs = fakeFs(EXISTING);
  const kept = new Set<string>();
  for (const c of RULE_CASES) {
    if (['file-too-large', 'binary-content', 'too-many-findings'].includes(c.code)) continue;
    it(`are among those of the whole check (${c.code})`, () => {
      const options = defaultOptions({ asOf: c.asOf ?? '2026-11-23' });
      const texts: Record<string, string> = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(c.excluded ?? []), ...c.extra };
      if (c.bad !== '') texts[c.file] = c.bad;
      const files = Object.entries(texts).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
      const ws = buildIndex(ROOT, files);
      for (const file of files) {
        const whole = checkFile(file, ws, options, fs).map(key);
        const alone = checkFileAlone(file, ROOT, options, fs).map(key);
        for (const k of alone) assert.ok(whole.includes(k), `${file.path}: ${k} is not a finding of the whole check`);
        if (file.path === `${ROOT}/${c.file}` && alone.some((k) => k.includes(` ${c.code} `))) kept.add(c.code);
      }
    });
  }

  it('keep what the file says on its own and leave out what needs the others', () => {
    // Found alone: syntax, structure, values, dates, references to the Act.
    for (const code of ['yaml-syntax', 'duplicate-key', 'unknown-key', 'invalid-value', 'invalid-act-reference', 'invalid-date'])
      assert.ok(kept.has(code), `${code} is not found alone`);
    // Needs other files: a control the SoA does not list, a risk no register holds.
    for (const code of ['obligation-control-not-in-soa', 'unknown-risk', 'unknown-system'])
      assert.ok(!kept.has(code), `${code} found alone`);
  });

  it('leave out a finding about the workspace that reading the folder would withdraw', () => {
    const record = parseFile(`${ROOT}/systems/a.aims.yaml`, 'aims: 1\nkind: AISystem\nid: a\n');
    const alone = checkFileAlone(record, ROOT, defaultOptions({ asOf: '2026-11-23' }), fs).map((d) => d.code);
    const withoutOthers = checkFile(record, buildIndex(ROOT, [record]), defaultOptions({ asOf: '2026-11-23' }), fs).map((d) => d.code);
    assert.ok(withoutOthers.includes('missing-manifest'), 'a folder without a manifest is reported');
    assert.ok(!alone.includes('missing-manifest'));
    assert.ok(alone.includes('missing-key'), `the record's own missing keys are reported: ${alone.join(', ')}`);
  });
});
