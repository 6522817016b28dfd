// Restricted Mode: code-server started with workspace trust on and the folder never trusted. The extension declares
// `capabilities.untrustedWorkspaces.supported: true`, so everything that only reads the digests must still work.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { codeActions, diagnosticsWhere, extension, hoverText, lineOf, open, pollUntil, resetEditors, rules, showTree, SOURCE, waitFor, workspaceUri } from './helpers';

describe('Daily Papers Digest in Restricted Mode', () => {
  let dp: DailyPapersApi;

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(resetEditors);

  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is untrusted (Restricted Mode)');
    // The manifest is what lets VS Code enable the extension here.
    const manifest = extension().packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    // Workspace settings still apply in Restricted Mode (none of ours is a restricted setting): the suite stays offline.
    assert.equal(vscode.workspace.getConfiguration('dailyPapers.metadata').get('enabled'), false);
  });

  it('activates when a digest is opened', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'activated before any Markdown file was opened');
    await open(workspaceUri('broken.md'));
    await waitFor(() => ext.isActive, 'activation on onLanguage:markdown in Restricted Mode');
    dp = ext.exports;
    assert.equal(vscode.workspace.isTrusted, false, 'still untrusted after activation');
  });

  it('shows diagnostics, and offers and applies quick fixes', async () => {
    const document = await open(workspaceUri('broken.md'));
    const ds = await diagnosticsWhere(document.uri, (d) => d.length === 3, 'the problems of broken.md');
    assert.deepEqual(rules(ds), ['thumbnail-id-mismatch', 'invalid-vote', 'label-apostrophe']);
    assert.ok(ds.every((d) => d.source === SOURCE));
    // Waited for, not read once: in one CI run the answer lacked the fix (or applying it failed) with nothing to say which.
    let titles = '';
    let fix: vscode.CodeAction | undefined;
    await pollUntil(async () => {
      const actions = await codeActions(document.uri, ds[0]!.range, vscode.CodeActionKind.QuickFix.value);
      titles = actions.map((a) => a.title).join(' | ');
      fix = actions.find((a) => a.title === 'Use the thumbnail of 2501.00663');
      return fix?.edit !== undefined;
    }, () => `the thumbnail quick fix among the code actions: ${titles || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!), 'applying the quick fix');
    await diagnosticsWhere(document.uri, (d) => d.length === 2, 'the fixed problem to disappear');
  });

  it('shows the Daily Papers tree, document symbols and hover cards', async () => {
    const { provider, view } = dp.outline;
    const uri = workspaceUri('paper_logs', '2025', '01', '29.md');
    const document = await open(uri);
    await showTree(view);
    await waitFor(() => provider.current?.document === document, 'the tree to show 29.md');
    const day = provider.getChildren()[0]!;
    assert.deepEqual(provider.getChildren(day).map((h) => provider.getTreeItem(h).description), ['9 authors', '5 authors', '5 authors']);
    assert.match(String(provider.getTreeItem(provider.getChildren(day)[0]!).label), /^▲28 SFT Memorizes/);

    // Each paper once: the Markdown extension's heading symbols (ours only with dailyPapers.symbols.provide = all).
    let names = '';
    const title = 'Baichuan-Omni-1.5 Technical Report';
    const flatten = (symbols: readonly vscode.DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...flatten(s.children ?? [])]);
    const symbolNames = async () => (names = flatten((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []).join(' | '));
    await pollUntil(async () => (await symbolNames()).includes(title), () => `the Markdown extension's heading symbols (now: ${names})`);
    assert.equal(names.split(title).length - 1, 1, names);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(lineOf(document, '### [Baichuan'), 8));
    assert.ok(hovers.map(hoverText).some((t) => t.startsWith('**[Baichuan-Omni-1.5 Technical Report](https://arxiv.org/abs/2501.15368)**')), 'the hover card');
  });

  it('finds papers across the workspace', async () => {
    await dp.index.ready;
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Sergey Levine');
    assert.ok(found.some((s) => s.containerName === '2501.17161 · 2025-01-29 · ▲ 28'), found.map((s) => s.name).join(' | '));
  });
});
