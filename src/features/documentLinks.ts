// Document links for `arXiv:ID` and bare arXiv IDs in digest text (URLs and Markdown links are linked already).
import * as vscode from 'vscode';
import { arxivAbsUrl } from '../digest';
import { linkableIdsOf } from '../digest/references';
import { toRange } from './convert';
import type { Configuration } from './configuration';
import type { DigestService } from './digests';
import { DIGEST_SELECTOR } from './registerValidation';

export class ArxivIdLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly digests: DigestService, private readonly configuration: Configuration) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.configuration.get('hover').linkArxivIds) return [];
    const digest = this.digests.getDigest(document);
    if (!digest) return [];
    return linkableIdsOf(digest).map(({ id, range }) => {
      const link = new vscode.DocumentLink(toRange(range), vscode.Uri.parse(arxivAbsUrl(id)));
      link.tooltip = vscode.l10n.t('Open arXiv:{0} on arXiv', id);
      return link;
    });
  }
}

export function registerDocumentLinks(context: vscode.ExtensionContext, digests: DigestService, configuration: Configuration): void {
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider(DIGEST_SELECTOR, new ArxivIdLinks(digests, configuration)));
}
