import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { walkAimsFilesAsync } from '../../server/src/node/find-files';

describe('the workspace walk reports progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aims-walk-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('from its first folder, however quick the walk (the editor shows the search start)', async () => {
    mkdirSync(join(dir, 'systems'));
    writeFileSync(join(dir, 'systems', 'x.aims.yaml'), 'aims: 1\n');
    const reports: { folders: number; files: number }[] = [];
    const r = await walkAimsFilesAsync(dir, (p) => reports.push(p));
    assert.ok(reports.length >= 1, 'at least one report');
    assert.equal(reports[0].folders >= 1, true);
    assert.equal(r.files.length, 1);
  });
});
