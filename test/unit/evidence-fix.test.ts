import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { evidenceEntries } from '../../server/src/core/rules/evidence-entries';
import type { CodeAction } from 'vscode-languageserver-types';
import { buildIndex, child, parseFile } from '../../server/src/core';
import { codeActions } from '../../server/src/services/code-actions';
import { config } from '../helpers/cursor';
import { EXISTING, MANIFEST, soa } from '../helpers/fixtures';
import { checkFiles, ROOT } from '../helpers/workspace';

const MAX_AGE = MANIFEST.replace('scope:', 'evidenceMaxAge: P12M\nscope:');
const HEAD =
  '# Chat record\naims: 1\nkind: AISystem\nid: chat\nname: Chat\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\n';
const AT = 'systems/chat.aims.yaml';

/** The quick fixes offered for the findings of `code` in a record, each with the text after it is applied. */
function fixes(record: string, code: string, manifest = MAX_AGE): { action: CodeAction; after: string }[] {
  const files = { 'aims.aims.yaml': manifest, 'soa.aims.yaml': soa(), [AT]: record };
  const diags = checkFiles(files, { existing: EXISTING })[AT].filter((d) => d.code === code);
  assert.ok(diags.length > 0, `no ${code} finding`);
  const parsed = Object.entries(files).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
  const file = parsed.find((p) => p.path === `${ROOT}/${AT}`)!;
  const lsp = diags.map((d) => ({ range: d.range, code: d.code, message: d.message, data: d.data }));
  // As an editor asks: for the finding under the cursor (the first one).
  return codeActions(file, buildIndex(ROOT, parsed), diags[0].range, { diagnostics: lsp.slice(0, 1) }, config()).map((action) => ({
    action,
    after: TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, record), Object.values(action.edit!.changes!)[0]),
  }));
}

/** The one fix for `code`, applied; and the re-check of the result has no finding of that code. */
function fixed(record: string, code: string, manifest = MAX_AGE): string {
  const all = fixes(record, code, manifest);
  assert.equal(all.length, 1, all.map((f) => f.action.title).join(' | '));
  assert.equal(all[0].action.title.endsWith('as reviewed on 2026-11-23'), true, all[0].action.title);
  assert.notEqual(all[0].action.isPreferred, true, 'saying a document was reviewed is never applied unasked');
  const again = checkFiles({ 'aims.aims.yaml': manifest, 'soa.aims.yaml': soa(), [AT]: all[0].after }, { existing: EXISTING })[AT];
  assert.deepEqual(
    again.filter((d) => d.code.startsWith('evidence') || d.code === 'yaml-syntax' || d.code.endsWith('-key') || d.code === 'wrong-type'),
    [],
  );
  return all[0].after;
}

describe('"Mark as reviewed" re-stamps reviewedOn with the reference date', () => {
  it('a stale block entry: only the date changes, quotes and comments stay', () => {
    const before =
      HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      # the literacy plan\n      - path: ../evidence/x.md  # v2\n        reviewedOn: "2025-01-15"  # by the DPO\n        expires: 2027-12-31\n';
    assert.equal(fixed(before, 'evidence-stale'), before.replace('"2025-01-15"', '"2026-11-23"'));
  });

  it('a stale flow entry', () => {
    const before =
      HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, reviewedOn: 2025-01-15 }] }  # literacy\n';
    assert.equal(fixed(before, 'evidence-stale'), before.replace('2025-01-15', '2026-11-23'));
  });

  it('is not offered on an entry past its expiry date (a review cannot make it current)', () => {
    const before =
      HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        reviewedOn: 2025-01-15\n        expires: 2026-10-31\n';
    assert.deepEqual(
      fixes(before, 'evidence-stale').map((f) => f.action.title),
      [],
    );
    assert.deepEqual(
      fixes(before, 'evidence-expired').map((f) => f.action.title),
      [],
    );
  });
});

describe('"Mark as reviewed" writes a plain path as {path, reviewedOn}, keeping the path and the list style', () => {
  it('block list: the path byte for byte, reviewedOn on the next line, comments where they were', () => {
    const before =
      HEAD +
      "obligations:\n  Art. 4:\n    status: met\n    evidence:\n      # first\n      - '../evidence/x.md'  # the plan\n      - ../evidence/x.md\n    controls: [A.4.2]\n";
    const all = fixes(before, 'evidence-review-date-missing');
    assert.deepEqual(
      all.map((f) => f.action.title),
      ["Mark '../evidence/x.md' as reviewed on 2026-11-23"],
      'one fix for the finding asked about',
    );
    assert.equal(
      all[0].after,
      before.replace(
        "      - '../evidence/x.md'  # the plan\n",
        "      - path: '../evidence/x.md'  # the plan\n        reviewedOn: 2026-11-23\n",
      ),
    );
  });

  it('a list at the key’s own column and CRLF line ends', () => {
    const before = (HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence:\n    - ../evidence/x.md\n').replace(/\n/g, '\r\n');
    assert.equal(
      fixed(before, 'evidence-review-date-missing'),
      before.replace('    - ../evidence/x.md\r\n', '    - path: ../evidence/x.md\r\n      reviewedOn: 2026-11-23\r\n'),
    );
  });

  it('flow list: the entry becomes a flow mapping in its place', () => {
    const before = HEAD + 'obligations:\n  Art. 4: { status: met, evidence: ["../evidence/x.md"] }  # literacy\n';
    assert.equal(
      fixed(before, 'evidence-review-date-missing'),
      before.replace('["../evidence/x.md"]', '[{ path: "../evidence/x.md", reviewedOn: 2026-11-23 }]'),
    );
  });

  it('a multi-line flow list keeps its commas and comments', () => {
    const before =
      HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence: [\n      ../evidence/x.md,  # plan\n      https://example.com/cert\n    ]\n';
    const all = fixes(before, 'evidence-review-date-missing');
    assert.deepEqual(
      all.map((f) => f.after),
      [before.replace('      ../evidence/x.md,  # plan', '      { path: ../evidence/x.md, reviewedOn: 2026-11-23 },  # plan')],
    );
  });

  it('a lone path below its key', () => {
    const before = HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence: ../evidence/x.md  # plan\n    controls: [A.4.2]\n';
    assert.equal(
      fixed(before, 'evidence-review-date-missing'),
      before.replace(
        '    evidence: ../evidence/x.md  # plan\n',
        '    evidence:\n      path: ../evidence/x.md  # plan\n      reviewedOn: 2026-11-23\n',
      ),
    );
  });

  it('an object entry without reviewedOn gets it after path, block and flow', () => {
    const block =
      HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md  # plan\n        expires: 2027-12-31\n';
    assert.equal(fixed(block, 'evidence-review-date-missing'), block.replace('  # plan\n', '  # plan\n        reviewedOn: 2026-11-23\n'));
    const flow = HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, expires: 2027-12-31 }] }\n';
    assert.equal(fixed(flow, 'evidence-review-date-missing'), flow.replace('x.md, expires', 'x.md, reviewedOn: 2026-11-23, expires'));
  });

  it('is not offered where the edit would change other data (a block scalar path)', () => {
    const before = HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - |-\n        ../evidence/x.md\n';
    assert.deepEqual(
      fixes(before, 'evidence-review-date-missing').map((f) => f.action.title),
      [],
    );
  });
});

/** Runs per property: `n` in every suite run, `AIMS_FUZZ_RUNS` for more. */
const runs = (n: number): number => Number(process.env.AIMS_FUZZ_RUNS ?? n);

interface EntrySpec {
  path: string;
  quote: 'plain' | 'single' | 'double';
  form: 'string' | 'flow-object' | 'block-object';
  reviewedOn?: string;
  expires?: string;
  comment: boolean;
}

const entryArb: fc.Arbitrary<EntrySpec> = fc.record({
  path: fc.constantFrom('../evidence/x.md', 'https://example.com/cert?id=7', "../evidence/it's here.md", '../evidence/ü.pdf'),
  quote: fc.constantFrom('plain', 'single', 'double'),
  form: fc.constantFrom('string', 'flow-object', 'block-object'),
  reviewedOn: fc.constantFrom(undefined, '2025-01-15', '2026-06-01'),
  expires: fc.constantFrom(undefined, '2027-12-31', '2026-10-31'),
  comment: fc.boolean(),
});

function scalar(s: string, quote: EntrySpec['quote']): string {
  if (quote === 'single' || (quote === 'plain' && s.includes("'"))) return `'${s.replace(/'/g, "''")}'`;
  return quote === 'double' ? JSON.stringify(s) : s;
}

/** One evidence entry as flow text (`x`, `{ path: x, reviewedOn: d }`). */
function flowEntry(e: EntrySpec): string {
  if (e.form === 'string') return scalar(e.path, e.quote);
  const fields = [`path: ${scalar(e.path, e.quote)}`, e.reviewedOn && `reviewedOn: ${e.reviewedOn}`, e.expires && `expires: ${e.expires}`];
  return `{ ${fields.filter(Boolean).join(', ')} }`;
}

/** An obligation's evidence in one of the list styles, each entry in its form. */
function evidenceLines(list: EntrySpec[], style: 'block' | 'compact' | 'flow-line' | 'flow-lines' | 'lone', pad: string): string[] {
  const c = (e: EntrySpec) => (e.comment ? '  # note' : '');
  const base = `${pad}${pad}`;
  if (style === 'lone') return [`${base}evidence: ${flowEntry(list[0])}${c(list[0])}`];
  if (style === 'flow-line') return [`${base}evidence: [${list.map(flowEntry).join(', ')}]${c(list[0])}`];
  if (style === 'flow-lines')
    return [
      `${base}evidence: [`,
      ...list.map((e, i) => `${base}${pad}${flowEntry(e)}${i < list.length - 1 ? ',' : ''}${c(e)}`),
      `${base}]`,
    ];
  const item = style === 'block' ? `${base}${pad}` : base;
  const out = [`${base}evidence:`];
  for (const e of list) {
    if (e.form !== 'block-object') out.push(`${item}- ${flowEntry(e)}${c(e)}`);
    else {
      out.push(`${item}- path: ${scalar(e.path, e.quote)}${c(e)}`);
      if (e.reviewedOn) out.push(`${item}  reviewedOn: ${e.reviewedOn}`);
      if (e.expires) out.push(`${item}  expires: ${e.expires}`);
    }
  }
  return out;
}

describe('"Mark as reviewed" keeps every other byte and value (property)', () => {
  it('in random lists of both forms, every list style, quoting, comments, CRLF and indents', () => {
    const applied = { stale: 0, plain: 0, object: 0, withheld: 0 };
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('block', 'compact', 'flow-line', 'flow-lines', 'lone'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(2, 4),
        (list, style, nl, unit) => {
          const pad = ' '.repeat(unit);
          const entries = style === 'lone' ? list.slice(0, 1) : list;
          const usable =
            style.startsWith('flow') || style === 'lone'
              ? entries.map((e) => (e.form === 'block-object' ? { ...e, form: 'flow-object' as const } : e))
              : entries;
          const lines = [
            '# Chat record',
            ...HEAD.trimEnd().split('\n').slice(1),
            'obligations:',
            `${pad}Art. 4:`,
            `${pad}${pad}status: met  # checked`,
            ...evidenceLines(usable, style, pad),
            `${pad}${pad}controls: [A.4.2]`,
            '# end',
          ];
          const before = lines.join(nl) + nl;
          const files = { 'aims.aims.yaml': MAX_AGE, 'soa.aims.yaml': soa(), [AT]: before };
          const diags = checkFiles(files, { existing: EXISTING })[AT];
          assert.deepEqual(
            diags.filter((d) => d.code === 'yaml-syntax' || d.code === 'wrong-type'),
            [],
            before,
          );
          const parsed = Object.entries(files).map(([rel, text]) => parseFile(`${ROOT}/${rel}`, text));
          const file = parsed.find((p) => p.path === `${ROOT}/${AT}`)!;
          const ws = buildIndex(ROOT, parsed);
          const data = (parseDocument(before).toJS() as { obligations: Record<string, { evidence: unknown }> }).obligations['Art. 4']
            .evidence;
          const asList: unknown[] = Array.isArray(data) ? data : [data];
          const review = diags.filter((d) => d.code === 'evidence-stale' || d.code === 'evidence-review-date-missing');
          for (const d of review) {
            const lsp = { range: d.range, code: d.code, message: d.message, data: d.data };
            const actions = codeActions(file, ws, d.range, { diagnostics: [lsp] }, config());
            // Which entry the finding is on: the one whose text holds its start.
            const offset = file.lines.offsetAt(d.range.start);
            const nodes = evidenceEntries(child(child(child(file.root, 'obligations'), 'Art. 4'), 'evidence'));
            const i = nodes.findIndex((n) => n.node.range![0] <= offset && offset <= n.node.range![1]);
            const spec = usable[i];
            if (spec.form !== 'string' && spec.expires === '2026-10-31') {
              assert.deepEqual(actions, [], `no fix on an expired entry:\n${before}`);
              applied.withheld++;
              continue;
            }
            assert.equal(actions.length, 1, `one fix for ${d.code} on entry ${i}:\n${before}`);
            const edits = Object.values(actions[0].edit!.changes!)[0];
            const doc = TextDocument.create('file:///x', 'yaml', 0, before);
            for (const e of edits) {
              const removed = before.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end));
              assert.match(removed, /^([ \t]*|2025-01-15)$/, `an edit removes only blanks or the old date, not ${JSON.stringify(removed)}`);
            }
            const after = TextDocument.applyEdits(doc, edits);
            if (nl === '\r\n') assert.ok(!/[^\r]\n/.test(after), 'CRLF kept throughout');
            else assert.ok(!after.includes('\r'));
            const afterDoc = parseDocument(after);
            assert.deepEqual(afterDoc.errors, [], after);
            const got = afterDoc.toJS() as { obligations: Record<string, { evidence: unknown }> };
            const want = parseDocument(before).toJS() as typeof got;
            const old = asList[i];
            const entry =
              typeof old === 'object' && old !== null
                ? { ...(old as object), reviewedOn: '2026-11-23' }
                : { path: old, reviewedOn: '2026-11-23' };
            if (Array.isArray(data)) (want.obligations['Art. 4'].evidence as unknown[])[i] = entry;
            else want.obligations['Art. 4'].evidence = entry;
            assert.deepEqual(got, want, `only entry ${i} changed:\n${before}\n→\n${after}`);
            applied[d.code === 'evidence-stale' ? 'stale' : spec.form === 'string' ? 'plain' : 'object']++;
          }
          return true;
        },
      ),
      { numRuns: runs(150) },
    );
    // The property must have exercised every kind of fix, and the refusal.
    for (const [k, n] of Object.entries(applied)) assert.ok(n > 10, `${k}: ${n}`);
  });
});
