// Commands on one paper (from the tree, a hover, the preview or the cursor): open on arXiv, PDF, Hugging Face,
// copy the ID or a BibTeX entry, and reveal an entry's line.
import * as vscode from 'vscode';
import { arxivAbsUrl, arxivPdfUrl, baseArxivId, huggingFacePaperUrl, toBibtex } from '../digest';
import type { DigestService } from './digests';
import { isEntryRef, resolveEntry, type EntryRef, type EntryTarget } from './entryTarget';

export type RefResolver = (arg: unknown) => EntryRef | undefined;

/** Shows `ref`'s line in its editor; with `preserveFocus` the keyboard stays where it is (a tree, the preview). */
export async function revealLine(ref: EntryRef, { preserveFocus = false } = {}): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ref.uri);
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri)));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus });
  const position = new vscode.Position(ref.line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerPaperCommands(context: vscode.ExtensionContext, digests: DigestService, toRef: RefResolver): void {
  const withEntry = (run: (target: EntryTarget & { id: string }) => unknown) => async (arg?: unknown) => {
    const target = await resolveEntry(digests, arg, toRef);
    if (!target?.entry.arxivId) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Put the cursor in a digest entry that links to arXiv.'));
      return undefined;
    }
    return run({ ...target, id: baseArxivId(target.entry.arxivId) });
  };
  const open = (url: (id: string) => string) => withEntry(({ id }) => vscode.env.openExternal(vscode.Uri.parse(url(id))));
  context.subscriptions.push(
    vscode.commands.registerCommand('dailyPapers.openOnArxiv', open(arxivAbsUrl)),
    vscode.commands.registerCommand('dailyPapers.openPdf', open(arxivPdfUrl)),
    vscode.commands.registerCommand('dailyPapers.openHuggingFace', open(huggingFacePaperUrl)),
    vscode.commands.registerCommand(
      'dailyPapers.copyId',
      withEntry(async ({ id }) => {
        await vscode.env.clipboard.writeText(id);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 2000);
        return id;
      }),
    ),
    vscode.commands.registerCommand(
      'dailyPapers.copyBibtex',
      withEntry(async ({ entry, id, date }) => {
        const bibtex = toBibtex({ arxivId: id, title: entry.title, authors: entry.authors?.names ?? [], authorsOmitted: entry.authors?.omitted, date: date ?? undefined });
        await vscode.env.clipboard.writeText(bibtex);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied BibTeX for {0}', id), 2000);
        return bibtex;
      }),
    ),
    vscode.commands.registerCommand('dailyPapers.revealLine', (ref: unknown) => (isEntryRef(ref) ? revealLine(ref) : undefined)),
  );
}
