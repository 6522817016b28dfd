// The metadata cache's store, the one the extension uses on every platform: a file in global storage written and read
// through workspace.fs (a folder on disk on the desktop, the browser's storage on the web). Here in the suite's folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceFsMetadataStore } from '../../src/features/metadataStore';
import { workspaceUri } from './helpers';

describe('Metadata cache store', () => {
  it('reads what it wrote, overwrites without leaving a temporary file, and refuses a file over the cap', async () => {
    const dir = workspaceUri('.metadata-store-test');
    const store = new WorkspaceFsMetadataStore(dir);
    try {
      assert.equal(await store.read(1000), undefined, 'nothing saved yet');
      await store.write('{"arxiv":[]}');
      await store.write('{"arxiv":[["2501.12948",{}]]}');
      assert.equal(await store.read(1000), '{"arxiv":[["2501.12948",{}]]}');
      await assert.rejects(store.read(10), /over the 10-byte cap/);
      const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
      assert.deepEqual(names, ['metadata-cache.json'], 'no temporary file is left');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
  });
});
