// All open previews: opening (reusing a following preview), locking, following the active digest, restoring.
import * as vscode from 'vscode';
import { DEFAULT_RENDER_OPTIONS, type RenderOptions } from '../digest/render';
import type { DigestService } from '../features/digests';
import { Disposable } from '../features/dispose';
import { createPanel, DigestPreview, type PreviewContext, type PreviewInfo } from './preview';
import { parsePreviewState } from './protocol';
import type { Configuration } from '../features/configuration';
import { previewConfig } from './settings';
import { pageStrings, previewRenderStrings, toolbarStrings } from './strings';

export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly previews = new Set<DigestPreview>();
  private options: RenderOptions = DEFAULT_RENDER_OPTIONS;
  private readonly ctx: PreviewContext;
  /** The preview whose panel was focused last (for the lock, "show source" and export commands). */
  private lastActive: DigestPreview | undefined;

  constructor(
    private readonly digests: DigestService,
    log: vscode.LogOutputChannel,
    extensionUri: vscode.Uri,
    private readonly configuration: Configuration,
  ) {
    super();
    this.options = this.readOptions();
    this.ctx = {
      digests,
      log,
      extensionUri,
      settings: () => previewConfig(configuration),
      renderOptions: () => this.options,
      toolbarStrings: toolbarStrings(),
      pageStrings: pageStrings(),
    };
    this.register({ dispose: () => [...this.previews].forEach((p) => p.dispose()) });
    [
      digests.onDidChangeDigest((document) => this.forSource(document.uri).forEach((p) => p.documentChanged())),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) this.forSource(e.textEditor.document.uri).forEach((p) => p.editorScrolled(line));
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.forSource(e.textEditor.document.uri).forEach((p) => p.cursorMoved(e.selections[0].active.line))),
      configuration.onDidChange((section) => {
        if (section !== 'preview') return;
        const previous = this.options;
        this.options = this.readOptions();
        const changed = previous.maxAuthors !== this.options.maxAuthors || previous.remoteImages !== this.options.remoteImages;
        if (!changed) this.options = previous;
        for (const p of this.previews) p.configurationChanged(changed);
      }),
    ].forEach((d) => this.register(d));
  }

  private readOptions(): RenderOptions {
    const config = previewConfig(this.configuration);
    return { maxAuthors: config.maxAuthors, strings: previewRenderStrings(), remoteImages: config.remoteImages };
  }

  forSource(uri: vscode.Uri): DigestPreview[] {
    return [...this.previews].filter((p) => p.isFor(uri));
  }

  /** The preview the user is in, else the last one focused. */
  get active(): DigestPreview | undefined {
    return [...this.previews].find((p) => p.panel.active) ?? this.lastActive;
  }

  get infos(): PreviewInfo[] {
    return [...this.previews].map((p) => p.info);
  }

  /**
   * Shows `uri` in a preview: a preview of it already in that column is revealed; else a following (unlocked)
   * preview moves to it; else a new one opens. Locked previews stay as they are, so several can be open.
   */
  open(uri: vscode.Uri, column: vscode.ViewColumn, options: { locked?: boolean; preserveFocus?: boolean } = {}): DigestPreview {
    const preserveFocus = options.preserveFocus ?? false;
    if (!options.locked) {
      const existing = this.forSource(uri).find((p) => column === vscode.ViewColumn.Beside || p.panel.viewColumn === column);
      const reuse = existing ?? [...this.previews].find((p) => !p.locked);
      if (reuse) {
        reuse.setSource(uri);
        reuse.reveal(existing?.panel.viewColumn ?? column, preserveFocus);
        return reuse;
      }
    }
    return this.add(createPanel(this.titleFor(uri), column, this.ctx.extensionUri, preserveFocus), uri, options.locked ?? false);
  }

  toggleLock(preview = this.active): void {
    preview?.setLocked(!preview.locked);
  }

  private titleFor(uri: vscode.Uri): string {
    return vscode.l10n.t('Preview {0}', uri.path.split('/').pop() ?? '');
  }

  private add(panel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean): DigestPreview {
    const preview = new DigestPreview(panel, uri, locked, this.ctx);
    this.previews.add(preview);
    const viewState = panel.onDidChangeViewState(() => {
      if (panel.active) this.lastActive = preview;
    });
    if (panel.active) this.lastActive = preview;
    preview.onDidDispose(() => {
      viewState.dispose();
      this.previews.delete(preview);
      if (this.lastActive === preview) this.lastActive = undefined;
    });
    return preview;
  }

  /** Unlocked previews follow the active editor when it shows a digest. */
  private follow(document: vscode.TextDocument): void {
    if (!this.digests.getDigest(document)) return;
    for (const p of this.previews) if (!p.locked) p.setSource(document.uri);
  }

  /** Restores a preview after a window reload, from the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePreviewState(state);
    if (!saved) {
      panel.dispose();
      return;
    }
    this.add(panel, vscode.Uri.parse(saved.source), saved.locked);
  }
}
