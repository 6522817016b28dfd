// Wires the digest preview: open (here or to the side), lock, show source, export as HTML, restore on reload,
// and a state command for tests and the harness.
import * as vscode from 'vscode';
import type { DigestService } from '../features/digests';
import { isEntryRef } from '../features/entryTarget';
import { exportHtml } from './exportHtml';
import { PreviewManager } from './manager';
import { PREVIEW_VIEW_TYPE } from './protocol';
import type { Configuration } from '../features/configuration';
import { previewConfig } from './settings';
import { renderStrings } from './strings';

const asUri = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : undefined);

export function registerPreview(context: vscode.ExtensionContext, digests: DigestService, log: vscode.LogOutputChannel, configuration: Configuration): PreviewManager {
  const manager = new PreviewManager(digests, log, context.extensionUri, configuration);

  /** The document to preview: a URI argument (editor title, explorer), else the active editor's digest. */
  const target = async (arg: unknown): Promise<vscode.Uri | undefined> => {
    const uri = asUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
    const document = uri && (await vscode.workspace.openTextDocument(uri));
    if (document && digests.getDigest(document)) return document.uri;
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Daily Papers digest to preview it.'));
    return undefined;
  };
  const open = (column: () => vscode.ViewColumn, preserveFocus: boolean) => async (arg?: unknown) => {
    const uri = await target(arg);
    return uri && manager.open(uri, column(), { preserveFocus }).info;
  };

  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand(
      'dailyPapers.preview.open',
      open(() => vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, false),
    ),
    vscode.commands.registerCommand(
      'dailyPapers.preview.openToSide',
      open(() => vscode.ViewColumn.Beside, true),
    ),
    // From the hover card (an EntryRef) or the palette (the cursor's entry): that entry, in a preview to the side.
    vscode.commands.registerCommand('dailyPapers.showPreview', async (ref?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const uri = isEntryRef(ref) ? vscode.Uri.parse(ref.uri) : editor?.document.uri;
      const line = isEntryRef(ref) ? ref.line : editor?.selection.active.line;
      const source = await target(uri);
      if (!source || line === undefined) return undefined;
      const preview = manager.forSource(source)[0] ?? manager.open(source, vscode.ViewColumn.Beside, { preserveFocus: true });
      preview.reveal(preview.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      preview.revealEntry(line);
      return preview.info;
    }),
    vscode.commands.registerCommand('dailyPapers.preview.toggleLock', () => manager.toggleLock()),
    vscode.commands.registerCommand('dailyPapers.preview.showSource', async () => {
      const source = manager.active?.source;
      if (!source) return;
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString());
      await vscode.window.showTextDocument(source, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside });
    }),
    // For tests and the harness: every open preview, with what its page last reported (entries shown, version).
    vscode.commands.registerCommand('dailyPapers.preview.state', () => manager.infos),
    vscode.commands.registerCommand('dailyPapers.exportHtml', (source?: unknown, destination?: unknown) =>
      exportHtml(
        digests,
        context.extensionUri,
        { maxAuthors: previewConfig(configuration).maxAuthors, strings: renderStrings() },
        asUri(source) ?? manager.active?.source,
        asUri(destination),
      ),
    ),
  );
  return manager;
}
