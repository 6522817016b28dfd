// Diagnostics for open digests: validated as you type (debounced per document), stale results never shown.
import * as vscode from 'vscode';
import { isNewDigestText, mergeConfigs, validate, type Problem, type ValidationConfig } from '../digest';
import { toDiagnostic } from './convert';
import type { DigestService } from './digests';
import type { Configuration } from './configuration';
import { Disposable } from './dispose';
import { CONFIG_FILE, readConfigFile } from './settings';

/** A document whose last validation took at most this long is validated at once after an edit, not after the delay. */
const CHEAP_MS = 20;

interface Validated {
  readonly version: number;
  readonly problems: readonly Problem[];
}

/** Cross-file problems of a workspace run: valid while the document has this version or, if it was closed, this text. */
interface CrossFile {
  version: number;
  readonly text: string;
  readonly problems: readonly Problem[];
}

export class ValidationService extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('dailyPapers'));
  private readonly results = new Map<string, Validated>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long the last validation of each document took (ms): what decides the delay after an edit. */
  private readonly costs = new Map<string, number>();
  /** `.daily-papers.json` per workspace folder, read once and re-read when it changes. */
  private readonly fileConfigs = new Map<string, Promise<ValidationConfig | undefined>>();
  /** Cross-file problems from the last workspace run, kept for documents not edited since. */
  private readonly workspaceProblems = new Map<string, CrossFile>();
  private readonly rulesChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when what `configFor` gives may have changed: the settings or a folder's `.daily-papers.json`. */
  readonly onDidChangeRules = this.rulesChanged.event;

  constructor(
    private readonly digests: DigestService,
    private readonly docsUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly configuration: Configuration,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`));
    const reloadConfig = () => {
      this.fileConfigs.clear();
      this.revalidateOpen();
      this.rulesChanged.fire();
    };
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    [
      watcher.onDidChange(reloadConfig),
      watcher.onDidCreate(reloadConfig),
      watcher.onDidDelete(reloadConfig),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      digests.onDidChangeDigest((d) => this.schedule(d, this.delayFor(d))),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      configuration.onDidChange((section) => {
        if (section !== 'validation' && section !== 'files') return;
        this.revalidateOpen();
        if (section === 'validation') this.rulesChanged.fire();
      }),
    ].forEach((d) => this.register(d));
    this.revalidateOpen();
  }

  /** The problems of the document's current version, validating now if needed (for code actions). */
  async problemsFor(document: vscode.TextDocument): Promise<readonly Problem[]> {
    const key = document.uri.toString();
    const cached = this.results.get(key);
    if (cached && cached.version === document.version) return cached.problems;
    return (await this.run(document)) ?? [];
  }

  /** The effective config for a document: the folder's config file, then the settings. */
  async configFor(uri: vscode.Uri): Promise<ValidationConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
    let file = this.fileConfigs.get(folder);
    if (!file) this.fileConfigs.set(folder, (file = readConfigFile(uri, this.log)));
    const { rules, labelStyle } = this.configuration.get('validation');
    return mergeConfigs(await file, { rules, labelStyle });
  }

  /** Records the problems a workspace run found for a file (open or not) and shows them. */
  setWorkspaceProblems(uri: vscode.Uri, version: number, text: string, problems: readonly Problem[], crossFile: readonly Problem[]): void {
    const key = uri.toString();
    if (crossFile.length) this.workspaceProblems.set(key, { version, text, problems: crossFile });
    else this.workspaceProblems.delete(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && open.version !== version) return; // edited meanwhile: the editor's own run is newer
    this.show(uri, version, [...problems, ...crossFile]);
  }

  /** Adaptive: at once while validating the document is cheap (as it is after most edits), else the setting's delay. */
  private delayFor(document: vscode.TextDocument): number {
    const cost = this.costs.get(document.uri.toString());
    return cost !== undefined && cost <= CHEAP_MS ? 0 : this.configuration.get('validation').delay;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(document);
    }, delay));
  }

  private async run(document: vscode.TextDocument): Promise<readonly Problem[] | undefined> {
    const version = document.version;
    const settings = this.configuration.get('validation');
    const digest = this.digests.getDigest(document);
    if (!settings.enabled || !digest || document.isClosed) {
      this.forget(document.uri);
      return undefined;
    }
    const config = await this.configFor(document.uri);
    if (document.isClosed || document.version !== version) return undefined; // stale: a newer run is scheduled
    const started = performance.now();
    const all = validate(digest, { path: document.uri.path, config });
    // A digest just made by New Digest (or an untitled one) has no entries yet: that is a start, not a warning.
    const fresh = document.isUntitled || isNewDigestText(digest.text);
    const problems = fresh ? all.filter((p) => p.ruleId !== 'empty-day') : all;
    const cross = this.workspaceProblems.get(document.uri.toString());
    // A file closed during the workspace run matches by its text; from then on, by its version.
    const current = cross && (cross.version === version || cross.text === digest.text);
    if (cross && current) cross.version = version;
    this.show(document.uri, version, cross && current ? [...problems, ...cross.problems] : problems);
    this.costs.set(document.uri.toString(), performance.now() - started);
    return problems;
  }

  private show(uri: vscode.Uri, version: number, problems: readonly Problem[]): void {
    this.results.set(uri.toString(), { version, problems });
    this.collection.set(uri, problems.map((p) => toDiagnostic(p, this.docsUri)));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.costs.delete(key);
    if (!this.workspaceProblems.has(key)) this.collection.delete(uri);
  }

  private revalidateOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }
}
