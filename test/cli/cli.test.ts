import assert from 'node:assert/strict';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aims, brokenExample, ROOT_DIR, temp } from './helpers';

describe('aims check', () => {
  it('finds nothing in the examples and prints the coverage summary', async () => {
    const r = await aims(['check', 'acme-lending', 'starter', '--as-of', '2026-11-23']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /Annex A: 38\/38 addressed, 0 gaps/);
    assert.match(r.out, /credit-scoring \(high, Annex III\(5\)\(b\)\): 16 met, 5 partial, 1 gap, 0 missing/);
    assert.match(r.out, /0 errors, 0 warnings/);
  });

  it('prints compiler-style lines and exits 1 on an error', async () => {
    const dir = brokenExample('soa.aims.yaml', '    title: AI policy\n', '    title: AI risk assessment\n');
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^soa\.aims\.yaml:9:12 error soa-title-mismatch The title of A\.2\.2 is "AI policy", not "AI risk assessment"/m);
  });

  it('--fail-on decides the exit code', async () => {
    const dir = brokenExample('aims.aims.yaml', 'nextReview: 2027-03-01', 'nextReview: 2026-10-01');
    assert.equal((await aims(['check', dir, '--as-of', '2026-11-23'])).code, 0);
    assert.equal((await aims(['check', dir, '--as-of', '2026-11-23', '--fail-on', 'warning'])).code, 1);
    assert.equal((await aims(['check', dir, '--as-of', '2026-11-23', '--fail-on', 'never'])).code, 0);
  });

  it('--as-of moves date findings', async () => {
    const early = await aims(['check', 'acme-lending', '--as-of', '2026-11-23']);
    const late = await aims(['check', 'acme-lending', '--as-of', '2027-04-01']);
    assert.doesNotMatch(early.out, /policy-review-overdue/);
    assert.match(late.out, /aims\.aims\.yaml:\d+:\d+ warning policy-review-overdue/);
  });

  it('prints JSON with 0-based positions and paths relative to the current folder', async () => {
    const dir = brokenExample('systems/credit-scoring.aims.yaml', '  Art. 9:\n', '  Art. 9(3):\n');
    const r = await aims(['check', '.', '--format', 'json', '--as-of', '2026-11-23'], dir);
    type Json = {
      results: {
        diagnostics: { file: string; range: { start: { line: number; character: number } }; severity: string; code: string }[];
        coverage: { annexA: { total: number } };
      }[];
    };
    const json = JSON.parse(r.out) as Json;
    assert.equal(r.code, 0);
    assert.equal(json.results[0].coverage.annexA.total, 38);
    const d = json.results[0].diagnostics.find((x) => x.code === 'invalid-act-reference');
    assert.equal(d, undefined, 'Art. 9(3) exists');
    const dir2 = brokenExample('systems/credit-scoring.aims.yaml', '  Art. 9:\n', '  Art. 9(11):\n');
    const j2 = JSON.parse((await aims(['check', '.', '--format', 'json', '--as-of', '2026-11-23'], dir2)).out) as Json;
    const bad = j2.results[0].diagnostics.find((x) => x.code === 'invalid-act-reference')!;
    assert.equal(bad.file, 'systems/credit-scoring.aims.yaml');
    assert.deepEqual(bad.range.start, { line: 32, character: 2 });
    assert.equal(bad.severity, 'error');
  });

  it('prints valid SARIF 2.1.0 with 1-based regions and rule metadata', async () => {
    const dir = brokenExample('risk/risk-register.aims.yaml', 'controls: [A.7.4, A.5.4]', 'controls: [A.7.4, A.10.4]');
    const r = await aims(['check', '.', '--format', 'sarif', '--as-of', '2026-11-23'], dir);
    const s = JSON.parse(r.out) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.equal(s.version, '2.1.0');
    assert.match(s.$schema, /sarif-2\.1\.0/);
    assert.ok(s.runs[0].tool.driver.rules.some((x) => x.id === 'risk-control-excluded' && x.defaultConfiguration.level === 'error'));
    const res = s.runs[0].results.find((x) => x.ruleId === 'risk-control-excluded')!;
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'risk/risk-register.aims.yaml');
    assert.deepEqual([res.locations[0].physicalLocation.region.startLine, res.locations[0].physicalLocation.region.startColumn], [14, 23]);
  });

  it('exits 2 with a clear message on usage errors and unreadable paths', async () => {
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', 'no-such-folder'],
      ['check', '--as-of', '23.11.2026'],
      ['check', '--bogus'],
      ['frobnicate'],
    ]) {
      const r = await aims(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^aims: .+\n$/);
    }
  });
});

describe('aims controls, articles, rules', () => {
  it('lists the catalog as JSON', async () => {
    const c = JSON.parse((await aims(['controls', '--format', 'json'])).out) as { id: string; title: string }[];
    assert.equal(c.length, 38);
    assert.deepEqual(c[0], { id: 'A.2.2', title: 'AI policy', topic: 'A.2', topicTitle: 'Policies related to AI' });
    const a = JSON.parse((await aims(['articles', '--format', 'json'])).out) as { number: number; title: string }[];
    assert.equal(a.length, 113);
    assert.equal(a[16].title, 'Quality management system');
    assert.match((await aims(['rules'])).out, /soa-missing-justification\s+error/);
  });
});

describe('aims check: what each system is, in the summary', () => {
  it('names a general-purpose AI model as such and an Annex I product by its point', async () => {
    const dir = temp();
    const record = (id: string, body: string) =>
      writeFileSync(join(dir, `${id}.aims.yaml`), `aims: 1\nkind: AISystem\nid: ${id}\nname: ${id}\n${body}`);
    record('lm', 'operatorRoles: [provider]\ngeneralPurposeModel: true\nclassification: { tier: minimal, basis: none }\n');
    record(
      'ecg',
      'operatorRoles: [provider]\nclassification: { tier: high, basis: annex-i, annexI: Annex I(11), thirdPartyAssessment: true }\n',
    );
    record('draft', 'operatorRoles: [deployer]\nclassification: {}\n');
    const r = await aims(['check', '.', '--as-of', '2026-11-23', '--fail-on', 'never'], dir);
    assert.match(r.out, /^ {4}lm \(general-purpose AI model\): 0 met/m);
    assert.match(r.out, /^ {4}ecg \(high, Annex I\(11\)\): 0 met/m);
    assert.match(r.out, /^ {4}draft \(not classified\): /m);
  });
});

describe('aims rules, help', () => {
  it('keeps the columns of aims rules apart, whatever the length of a code', async () => {
    const lines = (await aims(['rules'])).out.trim().split('\n');
    for (const l of lines) assert.match(l, /^[a-z0-9-]+ {2,}(error|warning|information|hint) {2,}\S/, l);
    const at = (l: string) => l.search(/ (error|warning|information|hint) /);
    assert.equal(new Set(lines.map(at)).size, 1, 'one column for the severity');
  });
  it('aims help help explains help', async () => {
    const r = await aims(['help', 'help']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Usage: aims help <command>/);
  });
  it('shows --as-of in the usage of aims import, as its own help does', async () => {
    assert.match((await aims(['--help'])).out, /aims import <table\.csv\|\.tsv\|\.md\|\.xlsx> [^\n]*\n[^\n]*\[--as-of YYYY-MM-DD\]\n/);
  });
  it('the README shows aims --help as it prints', async () => {
    const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
    const shown = /\$ aims --help\n([^]*?)```/.exec(readme);
    assert.ok(shown, 'the README has the usage block');
    assert.equal(shown[1], (await aims(['--help'])).out);
  });
  it('gives the same exit codes in aims help diff as everywhere', async () => {
    assert.match((await aims(['help', 'diff'])).out, /3 an internal error/);
  });
});

describe('aims articles: dates on the reference date and timeline', () => {
  const line = (out: string, n: number): string => out.split('\n').find((l) => l.startsWith(`Art. ${String(n).padEnd(4)} `)) ?? '';
  it('gives the amended high-risk dates, labelled reported, once the amendment is in force', async () => {
    const r = await aims(['articles', '--as-of', '2026-11-23']);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out.split('\n')[0],
      /as of 2026-11-23: as amended by the Digital Omnibus on AI \(2026\), reported \(Official Journal text not verified\)/,
    );
    // Dates read as in every other output ("2 August 2026"); JSON keeps ISO dates.
    assert.match(line(r.out, 9), /2 December 2027 for Annex III systems, 2 August 2028 for Annex I systems; reported/);
    assert.match(line(r.out, 43), /2 December 2027 for Annex III systems, 2 August 2028 for Annex I systems; reported, inferred/);
    assert.match(line(r.out, 5), /applies from 2 February 2025\)/);
  });
  it('follows the 2024 text when pinned or before the amendment was in force', async () => {
    for (const args of [
      ['--as-of', '2026-11-23', '--timeline', 'original'],
      ['--as-of', '2026-05-01'],
    ]) {
      const r = await aims(['articles', ...args]);
      assert.match(r.out.split('\n')[0], /Regulation \(EU\) 2024\/1689 as adopted/);
      assert.match(line(r.out, 9), /2 August 2026 for Annex III systems, 2 August 2027 for Annex I systems\)/);
      assert.doesNotMatch(line(r.out, 9), /reported/);
    }
  });
  it('gives no Annex I date to the articles that concern no Annex I system (Art. 7, 27, 49)', async () => {
    // Art. 113(c) defers Art. 6(1) and the obligations that go with it; Art. 7 amends Annex III, Art. 27 and 49 concern
    // Annex III systems only. The list said "2 August 2027 for Annex I systems" (2 August 2028, reported) for them.
    for (const asOf of ['2026-05-01', '2026-11-23']) {
      const r = await aims(['articles', '--as-of', asOf]);
      for (const n of [7, 27, 49]) assert.doesNotMatch(line(r.out, n), /Annex I systems/, `Art. ${n}`);
    }
    const r = await aims(['articles', '--as-of', '2026-05-01']);
    assert.match(line(r.out, 27), /applies from 2 August 2026\)/);
  });
  it('puts the dates and their labels in the JSON', async () => {
    const a = JSON.parse((await aims(['articles', '--format', 'json', '--as-of', '2026-11-23'])).out) as {
      number: number;
      appliesFrom: string;
      appliesFromAnnexI?: string;
      timeline: string;
      dateNote: string;
    }[];
    const art9 = a.find((x) => x.number === 9)!;
    assert.equal(art9.appliesFrom, '2027-12-02');
    assert.equal(art9.appliesFromAnnexI, '2028-08-02');
    assert.equal(art9.timeline, 'omnibus');
    assert.match(art9.dateNote, /reported/);
  });
  it('refuses a malformed reference date', async () => {
    const r = await aims(['articles', '--as-of', '23/11/2026']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--as-of takes a real date written YYYY-MM-DD/);
  });
});

describe('aims check: the header says which text the dates follow', () => {
  it('labels the amended timeline reported', async () => {
    const r = await aims(['check', 'acme-lending', '--as-of', '2026-11-23']);
    assert.match(
      r.out,
      /as of 2026-11-23, dates as amended by the Digital Omnibus on AI \(2026\), reported \(Official Journal text not verified\)/,
    );
  });
});

describe('aims init', () => {
  it('writes a starter workspace with no errors, only placeholders to fill', async () => {
    const dir = temp();
    assert.equal((await aims(['init', 'ws', '--organisation', 'Test GmbH'], dir)).code, 0);
    assert.ok(existsSync(join(dir, 'ws', 'soa.aims.yaml')));
    const r = await aims(['check', 'ws', '--format', 'json'], dir);
    const codes = new Set(
      (JSON.parse(r.out) as { results: { diagnostics: { code: string; severity: string }[] }[] }).results[0].diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.code),
    );
    assert.deepEqual([...codes], []);
    assert.equal((await aims(['init', 'ws'], dir)).code, 2);
  });
});

describe('aims check on a single file', () => {
  it('checks the file within its workspace, so relative evidence and ids resolve', async () => {
    const r = await aims(['check', 'acme-lending/systems/credit-scoring.aims.yaml', '--as-of', '2026-11-23']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /0 errors, 0 warnings/);
  });
});

describe('aims check on a 100 MB file', () => {
  it('reports it from its size alone, quickly, without reading it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'huge.aims.yaml'), '');
    truncateSync(join(dir, 'huge.aims.yaml'), 100 * 1024 * 1024); // sparse: nothing is written
    const t = Date.now();
    const r = await aims(['check', dir]);
    assert.ok(Date.now() - t < 2000);
    assert.equal(r.code, 1);
    assert.match(r.out, /huge\.aims\.yaml:1:1 error file-too-large File is 100\.0 MB/);
  });
});
