// The one place where core types become vscode types (core positions are 0-based like VS Code's).
import * as vscode from 'vscode';
import type { Problem, Range, Severity, TextEdit } from '../digest';

export const toRange = (r: Range): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export const toTextEdit = (e: TextEdit): vscode.TextEdit => new vscode.TextEdit(toRange(e.range), e.newText);

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'Daily Papers';

export function toDiagnostic(problem: Problem, docsUri: vscode.Uri): vscode.Diagnostic {
  // The core's messages are English; those with a template are shown translated through the l10n bundle.
  const message = problem.template ? vscode.l10n.t(problem.template, ...(problem.args ?? [])) : problem.message;
  const d = new vscode.Diagnostic(toRange(problem.range), message, SEVERITY[problem.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: problem.ruleId, target: docsUri.with({ fragment: problem.ruleId }) };
  return d;
}

/** "1 entry", "3 entries": a day's entry count in the tree and the Outline. */
export function entryCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 entry') : vscode.l10n.t('{0} entries', count);
}
