// Keeps the `dailyPapers.isDigest` context key true while the active editor shows a digest (for menus and views).
import * as vscode from 'vscode';
import type { DigestService } from './digests';

export function registerDigestContext(context: vscode.ExtensionContext, digests: DigestService): void {
  let last: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isDigest = document !== undefined && digests.getDigest(document) !== undefined;
    if (isDigest !== last) void vscode.commands.executeCommand('setContext', 'dailyPapers.isDigest', (last = isDigest));
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    digests.onDidChangeDigest((d) => d === vscode.window.activeTextEditor?.document && update()),
  );
  update();
}
