// A status-bar item on digests counting what "Fix all" would change. Style rules (nbsp, trailing whitespace, label
// style) are hints, which the Problems view does not list: the count makes them visible, a click fixes them.
import * as vscode from 'vscode';
import type { Problem } from '../digest';
import type { ValidationService } from './validation';

export interface FixableState {
  readonly visible: boolean;
  readonly count: number;
  readonly text: string;
  readonly tooltip: string;
}

/** One line per severity: how many fixable problems, of which rules; hints are said to be missing from Problems. */
function describe(fixable: readonly Problem[]): string {
  const labels: Record<Problem['severity'], string> = {
    error: vscode.l10n.t('Errors'),
    warning: vscode.l10n.t('Warnings'),
    information: vscode.l10n.t('Infos'),
    hint: vscode.l10n.t('Hints (not listed in the Problems view)'),
  };
  return (Object.keys(labels) as Problem['severity'][])
    .map((severity) => {
      const of = fixable.filter((p) => p.severity === severity);
      return of.length ? `${labels[severity]}: ${of.length} (${[...new Set(of.map((p) => p.ruleId))].join(', ')})` : '';
    })
    .filter(Boolean)
    .join('\n');
}

export function registerFixableStatus(context: vscode.ExtensionContext, validation: ValidationService): void {
  const item = vscode.window.createStatusBarItem('dailyPapers.fixable', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Daily Papers: Fixable Problems');
  item.command = 'dailyPapers.fixAll';
  let state: FixableState = { visible: false, count: 0, text: '', tooltip: '' };
  /** Each update is for the editor active when it started; a slower earlier one must not overwrite it. */
  let generation = 0;

  const update = async () => {
    const run = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    const problems = document?.languageId === 'markdown' ? await validation.problemsFor(document) : [];
    if (run !== generation) return;
    const fixable = problems.filter((p) => p.fix);
    if (fixable.length === 0) {
      item.hide();
      state = { visible: false, count: 0, text: '', tooltip: '' };
      return;
    }
    item.text = `$(wand) ${vscode.l10n.t('{0} fixable', fixable.length)}`;
    item.tooltip = `${vscode.l10n.t('Fix all would change {0} places. Click to fix them all.', fixable.length)}\n${describe(fixable)}`;
    item.show();
    state = { visible: true, count: fixable.length, text: item.text, tooltip: item.tooltip };
  };

  const isActive = (uri: vscode.Uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString();
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    // Validation publishes its problems as diagnostics: by then `problemsFor` answers from its cache.
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.some(isActive) && void update()),
    // For tests: what the item shows now.
    vscode.commands.registerCommand('dailyPapers.fixable.state', () => state),
  );
  void update();
}
