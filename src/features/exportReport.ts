// What every export says when it is done: how much it wrote and where, with buttons to open the file or reveal it.
import * as vscode from 'vscode';

export function reportExport(destination: vscode.Uri, papers: number, digests: number): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const where = vscode.workspace.asRelativePath(destination);
  const message = digests === 1 ? vscode.l10n.t('Exported {0} papers of 1 digest to {1}', papers, where) : vscode.l10n.t('Exported {0} papers of {1} digests to {2}', papers, digests, where);
  // Not awaited: the export is done, the notification stays until the user dismisses it.
  void vscode.window.showInformationMessage(message, open, reveal).then((choice) => {
    if (choice === open) return vscode.commands.executeCommand('vscode.open', destination);
    if (choice === reveal) return vscode.commands.executeCommand('revealInExplorer', destination);
    return undefined;
  });
}
