// The preview in the real host: it opens for a digest, the page (a real webview) renders every entry, and an edit reaches it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, pollUntil, workspaceUri } from './helpers';

interface PreviewInfo {
  readonly source: string;
  readonly entries: number;
  readonly version: number;
  readonly page?: { readonly version: number; readonly total: number; readonly shown: number };
}

const infos = async () => (await vscode.commands.executeCommand<PreviewInfo[]>('dailyPapers.preview.state')) ?? [];

describe('preview', () => {
  before(api);

  it('opens beside a digest, renders its entries on the page, and follows an edit', async () => {
    const uri = workspaceUri('digest.md');
    const document = await open(uri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('dailyPapers.preview.openToSide');
    let info: PreviewInfo | undefined;
    const caughtUp = async () => {
      info = (await infos()).find((i) => i.source === uri.toString());
      return info !== undefined && info.page !== undefined && info.page.version === info.version;
    };
    await pollUntil(caughtUp, () => `the preview page of digest.md to render the host's latest version (now: ${JSON.stringify(info)})`);
    assert.ok(info, 'a preview of digest.md is open');
    assert.ok(info.page && info.page.version === info.version, 'the page rendered the host\'s latest version');
    const entries = (await api()).getDigest(document)!.entries.length;
    assert.equal(info.entries, entries);
    assert.equal(info.page!.total, entries, 'the page shows a card per entry');

    const edit = new vscode.WorkspaceEdit();
    const title = (await api()).getDigest(document)!.entries[0].titleRange;
    edit.insert(uri, new vscode.Position(title.start.line, title.start.character), 'Edited: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = info.version;
    await pollUntil(async () => (await caughtUp()) && info!.version > before, () => `the edit to reach the page (now: ${JSON.stringify(info)})`);
    assert.ok(info!.version > before && info!.page!.version === info!.version, 'the edit reached the page');
    await vscode.commands.executeCommand('undo');
  });

  it('degrades to a message above dailyPapers.preview.maxSize, while outline and diagnostics keep working', async () => {
    const uri = workspaceUri('digest.md');
    const document = await open(uri);
    await vscode.window.showTextDocument(document);
    const config = vscode.workspace.getConfiguration('dailyPapers.preview');
    await config.update('maxSize', 100, vscode.ConfigurationTarget.Workspace);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      let info: PreviewInfo | undefined;
      const degraded = async () => {
        info = (await infos()).find((x) => x.source === uri.toString());
        return info?.entries === 0;
      };
      await pollUntil(degraded, () => `the preview to drop its cards above maxSize (now: ${JSON.stringify(info)})`, 10_000);
      assert.equal(info?.entries, 0, 'no cards rendered for a digest above the limit');
      const digest = (await api()).getDigest(document);
      assert.ok(digest && digest.entries.length > 0, 'the model (outline, diagnostics) is still there');
    } finally {
      await config.update('maxSize', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('undo');
    }
  });
});
