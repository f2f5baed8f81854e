import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findArticle } from '../../server/src/core/catalog/act';
import { findClause, findControl, findSubObjective, findTopic } from '../../server/src/core/catalog/iso';
import { allMappingRows, articlesForIso, isoForArticle, MAPPING_NOTE } from '../../server/src/core/catalog/mapping';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';

describe('ISO/IEC 42001 ↔ AI Act mapping', () => {
  for (const [article, ids] of [
    [27, ['6.1.4', '8.4', 'A.5']],
    [26, ['A.9']],
    [23, ['A.10']],
    [24, ['A.10']],
    [25, ['A.10']],
    [18, ['7.5.3']],
    [20, ['10.2']],
  ] as const) {
    it(`Art. ${article} is supported by ${ids.join(', ')}`, () => {
      const iso = isoForArticle(article).iso;
      for (const id of ids) assert.ok(iso.includes(id), `Art. ${article}: ${id} in ${iso.join(', ')}`);
    });
  }
  it('cites only ISO ids and articles that exist', () => {
    for (const r of allMappingRows()) {
      for (const id of r.iso) {
        const known = /^\d+$/.test(id) || findClause(id) || findTopic(id) || findSubObjective(id) || findControl(id);
        assert.ok(known, `${r.act.join(', ')}: ${id}`);
      }
      assert.ok(r.articles.length > 0, `${r.act.join(', ')} names an article`);
      for (const a of r.articles) assert.ok(findArticle(a), `Art. ${a}`);
    }
  });
  it('says supports, never satisfies', () => {
    for (const r of allMappingRows()) assert.equal(r.relation, 'supports', r.act.join(', '));
    assert.match(MAPPING_NOTE, /support \(not satisfy\)/);
  });
  it('an impact-assessment control points back to Art. 27', () => {
    assert.ok(articlesForIso('A.5.2').articles.includes(27));
    assert.ok(articlesForIso('A.10.3').articles.includes(25));
  });
});

describe('hovers show the ISO column of the new rows', () => {
  const SYS =
    'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [deployer]\nclassification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(5)(b)\nobligations:\n';
  const text = (marked: string): string => {
    const { file, ws, position } = workspaceAt({ 's.aims.yaml': marked }, 's.aims.yaml');
    const h = hover(file, ws, position, config());
    assert.ok(h);
    return (h.contents as { value: string }).value;
  };
  it('Art. 27', () => {
    assert.match(text(SYS + '  Art. 2|7: { status: gap }\n'), /supports it \(never satisfies it\): 6\.1\.4, 8\.4, A\.5\./);
  });
  it('A.9.2 names Art. 26', () => {
    assert.match(text(SYS + '  Art. 26: { status: gap, controls: [A.9|.2] }\n'), /Art\. 26 Obligations of deployers/);
  });
});
