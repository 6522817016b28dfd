// The metadata service's owner, created once in `activate` and shared by hover cards and authoring.
import * as vscode from 'vscode';
import { MetadataService } from '../metadata/service';
import { FileMetadataStore, MemoryMetadataStore, type MetadataStore } from '../metadata/store';
import type { Configuration } from './configuration';
import { Disposable } from './dispose';

export const DEFAULT_ARXIV_API_URL = 'https://export.arxiv.org/api/query';
export const DEFAULT_HUGGING_FACE_API_URL = 'https://huggingface.co/api';

interface MetadataSettings {
  readonly enabled: boolean;
  readonly arxivApiUrl: string;
  readonly huggingFaceApiUrl: string;
  readonly cacheHours: number;
  readonly timeoutSeconds: number;
}

function metadataSettings(configuration: Configuration): MetadataSettings {
  const c = configuration.get('metadata');
  return {
    enabled: c.enabled,
    arxivApiUrl: c.arxivApiUrl || DEFAULT_ARXIV_API_URL,
    huggingFaceApiUrl: c.huggingFaceApiUrl || DEFAULT_HUGGING_FACE_API_URL,
    cacheHours: c.cacheHours,
    timeoutSeconds: c.timeout,
  };
}

/**
 * Owns the metadata service for hover cards and authoring: made from the settings, remade when they change,
 * closed (cache written) on dispose.
 */
export class MetadataHolder extends Disposable {
  private service: MetadataService | undefined;
  private closing: Promise<void> = Promise.resolve();
  private readonly resetDone = this.register(new vscode.EventEmitter<void>());
  /** Fires after the settings made a new service (or none). */
  readonly onDidReset = this.resetDone.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly configuration: Configuration,
  ) {
    super();
    this.reset();
    this.register(
      configuration.onDidChange((section) => {
        if (section !== 'metadata') return;
        this.reset();
        this.resetDone.fire();
      }),
    );
  }

  get current(): MetadataService | undefined {
    return this.service;
  }

  reset(): void {
    const previous = this.service;
    this.service = undefined;
    if (previous) this.closing = this.closing.then(() => previous.close());
    const settings = metadataSettings(this.configuration);
    if (!settings.enabled) return;
    const storage = this.context.globalStorageUri;
    const store: MetadataStore = storage.scheme === 'file' ? new FileMetadataStore(storage.fsPath) : new MemoryMetadataStore();
    // The new service reads the cache only after the old one has written it.
    const closing = this.closing;
    const version = (this.context.extension.packageJSON as { version?: string }).version ?? '0';
    this.service = new MetadataService({
      store: {
        read: async () => {
          await closing;
          return store.read();
        },
        write: (text) => store.write(text),
      },
      log: this.log,
      arxivApiUrl: settings.arxivApiUrl,
      huggingFaceApiUrl: settings.huggingFaceApiUrl,
      userAgent: `daily-papers-digest/${version} (VS Code extension)`,
      maxAgeMs: settings.cacheHours * 3_600_000,
      timeoutMs: settings.timeoutSeconds * 1000,
    });
  }

  dispose(): void {
    const previous = this.service;
    this.service = undefined;
    void previous?.close();
    super.dispose();
  }
}
