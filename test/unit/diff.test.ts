import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions, parseFile } from '../../server/src/core';
import {
  anchorOf,
  checkTexts,
  diffVersions,
  diffWithBase,
  evidencePaths,
  mdCode,
  mdText,
  plain,
  renderDeltaMarkdown,
  renderDeltaText,
  treeFileSystem,
  type CheckedVersion,
} from '../../server/src/core/diff';
import { EXISTING, MANIFEST, SYSTEM, soa } from '../helpers/fixtures';
import { fakeFs, ROOT } from '../helpers/workspace';

const OPTIONS = defaultOptions({ asOf: '2026-11-23' });

/** A checked in-memory version of a workspace under ROOT. */
function version(files: Record<string, string>, existing = EXISTING): CheckedVersion {
  return checkTexts(
    ROOT,
    Object.entries(files).map(([path, text]) => ({ path, text })),
    OPTIONS,
    fakeFs(existing),
  );
}

const WS = { 'aims.aims.yaml': MANIFEST, 'soa.aims.yaml': soa(), 'systems/hiring.aims.yaml': SYSTEM };
const diff = (a: CheckedVersion, b: CheckedVersion) => diffVersions(a, b, { base: 'base', head: 'head' });

describe('anchorOf', () => {
  const file = parseFile(
    '/ws/x.aims.yaml',
    'kind: RiskRegister\nrisks:\n  R-1:\n    controls: [A.7.4, A.5.4]\n    steps:\n      - { who: a }\n      - { who: b }\n',
  );
  const at = (line: number, character: number) => anchorOf(file, { start: { line, character }, end: { line, character } });
  it('names the keys leading to a position, list items by value or index', () => {
    assert.deepEqual(at(0, 0), ['kind']);
    assert.deepEqual(at(2, 2), ['risks', 'R-1']);
    assert.deepEqual(at(3, 4), ['risks', 'R-1', 'controls']);
    assert.deepEqual(at(3, 23), ['risks', 'R-1', 'controls', 'A.5.4']);
    assert.deepEqual(at(6, 15), ['risks', 'R-1', 'steps', '[1]', 'who']);
  });
  it('is the same when lines are added above', () => {
    const moved = parseFile('/ws/x.aims.yaml', `# a comment\n# another\n${file.text}`);
    assert.deepEqual(anchorOf(moved, { start: { line: 5, character: 23 }, end: { line: 5, character: 23 } }), [
      'risks',
      'R-1',
      'controls',
      'A.5.4',
    ]);
  });
});

describe('diffVersions', () => {
  it('finds no change between a version and itself moved down by comment lines', () => {
    const broken = { ...WS, 'soa.aims.yaml': soa().replace('    status: implemented\n', '') };
    const moved = { ...broken, 'soa.aims.yaml': `# Reviewed.\n\n${broken['soa.aims.yaml']}` };
    const d = diff(version(broken), version(moved));
    assert.ok(version(broken).diagnostics.get('/ws/soa.aims.yaml')!.length > 0, 'the base has a finding to match');
    assert.deepEqual(d.findings, { introduced: [], fixed: [] });
    assert.deepEqual([d.controls, d.gaps.opened, d.gaps.closed, d.systems.changed], [[], [], [], []]);
    assert.match(renderDeltaText(d), /^ {2}no change to coverage or findings$/m);
  });

  it('counts equal findings: one of two fixed is one fixed', () => {
    const art9 = (controls: string) => ({
      ...WS,
      'systems/hiring.aims.yaml': SYSTEM.replace('  Art. 9: { status: partial }', `  Art. 9: { status: partial, controls: [${controls}] }`),
    });
    const d = diff(version(art9('A.9.9, A.9.9')), version(art9('A.9.9')));
    assert.equal(d.findings.introduced.length, 0);
    assert.deepEqual(
      d.findings.fixed.map((f) => [f.code, f.anchor.join('/'), f.range.start.character]),
      [['invalid-iso-reference', 'obligations/Art. 9/controls/A.9.9', 47]],
    );
  });

  it('treats a record that keeps its file but changes its id as the same system, renamed', () => {
    const renamed = { ...WS, 'systems/hiring.aims.yaml': SYSTEM.replace('id: hiring', 'id: cv-screening') };
    const d = diff(version(WS), version(renamed));
    assert.deepEqual([d.systems.added, d.systems.removed], [[], []]);
    assert.deepEqual(d.systems.changed, [
      {
        id: 'cv-screening',
        name: 'CV screening',
        file: 'systems/hiring.aims.yaml',
        changes: [{ field: 'id', before: 'hiring', after: 'cv-screening' }],
        obligations: [],
      },
    ]);
    assert.match(renderDeltaText(d), /^ {2}cv-screening \(CV screening\): id hiring → cv-screening$/m);
  });

  it('closes the gaps of a removed system and says why', () => {
    const gappy = SYSTEM.replace('  Art. 9: { status: partial }\n', '');
    const d = diff(version({ ...WS, 'systems/hiring.aims.yaml': gappy }), version({ ...WS, 'systems/hiring.aims.yaml': '' }));
    assert.deepEqual(
      d.systems.removed.map((s) => [s.id, s.gaps]),
      [['hiring', 1]],
    );
    assert.deepEqual(d.gaps.closed, [
      {
        type: 'obligation',
        system: 'hiring',
        ref: 'Art. 9',
        article: 9,
        title: 'Risk management system',
        status: 'missing',
        via: 'system-removed',
      },
    ]);
    assert.match(renderDeltaText(d), /^ {2}hiring Art\. 9 Risk management system: missing \(system removed\)$/m);
  });

  it('matches an obligation by article when its reference is written more precisely', () => {
    const precise = { ...WS, 'systems/hiring.aims.yaml': SYSTEM.replace('  Art. 9: { status: partial }', '  Art. 9(2): { status: met }') };
    const d = diff(version(WS), version(precise));
    const o = d.systems.changed[0].obligations;
    assert.deepEqual(
      o.map((x) => [x.ref, x.change, x.changes]),
      [['Art. 9(2)', 'changed', [{ field: 'status', before: 'partial', after: 'met' }]]],
    );
  });

  it('reports obligations no longer required when a system is reclassified', () => {
    const minimal = {
      ...WS,
      'systems/hiring.aims.yaml': SYSTEM.replace(
        '  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n',
        '  tier: minimal\n  basis: none\n',
      ),
    };
    const d = diff(version(WS), version(minimal));
    const s = d.systems.changed[0];
    assert.deepEqual(s.changes.slice(0, 2), [
      { field: 'tier', before: 'high', after: 'minimal' },
      { field: 'basis', before: 'annex-iii', after: 'none' },
    ]);
    const lost = s.obligations.filter((o) => o.change === 'lost').map((o) => o.ref);
    assert.ok(lost.includes('Art. 9') && lost.includes('Art. 43'), lost.join());
    assert.ok(!lost.includes('Art. 4'), 'AI literacy applies to every provider and deployer');
    assert.match(renderDeltaText(d), /^ {4}Art\. 9 Risk management system: no longer required$/m);
  });

  it('compares fields the coverage gains later, and evidence entries that become objects', () => {
    const b = version(WS);
    const h = version(WS);
    const control = h.coverage.annexA.topics[0].controls[0] as unknown as Record<string, unknown>;
    control.reviewedOn = '2027-01-10';
    control.evidence = [{ path: 'evidence/x.md', reviewedOn: '2027-01-10' }];
    control.details = { nested: true };
    const obligation = h.coverage.systems[0].obligations[0] as unknown as Record<string, unknown>;
    obligation.applicability = 'applies';
    const d = diff(b, h);
    assert.deepEqual(d.controls[0].changes, [
      { field: 'evidence', added: ['evidence/x.md {"reviewedOn":"2027-01-10"}'], removed: ['evidence/x.md'] },
      { field: 'reviewedOn', after: '2027-01-10' },
    ]);
    assert.deepEqual(d.systems.changed[0].obligations[0].changes, [{ field: 'applicability', after: 'applies' }]);
  });
});

describe('escaping user text', () => {
  const hostile = 'Evil\u001b[31m\nname <img src=x onerror=alert(1)> **bold** [link](http://x) @org/team | `tick` \u202eRTL';

  it('keeps a terminal line one line, with no escape sequence', () => {
    const t = plain(hostile);
    assert.doesNotMatch(t, /[\u0000-\u001f\u007f-\u009f\u202e]/);
    assert.equal(t, 'Evil\\x1b[31m\\nname <img src=x onerror=alert(1)> **bold** [link](http://x) @org/team | `tick` \\u{202e}RTL');
  });

  it('renders Markdown text as the same characters and nothing else', () => {
    assert.equal(
      mdText(hostile),
      'Evil\\\\x1b\\[31m name &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\[link\\]\\(http://x\\) @\u200borg/team \\| \\`tick\\` \\\\u{202e}RTL',
    );
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x`'), '`` `x` ``');
    assert.equal(mdCode(''), '` `');
  });

  it('escapes a system that tries to inject Markdown, HTML or terminal codes in every format', () => {
    const evil = SYSTEM.replace('id: hiring', "id: 'a`b<i>'").replace(
      'name: CV screening',
      `name: "${hostile
        .replace(/\u001b/g, '\\e')
        .replace(/\n/g, '\\n')
        .replace(/\u202e/g, '\\u202E')}"`,
    );
    const d = diff(version(WS), version({ ...WS, 'systems/evil.aims.yaml': evil }));
    assert.equal(d.systems.added[0].name, hostile);
    const text = renderDeltaText(d);
    assert.doesNotMatch(text, /[\u001b\u202e]/);
    assert.match(text, /^ {2}a`b<i> \(Evil\\x1b\[31m\\nname <img/m);
    const md = renderDeltaMarkdown(d);
    assert.doesNotMatch(md, /<img|\*\*bold|@org|\u001b|\u202e/);
    assert.equal(md.split('<i>').length, 2, 'the one <i> is inside a code span');
    assert.match(md, /^- ``a`b<i>`` \(Evil\\\\x1b\\\[31m name &lt;img/m);
  });
});

describe('versions given as texts', () => {
  it('a tree file system knows listed files and their folders, and follows links', () => {
    const fs = treeFileSystem(
      '/ws',
      ['evidence/a.md', 'docs/link', 'up'],
      new Map([
        ['docs/link', '../evidence'],
        ['up', '../../etc'],
      ]),
    );
    assert.deepEqual(
      ['/ws/evidence/a.md', '/ws/evidence', '/ws', '/ws/evidence/b.md', '/other/a.md'].map((p) => fs.exists(p)),
      [true, true, true, false, false],
    );
    assert.equal(fs.realpath!('/ws/docs/link/a.md'), '/ws/evidence/a.md');
    assert.equal(fs.realpath!('/ws/up/passwd'), '/etc/passwd');
  });

  it('lists the evidence the files name inside the folder, for the client to look up', () => {
    const files = [
      {
        path: 'soa.aims.yaml',
        text: soa().replace('evidence: [evidence/x.md]', 'evidence: [evidence/y.md, ../outside.md, https://example.org/p]'),
      },
      { path: '../escape.aims.yaml', text: soa() },
    ];
    assert.deepEqual(evidencePaths(ROOT, files), ['evidence/x.md', 'evidence/y.md']);
  });

  it('without the list of existing evidence, checks evidence on neither side', () => {
    const head = version(WS, []);
    assert.ok([...head.diagnostics.values()].flat().some((d) => d.code === 'evidence-missing'));
    const files = Object.entries(WS).map(([path, text]) => ({ path, text }));
    const d = diffWithBase(ROOT, head.files, fakeFs([]), { label: 'main', files }, OPTIONS, 'workspace');
    assert.deepEqual(d.findings, { introduced: [], fixed: [] });
    const strict = diffWithBase(ROOT, head.files, fakeFs([]), { label: 'main', files, existing: EXISTING }, OPTIONS, 'workspace');
    assert.ok(strict.findings.introduced.length > 0 && strict.findings.introduced.every((f) => f.code === 'evidence-missing'));
  });
});
