import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { soa } from '../helpers/fixtures';

const SYS =
  'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n';

function hoverText(files: Record<string, string>, at: string, timeline: 'in-force' | 'original' = 'in-force'): string {
  const { file, ws, position } = workspaceAt(files, at);
  const cfg = config();
  const h = hover(file, ws, position, { ...cfg, options: { ...cfg.options, timeline } });
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

describe('hover', () => {
  it('names a control, its topic, the articles it supports and its SoA state', () => {
    const t = hoverText(
      { 'soa.aims.yaml': soa(['A.6.2.8']), 's.aims.yaml': SYS + 'obligations:\n  Art. 12: { status: gap, controls: [A.6.2.|8] }\n' },
      's.aims.yaml',
    );
    assert.match(t, /A\.6\.2\.8 AI system recording of event logs/);
    assert.match(t, /Art\. 12 Record-keeping/);
    assert.match(t, /excluded/);
    assert.match(t, /never satisfies/);
  });
  it('gives both application dates of an Annex III duty and which timeline is in force', () => {
    const t = hoverText({ 's.aims.yaml': SYS + 'obligations:\n  Art. |9: { status: gap }\n' }, 's.aims.yaml');
    assert.match(t, /Risk management system/);
    assert.match(t, /2 December 2027/);
    assert.match(t, /2 August 2026/);
    assert.match(t, /in force on the reference date: as amended by the Digital Omnibus on AI \(2026\)/);
    assert.match(t, /6\.1\.2/);
  });
  it('follows the original 2024 text when the setting pins it', () => {
    const t = hoverText({ 's.aims.yaml': SYS + 'obligations:\n  Art. |9: { status: gap }\n' }, 's.aims.yaml', 'original');
    assert.match(t, /Applies from \*\*2 August 2026\*\*/);
  });
  it("names the amendment's other reported changes and whether a record's market date falls under the Art. 50(2) grace period", () => {
    const limited = SYS.replace('  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n', '  tier: limited\n');
    const early = hoverText(
      { 's.aims.yaml': limited + 'marketDate: 2026-03-01\nobligations:\n  Art. 50(|2): { status: met }\n' },
      's.aims.yaml',
    );
    assert.match(early, /reported \(Digital Omnibus on AI, 2026; Official Journal text not verified\)/);
    assert.match(early, /1 March 2026, is before 2 August 2026, so the grace period covers it until 2 December 2026/);
    const late = hoverText(
      { 's.aims.yaml': limited + 'marketDate: 2026-09-01\nobligations:\n  Art. 50(|2): { status: met }\n' },
      's.aims.yaml',
    );
    assert.match(late, /1 September 2026, is not before 2 August 2026, so the grace period does not cover it/);
    const other = hoverText({ 's.aims.yaml': limited + 'obligations:\n  Art. 50(|1): { status: met }\n' }, 's.aims.yaml');
    assert.doesNotMatch(other, /grace period/);
    assert.match(
      hoverText({ 's.aims.yaml': limited + 'obligations:\n  Art. |5: { status: met }\n' }, 's.aims.yaml'),
      /further prohibited practice[^]*2 December 2026/,
    );
  });
  it('explains an invalid reference', () => {
    assert.match(hoverText({ 's.aims.yaml': SYS + 'obligations:\n  Art. 17(|9): {}\n' }, 's.aims.yaml'), /paragraphs 1 to 4/);
  });
  it('compares ISO and Act meanings of a term and quotes Article 3 with attribution', () => {
    const t = hoverText({ 's.aims.yaml': SYS.replace('[provider]', '[prov|ider]') }, 's.aims.yaml');
    assert.match(t, /ISO\/IEC 42001 \| EU AI Act/);
    assert.match(t, /‘provider’ means/);
    assert.match(t, /Art\. 3\(3\)\. Source: Regulation \(EU\) 2024\/1689, OJ L, 2024\/1689, 12\.7\.2024, © European Union/);
  });
  it('describes a key and the clause or article behind it', () => {
    const t = hoverText({ 's.aims.yaml': SYS + 'publ|icBody: false\n' }, 's.aims.yaml');
    assert.match(t, /AI Act Art\. 27/);
  });
});
