// Small helpers shared by the suites that run inside the extension host.
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';

export const EXTENSION_ID = 'daily-papers.daily-papers-digest';
/** The `source` of every diagnostic the extension publishes. */
export const SOURCE = 'Daily Papers';

export function extension(): vscode.Extension<DailyPapersApi> {
  const ext = vscode.extensions.getExtension<DailyPapersApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository?`);
  return ext;
}

/** The extension's API, activating it if no earlier test did. */
export async function api(): Promise<DailyPapersApi> {
  return extension().activate();
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

/**
 * Code actions for `range`, once the set of code action providers for Markdown is complete. VS Code cancels a code
 * action request (`Canceled`) when a provider registers while it runs, and the built-in Markdown extension, activated by
 * the same Markdown file as ours, registers its provider only after its language server has started: seconds later on
 * a busy machine. Its activate() resolves after that registration, so awaiting it first removes the race.
 */
export async function codeActions<T extends vscode.CodeAction | vscode.Command = vscode.CodeAction>(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<T[]> {
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  return vscode.commands.executeCommand<T[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

/** Polls a condition VS Code has no event for (extension activation), failing with `what` after `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls an asynchronous condition (a state a command reports, no event for it) every 100 ms; fails naming `what` after `ms`. */
export async function pollUntil(condition: () => Promise<boolean>, what: () => string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once `condition` holds, checking now and after each firing of `event`; fails naming `what` after `ms`. */
export function until<T>(event: vscode.Event<T>, condition: () => boolean, what: string | (() => string), ms = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      try {
        if (condition()) finish();
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const subscription = event(check);
    const timer = setTimeout(() => finish(new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`)), ms);
    check();
  });
}

/** The next firing of `event` that passes `filter`, or an error after `ms`. Subscribe before causing it. */
export function nextEvent<T>(event: vscode.Event<T>, what: string, filter: (value: T) => boolean = () => true, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const subscription = event((value) => {
      if (!filter(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Polls an asynchronous condition every 50 ms until it holds, failing after `ms` with what it waited for. */
/** `what` may be a function: it is asked when the deadline passes (to name the last state seen). */
export async function waitForAsync(condition: () => Promise<boolean>, what: string | (() => string), ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Shows the Daily Papers tree (it does no work while hidden) and waits until it is visible. */
export async function showTree(view: vscode.TreeView<unknown>): Promise<void> {
  if (view.visible) return;
  await vscode.commands.executeCommand('dailyPapers.outline.focus');
  await waitFor(() => view.visible, 'the Daily Papers view to be visible');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** This extension's diagnostics for a document, in line order. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** Waits (on onDidChangeDiagnostics) until our diagnostics for `uri` satisfy `test`, and returns them. */
export async function diagnosticsWhere(uri: vscode.Uri, test: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, ms = 15_000): Promise<vscode.Diagnostic[]> {
  await until(vscode.languages.onDidChangeDiagnostics, () => test(ours(uri)), () => `${what} (now: ${summarize(ours(uri))})`, ms);
  return ours(uri);
}

/** `rule@line` for each diagnostic (1-based lines, as the Problems panel shows them). */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none';
}

export const rules = (diagnostics: readonly vscode.Diagnostic[]): string[] => diagnostics.map(ruleOf);

/** The 0-based number of the first line of `document` that contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line of ${vscode.workspace.asRelativePath(document.uri)} contains ${JSON.stringify(text)}`);
}

/** Shows the document and reverts it to what is on disk (files.autoSave is off: edits stay in memory). */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  // "Revert File" skips untitled editors: those are reverted by "Revert and Close Editor", which disposes them.
  await vscode.commands.executeCommand(document.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  // The extension host hears of the clean state (or of the disposal) a little later.
  await waitFor(() => !document.isDirty || document.isClosed, `${vscode.workspace.asRelativePath(document.uri)} to be reverted`);
}

/** Reverts every dirty file and closes all editors, so each test starts from the workspace as written. */
export async function resetEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') await revert(document);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a setting in the workspace (the suite's copy of the folder), optionally for one language only. */
export async function setSetting(section: string, key: string, value: unknown, languageId?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, languageId !== undefined);
}

/** Plain text of a hover's contents, with the card's Markdown escapes (`\:`, `\-`, …) removed. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n').replace(/\\(.)/g, '$1');
}
