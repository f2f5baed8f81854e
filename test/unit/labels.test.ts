import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/core';
import { checkWorkspace } from '../../server/src/core/check-workspace';
import { computeCoverage } from '../../server/src/core/coverage';
import type { ObligationCoverage } from '../../server/src/core/coverage-types';
import { renderReport, REPORT_FORMATS } from '../../server/src/core/report';
import { defaultOptions, type Timeline } from '../../server/src/core/types';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { MANIFEST, soa, SYSTEM } from '../helpers/fixtures';
import { checkFiles, fakeFs, find, ROOT } from '../helpers/workspace';

/** The label every surface puts next to an amended date or provision. */
const REPORTED = /reported/;

const ANNEX_III = SYSTEM;
const ANNEX_I = SYSTEM.replace('  basis: annex-iii\n  annexIII: Annex III(4)(a)\n', '  basis: annex-i\n');

function hoverText(text: string, timeline: Timeline = 'in-force', asOf = '2026-11-23'): string {
  const { file, ws, position } = workspaceAt({ 's.aims.yaml': text }, 's.aims.yaml');
  const cfg = config();
  const h = hover(file, ws, position, { ...cfg, options: { ...cfg.options, timeline, asOf } });
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

/** The sentence of a hover that names a date. */
function sentenceWith(t: string, date: string): string {
  const s = t.split(/(?<=\.)\s+|\n+/).find((x) => x.includes(date));
  assert.ok(s, `a sentence with ${date} in:\n${t}`);
  return s;
}

describe('the amended date is labelled reported in the hover, whichever timeline is in force', () => {
  for (const timeline of ['in-force', 'original'] as const) {
    it(`Art. 9 of an Annex III system, timeline ${timeline}`, () => {
      const t = hoverText(ANNEX_III.replace('  Art. 9:', '  Art. |9:'), timeline);
      assert.match(sentenceWith(t, '2 December 2027'), REPORTED);
      assert.doesNotMatch(sentenceWith(t, '2 August 2026'), /Digital Omnibus/);
    });
  }
  it('says which timeline is in force, labelled reported when it is the amended one', () => {
    assert.match(
      hoverText(ANNEX_III.replace('  Art. 9:', '  Art. |9:')),
      /in force on the reference date: as amended by the Digital Omnibus on AI \(2026\), reported/,
    );
  });
});

describe('the amended date of Art. 43-49, 72 and 73 is labelled an inference', () => {
  for (const article of [43, 47, 49, 72, 73]) {
    it(`Art. ${article}`, () => {
      const t = hoverText(ANNEX_III.replace(`  Art. ${article}:`, `  Art. |${article}:`));
      const s = sentenceWith(t, '2 December 2027');
      assert.match(s, REPORTED);
      assert.match(s, /inferred/);
      assert.match(s, /Chapter III, Sections 1 to 3/);
    });
  }
  it('but not for Art. 9 to 27, which the amendment reportedly moves itself', () => {
    for (const article of [9, 17, 26]) {
      const t = hoverText(ANNEX_III.replace(`  Art. ${article}:`, `  Art. |${article}:`));
      assert.doesNotMatch(t, /inferred/, `Art. ${article}`);
    }
  });
});

describe('Art. 6(1) gives the Annex I dates under both timelines', () => {
  for (const [name, rec] of [
    ['an Annex III record', ANNEX_III],
    ['an Annex I record', ANNEX_I],
  ] as const) {
    it(`on ${name}`, () => {
      const t = hoverText(rec + 'notes: Art. 6(|1)\n');
      assert.match(sentenceWith(t, '2 August 2027'), /Article 113, third paragraph, point \(c\)/);
      assert.match(sentenceWith(t, '2 August 2028'), REPORTED);
    });
  }
});

describe('Art. 4 follows the adopted effort duty', () => {
  it('quotes the Official Journal wording and labels the reported rewording', () => {
    const t = hoverText(ANNEX_III.replace('  Art. 4:', '  Art. |4:'));
    assert.match(t, /take measures to ensure, to their best extent, a sufficient level of AI literacy/);
    assert.match(t, /support the development of AI literacy/);
    assert.match(sentenceWith(t, 'support the development'), REPORTED);
    assert.doesNotMatch(t, /promoted/);
    assert.doesNotMatch(t, /This date is for a high-risk system/, 'the Art. 4 date does not depend on the high-risk basis');
  });
});

describe('finding messages label amended dates', () => {
  const record = ANNEX_III.replace('  Art. 9: { status: partial }\n', '');
  for (const timeline of ['in-force', 'original'] as const) {
    it(`missing-obligation, timeline ${timeline}`, () => {
      const d = find(checkFiles({ 's.aims.yaml': record }, { timeline })['s.aims.yaml'], 'missing-obligation');
      assert.equal(d.length, 1);
      assert.match(d[0].message, /2 December 2027 \(as amended by the Digital Omnibus on AI \(2026\), reported/);
    });
  }
});

function coverageOf(timeline: Timeline) {
  const files = [
    parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST),
    parseFile(`${ROOT}/soa.aims.yaml`, soa()),
    parseFile(`${ROOT}/hiring.aims.yaml`, ANNEX_III),
  ];
  const options = defaultOptions({ asOf: '2026-11-23', timeline });
  const r = checkWorkspace(ROOT, files, options, fakeFs([]));
  return computeCoverage(r.index, r.diagnostics, options);
}

describe('reports and tree tooltips label amended dates', () => {
  for (const timeline of ['in-force', 'original'] as const) {
    for (const format of REPORT_FORMATS) {
      it(`${format} report, timeline ${timeline}`, () => {
        const out = renderReport([coverageOf(timeline)], format);
        if (format === 'json') {
          // JSON carries dates as data: each obligation with an amended date carries the labelled note.
          const ws = (JSON.parse(out) as { workspaces: { timelineNote: string; systems: { obligations: ObligationCoverage[] }[] }[] })
            .workspaces[0];
          assert.match(ws.timelineNote, REPORTED);
          const amended = ws.systems[0].obligations.filter((o) => o.appliesFrom === '2027-12-02' || o.otherDate === '2027-12-02');
          assert.ok(amended.length > 0);
          for (const o of amended)
            assert.match(o.dateNote ?? '', /2 December 2027 \(as amended by the Digital Omnibus on AI \(2026\), reported/);
          return;
        }
        // Every line (or CSV row) that shows the amended date says it is reported.
        const lines = out.split(/\r?\n/).filter((l) => l.includes('2027-12-02') || l.includes('2 December 2027'));
        assert.ok(lines.length > 0, 'the amended date is shown');
        for (const l of lines) assert.match(l, REPORTED, l);
      });
    }
    it(`the server supplies the date note the tree shows, timeline ${timeline}`, () => {
      const art9 = coverageOf(timeline).systems[0].obligations.find((o) => o.article === 9)!;
      assert.match(art9.dateNote ?? '', /2 December 2027 \(as amended by the Digital Omnibus on AI \(2026\), reported/);
      assert.match(art9.dateNote ?? '', /2 August 2026 \(Regulation \(EU\) 2024\/1689 as adopted/);
    });
  }
});

describe("an obligation's timeline says which text its date comes from, not which text is in force", () => {
  // The tree labels a date "(reported amendment)" from this field: Art. 4 applies from 2 February
  // 2025 under the 2024 text, which the amendment does not move.
  for (const timeline of ['in-force', 'original'] as const) {
    it(`timeline ${timeline}`, () => {
      const obligations = coverageOf(timeline).systems[0].obligations;
      const art4 = obligations.find((o) => o.ref === 'Art. 4')!;
      assert.equal(art4.appliesFrom, '2025-02-02');
      assert.equal(art4.timeline, 'original');
      const art9 = obligations.find((o) => o.ref === 'Art. 9')!;
      assert.equal(art9.timeline, timeline === 'in-force' ? 'omnibus' : 'original');
    });
  }
});
