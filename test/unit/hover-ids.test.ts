import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/services/hover';
import { config, workspaceAt } from '../helpers/cursor';
import { MANIFEST, soa, SYSTEM } from '../helpers/fixtures';

const RISKS = `aims: 1
kind: RiskRegister
risks:
  R-1:
    title: Biased ranking of applicants
    system: hiring
    likelihood: possible
    impact: major
    treatment: mitigate
    owner: head-of-risk
    status: open
`;

/** The hover at `|` in file `at`, with the manifest, SoA, record and register around it. */
function hoverAt(at: string, marked: string, markdown = true, partial = false): string {
  const files: Record<string, string> = {
    'aims.aims.yaml': MANIFEST,
    'soa.aims.yaml': soa(),
    'systems/hiring.aims.yaml': SYSTEM + 'risks: [R-1]\n',
    'risk.aims.yaml': RISKS,
  };
  files[at] = marked;
  const { file, ws, position } = workspaceAt(files, at);
  const h = hover(file, ws, position, config({ markdown, partial }));
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}

describe('hovers on ids and status values', () => {
  it('a role id: what it is, where it is defined, what refers to it', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('owner: head-of-risk', 'owner: head-of-r|isk'));
    assert.match(t, /^\*\*head-of-risk\*\*: role _Head of model risk_, held by Ali Khan/);
    assert.match(t, /Defined in \[aims\.aims\.yaml:13\]\(file:\/\/\/ws\/aims\.aims\.yaml#L13\)\./);
    assert.match(
      t,
      /Referred to 2 times in 2 files: \[systems\/hiring\.aims\.yaml:5\]\(file:\/\/\/ws\/systems\/hiring\.aims\.yaml#L5\), \[risk\.aims\.yaml:10\]\(file:\/\/\/ws\/risk\.aims\.yaml#L10\)\./,
    );
  });

  it('a system id: its name, tier and roles, and the risks that name it', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('system: hiring', 'system: hir|ing'));
    assert.match(
      t,
      /\*\*hiring\*\*: AI system _CV screening_, risk tier high \(Annex III\\\(4\\\)\\\(a\\\)\), operator roles provider, deployer\./,
    );
    assert.match(t, /Defined in \[systems\/hiring\.aims\.yaml:3\]/);
    assert.match(t, /Referred to 1 time in 1 file: \[risk\.aims\.yaml:6\]/);
  });

  it('a risk id, on its definition: the risk and the records that list it', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('  R-1:', '  R|-1:'));
    assert.match(t, /\*\*R-1\*\*: risk _Biased ranking of applicants_, of system hiring, likelihood possible, impact major, status open\./);
    assert.match(t, /Referred to 1 time in 1 file: \[systems\/hiring\.aims\.yaml:\d+\]/);
  });

  it('an id nothing defines says so', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('owner: head-of-risk', 'owner: nob|ody'));
    assert.match(t, /\*\*nobody\*\*: no role with this id is defined in this workspace/);
  });

  it('a status in the SoA means an ISO/IEC 42001 implementation status, not an Act obligation', () => {
    const marked = soa().replace('    status: implemented', '    status: parti|al');
    const t = hoverAt('soa.aims.yaml', marked);
    assert.match(t, /^\*\*partial\*\* in a Statement of Applicability: the ISO\/IEC 42001 implementation status/);
    assert.match(t, /\*\*`partial`\*\*: the control is in place for part of its scope/);
    assert.match(t, /`planned`: /);
    assert.match(t, /An AI system record uses other words for AI Act obligations: `met`, `partial`, `gap`, `not-applicable`/);
  });

  it('a status of an obligation means where the Act obligation stands', () => {
    const t = hoverAt(
      'systems/hiring.aims.yaml',
      SYSTEM.replace('Art. 9: { status: partial', 'Art. 9: { status: g|ap').replace('gap }', 'gap }'),
    );
    assert.match(t, /^\*\*gap\*\* in an AI system record: where this EU AI Act obligation stands/);
    assert.match(t, /`met`: the organisation holds the obligation fulfilled .* never satisfy it/);
  });

  it('while the workspace is still being read, an id not found yet is not called undefined', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('owner: head-of-risk', 'owner: nob|ody'), true, true);
    assert.match(t, /\*\*nobody\*\*: the workspace is still being read; where this role is defined is not known yet/);
    assert.match(t, /In the files read so far: Referred to 1 time in 1 file/);
  });

  it('quotes record text as text', () => {
    const t = hoverAt(
      'aims.aims.yaml',
      MANIFEST.replace('head-of-risk: { title: Head of model risk', 'head-of-r|isk: { title: "<b>*x*</b>"'),
    );
    assert.match(t, /role _&lt;b&gt;\\\*x\\\*&lt;\/b&gt;_/);
  });

  it('plain-text clients get the words without link targets or marks', () => {
    const t = hoverAt('risk.aims.yaml', RISKS.replace('owner: head-of-risk', 'owner: head-of-r|isk'), false);
    assert.match(t, /^head-of-risk: role Head of model risk, held by Ali Khan/);
    assert.match(t, /Defined in aims\.aims\.yaml:13\./);
    assert.doesNotMatch(t, /\]\(|file:\/\//);
  });
});
