// Resolves which entry a paper command acts on: a tree item, explicit (uri, line) arguments, or the cursor.
import * as vscode from 'vscode';
import type { DigestEntry } from '../digest';
import type { DigestService } from './digests';

export interface EntryTarget {
  readonly uri: vscode.Uri;
  readonly entry: DigestEntry;
  readonly date: string | null;
}

/** A reference to an entry that commands accept as their argument (tree items carry one). */
export interface EntryRef {
  readonly uri: string;
  readonly line: number;
}

export function isEntryRef(value: unknown): value is EntryRef {
  return typeof value === 'object' && value !== null && typeof (value as EntryRef).uri === 'string' && typeof (value as EntryRef).line === 'number';
}

/**
 * The entry a command should act on: `arg` is an EntryRef (from hovers and the preview), anything a
 * `toRef` function can locate (a tree element), or nothing (the entry under the cursor).
 */
export async function resolveEntry(digests: DigestService, arg: unknown, toRef?: (arg: unknown) => EntryRef | undefined): Promise<EntryTarget | undefined> {
  let document: vscode.TextDocument | undefined;
  let line: number;
  if (!isEntryRef(arg) && arg !== undefined && toRef) arg = toRef(arg);
  if (isEntryRef(arg)) {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    line = arg.line;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    document = editor.document;
    line = editor.selection.active.line;
  }
  const found = digests.getModel(document)?.entryAt(line);
  return found && { uri: document.uri, entry: found.entry, date: found.date };
}
