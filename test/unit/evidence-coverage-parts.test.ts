import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex, parseFile, type Diagnostic, type ParsedFile } from '../../server/src/core';
import { defaultOptions } from '../../server/src/core/types';
import { FolderCoverage } from '../../server/src/lsp/coverage-parts';
import type { Folder } from '../../server/src/lsp/workspace-manager';
import type { SystemPart } from '../../server/src/protocol';
import { MANIFEST, soa } from '../helpers/fixtures';

const ROOT = '/ws';
const options = defaultOptions({ asOf: '2026-11-23' });
const RECORD = `${ROOT}/systems/chat.aims.yaml`;
const record = parseFile(
  RECORD,
  'aims: 1\nkind: AISystem\nid: chat\nname: Chat\nowner: aims-owner\noperatorRoles: [deployer]\nclassification: { tier: minimal, basis: none }\nobligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, reviewedOn: 2025-06-01 }] }\n',
);

function folderOf(files: ParsedFile[], diagnostics = new Map<string, Diagnostic[]>()): Folder {
  return {
    root: ROOT,
    uri: 'file:///ws',
    files: new Map(files.map((f) => [f.path, f])),
    uris: new Map(),
    open: new Set(),
    diagnostics,
    indexed: true,
  };
}

/** The Art. 4 evidence states of the chatbot as the parts changed since `since` carry them (undefined: its part was not sent). */
function served(c: FolderCoverage, folder: Folder, since: number): string[] | undefined {
  const index = buildIndex(ROOT, [...folder.files.values()]);
  const res = c.parts({ root: ROOT, epoch: c.epoch, since }, folder.files, index, options, folder.diagnostics);
  const part = res.parts.find((p) => p.key === `system:${RECORD}`)?.value as SystemPart | undefined;
  return part?.obligations.find((o) => o.ref === 'Art. 4')?.evidenceStatus.map((s) => s.state);
}

describe('live coverage parts follow what evidence states depend on besides the record', () => {
  it("the manifest's evidenceMaxAge: a system's part is recomputed when it changes", () => {
    const without = [parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST), parseFile(`${ROOT}/soa.aims.yaml`, soa()), record];
    const c = new FolderCoverage();
    assert.ok(c.update(folderOf(without), buildIndex(ROOT, without), options, 1000));
    assert.deepEqual(served(c, folderOf(without), -1), ['ok']);
    const v = c.version;
    const withAge = [parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST.replace('scope:', 'evidenceMaxAge: P12M\nscope:')), without[1], record];
    assert.ok(c.update(folderOf(withAge), buildIndex(ROOT, withAge), options, 1000));
    assert.deepEqual(served(c, folderOf(withAge), v), ['stale']);
  });

  it("the record's own findings: a part is recomputed when they change, though the record did not", () => {
    const files = [parseFile(`${ROOT}/aims.aims.yaml`, MANIFEST), parseFile(`${ROOT}/soa.aims.yaml`, soa()), record];
    const index = buildIndex(ROOT, files);
    const diagnostics = new Map<string, Diagnostic[]>([[RECORD, []]]);
    const folder = folderOf(files, diagnostics);
    const c = new FolderCoverage();
    assert.ok(c.update(folder, index, options, 1000));
    const v = c.version;
    // The evidence file went away: the record is re-checked and gets evidence-missing at the path.
    const at = record.text.indexOf('../evidence/x.md');
    const range = { start: record.lines.positionAt(at), end: record.lines.positionAt(at + 16) };
    diagnostics.set(RECORD, [{ range, severity: 'warning', code: 'evidence-missing', message: 'gone' }]);
    c.findingsChanged([RECORD]);
    assert.ok(c.update(folder, index, options, 1000));
    assert.ok(c.version > v, 'the version moved');
    assert.deepEqual(served(c, folder, v), ['missing']);
  });
});
