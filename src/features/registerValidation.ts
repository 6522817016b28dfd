// Wires validation into VS Code: diagnostics, code actions, and the validation commands.
import * as vscode from 'vscode';
import { DigestCodeActions, fixAllEdit } from './codeActions';
import type { Configuration } from './configuration';
import type { DigestService } from './digests';
import { registerFixableStatus } from './fixableStatus';
import { ValidationService } from './validation';
import { validateWorkspace } from './workspaceValidation';

export const DIGEST_SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

export function registerValidation(context: vscode.ExtensionContext, digests: DigestService, log: vscode.LogOutputChannel, configuration: Configuration): ValidationService {
  const docsUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const validation = new ValidationService(digests, docsUri, log, configuration);
  context.subscriptions.push(
    validation,
    vscode.languages.registerCodeActionsProvider(DIGEST_SELECTOR, new DigestCodeActions(validation), DigestCodeActions.metadata),
    vscode.commands.registerCommand('dailyPapers.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const edit = await fixAllEdit(editor.document, validation);
      if (edit) await vscode.workspace.applyEdit(edit);
      else void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix in this digest.'));
    }),
    vscode.commands.registerCommand('dailyPapers.validateWorkspace', async () => {
      const summary = await validateWorkspace(digests, validation);
      if (summary) void vscode.window.showInformationMessage(summary);
      return summary;
    }),
  );
  registerFixableStatus(context, validation);
  return validation;
}
