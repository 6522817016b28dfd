// Reading a workspace file's bytes in the web extension host (a Web Worker: no disk of its own), through the
// workbench's file systems. The Node host's counterpart is readFile.ts.
import * as vscode from 'vscode';

export async function readWorkspaceFile(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}
