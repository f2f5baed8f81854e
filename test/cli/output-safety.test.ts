import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { aims, tempDir } from '../helpers/cli';
import { repositoryFilesUrl, type PackageLinks } from '../../server/src/cli/project-links';
import { SARIF_SUBSET_SCHEMA, isUri, isUriReference } from './sarif-subset-schema';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** A temporary folder, removed (with everything in it) when the test file ends. */
const tempParent = (): string => tempDir('aims-safety-');

/** What a hostile contributor writes into a record: a workflow command on a line of its own, an OSC 8 link, a CSI, a bidi override. */
const PWN = '\n::error file=x::pwned\r\n##[warning]legacy \u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007 \u009b31m \u202egnp.exe';

/** The example workspace with hostile text in the organisation, a control title, a system id and a file name. */
function hostileWorkspace(): string {
  const dir = join(tempParent(), 'acme');
  cpSync(join(EXAMPLES, 'acme-lending'), dir, { recursive: true });
  const edit = (rel: string, from: string, to: string) => {
    const text = readFileSync(join(dir, rel), 'utf8');
    assert.ok(text.includes(from), `${rel} contains ${from}`);
    writeFileSync(join(dir, rel), text.replace(from, to));
  };
  edit('aims.aims.yaml', 'organisation: Acme Lending GmbH', `organisation: ${JSON.stringify(`Acme${PWN}`)}`);
  edit('soa.aims.yaml', '    title: AI policy\n', `    title: ${JSON.stringify(`AI policy${PWN}`)}\n`);
  edit('systems/support-chatbot.aims.yaml', 'id: support-chatbot', `id: ${JSON.stringify(`::error::${PWN}`)}`);
  const chat = readFileSync(join(dir, 'systems', 'fraud-detection.aims.yaml'), 'utf8');
  writeFileSync(join(dir, '::warning::x y #1 %41 é.aims.yaml'), chat.replace(/^id: .*$/m, 'id: odd-name\nbogus: 1'));
  return dir;
}

describe('CLI output cannot carry workflow commands or terminal escapes from records', () => {
  it('text output keeps user text on its line, with controls shown as escapes', async () => {
    const r = await aims(['check', '.', '--as-of', '2026-11-23'], hostileWorkspace());
    assert.equal(r.code, 1);
    for (const line of r.out.split('\n')) {
      assert.doesNotMatch(line, /^\s*::/, `a line starts a workflow command: ${JSON.stringify(line)}`);
      assert.doesNotMatch(line, /##\[/, `a legacy workflow command: ${JSON.stringify(line)}`);
    }
    assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, 'no control character is printed');
    assert.match(
      r.out,
      /^soa\.aims\.yaml:\d+:\d+ error soa-title-mismatch The title of A\.2\.2 is "AI policy", not "AI policy ::error file=x::pwned #\\x23\[warning\]legacy \\x1b\]8;;http:\/\/evil\.example\\x07click\\x1b\]8;;\\x07 \\x9b31m \\u\{202e\}gnp\.exe"/m,
    );
    assert.match(r.out, /^ {4}\\x3a:error:: ::error file=x::pwned /m, 'a system id that starts with :: is escaped');
    assert.match(r.out, /^\\x3a:warning::x y #1 %41 é\.aims\.yaml:\d+:\d+ /m, 'so is a file name');
  });

  it('JSON output escapes C1 controls and bidi overrides, and names no absolute path', async () => {
    const dir = hostileWorkspace();
    const r = await aims(['check', '.', '--format', 'json', '--as-of', '2026-11-23'], dir);
    assert.doesNotMatch(r.out, /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.doesNotMatch(r.out, /##\[/, 'the runner reads ##[ anywhere in a line, also inside a JSON string');
    const json = JSON.parse(r.out) as unknown;
    assert.deepEqual(absolutePaths(json), [], 'no absolute path');
    assert.deepEqual(valuesOf(json, 'organisation'), [`Acme${PWN}`], 'the data itself is unchanged');
    assert.ok(valuesOf(json, 'file').includes('systems/credit-scoring.aims.yaml'));
  });

  it('JSON output for several folders names no absolute path', async () => {
    const dir = hostileWorkspace();
    const r = await aims(['check', 'acme', join(EXAMPLES, 'starter'), '--format', 'json', '--as-of', '2026-11-23'], join(dir, '..'));
    assert.deepEqual(absolutePaths(JSON.parse(r.out)), []);
  });
});

/** Every value of `key` anywhere in parsed JSON. */
function valuesOf(json: unknown, key: string): unknown[] {
  if (Array.isArray(json)) return (json as unknown[]).flatMap((x) => valuesOf(x, key));
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json as Record<string, unknown>).flatMap(([k, v]) => (k === key ? [v] : []).concat(valuesOf(v, key)));
}

/** Every string in parsed JSON that is an absolute path or a file: URI. */
function absolutePaths(json: unknown): string[] {
  if (typeof json === 'string') return /^(\/|[A-Za-z]:[\\/]|file:)/.test(json) ? [json] : [];
  if (Array.isArray(json)) return (json as unknown[]).flatMap(absolutePaths);
  if (typeof json === 'object' && json !== null) return Object.values(json as Record<string, unknown>).flatMap(absolutePaths);
  return [];
}

describe('aims diff output cannot carry workflow commands either', () => {
  for (const format of ['text', 'markdown', 'json']) {
    it(`${format}: no line starts a workflow command, none holds ##[`, async () => {
      const dir = hostileWorkspace();
      const r = await aims(['diff', join(EXAMPLES, 'acme-lending'), dir, '--format', format, '--as-of', '2026-11-23'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /pwned/, 'the hostile values are in the output');
      for (const line of r.out.split('\n')) {
        assert.doesNotMatch(line, /^\s*::|##\[/, `a workflow command: ${JSON.stringify(line)}`);
      }
      if (format === 'json') assert.ok(JSON.parse(r.out));
    });
  }
});

describe('aims import output cannot carry workflow commands either', () => {
  it('a hostile header or cell is shown on its line, with no workflow command and no control', async () => {
    const dir = join(tempParent(), 'import');

    cpSync(join(EXAMPLES, 'acme-lending', 'aims.aims.yaml'), join(dir, 'aims.aims.yaml'), { recursive: true });
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    writeFileSync(
      join(dir, 'soa.csv'),
      [
        ['Control', 'Applicable', 'Justification', `::warning::x${PWN}`].map(cell).join(','),
        ['A.2.2', 'yes', `Needed${PWN}`, `##[error]z${PWN}`].map(cell).join(','),
        [`::error::A.9.9${PWN}`, 'maybe', 'x', 'y'].map(cell).join(','),
      ].join('\r\n') + '\r\n',
    );
    for (const args of [
      ['import', 'soa.csv', '--dry-run'],
      ['import', 'soa.csv'],
    ]) {
      const r = await aims([...args, '--as-of', '2026-11-23'], dir);
      const out = r.out + r.err;
      assert.match(out, /pwned/, 'the hostile values are in the output');
      for (const line of out.split('\n')) assert.doesNotMatch(line, /^\s*::|##\[/, `${args.join(' ')}: ${JSON.stringify(line)}`);
      assert.doesNotMatch(out, /[\u001b\u0007\u009b\u202e]/, args.join(' '));
    }
  });
});

describe('SARIF output', () => {
  it('is valid against the SARIF 2.1.0 structure, with percent-encoded URIs and no absolute path', async () => {
    const dir = hostileWorkspace();
    const r = await aims(['check', '.', '--format', 'sarif', '--as-of', '2026-11-23'], dir);
    assert.doesNotMatch(r.out, /##\[|[\u007f-\u009f\u202a-\u202e]/);
    assert.deepEqual(absolutePaths(JSON.parse(r.out)), [], 'no absolute path');
    const sarif = JSON.parse(r.out) as {
      runs: {
        tool: { driver: { rules: { id: string; fullDescription: { text: string }; helpUri?: string }[] } };
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addFormat('uri', isUri);
    ajv.addFormat('uri-reference', isUriReference);
    const valid = ajv.validate(SARIF_SUBSET_SCHEMA, sarif);
    assert.ok(valid, ajv.errorsText(ajv.errors));
    const uris = sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('%3A%3Awarning%3A%3Ax%20y%20%231%20%2541%20%C3%A9.aims.yaml'), uris.join('\n'));
    const rules = sarif.runs[0].tool.driver.rules;
    const repo = repositoryFilesUrl(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as PackageLinks);
    for (const rule of rules) {
      assert.match(rule.fullDescription.text, new RegExp(`docs/rules\\.md#${rule.id}\\b`));
      if (repo) assert.equal(rule.helpUri, `${repo}/docs/rules.md#${rule.id}`);
      else assert.equal(rule.helpUri, undefined, 'no helpUri until package.json names the repository');
    }
  });

  it('the structure check itself rejects what the schema rejects', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addFormat('uri', isUri);
    ajv.addFormat('uri-reference', isUriReference);
    const base = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'aims', rules: [] } },
          results: [
            {
              ruleId: 'x',
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.aims.yaml' }, region: { startLine: 1 } } }],
            },
          ],
        },
      ],
    };
    assert.equal(ajv.validate(SARIF_SUBSET_SCHEMA, base), false, 'a space in a URI');
    for (const bad of ['a#b#c', '100%.yaml', 'é.yaml', 'c:/x', '']) assert.equal(isUriReference(bad), bad === '', bad);
    assert.equal(isUriReference('systems/a%20b.aims.yaml'), true);
    assert.equal(isUri('https://example.com/docs/rules.md#x'), true);
    assert.equal(isUri('docs/rules.md'), false);
  });
});

describe('repository links', () => {
  it('reads every shape package.json gives the repository in', () => {
    assert.equal(repositoryFilesUrl({ repository: 'github:acme/aims' }), 'https://github.com/acme/aims/blob/HEAD');
    assert.equal(repositoryFilesUrl({ repository: 'acme/aims' }), 'https://github.com/acme/aims/blob/HEAD');
    assert.equal(
      repositoryFilesUrl({ repository: { type: 'git', url: 'git+https://github.com/acme/aims.git' } }),
      'https://github.com/acme/aims/blob/HEAD',
    );
    assert.equal(repositoryFilesUrl({ repository: { url: 'git@github.com:acme/aims.git' } }), 'https://github.com/acme/aims/blob/HEAD');
    assert.equal(repositoryFilesUrl({ repository: 'gitlab:acme/aims' }), 'https://gitlab.com/acme/aims/-/blob/HEAD');
    assert.equal(
      repositoryFilesUrl({ repository: { url: 'https://github.com/acme/tools.git', directory: 'packages/aims' } }),
      'https://github.com/acme/tools/blob/HEAD/packages/aims',
    );
    assert.equal(repositoryFilesUrl({ homepage: 'https://github.com/acme/aims#readme' }), 'https://github.com/acme/aims/blob/HEAD');
    assert.equal(repositoryFilesUrl({ homepage: 'https://aims.example.org' }), undefined);
    assert.equal(repositoryFilesUrl({}), undefined);
  });
});
