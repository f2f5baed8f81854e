import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkActRef } from '../../server/src/core/catalog/refs';
import { complete } from '../../server/src/services/complete';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { checkFiles, fakeFs, find, ROOT } from '../helpers/workspace';
import { parseFile } from '../../server/src/core';
import { checkWorkspace } from '../../server/src/core/check-workspace';
import { computeCoverage } from '../../server/src/core/coverage';
import { defaultOptions } from '../../server/src/core/types';

/** The canonical form of a valid reference, or the message of an invalid one. */
function check(s: string, amended = false): { ok: boolean; text: string } {
  const r = checkActRef(s, { amended });
  return r.ok ? { ok: true, text: r.ref.canonical } : { ok: false, text: r.message };
}

function accepts(s: string, canonical: string, amended = false): void {
  const r = check(s, amended);
  assert.ok(r.ok, `${s}: ${r.text}`);
  assert.equal(r.text, canonical);
}

function rejects(s: string, words: RegExp, amended = false): void {
  const r = check(s, amended);
  assert.ok(!r.ok, `${s} should be rejected, got ${r.text}`);
  assert.match(r.text, words);
}

describe('Article 3: numbered definitions, not paragraphs', () => {
  it('accepts a definition point and a lettered sub-point', () => {
    accepts('Art. 3(12)', 'Art. 3(12)');
    accepts('Article 3 (1)', 'Art. 3(1)');
    accepts('Art. 3(68)', 'Art. 3(68)');
    accepts('Art. 3(49)(c)', 'Art. 3(49)(c)');
    accepts('Art. 3(45)(b)', 'Art. 3(45)(b)');
  });
  it('rejects definitions and sub-points that do not exist, saying what does', () => {
    rejects('Art. 3(69)', /definitions \(1\) to \(68\); there is no point \(69\)/);
    rejects('Art. 3(0)', /definitions \(1\) to \(68\)/);
    rejects('Art. 3(49)(e)', /Art\. 3\(49\) \(serious incident\) has points \(a\) to \(d\); there is no point \(e\)/);
    rejects('Art. 3(12)(a)', /Art\. 3\(12\) \(intended purpose\) has no lettered points/);
    rejects('Art. 3(a)', /numbered definitions/);
    accepts('Art. 5(1)(h)(iii)', 'Art. 5(1)(h)(iii)');
    rejects('Art. 5(1)(h)(iii)(a)', /does not exist/);
  });
});

describe('paragraph suffixes are never cut', () => {
  it('rejects an inserted paragraph the Act does not have instead of reading it as the whole article', () => {
    rejects('Art. 17(1a)', /Article 17 .* has paragraphs 1 to 4; there is no paragraph 1a/);
    rejects('Art 17 (2b)', /no paragraph 2b/);
    rejects('Art. 26(x)', /no paragraph x/);
  });
  it('never offers a canonical form that drops part of what was written', () => {
    for (const s of ['Art. 5(1a)', 'Art. 6(1b)', 'Art. 17(1a)', 'Art.5(1A)', 'Art 5 (1a)']) {
      for (const amended of [false, true]) {
        const r = check(s, amended);
        if (r.ok) assert.match(r.text, /\(1[ab]\)$/i, `${s} → ${r.text}`);
      }
    }
  });
});

describe('provisions the Digital Omnibus on AI reportedly adds', () => {
  const REPORTED = [
    'Art. 5(1)(ba)',
    'Art. 5(1)(bb)',
    'Art. 5(1a)',
    'Art. 6(1a)',
    'Art. 6(1b)',
    'Art. 6(1c)',
    'Art. 111(4)',
    'Art. 113(d)',
    'Annex I(21)',
  ];
  for (const s of REPORTED) {
    it(`${s}: not in the 2024 text, with a note that the amendment reportedly adds it`, () => {
      rejects(s, /not in Regulation \(EU\) 2024\/1689 as adopted.*Digital Omnibus on AI \(2026\) reportedly adds it/);
    });
    it(`${s}: accepted, and marked reported, when the amended timeline is in force`, () => {
      accepts(s, s, true);
      const r = checkActRef(s, { amended: true });
      assert.ok(r.ok && r.ref.reported, 'marked as reported');
    });
  }
  it('still rejects what the amendment is not reported to add', () => {
    rejects('Art. 6(1d)', /no paragraph 1d/, true);
    rejects('Art. 5(1)(bc)', /no point \(bc\)/, true);
    rejects('Art. 111(5)', /paragraphs 1 to 3/, true);
    rejects('Annex I(22)', /points 1 to 20/, true);
  });
});

describe('annexes are checked by their own structure', () => {
  it('Annex I: points 1 to 20, in Section A (1-12) or Section B (13-20)', () => {
    accepts('Annex I(1)', 'Annex I(1)');
    accepts('Annex I(12)', 'Annex I(12)');
    accepts('Annex I(20)', 'Annex I(20)');
    accepts('Annex I Section B', 'Annex I Section B');
    accepts('Annex I, Section A', 'Annex I Section A');
    rejects('Annex I(0)', /points 1 to 20/);
    rejects('Annex I(21)', /points 1 to 20/);
    rejects('Annex I(5)(a)', /no lettered points/);
    rejects('Annex I Section C', /Sections A and B/);
  });
  it('Annex VIII: Sections A to C, each numbered from 1', () => {
    accepts('Annex VIII Section A', 'Annex VIII Section A');
    accepts('Annex VIII Section A(13)', 'Annex VIII Section A(13)');
    accepts('Annex VIII, Section c(5)', 'Annex VIII Section C(5)');
    accepts('Annex VIII(B)', 'Annex VIII Section B');
    rejects('Annex VIII Section D', /Sections A to C/);
    rejects('Annex VIII Section B(10)', /Section B of Annex VIII has points 1 to 9/);
    rejects('Annex VIII(3)', /Sections A to C/);
  });
  it('the other annexes: their points, sections and letters', () => {
    accepts('Annex IV(9)', 'Annex IV(9)');
    accepts('Annex IV(2)(h)', 'Annex IV(2)(h)');
    rejects('Annex IV(10)', /Annex IV has points 1 to 9/);
    rejects('Annex IV(1)(i)', /point 1 of Annex IV has points \(a\) to \(h\)/);
    rejects('Annex IV(3)(a)', /point 3 of Annex IV has no lettered points/);
    accepts('Annex V(8)', 'Annex V(8)');
    rejects('Annex V(9)', /points 1 to 8/);
    accepts('Annex VI(4)', 'Annex VI(4)');
    rejects('Annex VI(5)', /points 1 to 4/);
    accepts('Annex VII(4.7)', 'Annex VII(4.7)');
    accepts('Annex VII(2)', 'Annex VII(2)');
    rejects('Annex VII(4.8)', /points 4\.1 to 4\.7/);
    rejects('Annex VII(6)', /Sections 1 to 5/);
    rejects('Annex VII(2.1)', /Section 2 of Annex VII has no numbered points/);
    accepts('Annex IX(5)', 'Annex IX(5)');
    rejects('Annex IX(6)', /points 1 to 5/);
    accepts('Annex X(7)', 'Annex X(7)');
    rejects('Annex X(8)', /points 1 to 7/);
    accepts('Annex XI Section 2(3)', 'Annex XI Section 2(3)');
    rejects('Annex XI Section 2(4)', /points 1 to 3/);
    rejects('Annex XI Section 3', /Sections 1 and 2/);
    accepts('Annex XII(2)', 'Annex XII(2)');
    rejects('Annex XII(3)', /points 1 to 2/);
    accepts('Annex XIII(g)', 'Annex XIII(g)');
    rejects('Annex XIII(h)', /points \(a\) to \(g\)/);
    rejects('Annex XIII(1)', /points \(a\) to \(g\)/);
    accepts('Annex II', 'Annex II');
    rejects('Annex II(3)', /unnumbered list/);
  });
});

const SYS =
  'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n';

describe('reference findings follow the timeline in force', () => {
  const record = SYS + 'obligations:\n  Art. 6(1a): { status: gap }\n  Art. 17(1a): { status: gap }\n';
  it('accepts a reported provision when the amended timeline is in force, never an invented one', () => {
    const d = checkFiles({ 's.aims.yaml': record }, { asOf: '2026-11-23', timeline: 'in-force' })['s.aims.yaml'];
    const invalid = find(d, 'invalid-act-reference');
    assert.deepEqual(
      invalid.map((x) => x.range.start.line),
      [11],
    );
    assert.match(invalid[0].message, /Article 17 .* no paragraph 1a/);
    assert.deepEqual(find(d, 'non-canonical-act-reference'), []);
  });
  it('reports the reported provision as not existing when the 2024 text is pinned', () => {
    const d = checkFiles({ 's.aims.yaml': record }, { asOf: '2026-11-23', timeline: 'original' })['s.aims.yaml'];
    const invalid = find(d, 'invalid-act-reference');
    assert.equal(invalid.length, 2);
    assert.match(invalid[0].message, /Art\. 6\(1a\) is not in Regulation \(EU\) 2024\/1689 as adopted/);
    assert.match(invalid[0].message, /reported \(Digital Omnibus on AI, 2026; Official Journal text not verified\)/);
  });
  it('reports it before the amendment was in force, whatever the setting', () => {
    const d = checkFiles({ 's.aims.yaml': record }, { asOf: '2026-05-01', timeline: 'in-force' })['s.aims.yaml'];
    assert.equal(find(d, 'invalid-act-reference').length, 2);
  });
});

describe('an obligation keyed by a reported provision counts for its article', () => {
  it('is shown in the coverage, not dropped with its (1a)', () => {
    const files = [parseFile(`${ROOT}/s.aims.yaml`, SYS + 'obligations:\n  Art. 6(1a): { status: met }\n')];
    const options = defaultOptions({ asOf: '2026-11-23' });
    const r = checkWorkspace(ROOT, files, options, fakeFs([]));
    const refs = computeCoverage(r.index, r.diagnostics, options).systems[0].obligations.map((o) => o.ref);
    assert.ok(refs.includes('Art. 6(1a)'), refs.join(', '));
  });
});

function hoverText(text: string, opts: { timeline?: 'in-force' | 'original'; asOf?: string } = {}): string {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
  const cfg = config();
  const h = hover(file, ws, position, {
    ...cfg,
    options: { ...cfg.options, timeline: opts.timeline ?? 'in-force', asOf: opts.asOf ?? cfg.options.asOf },
  });
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

describe('hover on references', () => {
  it('quotes an Article 3 definition with its number and attribution', () => {
    const t = hoverText(SYS + 'notes: see Art. 3(1|2)\n');
    assert.match(t, /\*\*Art\. 3\(12\)\*\* intended purpose/);
    assert.match(t, /‘intended purpose’ means/);
    assert.match(t, /Source: Regulation \(EU\) 2024\/1689/);
  });
  it('quotes the lettered sub-point of a definition', () => {
    const t = hoverText(SYS + 'notes: see Art. 3(49)(|c)\n');
    assert.match(t, /\*\*Art\. 3\(49\)\(c\)\*\* serious incident, point \(c\)/);
  });
  it('labels a reported provision under the amended timeline', () => {
    const t = hoverText(SYS + 'notes: see Art. 6(1|a)\n');
    assert.match(t, /\*\*Art\. 6\(1a\)\*\*/);
    assert.match(t, /reported \(Digital Omnibus on AI, 2026; Official Journal text not verified\)/);
    assert.match(t, /safety component/);
  });
  it('says a reported provision is not in the 2024 text when that text is pinned', () => {
    const t = hoverText(SYS + 'notes: see Art. 6(1|a)\n', { timeline: 'original' });
    assert.match(t, /not in Regulation \(EU\) 2024\/1689 as adopted/);
    assert.doesNotMatch(t, /\*\*Art\. 6\*\* Classification/);
  });
  it('finds a reference written with a space before the parenthesis', () => {
    const t = hoverText(SYS + 'notes: see Article 6 (1|a) here\n', { timeline: 'original' });
    assert.match(t, /Art\. 6\(1a\)/);
  });
  it('names the Annex I point, its section and what Section B means', () => {
    const a = hoverText(SYS + 'notes: see Annex I(1|1)\n');
    assert.match(a, /Annex I\(11\)/);
    assert.match(a, /Section A/);
    assert.match(a, /Regulation \(EU\) 2017\/745/);
    const b = hoverText(SYS + 'notes: see Annex I(1|8)\n');
    assert.match(b, /Section B/);
    assert.match(b, /Art\. 2\(2\)/);
  });
  it('names the Annex VIII section', () => {
    const t = hoverText(SYS + 'notes: see Annex VIII Section |B\n');
    assert.match(t, /Art\. 49\(2\)/);
  });
});

describe('completion of Article 3 and Annex I references', () => {
  const labels = (text: string): string[] => {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
    return complete(file, ws, position, config()).items.map((i) => i.label);
  };
  it('offers the 68 definitions after Art. 3(', () => {
    const l = labels(SYS + 'obligations:\n  Art. 3(|');
    assert.equal(l.length, 68);
    assert.ok(l.includes('Art. 3(12)'));
  });
  it('offers the 20 Annex I points with their legislation', () => {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': SYS + 'obligations:\n  Annex I(|' }, 's.aims.yaml');
    const items = complete(file, ws, position, config()).items;
    assert.equal(items.length, 20);
    const eleven = items.find((i) => i.label === 'Annex I(11)');
    assert.match(eleven?.detail ?? '', /Regulation \(EU\) 2017\/745/);
    assert.equal(eleven?.labelDetails?.description, 'Section A');
    assert.equal(items.find((i) => i.label === 'Annex I(13)')?.labelDetails?.description, 'Section B');
  });
  it('offers the lettered sub-points of a definition', () => {
    assert.deepEqual(labels(SYS + 'obligations:\n  Art. 3(49)(|'), ['Art. 3(49)(a)', 'Art. 3(49)(b)', 'Art. 3(49)(c)', 'Art. 3(49)(d)']);
  });
});
