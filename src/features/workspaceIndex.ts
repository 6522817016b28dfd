// The workspace index in VS Code: every digest of the workspace, indexed in the background in small time
// slices, kept current by a file watcher and by open editors. Serves workspace symbols and "Go to Paper…".
import * as vscode from 'vscode';
import { mayHaveDayHeader, PaperIndex, parseDigest, type PaperMatch } from '../digest';
import type { DigestService } from './digests';

const GLOB = '**/*.md';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** The longest the index may hold the extension host before yielding. */
const SLICE_MS = 20;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex implements vscode.Disposable {
  readonly index = new PaperIndex();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Resolves when the first full build is done. */
  readonly ready: Promise<void>;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly digests: DigestService, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidCreate((uri) => void this.indexFile(uri)),
      watcher.onDidChange((uri) => void this.indexFile(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      digests.onDidChangeDigest((d) => this.scheduleOpen(d)),
      vscode.workspace.onDidOpenTextDocument((d) => this.indexOpen(d)),
    );
    this.ready = this.build();
  }

  private async build(): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE);
    const work = async (progress?: vscode.Progress<{ message?: string }>) => {
      let slice = Date.now();
      for (const [i, uri] of uris.entries()) {
        await this.indexFile(uri, false);
        if (Date.now() - slice > SLICE_MS) {
          progress?.report({ message: `${i + 1}/${uris.length}` });
          await yieldToHost();
          slice = Date.now();
        }
      }
    };
    // A progress indicator only when indexing takes more than a moment.
    const first = work();
    const shown = await Promise.race([first.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 500))]);
    if (!shown) await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing digests') }, () => first);
    this.log.info(`Indexed ${this.index.paperCount} papers in ${this.index.fileCount} digests (${uris.length} Markdown files) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private async indexFile(uri: vscode.Uri, notify = true): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.indexOpen(open, notify);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (!mayHaveDayHeader(text)) this.index.deleteFile(uri.toString());
      else this.index.setFile(uri.toString(), parseDigest(text));
    } catch (e) {
      this.log.warn(`Could not index ${uri.fsPath}: ${String(e)}`);
    }
    if (notify) this.changed.fire();
  }

  private indexOpen(document: vscode.TextDocument, notify = true): void {
    const digest = this.digests.getDigest(document);
    if (digest) this.index.setFile(document.uri.toString(), digest);
    else this.index.deleteFile(document.uri.toString());
    if (notify) this.changed.fire();
  }

  private scheduleOpen(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.set(key, setTimeout(() => this.indexOpen(document), 300));
  }

  private remove(uri: vscode.Uri): void {
    this.index.deleteFile(uri.toString());
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.editTimers.values()) clearTimeout(t);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Ctrl+T: papers by title, arXiv ID or author; the symbol's name shows what matched so VS Code keeps it. */
export class PaperSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    return this.workspace.index.search(query, 1000).map((m) => toSymbol(m));
  }
}

function toSymbol({ paper, kind, author }: PaperMatch): vscode.SymbolInformation {
  const name = kind === 'id' ? `${paper.id} ${paper.title}` : kind === 'author' ? `${author}: ${paper.title}` : paper.title;
  const container = [paper.id, paper.date, paper.votes !== null ? `▲ ${paper.votes}` : ''].filter(Boolean).join(' · ');
  const uri = vscode.Uri.parse(paper.file);
  return new vscode.SymbolInformation(name, vscode.SymbolKind.Object, container, new vscode.Location(uri, new vscode.Position(paper.line, 0)));
}

interface PaperPick extends vscode.QuickPickItem {
  readonly locations: { file: string; line: number }[];
}

/** "Go to Paper…": every paper once, with the days it appears on; search covers title, ID and authors. */
export async function goToPaper(workspace: WorkspaceIndex): Promise<void> {
  const byId = new Map<string, PaperPick>();
  for (const p of workspace.index.papers()) {
    const existing = byId.get(p.id);
    if (existing) {
      existing.locations.push({ file: p.file, line: p.line });
      continue;
    }
    const appearances = workspace.index.appearances(p.id);
    const days = [...new Set(appearances.map((a) => a.date ?? '?'))].join(', ');
    byId.set(p.id, {
      label: p.title,
      description: `${p.id}${p.votes !== null ? ` · ▲ ${p.votes}` : ''} · ${days}`,
      detail: p.authors.join(', '),
      locations: [{ file: p.file, line: p.line }],
    });
  }
  const pick = await vscode.window.showQuickPick([...byId.values()], {
    title: vscode.l10n.t('Go to Paper'),
    placeHolder: vscode.l10n.t('Search papers by title, arXiv ID or author'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return;
  const target = pick.locations[0];
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.file));
  const position = new vscode.Position(target.line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
