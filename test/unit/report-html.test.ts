import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildIndex, parseFile } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { renderHtml } from '../../server/src/core/report';
import { defaultOptions } from '../../server/src/core/types';
import { MANIFEST, soa, SYSTEM } from '../helpers/fixtures';

it('the HTML report keeps each "Applies from" date on one line', () => {
  const files = [
    parseFile('/ws/aims.aims.yaml', MANIFEST),
    parseFile('/ws/soa.aims.yaml', soa()),
    parseFile('/ws/systems/hiring.aims.yaml', SYSTEM),
  ];
  const html = renderHtml([computeCoverage(buildIndex('/ws', files), new Map(), defaultOptions({ asOf: '2026-11-23' }))], {
    nonce: 'n',
    webview: false,
  });
  // The rule addresses the third cell of the tables that follow a system's heading and bar …
  assert.match(html, /h3\+\.bar\+table td:nth-child\(3\)\{white-space:nowrap\}/);
  // … and those tables are the obligations, whose third column is the date.
  const table = /<h3>CV screening[^]*?<\/h3>\n<svg class="bar"[^]*?<\/svg>\n<table><thead><tr>((?:<th>[^<]*<\/th>)+)/.exec(html);
  assert.ok(table, 'heading, bar, table in that order');
  assert.equal([...table[1].matchAll(/<th>([^<]*)<\/th>/g)][2][1], 'Applies from');
});
