// The composition root: creates the shared digest service and wires each feature to it.
import type * as vscode from 'vscode';
import { DigestService } from './features/digests';
import type { DigestDocument } from './digest';

/** What `activate` returns: used by the integration tests and open to other extensions. */
export interface DailyPapersApi {
  getDigest(document: vscode.TextDocument): DigestDocument | undefined;
}

export function activate(context: vscode.ExtensionContext): DailyPapersApi {
  const digests = new DigestService();
  context.subscriptions.push(digests);
  return { getDigest: (document) => digests.getDigest(document) };
}

export function deactivate(): void {}
