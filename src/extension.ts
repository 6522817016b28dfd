// The composition root: creates the services (parse and model cache, workspace index, metadata) and passes them
// to each feature; features never reach through each other for a service.
import * as vscode from 'vscode';
import { registerAuthoring } from './features/authoring';
import { Configuration } from './features/configuration';
import type { SettingsSchema } from './features/configSchema';
import { DigestService } from './features/digests';
import { registerDigestContext } from './features/digestContext';
import { registerHover } from './features/hover';
import { MetadataHolder } from './features/metadataHolder';
import { registerOutline, type OutlineFeature } from './features/registerOutline';
import { registerValidation } from './features/registerValidation';
import { registerWelcome } from './features/welcome';
import { DigestSymbols } from './features/symbols';
import { WorkspaceIndex } from './features/workspaceIndex';
import { registerInsights } from './insights/registerInsights';
import { registerPreview } from './preview/registerPreview';
import type { DigestDocument, Problem } from './digest';

/** What `activate` returns: used by the integration tests and open to other extensions. */
export interface DailyPapersApi {
  getDigest(document: vscode.TextDocument): DigestDocument | undefined;
  getProblems(document: vscode.TextDocument): Promise<readonly Problem[]>;
  /** The outline tree's view and provider (for tests). */
  readonly outline: OutlineFeature;
  /** The workspace paper index. */
  readonly index: WorkspaceIndex;
  /** Document symbols and folding ranges as the registered providers compute them (the same class over the same cache; for benchmarks). */
  readonly symbols: DigestSymbols;
  /** Parses and model builds so far (tests assert one outline per document version). */
  readonly stats: DigestService['stats'];
  /** This extension's log folder; the extension host's own log is beside it (tests read it). */
  readonly logUri: vscode.Uri;
  /** The checked settings (and the warnings about invalid values). */
  readonly configuration: Configuration;
}

export function activate(context: vscode.ExtensionContext): DailyPapersApi {
  const log = vscode.window.createOutputChannel('Daily Papers', { log: true });
  const manifest = context.extension.packageJSON as { contributes: { configuration: { properties: SettingsSchema } } };
  const configuration = new Configuration(manifest.contributes.configuration.properties, log);
  const digests = new DigestService(configuration);
  const index = new WorkspaceIndex(digests, log);
  const metadata = new MetadataHolder(context, log, configuration);
  context.subscriptions.push(log, configuration, digests, index, metadata);

  registerDigestContext(context, digests);
  registerWelcome(context);
  const validation = registerValidation(context, digests, log, configuration);
  const outline = registerOutline(context, digests, index, configuration);
  registerPreview(context, digests, log, configuration);
  registerHover(context, { digests, index, metadata, configuration });
  registerInsights(context, { digests, index, validation, metadata, log });
  registerAuthoring(context, digests, configuration, async (id) => {
    // "Insert Paper Entry" waits up to 3 s for arXiv, then falls back to placeholders.
    const [known] = (await metadata.current?.lookup([id], 3000)) ?? [];
    const record = known?.arxiv.record;
    return record && { title: record.title, authors: record.authors };
  });
  return {
    getDigest: (document) => digests.getDigest(document),
    getProblems: (document) => validation.problemsFor(document),
    outline,
    index,
    symbols: new DigestSymbols(digests),
    get stats() {
      return digests.stats;
    },
    logUri: context.logUri,
    configuration,
  };
}

export function deactivate(): void {}
