// Wires the outline: tree view with sort, filter and follow-cursor; document symbols; folding; workspace
// symbols and "Go to Paper…" over the workspace index; and the paper commands.
import * as vscode from 'vscode';
import type { OutlineSort } from '../digest';
import type { Configuration } from './configuration';
import type { DigestService } from './digests';
import { timeoutDisposable } from './dispose';
import { OutlineProvider, type OutlineHandle } from './outlineView';
import { registerPaperCommands, revealLine } from './paperCommands';
import { DIGEST_SELECTOR } from './registerValidation';
import { DigestSymbols, provideAllSymbols, registerDocumentSymbols } from './symbols';
import { goToPaper, PaperSymbols, type WorkspaceIndex } from './workspaceIndex';

/** Text and diagnostics changes within this many milliseconds make one tree refresh. */
const REFRESH_DELAY_MS = 100;

/** A second reveal of the same element within this many milliseconds is a double click: it moves focus to the editor. */
const DOUBLE_CLICK_MS = 500;

const isHandle = (arg: unknown): arg is OutlineHandle => typeof arg === 'object' && arg !== null && typeof (arg as OutlineHandle).id === 'string';

export interface OutlineFeature {
  readonly provider: OutlineProvider;
  readonly view: vscode.TreeView<OutlineHandle>;
}

export function registerOutline(context: vscode.ExtensionContext, digests: DigestService, index: WorkspaceIndex, configuration: Configuration): OutlineFeature {
  const provider = new OutlineProvider(digests);
  const view = vscode.window.createTreeView('dailyPapers.outline', { treeDataProvider: provider, showCollapseAll: true });
  const symbols = new DigestSymbols(digests);

  let followTimer: ReturnType<typeof setTimeout> | undefined;
  // One reveal at a time: the workbench can finish queued reveals out of order, and an older one finishing last would
  // leave the wrong element selected. A cursor move during a reveal is followed once that reveal settles.
  let revealing = false;
  let followAgain: vscode.TextEditor | undefined;
  /** Selects the element at the editor's cursor. A reveal fails when the tree changes under it: try again, a few times. */
  const follow = (editor: vscode.TextEditor, attempt = 0) => {
    clearTimeout(followTimer);
    if (!view.visible) return;
    followTimer = setTimeout(() => {
      if (!view.visible || !configuration.get('outline').followCursor || editor.document !== provider.current?.document) return;
      if (revealing) return void (followAgain = editor);
      const line = editor.selection.active.line;
      const handle = provider.handleAtLine(line);
      if (!handle || view.selection[0]?.id === handle.id) return;
      revealing = true;
      const settled = (failed: boolean) => {
        revealing = false;
        const again = followAgain;
        followAgain = undefined;
        if (again) follow(again);
        else if (failed && attempt < 3 && editor.selection.active.line === line) follow(editor, attempt + 1);
      };
      view.reveal(handle, { select: true, focus: false, expand: true }).then(() => settled(false), () => settled(true));
    }, 100);
  };
  // The tree does no work while hidden: changes only mark it stale, and showing it refreshes it once.
  let stale = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (force = false) => {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    if (!view.visible) {
      stale = true;
      return;
    }
    provider.update(vscode.window.activeTextEditor?.document, force || stale);
    stale = false;
    showFilter();
  };
  /** The active filter, in the view's title (description) and above the tree (message). */
  const showFilter = () => {
    const { filter } = provider.options;
    view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
    view.message = provider.message;
  };
  const refreshSoon = () => {
    if (!view.visible) stale = true;
    else if (!refreshTimer) refreshTimer = setTimeout(refresh, REFRESH_DELAY_MS);
  };
  const isActive = (uri: vscode.Uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString();

  const setSort = (sort: OutlineSort) => () => {
    provider.setOptions({ sort });
    // The view's menu shows a checked variant of the active sort's command (extensions cannot mark a menu item checked).
    void vscode.commands.executeCommand('setContext', 'dailyPapers.outline.sort', sort);
  };
  // Like the built-in Outline: a click reveals the element and keeps the keyboard in the tree; a double click
  // (a second reveal of the same element right after) or Enter (a keybinding: select the focused row, then
  // dailyPapers.outline.open) moves focus to the editor.
  let lastReveal: { id: string; at: number } | undefined;
  const reveal = (handle: unknown, preserveFocus: boolean) => {
    const ref = isHandle(handle) ? provider.locate(handle) : undefined;
    return ref && revealLine(ref, { preserveFocus });
  };

  context.subscriptions.push(
    provider,
    view,
    timeoutDisposable(() => refreshTimer),
    timeoutDisposable(() => followTimer),
    registerDocumentSymbols(symbols, configuration),
    vscode.languages.registerFoldingRangeProvider(DIGEST_SELECTOR, symbols),
    vscode.languages.registerWorkspaceSymbolProvider(new PaperSymbols(index, () => provideAllSymbols(configuration))),
    view.onDidChangeVisibility((e) => e.visible && stale && refresh(true)),
    vscode.window.onDidChangeActiveTextEditor(() => refresh()),
    digests.onDidChangeDigest((d) => isActive(d.uri) && refreshSoon()),
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.some(isActive) && refreshSoon()),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.commands.registerCommand('dailyPapers.outline.reveal', (handle: unknown) => {
      const now = Date.now();
      const double = isHandle(handle) && lastReveal?.id === handle.id && now - lastReveal.at < DOUBLE_CLICK_MS;
      lastReveal = double || !isHandle(handle) ? undefined : { id: handle.id, at: now };
      return reveal(handle, !double);
    }),
    vscode.commands.registerCommand('dailyPapers.outline.open', (handle?: unknown) => reveal(handle ?? view.selection[0], false)),
    vscode.commands.registerCommand('dailyPapers.outline.sortByFile', setSort('file')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByVotes', setSort('votes')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByTitle', setSort('title')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByFile.checked', setSort('file')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByVotes.checked', setSort('votes')),
    vscode.commands.registerCommand('dailyPapers.outline.sortByTitle.checked', setSort('title')),
    vscode.commands.registerCommand('dailyPapers.outline.filter', async (text?: string) => {
      const filter = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter papers'), prompt: vscode.l10n.t('Title, author or arXiv ID (empty to clear)'), value: provider.options.filter });
      if (filter === undefined) return;
      provider.setOptions({ filter });
      showFilter();
    }),
    vscode.commands.registerCommand('dailyPapers.outline.clearFilter', () => {
      provider.setOptions({ filter: '' });
      showFilter();
    }),
    vscode.commands.registerCommand('dailyPapers.goToPaper', async () => {
      await index.ready;
      await goToPaper(index);
    }),
  );
  registerPaperCommands(context, digests, (arg) => (isHandle(arg) ? provider.locate(arg) : undefined));
  void vscode.commands.executeCommand('setContext', 'dailyPapers.outline.sort', 'file');
  refresh(true);
  return { provider, view };
}
