// The extension's one parse cache: every feature asks here for the digest model of an open document.
import * as vscode from 'vscode';
import { DigestCache, type DigestDocument } from '../digest';
import type { Configuration } from './configuration';

export class DigestService implements vscode.Disposable {
  private readonly cache = new DigestCache();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a digest document's text changes (features re-read it through `getDigest`). */
  readonly onDidChangeDigest = this.changed.event;

  constructor(private readonly configuration: Configuration) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'markdown' || e.contentChanges.length === 0) return;
        this.cache.recordChanges(e.document.uri.toString(), e.document.version, e.contentChanges);
        this.changed.fire(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
    );
  }

  /** The parsed model of a Markdown document that is a digest, or undefined for any other document. */
  getDigest(document: vscode.TextDocument): DigestDocument | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const digest = this.cache.get(document.uri.toString(), document.version, () => document.getText());
    return digest.hasDayHeader || this.matchesFilesSetting(document) ? digest : undefined;
  }

  get stats() {
    return this.cache.stats;
  }

  private matchesFilesSetting(document: vscode.TextDocument): boolean {
    return this.configuration.get('files').files.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, document) > 0);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
