// Wires the outline: tree view with sort, filter and follow-cursor; document symbols; folding; the
// workspace index with workspace symbols and "Go to Paper…"; and the paper commands.
import * as vscode from 'vscode';
import type { OutlineSort } from '../digest';
import type { Configuration } from './configuration';
import type { DigestService } from './digests';
import { OutlineProvider, type OutlineHandle } from './outlineView';
import { registerPaperCommands, revealLine } from './paperCommands';
import { DIGEST_SELECTOR } from './registerValidation';
import { DigestSymbols } from './symbols';
import { goToPaper, PaperSymbols, WorkspaceIndex } from './workspaceIndex';

const isHandle = (arg: unknown): arg is OutlineHandle => typeof arg === 'object' && arg !== null && typeof (arg as OutlineHandle).id === 'string';

export function registerOutline(context: vscode.ExtensionContext, digests: DigestService, log: vscode.LogOutputChannel, configuration: Configuration): { provider: OutlineProvider; view: vscode.TreeView<OutlineHandle>; index: WorkspaceIndex } {
  const provider = new OutlineProvider(digests);
  const view = vscode.window.createTreeView('dailyPapers.outline', { treeDataProvider: provider, showCollapseAll: true });
  const index = new WorkspaceIndex(digests, log);
  const symbols = new DigestSymbols(digests);
  const refresh = () => {
    provider.update(vscode.window.activeTextEditor?.document);
    view.message = provider.message;
  };
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor) => {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      if (!view.visible || !configuration.get('outline').followCursor || editor.document !== provider.current?.document) return;
      const handle = provider.handleAtLine(editor.selection.active.line);
      // The document may change while the reveal runs; a reveal that lost its element is simply dropped.
      if (handle && view.selection[0]?.id !== handle.id) view.reveal(handle, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
    }, 100);
  };
  const setSort = (sort: OutlineSort) => () => {
    provider.setOptions({ sort });
    void vscode.commands.executeCommand('setContext', 'dailyPapers.outline.sort', sort);
  };

  context.subscriptions.push(
    provider,
    view,
    index,
    vscode.languages.registerDocumentSymbolProvider(DIGEST_SELECTOR, symbols, { label: 'Daily Papers' }),
    vscode.languages.registerFoldingRangeProvider(DIGEST_SELECTOR, symbols),
    vscode.languages.registerWorkspaceSymbolProvider(new PaperSymbols(index)),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    digests.onDidChangeDigest((d) => d === vscode.window.activeTextEditor?.document && refresh()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) refresh();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.commands.registerCommand('dailyPapers.outline.reveal', (handle: unknown) => {
      const ref = isHandle(handle) ? provider.locate(handle) : undefined;
      return ref && revealLine(ref);
    }),
    vscode.commands.registerCommand('dailyPapers.outline.sortByFile', setSort('file')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByVotes', setSort('votes')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByTitle', setSort('title')),
    vscode.commands.registerCommand('dailyPapers.outline.filter', async (text?: string) => {
      const filter = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter papers'), prompt: vscode.l10n.t('Title, author or arXiv ID (empty to clear)'), value: provider.options.filter });
      if (filter === undefined) return;
      provider.setOptions({ filter });
      view.message = provider.message;
    }),
    vscode.commands.registerCommand('dailyPapers.outline.clearFilter', () => {
      provider.setOptions({ filter: '' });
      view.message = undefined;
    }),
    vscode.commands.registerCommand('dailyPapers.goToPaper', async () => {
      await index.ready;
      await goToPaper(index);
    }),
  );
  registerPaperCommands(context, digests, (arg) => (isHandle(arg) ? provider.locate(arg) : undefined));
  void vscode.commands.executeCommand('setContext', 'dailyPapers.outline.sort', 'file');
  refresh();
  return { provider, view, index };
}
