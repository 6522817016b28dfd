// Reading a workspace file's bytes in the Node extension host. A file: URI is read from disk with Node's fs: this host
// runs where the files are, and `vscode.workspace.fs` asks the workbench window first on every call (a round trip
// per file that made indexing 5,000 digests wait on the window); other schemes go through `vscode.workspace.fs`.
// The web extension host has no disk: readFile.web.ts.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';

export async function readWorkspaceFile(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}
