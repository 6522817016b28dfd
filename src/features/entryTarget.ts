// Resolves which entry a paper command acts on: a tree item, explicit (uri, line) arguments, or the cursor.
import * as vscode from 'vscode';
import { buildOutline, nodeAtLine, type DigestDocument, type DigestEntry } from '../digest';
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

function entryAt(doc: DigestDocument, line: number): { entry: DigestEntry; date: string | null } | undefined {
  const outline = buildOutline(doc);
  const node = nodeAtLine(outline, line);
  if (!node || node.kind === 'day') return undefined;
  const outlineEntry = node.kind === 'entry' ? node : outline.byId.get(node.id.slice(0, node.id.lastIndexOf('/')));
  return outlineEntry?.kind === 'entry' ? { entry: outlineEntry.entry, date: outlineEntry.date } : undefined;
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
  const doc = digests.getDigest(document);
  const found = doc && entryAt(doc, line);
  return found && { uri: document.uri, ...found };
}
