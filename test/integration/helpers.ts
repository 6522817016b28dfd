// Small helpers shared by the suites that run inside the extension host.
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';

export const EXTENSION_ID = 'daily-papers.daily-papers-digest';

export function extension(): vscode.Extension<DailyPapersApi> {
  const ext = vscode.extensions.getExtension<DailyPapersApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository?`);
  return ext;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls a condition VS Code has no event for (extension activation), failing with `what` after `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
