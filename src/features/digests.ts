// The extension's one parse cache and model cache: every feature asks here for the parsed digest of an open
// document and for what is derived from it (outline, entry at a line, style, index records), once per version.
import * as vscode from 'vscode';
import { DigestCache, isDigest, ModelCache, type DigestDocument, type DigestModel } from '../digest';
import type { Configuration } from './configuration';
import { Disposable } from './dispose';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export class DigestService extends Disposable {
  private readonly cache = new DigestCache();
  private readonly models = new ModelCache();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.TextDocument>());
  /** Fires when a digest document's text changes (features re-read it through `getDigest`). */
  readonly onDidChangeDigest = this.changed.event;

  constructor(private readonly configuration: Configuration) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'markdown' || e.contentChanges.length === 0) return;
        this.cache.recordChanges(e.document.uri.toString(), e.document.version, e.contentChanges);
        this.changed.fire(e.document);
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())));
  }

  /** The parsed model of a Markdown document that is a digest, or undefined for any other document. */
  getDigest(document: vscode.TextDocument): DigestDocument | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const digest = this.cache.get(document.uri.toString(), document.version, () => document.getText());
    return isDigest(digest, this.matchesFilesSetting(document)) ? digest : undefined;
  }

  /** What features derive from the document's current version, or undefined when it is no digest. */
  getModel(document: vscode.TextDocument): DigestModel | undefined {
    const digest = this.getDigest(document);
    return digest && this.models.get(digest);
  }

  /** The model of a parsed text that is no open document (files the workspace index reads from disk). */
  modelOf(digest: DigestDocument): DigestModel {
    return this.models.get(digest);
  }

  /** Parse and model builds so far (tests assert one outline per document version). */
  get stats() {
    return { ...this.cache.stats, ...this.models.stats };
  }

  /** The files of the workspace that `dailyPapers.files` makes digests even before they have a day header. */
  async filesSettingMatches(): Promise<Set<string>> {
    const found = await Promise.all(this.configuration.get('files').files.map((p) => vscode.workspace.findFiles(p, EXCLUDE)));
    return new Set(found.flat().map((u) => u.toString()));
  }

  private matchesFilesSetting(document: vscode.TextDocument): boolean {
    return this.configuration.get('files').files.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, document) > 0);
  }
}
