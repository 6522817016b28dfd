// The composition root: creates the shared digest service and wires each feature to it.
import * as vscode from 'vscode';
import { registerAuthoring } from './features/authoring';
import { Configuration } from './features/configuration';
import type { SettingsSchema } from './features/configSchema';
import { DigestService } from './features/digests';
import { registerHover } from './features/hover';
import { registerDigestContext } from './features/digestContext';
import { registerOutline } from './features/registerOutline';
import { registerValidation } from './features/registerValidation';
import { registerPreview } from './preview/registerPreview';
import { DigestSymbols } from './features/symbols';
import type { DigestDocument, Problem } from './digest';

/** What `activate` returns: used by the integration tests and open to other extensions. */
export interface DailyPapersApi {
  getDigest(document: vscode.TextDocument): DigestDocument | undefined;
  getProblems(document: vscode.TextDocument): Promise<readonly Problem[]>;
  /** The outline tree's view and provider, and the workspace paper index (for tests). */
  readonly outline: ReturnType<typeof registerOutline>;
  /** Document symbols and folding ranges as the registered providers compute them (the same class over the same cache; for benchmarks). */
  readonly symbols: DigestSymbols;
  /** The checked settings (and the warnings about invalid values). */
  readonly configuration: Configuration;
}

export function activate(context: vscode.ExtensionContext): DailyPapersApi {
  const log = vscode.window.createOutputChannel('Daily Papers', { log: true });
  const manifest = context.extension.packageJSON as { contributes: { configuration: { properties: SettingsSchema } } };
  const configuration = new Configuration(manifest.contributes.configuration.properties, log);
  const digests = new DigestService(configuration);
  context.subscriptions.push(log, configuration, digests);
  registerDigestContext(context, digests);
  const validation = registerValidation(context, digests, log, configuration);
  const outline = registerOutline(context, digests, log, configuration);
  registerPreview(context, digests, log, configuration);
  const hover = registerHover(context, digests, outline.index, log, configuration);
  registerAuthoring(context, digests, configuration, async (id) => {
    // "Insert Paper Entry" waits up to 3 s for arXiv, then falls back to placeholders.
    const [known] = (await hover.metadata()?.lookup([id], 3000)) ?? [];
    const record = known?.arxiv.record;
    return record && { title: record.title, authors: record.authors };
  });
  return {
    getDigest: (document) => digests.getDigest(document),
    getProblems: (document) => validation.problemsFor(document),
    outline,
    symbols: new DigestSymbols(digests),
    configuration,
  };
}

export function deactivate(): void {}
