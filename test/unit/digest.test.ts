// The web bundles' fingerprint of coverage parts (server/src/lsp/digest-web.ts): a changed part must get a
// new fingerprint, or the worker's views would not follow the change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { digest } from '../../server/src/lsp/digest-web';

it('tells apart parts that differ by one character, a swap or their length, and keeps equal ones equal', () => {
  const part = JSON.stringify({ id: 'A.6.2.4', status: 'implemented', evidence: ['../evidence/logging-standard.md'], gaps: 0 });
  const seen = new Map<string, string>();
  const variants = [
    part,
    `${part} `,
    part.replace('implemented', 'implementes'),
    part.replace('"gaps":0', '"gaps":1'),
    part.replace('A.6.2.4', 'A.6.4.2'),
  ];
  for (let i = 0; i < part.length; i++)
    for (const c of ['x', '\u00e9', '\ud83d\ude00'])
      variants.push(part.slice(0, i) + c + part.slice(i + 1), part.slice(0, i) + part.slice(i + 1));
  for (let n = 0; n < 50_000; n++) variants.push(part.replace('"gaps":0', `"gaps":${n + 2}`));
  for (const v of variants) {
    const d = digest(v);
    const before = seen.get(d);
    assert.ok(before === undefined || before === v, `${JSON.stringify(before)} and ${JSON.stringify(v)} share ${d}`);
    seen.set(d, v);
  }
  assert.equal(digest(part), digest(JSON.stringify(JSON.parse(part))));
  assert.ok(seen.size > 50_000);
});
