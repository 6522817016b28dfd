// "Validate All Digests": every digest of the workspace, with progress and cancellation, including the
// same paper in two digests.
import * as vscode from 'vscode';
import { findDuplicatePapers, isDigest, parseDigest, validate, type DigestDocument, type NamedDigest } from '../digest';
import type { DigestService } from './digests';
import { readWorkspaceFile } from './readFile';
import type { ValidationService } from './validation';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';

interface Loaded extends NamedDigest {
  readonly uri: vscode.Uri;
  readonly version: number;
}

async function load(uri: vscode.Uri, digests: DigestService, byGlob: Set<string>): Promise<Loaded | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let doc: DigestDocument | undefined;
  if (open) doc = digests.getDigest(open);
  else {
    const bytes = await readWorkspaceFile(uri);
    const parsed = parseDigest(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    doc = isDigest(parsed, byGlob.has(uri.toString())) ? parsed : undefined;
  }
  return doc && { name: vscode.workspace.asRelativePath(uri), uri, doc, version: open?.version ?? -1 };
}

export async function validateWorkspace(digests: DigestService, validation: ValidationService): Promise<string | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Validating digests'), cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.md', EXCLUDE, undefined, token);
      const byGlob = await digests.filesSettingMatches();
      const loaded: Loaded[] = [];
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) return undefined;
        try {
          const digest = await load(uri, digests, byGlob);
          if (digest) loaded.push(digest);
        } catch {
          // An unreadable file is not a digest we can check; the others still are.
        }
        if (i % 20 === 0) progress.report({ message: `${i + 1}/${uris.length}`, increment: (20 * 100) / uris.length });
      }
      const duplicates = findDuplicatePapers(loaded, await validation.configFor(uris[0] ?? vscode.Uri.file('/')));
      let errors = 0;
      let warnings = 0;
      for (const d of loaded) {
        if (token.isCancellationRequested) return undefined;
        const problems = validate(d.doc, { path: d.uri.path, config: await validation.configFor(d.uri) });
        const cross = duplicates.get(d.name) ?? [];
        for (const p of [...problems, ...cross]) {
          if (p.severity === 'error') errors++;
          else if (p.severity === 'warning') warnings++;
        }
        validation.setWorkspaceProblems(d.uri, d.version, d.doc.text, problems, cross);
      }
      const duplicatePapers = [...duplicates.values()].reduce((n, list) => n + list.length, 0);
      return vscode.l10n.t('Validated {0} digests: {1} errors, {2} warnings, {3} entries whose paper is also in another digest.', loaded.length, errors, warnings, duplicatePapers);
    },
  );
}
