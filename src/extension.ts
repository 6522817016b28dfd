// The composition root: creates the shared digest service and wires each feature to it.
import * as vscode from 'vscode';
import { DigestService } from './features/digests';
import { registerDigestContext } from './features/digestContext';
import { registerValidation } from './features/registerValidation';
import type { DigestDocument, Problem } from './digest';

/** What `activate` returns: used by the integration tests and open to other extensions. */
export interface DailyPapersApi {
  getDigest(document: vscode.TextDocument): DigestDocument | undefined;
  getProblems(document: vscode.TextDocument): Promise<readonly Problem[]>;
}

export function activate(context: vscode.ExtensionContext): DailyPapersApi {
  const log = vscode.window.createOutputChannel('Daily Papers', { log: true });
  const digests = new DigestService();
  context.subscriptions.push(log, digests);
  registerDigestContext(context, digests);
  const validation = registerValidation(context, digests, log);
  return {
    getDigest: (document) => digests.getDigest(document),
    getProblems: (document) => validation.problemsFor(document),
  };
}

export function deactivate(): void {}
