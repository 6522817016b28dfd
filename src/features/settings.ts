// The workspace's `.daily-papers.json` (the settings themselves are read through `Configuration`).
import * as vscode from 'vscode';
import { parseConfig, type ValidationConfig } from '../digest';

export { SECTION } from './configSchema';
export const CONFIG_FILE = '.daily-papers.json';

/**
 * Reads `.daily-papers.json` of the workspace folder holding `uri`; a missing file is no config, a broken one
 * is reported once in the output channel and ignored.
 */
export async function readConfigFile(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<ValidationConfig | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch {
    return undefined;
  }
  const { config, errors } = parseConfig(new TextDecoder().decode(bytes));
  for (const e of errors) log.warn(`${file.fsPath}: ${e} (ignored)`);
  return config;
}
