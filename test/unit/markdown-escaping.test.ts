import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, markdownToPlain } from '../../server/src/core/escape-markdown';
import { plainLine } from '../../server/src/core/safe-text';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { soa } from '../helpers/fixtures';

const HOSTILE =
  '![](http://evil.example/pixel.png) **Approved by auditor** [details](http://evil.example) <b>x</b> `code` _y_ ~~z~~ &lt;\n\n# Heading';
const SYS =
  'aims: 1\nkind: AISystem\nid: s\nname: S\noperatorRoles: [provider]\nclassification:\n  tier: high\n  basis: annex-iii\n  annexIII: Annex III(4)(a)\n';

function hoverOnControl(markdown: boolean): string {
  const files = {
    'soa.aims.yaml': soa(['A.6.2.8']).replace('justification: Not relevant to our systems.', `justification: ${JSON.stringify(HOSTILE)}`),
    's.aims.yaml': SYS + 'obligations:\n  Art. 12: { status: gap, controls: [A.6.2.|8] }\n',
  };
  const { file, ws, position } = workspaceAt(files, 's.aims.yaml');
  const h = hover(file, ws, position, config({ markdown }));
  assert.ok(h);
  return (h.contents as { value: string }).value;
}

describe('user text in Markdown', () => {
  it('escapeMarkdown leaves no inline syntax, HTML or line break', () => {
    assert.equal(
      escapeMarkdown(HOSTILE),
      '\\!\\[\\]\\(http://evil.example/pixel.png\\) \\*\\*Approved by auditor\\*\\* \\[details\\]\\(http://evil.example\\) &lt;b&gt;x&lt;/b&gt; \\`code\\` \\_y\\_ \\~\\~z\\~\\~ &amp;lt; \\# Heading',
    );
    assert.equal(markdownToPlain(`**${escapeMarkdown('a_b *c* <x> & jane@acme.example')}**`), 'a_b *c* <x> & jane@acme.example');
  });

  it('plainLine shows controls and joins lines', () => {
    assert.equal(plainLine('a\r\n\n::error::x\u001b[31m\u009b\u202e\u0000'), 'a ::error::x\\x1b[31m\\x9b\\u{202e}\\x00');
  });

  it('a hover quotes a justification as text: no image, link, bold or HTML from the record', () => {
    const t = hoverOnControl(true);
    const quoted = /In this workspace's SoA: \*\*excluded\*\* — "(.*)"/.exec(t);
    assert.ok(quoted, t);
    assert.equal(quoted[1], escapeMarkdown(HOSTILE));
    assert.doesNotMatch(t, /(^|[^\\])!\[|(^|[^\\])<b>|(^|[^\\])\[details\]/);
  });

  it('a plain-text hover shows the justification as written (on one line)', () => {
    const t = hoverOnControl(false);
    assert.ok(t.includes(`excluded — "${plainLine(HOSTILE)}"`), t);
  });
});
