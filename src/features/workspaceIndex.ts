// The workspace index in VS Code: every digest of the workspace, indexed in the background in small time
// slices, kept current by open editors, VS Code's file watcher and (Node host) a watch on each digest directory. Serves workspace symbols and "Go to Paper…".
import * as vscode from 'vscode';
import { isDigest, mayHaveDayHeader, PaperIndex, papersOf, parseDigest, type DigestDocument, type IndexedPaper, type PaperMatch } from '../digest';
import type { DigestService } from './digests';
import { DirectoryWatch } from './directoryWatch';
import { readWorkspaceFile } from './readFile';
import { Disposable } from './dispose';
import { SLICE_MS, yieldToHost } from './timeSlices';

const GLOB = '**/*.md';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** Files read ahead of the one being parsed while the index is built. */
const READS_AHEAD = 16;

/** A file's entry in the index, set or removed, with the parse it came from. */
export interface IndexedFile {
  /** The file's URI as a string. */
  readonly key: string;
  /**
   * The parsed digest (read from disk, or the open document's), undefined when the file is no digest (any more) or
   * is gone. For what a listener derives at once: holding on to it would keep the file's whole text in memory.
   */
  readonly digest: DigestDocument | undefined;
  readonly papers: readonly IndexedPaper[];
}

export class WorkspaceIndex extends Disposable {
  readonly index = new PaperIndex();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the first build and whenever a digest's papers change. */
  readonly onDidChange = this.changed.event;
  private readonly fileChanged = this.register(new vscode.EventEmitter<IndexedFile>());
  /** Fires whenever a file's entry in the index is set or removed (the insights take their facts from it). */
  readonly onDidChangeFile = this.fileChanged.event;
  /** Resolves when the first full build is done. */
  readonly ready: Promise<void>;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How many changes on disk the directory watch brought in (tests). */
  changesFromDirectoryWatch = 0;
  /** Digests changed on disk, seen before VS Code's watcher reports them (the Node host's; none in the web host). */
  private readonly directories = this.register(new DirectoryWatch((uri) => this.takeChange(uri)));
  /** Files `dailyPapers.files` makes digests although they have no day header (read from disk). */
  private matchedByFilesSetting = new Set<string>();

  constructor(private readonly digests: DigestService, private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(GLOB));
    this.register(watcher.onDidCreate((uri) => void this.indexFile(uri)));
    this.register(watcher.onDidChange((uri) => void this.changedOnDisk(uri)));
    this.register(watcher.onDidDelete((uri) => this.remove(uri)));
    this.register(digests.onDidChangeDigest((d) => this.scheduleOpen(d)));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.indexOpen(d)));
    this.register({ dispose: () => this.editTimers.forEach((t) => clearTimeout(t)) });
    this.ready = this.build();
  }

  private async build(): Promise<void> {
    const started = Date.now();
    this.matchedByFilesSetting = await this.digests.filesSettingMatches();
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE);
    const work = async (progress?: vscode.Progress<{ message?: string }>) => {
      let slice = Date.now();
      // Reads run ahead of parsing: waiting for one file at a time left the host idle for most of the build.
      const reads = new Map<number, Promise<Uint8Array | Error>>();
      const readAhead = (i: number) => {
        const uri = uris[i];
        if (uri && !this.openDocument(uri)) reads.set(i, readWorkspaceFile(uri).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
      };
      for (let i = 0; i < READS_AHEAD; i++) readAhead(i);
      for (const [i, uri] of uris.entries()) {
        readAhead(i + READS_AHEAD);
        const read = reads.get(i);
        reads.delete(i);
        await this.indexFile(uri, false, read);
        if (Date.now() - slice > SLICE_MS) {
          progress?.report({ message: `${i + 1}/${uris.length}` });
          await yieldToHost();
          slice = Date.now();
        }
      }
    };
    // A progress indicator only when indexing takes more than a moment.
    const first = work();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const shown = await Promise.race([first.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 500)))]);
    clearTimeout(timer);
    if (!shown) await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing digests') }, () => first);
    this.log.info(`Indexed ${this.index.paperCount} papers in ${this.index.fileCount} digests (${uris.length} Markdown files) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  /** The directory watch reports a change: taken for a digest indexed from disk (an open one follows its editor). */
  private takeChange(uri: vscode.Uri): boolean {
    if (!this.index.hasFile(uri.toString()) || this.openDocument(uri)) return false;
    this.changesFromDirectoryWatch++;
    void this.indexFile(uri);
    return true;
  }

  /** VS Code's watcher reports a change: indexed again unless the directory watch has reported this very change. */
  private async changedOnDisk(uri: vscode.Uri): Promise<void> {
    if (!(await this.directories.reportedAlready(uri))) await this.indexFile(uri);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** Indexes a file: its open document's model, else its contents (`read`: a read already started). */
  private async indexFile(uri: vscode.Uri, notify = true, read?: Promise<Uint8Array | Error>): Promise<void> {
    const open = this.openDocument(uri);
    if (open) return this.indexOpen(open, notify);
    const key = uri.toString();
    try {
      const bytes = await (read ?? readWorkspaceFile(uri));
      if (bytes instanceof Error) throw bytes;
      const text = new TextDecoder().decode(bytes);
      const matched = this.matchedByFilesSetting.has(key);
      const parsed = matched || mayHaveDayHeader(text) ? parseDigest(text) : undefined;
      const digest = parsed && isDigest(parsed, matched) ? parsed : undefined;
      this.set(key, digest);
      if (digest) this.directories.add(uri);
    } catch (e) {
      this.log.warn(`Could not index ${uri.toString(true)}: ${String(e)}`);
    }
    if (notify) this.changed.fire();
  }

  private indexOpen(document: vscode.TextDocument, notify = true): void {
    const key = document.uri.toString();
    const digest = this.digests.getDigest(document);
    this.set(key, digest, digest && this.digests.modelOf(digest).papers(key));
    if (notify) this.changed.fire();
  }

  /** Sets a file's papers (`digest` undefined: removes it) and tells the listeners. */
  private set(key: string, digest: DigestDocument | undefined, papers: readonly IndexedPaper[] = digest ? papersOf(key, digest) : []): void {
    if (digest) this.index.setPapers(key, papers);
    else this.index.deleteFile(key);
    this.fileChanged.fire({ key, digest, papers });
  }

  private scheduleOpen(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.set(key, setTimeout(() => {
      this.editTimers.delete(key);
      this.indexOpen(document);
    }, 300));
  }

  private remove(uri: vscode.Uri): void {
    this.set(uri.toString(), undefined);
    this.changed.fire();
  }
}

/**
 * Ctrl+T: papers by title, arXiv ID or author; the symbol's name shows what matched so VS Code keeps it. Unless
 * `all` says otherwise, only what the Markdown extension's heading symbols cannot find (an author, an arXiv ID
 * typed alone): it lists every title itself.
 */
export class PaperSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly all: () => boolean,
  ) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const matches = this.workspace.index.search(query, 1000);
    const wanted = this.all() ? matches : query.trim() === '' ? [] : matches.filter((m) => m.kind === 'author' || (m.kind === 'id' && m.paper.id !== m.paper.title));
    return wanted.map((m) => toSymbol(m));
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

/**
 * "Go to Paper…": every paper once, with the days it appears on; search covers title, ID and authors.
 * `query` fills the search box (the insights dashboard passes an author's name).
 */
export async function goToPaper(workspace: WorkspaceIndex, query = ''): Promise<void> {
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
  const quickPick = vscode.window.createQuickPick<PaperPick>();
  Object.assign(quickPick, {
    title: vscode.l10n.t('Go to Paper'),
    placeholder: vscode.l10n.t('Search papers by title, arXiv ID or author'),
    matchOnDescription: true,
    matchOnDetail: true,
    items: [...byId.values()],
    value: query,
  });
  const pick = await new Promise<PaperPick | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!pick) return;
  const target = pick.locations[0];
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.file));
  const position = new vscode.Position(target.line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
