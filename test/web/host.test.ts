// Proof that the suites run where github.dev runs extensions: the browser's Web Worker extension host, the extension
// loaded from its `browser` bundle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, extension, open, workspaceUri } from '../integration/helpers';

describe('web extension host', () => {
  it('is a Web Worker: no Node process, a navigator, importScripts', () => {
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'a Node process object is in the host');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'not a worker');
    assert.match((globalThis as { navigator?: { userAgent: string } }).navigator?.userAgent ?? '', /Chrome/);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('runs the extension from its browser bundle, active in this host', async () => {
    await open(workspaceUri('digest.md'));
    const ext = extension();
    assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    assert.ok((await api()).getDigest(await open(workspaceUri('digest.md'))), 'the extension answers in this host');
    assert.ok(ext.isActive);
  });
});
