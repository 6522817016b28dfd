// "Export Digest as HTML": one self-contained file (inline CSS, no scripts) that looks like the preview.
import * as vscode from 'vscode';
import { exportDigestHtml, type RenderOptions } from '../digest/render';
import type { DigestService } from '../features/digests';
import { reportExport } from '../features/exportReport';
import { mediaRoot } from './preview';

/** The digest to export: the `source` argument, else the active preview's source, else the active editor's. */
export async function exportHtml(
  digests: DigestService,
  extensionUri: vscode.Uri,
  options: RenderOptions,
  source: vscode.Uri | undefined,
  target: vscode.Uri | undefined,
): Promise<vscode.Uri | undefined> {
  const uri = source ?? vscode.window.activeTextEditor?.document.uri;
  const document = uri && (await vscode.workspace.openTextDocument(uri));
  const digest = document && digests.getDigest(document);
  if (!document || !digest) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Daily Papers digest to export it as HTML.'));
    return undefined;
  }
  const name = document.uri.path.split('/').pop() ?? 'digest.md';
  const htmlName = name.replace(/\.[^.]*$/, '') + '.html';
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: document.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(document.uri, '..', htmlName),
      filters: { HTML: ['html', 'htm'] },
      title: vscode.l10n.t('Export Digest as HTML'),
    }));
  if (!destination) return undefined;
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(mediaRoot(extensionUri), 'preview.css')));
  const title = digest.days.length ? `${vscode.l10n.t('Daily Papers')} ${digest.days.map((d) => d.date).join(', ')}` : name;
  const html = exportDigestHtml(digest, { css, title, render: options });
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
  reportExport(destination, digest.entries.length, 1);
  return destination;
}
