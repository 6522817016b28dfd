// Writing digests by hand: Format Document, New Digest, Insert Paper Entry…, Reorder Entries in File by Votes,
// exports (JSON, CSV, BibTeX; this digest, the workspace or a folder) and completions for labels and fields.
import * as vscode from 'vscode';
import {
  digestPath, entryText, formatDigest, isDigest, minimalEdit, newDigestText, parseArxivInput, parseDigest,
  labelMarkup, preferredStyle, sortEntriesByVotes, toBibliography, toCsv, toExport, type DigestDocument,
} from '../digest';
import { toTextEdit } from './convert';
import { reportExport } from './exportReport';
import type { DigestService } from './digests';
import { markdownFilesUnder } from './markdownFiles';
import { DIGEST_SELECTOR } from './registerValidation';
import type { Configuration } from './configuration';

/** What the metadata service knows of a paper, when it is online; undefined otherwise. */
export type PaperLookup = (arxivId: string) => Promise<{ title?: string; authors?: readonly string[] } | undefined>;

const today = () => new Date().toISOString().slice(0, 10);

function formatEdits(document: vscode.TextDocument, digest: DigestDocument): vscode.TextEdit[] {
  const edit = minimalEdit(digest.text, formatDigest(digest));
  if (!edit) return [];
  return [new vscode.TextEdit(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText)];
}

/**
 * The entry skeleton as a snippet: the title selected first, then the authors when unknown, then a placeholder after
 * each label — text to type over, so the new entry raises no "empty summary bullet" while it is being written.
 */
function entrySnippet(text: string, authorsKnown: boolean): vscode.SnippetString {
  let n = 1;
  let snippet = text.replace(/[$}\\]/g, '\\$&').replace(/^### \[([^\]\n]*)\]/m, (_m, title: string) => `### [\${1:${title}}]`);
  if (!authorsKnown) snippet = snippet.replace(/^Authors: (.*)$/m, (_m, names: string) => `Authors: \${${++n}:${names}}`);
  return new vscode.SnippetString(snippet.replace(/^(- \*{2,3}[^*\n]+\*{2,3}:)$/gm, (line) => `${line} \${${++n}:…}`));
}

async function newDigest(configuration: Configuration): Promise<void> {
  const date = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Digest'),
    prompt: vscode.l10n.t('Date of the digest (YYYY-MM-DD)'),
    value: today(),
    validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : vscode.l10n.t('Expected a date as YYYY-MM-DD')),
  });
  if (!date) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const content = newDigestText(date);
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    return;
  }
  const pattern = configuration.get('newDigest').path;
  const uri = vscode.Uri.joinPath(folder.uri, digestPath(pattern, date));
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    // Created through an edit, so that it is undoable and unsaved until the user saves it.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(content) });
    await vscode.workspace.applyEdit(edit);
  }
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
}

async function insertEntry(digests: DigestService, lookup: PaperLookup | undefined, input?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const value = input ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Insert Paper Entry'),
    prompt: vscode.l10n.t('arXiv ID or URL'),
    placeHolder: '2501.17161',
    validateInput: (v) => (parseArxivInput(v) ? undefined : vscode.l10n.t('Expected an arXiv ID such as 2501.17161 or an arxiv.org URL')),
  }));
  const arxivId = value && parseArxivInput(value);
  if (!arxivId) return false;
  const known = await lookup?.(arxivId).catch(() => undefined);
  if (!known?.title) void vscode.window.setStatusBarMessage(vscode.l10n.t('arXiv unreachable: placeholders inserted for {0}', arxivId), 8000);
  const style = digests.getModel(editor.document)?.style.labelStyle ?? 'none';
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = entryText({ arxivId, title: known?.title, authors: known?.authors, labelStyle: preferredStyle(style) }, eol);
  const line = editor.selection.active.line;
  const at = editor.document.lineAt(line).isEmptyOrWhitespace ? new vscode.Position(line, 0) : editor.document.lineAt(line).range.end;
  const prefix = at.character === 0 ? '' : eol + eol;
  return editor.insertSnippet(entrySnippet(prefix + text, Boolean(known?.authors?.length)), at);
}

async function sortByVotes(digests: DigestService): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const digest = editor && digests.getDigest(editor.document);
  if (!editor || !digest) return false;
  const edits = sortEntriesByVotes(digest);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every day of this digest is already sorted by votes.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(editor.document.uri, edits.map(toTextEdit));
  return vscode.workspace.applyEdit(edit);
}

type ExportFormat = 'json' | 'csv' | 'bibtex';

/** What an export covers: one digest, or every digest under a folder (the workspace's folders, or one picked). */
type ExportScope = { file: vscode.Uri } | { folders: readonly vscode.Uri[] };

/** Asks what to export: the active digest, every digest in the workspace, or a folder. */
async function pickScope(digests: DigestService): Promise<ExportScope | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const folders = vscode.workspace.workspaceFolders ?? [];
  type Item = vscode.QuickPickItem & { scope: () => Promise<ExportScope | undefined> };
  const items: Item[] = [];
  if (active && digests.getDigest(active)) {
    items.push({ label: vscode.l10n.t('This Digest'), description: vscode.workspace.asRelativePath(active.uri), scope: async () => ({ file: active.uri }) });
  }
  if (folders.length) {
    items.push({ label: vscode.l10n.t('All Digests in the Workspace'), description: folders.map((f) => f.name).join(', '), scope: async () => ({ folders: folders.map((f) => f.uri) }) });
  }
  items.push({
    label: vscode.l10n.t('A Folder…'),
    scope: async () => {
      const [folder] = (await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, title: vscode.l10n.t('Export the digests in this folder') })) ?? [];
      return folder && { folders: [folder] };
    },
  });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Digests'), placeHolder: vscode.l10n.t('What to export') });
  return picked?.scope();
}

async function digestsIn(folders: readonly vscode.Uri[]): Promise<{ name: string; doc: DigestDocument }[]> {
  const docs: { name: string; doc: DigestDocument }[] = [];
  for (const folder of folders) {
    for (const uri of await markdownFilesUnder(folder)) {
      const doc = parseDigest(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      if (isDigest(doc)) docs.push({ name: vscode.workspace.asRelativePath(uri), doc });
    }
  }
  return docs;
}

/** Exports `target` (a digest or a folder; asked for when absent) in `format` to `destination` (asked for when absent). */
async function exportDigests(digests: DigestService, target?: vscode.Uri, format?: ExportFormat, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const isFolder = target ? (await vscode.workspace.fs.stat(target)).type === vscode.FileType.Directory : false;
  const scope = target ? (isFolder ? { folders: [target] } : { file: target }) : await pickScope(digests);
  if (!scope) return undefined;
  const docs: { name: string; doc: DigestDocument }[] = [];
  if ('file' in scope) {
    const doc = digests.getDigest(await vscode.workspace.openTextDocument(scope.file));
    if (doc) docs.push({ name: vscode.workspace.asRelativePath(scope.file), doc });
  } else {
    docs.push(...(await digestsIn(scope.folders)));
  }
  if (docs.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No digest to export here.'));
    return undefined;
  }
  const picked = format ?? (await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: vscode.l10n.t('days, entries and fields, as the CLI prints them'), format: 'json' as const },
      { label: 'CSV', description: 'date,title,url (papers_list.csv)', format: 'csv' as const },
      { label: 'BibTeX', description: vscode.l10n.t('one @misc entry per paper'), format: 'bibtex' as const },
    ],
    { title: vscode.l10n.t('Export Digests') },
  ))?.format;
  if (!picked) return undefined;
  const content =
    picked === 'csv' ? toCsv(docs.map((d) => d.doc)) : picked === 'bibtex' ? toBibliography(docs.map((d) => d.doc)) : JSON.stringify(docs.map((d) => toExport(d.name, d.doc)), null, 2) + '\n';
  const extension = picked === 'bibtex' ? 'bib' : picked;
  // Next to the digest, or in the (first) folder, named after it.
  const base = 'file' in scope ? vscode.Uri.joinPath(scope.file, '..') : scope.folders[0]!;
  const name = 'file' in scope ? scope.file.path.split('/').pop()!.replace(/\.md$/i, `.${extension}`) : `${(scope.folders.length === 1 && base.path.split('/').pop()) || 'digests'}.${extension}`;
  const uri = destination ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(base, name), title: vscode.l10n.t('Export Digests') }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  reportExport(uri, docs.reduce((n, d) => n + d.doc.entries.length, 0), docs.length);
  return uri;
}

const LABELS = ["What's New", 'Technical Details', 'Performance Highlights', 'Conclusion', 'Methodology', 'Limitations'];

/** Labels after `- **` / `- ***`, and field names at the start of a line inside an entry. */
class DigestCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly digests: DigestService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const model = this.digests.getModel(document);
    if (!model) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const label = /^- (\*{0,3})([^*:]*)$/.exec(before);
    if (label && before.startsWith('- *')) {
      const style = preferredStyle(model.style.labelStyle);
      const range = new vscode.Range(position.line, 2, position.line, position.character);
      return LABELS.map((name, i) => {
        const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Keyword);
        item.insertText = `${labelMarkup(name, style)} `;
        item.filterText = `${label[1]}${name}`;
        item.range = range;
        item.sortText = String(i);
        item.detail = vscode.l10n.t('Summary label');
        return item;
      });
    }
    if (!/^[A-Za-z!]*$/.test(before)) return undefined;
    const entry = model.doc.entries.find((e) => e.range.start.line < position.line && position.line <= e.range.end.line + 1);
    if (!entry) return undefined;
    const range = new vscode.Range(position.line, 0, position.line, position.character);
    const field = (name: string, insert: string | vscode.SnippetString, detail: string) => {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Field);
      item.insertText = insert;
      item.range = range;
      item.detail = detail;
      return item;
    };
    const items = [
      field('Vote:', new vscode.SnippetString('Vote: ${1:0}'), vscode.l10n.t('Votes on Hugging Face')),
      field('Authors:', new vscode.SnippetString('Authors: ${1}'), vscode.l10n.t('Comma-separated author names')),
    ];
    if (entry.arxivId) items.unshift(field('![](thumbnail)', `![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${entry.arxivId.replace(/v\d+$/, '')}.png)`, vscode.l10n.t('The paper thumbnail')));
    return items;
  }
}

export function registerAuthoring(context: vscode.ExtensionContext, digests: DigestService, configuration: Configuration, lookup?: PaperLookup): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentFormattingEditProvider(DIGEST_SELECTOR, {
      provideDocumentFormattingEdits: (document) => {
        const digest = digests.getDigest(document);
        return digest ? formatEdits(document, digest) : undefined;
      },
    }),
    vscode.languages.registerCompletionItemProvider(DIGEST_SELECTOR, new DigestCompletions(digests), '*'),
    vscode.commands.registerCommand('dailyPapers.newDigest', () => newDigest(configuration)),
    vscode.commands.registerCommand('dailyPapers.insertEntry', (input?: string) => insertEntry(digests, lookup, typeof input === 'string' ? input : undefined)),
    vscode.commands.registerCommand('dailyPapers.sortByVotes', () => sortByVotes(digests)),
    vscode.commands.registerCommand('dailyPapers.export', (target?: vscode.Uri, format?: ExportFormat, destination?: vscode.Uri) =>
      exportDigests(digests, target instanceof vscode.Uri ? target : undefined, format, destination),
    ),
  );
}
