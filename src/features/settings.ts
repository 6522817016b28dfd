// Typed access to the extension's settings, all under `dailyPapers`, plus the workspace's `.daily-papers.json`.
import * as vscode from 'vscode';
import { parseConfig, type SeveritySetting, type ValidationConfig } from '../digest';

export const SECTION = 'dailyPapers';
export const CONFIG_FILE = '.daily-papers.json';

export interface ValidationSettings {
  readonly enabled: boolean;
  readonly delay: number;
  readonly config: ValidationConfig;
}

export function validationSettings(scope?: vscode.ConfigurationScope): ValidationSettings {
  const c = vscode.workspace.getConfiguration(`${SECTION}.validation`, scope);
  return {
    enabled: c.get<boolean>('enabled', true),
    delay: Math.max(0, c.get<number>('delay', 50)),
    config: {
      rules: c.get<Record<string, SeveritySetting>>('rules', {}),
      labelStyle: c.get<'auto' | 'bold' | 'bold-italic'>('labelStyle', 'auto'),
    },
  };
}

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
