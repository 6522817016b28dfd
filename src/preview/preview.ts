// One preview panel: renders its digest, sends only changed cards after edits, and handles the page's messages.
import * as vscode from 'vscode';
import { CardCache, diffDigests, digestBodyHtml, documentLanguage, renderDigest, type RenderedDigest, type RenderOptions } from '../digest/render';
import type { DigestService } from '../features/digests';
import { Disposable, timeoutDisposable } from '../features/dispose';
import { newNonce, previewPageHtml, tooLargePageHtml, type ToolbarStrings } from './page';
import { parsePageMessage, PREVIEW_VIEW_TYPE, type HostMessage, type PageMessage, type PageStrings } from './protocol';
import type { PreviewConfig } from './settings';

/** What the preview manager shares with every panel. */
export interface PreviewContext {
  readonly digests: DigestService;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  settings(): PreviewConfig;
  /** One object per configuration, so that the card cache can tell options apart by identity. */
  renderOptions(): RenderOptions;
  readonly toolbarStrings: ToolbarStrings;
  readonly pageStrings: PageStrings;
}

/** What the page last reported about itself. */
export type PageStatus = Omit<Extract<PageMessage, { type: 'status' }>, 'type' | 'source'>;

/** A preview's state, as the `dailyPapers.preview.state` command returns it (for tests and the harness). */
export interface PreviewInfo {
  readonly source: string;
  readonly title: string;
  readonly locked: boolean;
  readonly visible: boolean;
  readonly active: boolean;
  readonly viewColumn: number | undefined;
  /** The render version last sent to the page; the page has caught up when `page.version` equals it. */
  readonly version: number;
  /** Entries in the host's latest render. */
  readonly entries: number;
  /** Cards in the page's first paint: fewer than the entries when a large digest came in two steps. */
  readonly firstPaintCards: number;
  readonly page: PageStatus | undefined;
}

export const mediaRoot = (extensionUri: vscode.Uri): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'media');

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

const EMPTY: RenderedDigest = { days: [], cards: [] };
/** At most one patch per this many milliseconds: edits in between are sent together. */
const COALESCE_MS = 16;

/**
 * A digest with more entries than this is painted in two steps: the cards around the line the editor shows
 * first, then the whole digest as a patch once the page is up (a 1 MB digest's full page took 1-2 s to appear).
 * Sixteen fill a tall screen (a quarter above the line); forty took the page 150 ms to load instead of 77 ms.
 */
const FIRST_PAINT_CARDS = 16;

/**
 * Where the page is:
 * - `stale`: it shows an older render than the host's, or nothing (it was hidden when edits came): set the HTML again;
 * - `loading`: its HTML (made at `htmlVersion`) is set but the page has not said it is ready; a patch waits;
 * - `ready`: it has loaded `htmlVersion` and takes patches;
 * - `tooLarge`: it shows the size message instead of cards.
 */
type PageState =
  | { readonly kind: 'stale' }
  | { readonly kind: 'loading'; readonly htmlVersion: number; patchWaiting: boolean }
  | { readonly kind: 'ready' }
  | { readonly kind: 'tooLarge' };

export class DigestPreview extends Disposable {
  private readonly cache = new CardCache();
  private readonly disposed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposed.event;
  private rendered: RenderedDigest | undefined;
  private firstPaintCards = 0;
  /** The version of the host's latest render; the page has caught up when its status reports it. */
  private version = 0;
  private page: PageState = { kind: 'stale' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last edit was rendered (performance.now()). */
  private lastPatch = -Infinity;
  private status: PageStatus | undefined;
  /** A line to show once the page can take it ("Show in Preview" while the page loads). */
  private pendingReveal: number | undefined;
  private ignoreEditorScrollUntil = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private sourceUri: vscode.Uri,
    private isLocked: boolean,
    private readonly ctx: PreviewContext,
  ) {
    super();
    panel.webview.options = webviewOptions(ctx.extensionUri);
    this.register(panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)));
    this.register(
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.page.kind === 'stale') void this.refresh(true);
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(timeoutDisposable(() => this.timer));
    this.updateTitle();
    void this.refresh(true);
  }

  get source(): vscode.Uri {
    return this.sourceUri;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  get info(): PreviewInfo {
    return {
      source: this.sourceUri.toString(),
      title: this.panel.title,
      locked: this.isLocked,
      visible: this.panel.visible,
      active: this.panel.active,
      viewColumn: this.panel.viewColumn,
      version: this.version,
      entries: this.rendered?.cards.length ?? 0,
      firstPaintCards: this.firstPaintCards,
      page: this.status,
    };
  }

  isFor(uri: vscode.Uri): boolean {
    return this.sourceUri.toString() === uri.toString();
  }

  /** Shows another document (a following preview moving with the active editor). */
  setSource(uri: vscode.Uri): void {
    if (this.isFor(uri)) return;
    this.sourceUri = uri;
    this.rendered = undefined;
    this.status = undefined;
    this.updateTitle();
    void this.refresh(true);
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.updateTitle();
    this.post({ type: 'config', source: this.sourceUri.toString(), settings: this.ctx.settings(), locked });
  }

  /** Settings changed: new render options need a new page; the rest is sent to the page. */
  configurationChanged(renderOptionsChanged: boolean): void {
    if (renderOptionsChanged) void this.refresh(true);
    else this.post({ type: 'config', source: this.sourceUri.toString(), settings: this.ctx.settings(), locked: this.isLocked });
  }

  /**
   * The source changed: patch at once when the last patch is a frame old (a keystroke shows without waiting, and
   * before whatever else the edit sets off in this extension host), else once that frame is over (a burst of edits
   * makes one patch per frame).
   */
  documentChanged(): void {
    if (this.timer) return;
    const wait = this.lastPatch + COALESCE_MS - performance.now();
    if (wait <= 0) return this.patchNow();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.patchNow();
    }, wait);
  }

  private patchNow(): void {
    this.lastPatch = performance.now();
    void this.refresh(false);
  }

  /** Scrolls to the entry at `line` and highlights it (now, or when the page has loaded). */
  revealEntry(line: number): void {
    if (this.page.kind === 'ready' && this.panel.visible) {
      const source = this.sourceUri.toString();
      this.post({ type: 'scrollTo', source, line });
      this.post({ type: 'cursor', source, line });
    } else this.pendingReveal = line;
  }

  editorScrolled(line: number): void {
    if (Date.now() < this.ignoreEditorScrollUntil || !this.ctx.settings().scrollSync) return;
    this.post({ type: 'scrollTo', source: this.sourceUri.toString(), line });
  }

  cursorMoved(line: number): void {
    this.post({ type: 'cursor', source: this.sourceUri.toString(), line });
  }

  private updateTitle(): void {
    const name = this.sourceUri.path.split('/').pop() ?? this.sourceUri.toString();
    this.panel.title = this.isLocked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  private async document(): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => this.isFor(d.uri));
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(this.sourceUri);
    } catch (e) {
      this.ctx.log.warn(`preview: cannot open ${this.sourceUri.toString()}: ${String(e)}`);
      return undefined;
    }
  }

  /**
   * Renders the source. A full refresh sets the page's HTML (first paint with everything in it); otherwise only
   * the changed cards are posted. A hidden page gets nothing: it is refreshed in full when shown again.
   */
  private async refresh(full: boolean): Promise<void> {
    const document = await this.document();
    if (this.isDisposed) return;
    const model = document && this.ctx.digests.getModel(document);
    if (!this.panel.visible) {
      this.page = { kind: 'stale' };
      return;
    }
    const t0 = performance.now();
    if (!full && this.page.kind === 'loading') {
      // The page is still loading: messages could be lost. It says "status" when ready; patch from there.
      this.page.patchWaiting = true;
      return;
    }
    const maxSize = this.ctx.settings().maxSize;
    if (model && model.doc.text.length > maxSize) {
      // Degrade gracefully: a message instead of thousands of cards; rendering resumes below the limit.
      this.rendered = undefined;
      this.page = { kind: 'tooLarge' };
      const style = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(this.ctx.extensionUri), 'preview.css')).toString();
      const message = vscode.l10n.t('This digest has {0} characters, more than dailyPapers.preview.maxSize ({1}): the preview is off for it. The outline and diagnostics still work.', model.doc.text.length, maxSize);
      this.panel.webview.html = tooLargePageHtml(this.panel.webview.cspSource, style, message);
      return;
    }
    const source = this.sourceUri.toString();
    const previous = this.rendered;
    if (full || this.page.kind !== 'ready' || !previous) {
      const editor = vscode.window.visibleTextEditors.find((e) => this.isFor(e.document.uri));
      const reveal = this.pendingReveal;
      this.pendingReveal = undefined;
      const cursorLine = reveal ?? editor?.selection.active.line ?? null;
      const scrollLine = reveal ?? (this.ctx.settings().scrollSync ? (editor?.visibleRanges[0]?.start.line ?? null) : null);
      const twoSteps = model !== undefined && model.doc.entries.length > FIRST_PAINT_CARDS;
      const window = twoSteps ? { line: scrollLine ?? cursorLine ?? 0, cards: FIRST_PAINT_CARDS } : undefined;
      const first = model ? renderDigest(model.doc, this.ctx.renderOptions(), this.cache, model.outline, window) : EMPTY;
      this.rendered = first;
      this.firstPaintCards = first.cards.length;
      // The rest of a large digest goes as a patch once the page says it is ready.
      this.page = { kind: 'loading', htmlVersion: ++this.version, patchWaiting: twoSteps };
      this.panel.webview.html = this.pageHtml(first, model ? documentLanguage(model.doc.text) : 'en', cursorLine, scrollLine);
      this.ctx.log.debug(`preview: first paint of ${source} (${first.cards.length} of ${model?.doc.entries.length ?? 0} entries) in ${(performance.now() - t0).toFixed(1)} ms`);
      return;
    }
    const next = model ? renderDigest(model.doc, this.ctx.renderOptions(), this.cache, model.outline) : EMPTY;
    this.rendered = next;
    const patch = diffDigests(previous, next);
    if (patch.cards.length === 0 && !patch.days) return;
    this.version++;
    this.post({ type: 'patch', source, version: this.version, ...patch });
    this.ctx.log.debug(`preview: patch of ${patch.cards.length} cards${patch.days ? ' + layout' : ''} in ${(performance.now() - t0).toFixed(1)} ms`);
  }

  private pageHtml(rendered: RenderedDigest, lang: string, cursorLine: number | null, scrollLine: number | null): string {
    const webview = this.panel.webview;
    const media = mediaRoot(this.ctx.extensionUri);
    return previewPageHtml({
      nonce: newNonce(),
      cspSource: webview.cspSource,
      remoteImages: this.ctx.renderOptions().remoteImages,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      title: this.panel.title,
      lang,
      bodyHtml: digestBodyHtml(rendered),
      strings: this.ctx.toolbarStrings,
      init: {
        source: this.sourceUri.toString(),
        version: this.version,
        locked: this.isLocked,
        settings: this.ctx.settings(),
        days: rendered.days,
        cursorLine,
        scrollLine,
        strings: this.ctx.pageStrings,
      },
    });
  }

  private post(message: HostMessage): void {
    if (this.panel.visible && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  private onMessage(data: unknown): void {
    const message = parsePageMessage(data, this.sourceUri.toString());
    if (!message) {
      this.ctx.log.warn(`preview: ignored a message that is not valid for ${this.sourceUri.toString()}`);
      return;
    }
    switch (message.type) {
      case 'status': {
        const { type: _t, source: _s, ...status } = message;
        this.status = status;
        const page = this.page;
        if (page.kind !== 'loading' || status.version < page.htmlVersion || !this.panel.visible) return;
        this.page = { kind: 'ready' };
        if (this.pendingReveal !== undefined) this.revealEntry(this.pendingReveal);
        this.pendingReveal = undefined;
        if (page.patchWaiting) void this.refresh(false);
        return;
      }
      case 'reveal':
        return void this.revealLine(message.line, message.focus);
      case 'scroll':
        return this.syncEditors(message.line);
      case 'openLink':
        return void this.openLink(message.href);
    }
  }

  /** Scrolls the source's visible editors so that the page's top entry is at their top. */
  private syncEditors(line: number): void {
    if (!this.ctx.settings().scrollSync) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.isFor(editor.document.uri) || line >= editor.document.lineCount) continue;
      // Our own scrolling comes back as a visible-range change: do not send it to the page again.
      this.ignoreEditorScrollUntil = Date.now() + 400;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  /** Shows the source line; without `focus` the preview keeps the keyboard (as a click in the Outline does). */
  private async revealLine(line: number, focus: boolean): Promise<void> {
    const document = await this.document();
    if (!document || line >= document.lineCount) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: !focus });
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async openLink(href: string): Promise<void> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(href, true);
    } catch {
      return;
    }
    if (uri.scheme !== 'http' && uri.scheme !== 'https') {
      this.ctx.log.warn(`preview: refused to open a ${uri.scheme}: link`);
      return;
    }
    await vscode.env.openExternal(uri);
  }

  reveal(column: vscode.ViewColumn, preserveFocus = false): void {
    this.panel.reveal(column, preserveFocus);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.disposed.fire();
    super.dispose();
    this.panel.dispose();
  }
}

export const createPanel = (title: string, column: vscode.ViewColumn, extensionUri: vscode.Uri, preserveFocus: boolean): vscode.WebviewPanel =>
  vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title, { viewColumn: column, preserveFocus }, webviewOptions(extensionUri));
