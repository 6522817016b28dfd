// The commands behind the Daily Papers welcome view: open the bundled sample digest and the documentation.
import * as vscode from 'vscode';

/** The sample shipped in the package (see .vscodeignore): one day of real papers in the current format. */
const SAMPLE = ['samples', 'paper_logs', '2025', '01', '29.md'];

export function registerWelcome(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // An untitled copy: the user can edit and save it anywhere, and the installed extension is never written to.
    vscode.commands.registerCommand('dailyPapers.openSample', async () => {
      const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE)));
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      return vscode.window.showTextDocument(document);
    }),
    // The bundled README, rendered: works offline.
    vscode.commands.registerCommand('dailyPapers.showDocs', () => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md'))),
  );
}
