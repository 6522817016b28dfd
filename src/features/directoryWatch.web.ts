// The web extension host has no disk to watch: changes come through VS Code's file watcher alone (see
// directoryWatch.ts for the Node host's).
import type * as vscode from 'vscode';

export class DirectoryWatch implements vscode.Disposable {
  constructor(_changed: (uri: vscode.Uri) => boolean) {}
  add(_uri: vscode.Uri): void {}
  async reportedAlready(_uri: vscode.Uri): Promise<boolean> {
    return false;
  }
  dispose(): void {}
}
