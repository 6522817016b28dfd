// Activation and the digest model, checked through the extension's API inside a real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { extension, open, waitFor, workspaceUri } from './helpers';

describe('Daily Papers Digest in VS Code', () => {
  let api: DailyPapersApi;

  before(async () => {
    // Leave no editor from a previous suite, so activation is caused by what this suite opens.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates when a digest is opened', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'activated before any Markdown file was opened');
    const document = await open(workspaceUri('digest.md'));
    assert.equal(document.languageId, 'markdown');
    await waitFor(() => ext.isActive, 'activation on onLanguage:markdown');
    api = ext.exports;
    assert.equal(typeof api.getDigest, 'function');
  });

  it('getDigest returns the days and entries of a digest', async () => {
    const digest = api.getDigest(await open(workspaceUri('digest.md')));
    assert.ok(digest, 'digest.md is a digest');
    assert.deepEqual(digest.days.map((day) => [day.date, day.entries.length]), [['2025-01-14', 2], ['2025-01-15', 1]]);
    assert.deepEqual(digest.entries.map((entry) => entry.arxivId), ['2501.08313', '2501.08314', '2501.09001']);
    assert.equal(digest.entries[0]!.title, 'MiniMax-01: Scaling Foundation Models with Lightning Attention');
    assert.deepEqual(digest.entries.map((entry) => entry.vote?.value), [42, 0, null]);
    assert.deepEqual(digest.entries[2]!.authors?.names, ['Edsger Dijkstra', 'Barbara Liskov']);
  });

  it('serves the cached model for an unchanged version and a new one after an edit', async () => {
    const document = await open(workspaceUri('digest.md'));
    const first = api.getDigest(document);
    assert.ok(first);
    assert.equal(api.getDigest(document), first, 'same version: the same object');

    const version = document.version;
    const edit = new vscode.WorkspaceEdit();
    const entry = '\n### [An Added Paper](https://arxiv.org/abs/2501.09999)\n\nVote: 7\n';
    edit.insert(document.uri, document.positionAt(document.getText().length), entry);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
    assert.ok(document.version > version);

    const second = api.getDigest(document);
    assert.ok(second);
    assert.notEqual(second, first, 'a new version: a new model');
    assert.equal(second.entries.length, first.entries.length + 1);
    assert.equal(second.days[1]!.entries.at(-1)!.arxivId, '2501.09999');
    assert.equal(api.getDigest(document), second);
    // files.autoSave is off: revert so the workspace copy stays as written.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false);
  });

  it('returns undefined for a Markdown file that is not a digest', async () => {
    const document = await open(workspaceUri('notes.md'));
    assert.equal(document.languageId, 'markdown');
    assert.equal(api.getDigest(document), undefined);
  });

  it('treats a file matched by dailyPapers.files as a digest before it has a day header', async () => {
    const digest = api.getDigest(await open(workspaceUri('paper_logs', '2025', '01', '16.md')));
    assert.ok(digest, 'paper_logs/**/*.md is a digest by the default setting');
    assert.equal(digest.days.length, 0);
  });
});
