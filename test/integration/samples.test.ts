// The repository's samples/ (outside the test workspace), read through Node's fs: the Node extension host only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api } from './helpers';

describe('samples', () => {
  it('parses every sample digest of the repository', async () => {
    const repo = process.env.DPD_REPO;
    assert.ok(repo, 'DPD_REPO (the repository root) is set by scripts/host/run-suite.ts');
    const dir = path.join(repo, 'samples');
    const samples = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    assert.ok(samples.length > 0, 'samples/ has Markdown files');
    for (const file of samples) {
      const digest = (await api()).getDigest(await vscode.workspace.openTextDocument(path.join(dir, file)));
      assert.ok(digest && digest.entries.length > 0, `samples/${file} has entries`);
    }
  });
});
