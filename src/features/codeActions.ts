// Quick fixes from the core's fixes, "fix all" as a quick fix and as `source.fixAll.dailyPapers`,
// and a quick fix that suppresses a rule on one line.
import * as vscode from 'vscode';
import { nonOverlappingFixEdits, type Problem } from '../digest';
import { DIAGNOSTIC_SOURCE, toRange, toTextEdit } from './convert';
import type { ValidationService } from './validation';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('dailyPapers');

const sameRange = (p: Problem, d: vscode.Diagnostic) => toRange(p.range).isEqual(d.range);
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** The edits that fix every fixable problem of the document that can be fixed at once. */
export async function fixAllEdit(document: vscode.TextDocument, validation: ValidationService): Promise<vscode.WorkspaceEdit | undefined> {
  const edits = nonOverlappingFixEdits(await validation.problemsFor(document));
  if (edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits.map(toTextEdit));
  return edit;
}

export class DigestCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly validation: ValidationService) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const wanted = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const actions: vscode.CodeAction[] = [];
    const problems = await this.validation.problemsFor(document);

    if (wanted(FIX_ALL_KIND) && context.only) {
      const edit = await fixAllEdit(document, this.validation);
      if (edit) actions.push(Object.assign(new vscode.CodeAction(vscode.l10n.t('Fix all Daily Papers problems'), FIX_ALL_KIND), { edit }));
      return actions;
    }
    if (!wanted(vscode.CodeActionKind.QuickFix)) return actions;

    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      const problem = problems.find((p) => p.ruleId === ruleOf(diagnostic) && sameRange(p, diagnostic) && p.message === diagnostic.message);
      if (problem?.fix) {
        const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, problem.fix.edits.map(toTextEdit));
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      actions.push(this.suppressAction(document, diagnostic));
    }
    if (ours.length && problems.filter((p) => p.fix).length > 1) {
      const edit = await fixAllEdit(document, this.validation);
      if (edit) actions.push(Object.assign(new vscode.CodeAction(vscode.l10n.t('Fix all Daily Papers problems'), vscode.CodeActionKind.QuickFix), { edit }));
    }
    return actions;
  }

  private suppressAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const rule = ruleOf(diagnostic);
    const line = diagnostic.range.start.line;
    const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', rule), vscode.CodeActionKind.QuickFix);
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(line, 0), `<!-- daily-papers-disable-next-line ${rule} -->${eol}`);
    action.diagnostics = [diagnostic];
    return action;
  }
}
