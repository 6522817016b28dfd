// Hover cards on arXiv references in digests (titles, thumbnails, URLs, `arXiv:ID`, bare IDs), with metadata from
// arXiv and Hugging Face fetched in the background for hovered and visible papers; also wires the ID links.
import * as vscode from 'vscode';
import { baseArxivId, type DigestEntry } from '../digest';
import { referenceAt } from '../digest/references';
import { buildCard, paperFromEntry, type CardOptions, type CardPaper, type EntryRef } from '../metadata/card';
import type { MetadataService } from '../metadata/service';
import { toRange } from './convert';
import type { Configuration } from './configuration';
import { timeoutDisposable } from './dispose';
import type { DigestService } from './digests';
import { registerDocumentLinks } from './documentLinks';
import type { MetadataHolder } from './metadataHolder';
import { DIGEST_SELECTOR } from './registerValidation';
import type { WorkspaceIndex } from './workspaceIndex';

/** The longest a hover waits for the network; after that it shows what is known, and the next hover knows more. */
const HOVER_WAIT_MS = 1000;
/** Visible papers are prefetched this long after scrolling stops. */
const PREFETCH_DELAY_MS = 500;
const MAX_PREFETCH = 50;

function cardOptions(configuration: Configuration): { enabled: boolean; options: Partial<CardOptions> } {
  const { enabled, showThumbnail, maxAuthors, summaryLength } = configuration.get('hover');
  return { enabled, options: { showThumbnail, maxAuthors, summaryLength } };
}

/** `dailyPapers.showPreview` belongs to another feature: the card links it only when it exists. */
class CommandList {
  private cached: { at: number; commands: Promise<ReadonlySet<string>> } | undefined;

  get(): Promise<ReadonlySet<string>> {
    if (this.cached && Date.now() - this.cached.at < 10_000) return this.cached.commands;
    const commands = Promise.resolve(vscode.commands.getCommands(true)).then((all) => new Set(all.filter((c) => c.startsWith('dailyPapers.'))));
    this.cached = { at: Date.now(), commands };
    return commands;
  }
}

export class PaperHoverProvider implements vscode.HoverProvider {
  private readonly commands = new CommandList();

  constructor(
    private readonly digests: DigestService,
    private readonly workspace: WorkspaceIndex,
    private readonly metadata: () => MetadataService | undefined,
    private readonly configuration: Configuration,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = cardOptions(this.configuration);
    if (!settings.enabled) return undefined;
    const digest = this.digests.getDigest(document);
    if (!digest) return undefined;
    const line = document.lineAt(position.line);
    const target = referenceAt(digest, { text: line.text, line: line.lineNumber, start: document.offsetAt(line.range.start) }, position.character);
    if (!target) return undefined;

    const id = baseArxivId(target.id);
    const uri = document.uri.toString();
    const appearances = this.workspace.index.appearances(id);
    const entry: DigestEntry | undefined = target.entry ?? digest.entries.find((e) => e.arxivId !== null && baseArxivId(e.arxivId) === id);
    let paper: CardPaper = { id, title: undefined, authors: [], votes: null, thumbnail: undefined, sections: [] };
    let ref: EntryRef | undefined;
    if (entry) {
      paper = paperFromEntry(entry);
      ref = { uri, line: entry.headingRange.start.line };
    } else if (appearances.length > 0) {
      const first = appearances[0];
      paper = { ...paper, title: first.title, authors: first.authors, votes: first.votes };
      ref = { uri: first.file, line: first.line };
    }

    const service = this.metadata();
    const [metadata] = service ? await service.lookup([id], HOVER_WAIT_MS) : [undefined];
    const availableCommands = await this.commands.get();
    if (token.isCancellationRequested) return undefined;

    const card = buildCard({
      paper,
      entry: ref,
      appearances: appearances.map((a) => ({ date: a.date, ref: { uri: a.file, line: a.line } })),
      metadata,
      availableCommands,
      options: settings.options,
      t: (message, ...args) => vscode.l10n.t(message, ...args),
    });
    const markdown = new vscode.MarkdownString(card.markdown);
    // Command links run only this extension's commands that the card itself put there.
    markdown.isTrusted = { enabledCommands: [...card.enabledCommands] };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, toRange(target.range));
  }
}

/** Asks for the metadata of the papers on screen, so that hovering them finds it cached. */
function prefetchVisible(digests: DigestService, service: MetadataService | undefined): void {
  if (!service) return;
  const ids = new Set<string>();
  for (const editor of vscode.window.visibleTextEditors) {
    const digest = digests.getDigest(editor.document);
    if (!digest) continue;
    for (const range of editor.visibleRanges) {
      for (const entry of digest.entries) {
        if (entry.arxivId && entry.range.end.line >= range.start.line && entry.range.start.line <= range.end.line) ids.add(entry.arxivId);
      }
    }
  }
  if (ids.size > 0) service.request([...ids].slice(0, MAX_PREFETCH));
}

export interface HoverServices {
  readonly digests: DigestService;
  readonly index: WorkspaceIndex;
  readonly metadata: MetadataHolder;
  readonly configuration: Configuration;
}

export function registerHover(context: vscode.ExtensionContext, { digests, index, metadata: holder, configuration }: HoverServices): PaperHoverProvider {
  const provider = new PaperHoverProvider(digests, index, () => holder.current, configuration);
  let prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  const schedulePrefetch = () => {
    clearTimeout(prefetchTimer);
    prefetchTimer = setTimeout(() => prefetchVisible(digests, holder.current), PREFETCH_DELAY_MS);
  };
  context.subscriptions.push(
    timeoutDisposable(() => prefetchTimer),
    vscode.languages.registerHoverProvider(DIGEST_SELECTOR, provider),
    vscode.window.onDidChangeTextEditorVisibleRanges(schedulePrefetch),
    vscode.window.onDidChangeVisibleTextEditors(schedulePrefetch),
    holder.onDidReset(schedulePrefetch),
    vscode.commands.registerCommand('dailyPapers.clearMetadataCache', async () => {
      const service = holder.current;
      if (!service) return;
      await service.clear();
      vscode.window.setStatusBarMessage(vscode.l10n.t('Paper metadata cache cleared'), 3000);
    }),
  );
  registerDocumentLinks(context, digests, configuration);
  schedulePrefetch();
  return provider;
}
