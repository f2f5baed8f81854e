import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildIndex, parseFile } from '../../server/src/core';
import { computeCoverage } from '../../server/src/core/coverage';
import { renderHtml } from '../../server/src/core/report';
import { defaultOptions } from '../../server/src/core/types';
import { MANIFEST, soa, SYSTEM } from '../helpers/fixtures';

it('the HTML report lets a long date note wrap and keeps each date whole', () => {
  const files = [
    parseFile('/ws/aims.aims.yaml', MANIFEST),
    parseFile('/ws/soa.aims.yaml', soa()),
    parseFile('/ws/systems/hiring.aims.yaml', SYSTEM),
  ];
  const html = renderHtml([computeCoverage(buildIndex('/ws', files), new Map(), defaultOptions({ asOf: '2026-11-23' }))], {
    nonce: 'n',
    webview: false,
  });
  // A cell that may not wrap made the table wider than the panel: only the dates themselves are kept whole.
  assert.doesNotMatch(html, /td:nth-child\(3\)\{white-space:nowrap\}/);
  assert.match(html, /\.date\{white-space:nowrap\}/);
  const art9 = /<tr><td>Art\. 9 Risk management system<\/td><td>Partial<\/td><td>(.*?)<\/td>/.exec(html);
  assert.ok(art9, 'the Art. 9 row');
  assert.equal(
    art9[1],
    '<span class="date">2 December 2027</span> (as amended by the Digital Omnibus on AI (2026), reported (Official Journal text not verified)); <span class="date">2 August 2026</span> (Regulation (EU) 2024/1689 as adopted)',
  );
});
