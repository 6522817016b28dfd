// Wires the insights dashboard: one panel at a time over the workspace's digests, and a state command for tests.
import * as vscode from 'vscode';
import { TABLE_NAMES, type TableName } from '../digest/insights';
import type { DigestService } from '../features/digests';
import type { ValidationService } from '../features/validation';
import type { WorkspaceIndex } from '../features/workspaceIndex';
import { createInsightsPanel, InsightsDashboard } from './dashboard';
import { WorkspaceInsights } from './workspaceInsights';

export interface InsightsServices {
  readonly digests: DigestService;
  readonly index: WorkspaceIndex;
  readonly validation: ValidationService;
  readonly log: vscode.LogOutputChannel;
}

export function registerInsights(context: vscode.ExtensionContext, { digests, index, validation, log }: InsightsServices): void {
  const insights = new WorkspaceInsights(index, digests, validation, log);
  let dashboard: InsightsDashboard | undefined;
  context.subscriptions.push(
    insights,
    { dispose: () => dashboard?.dispose() },
    vscode.commands.registerCommand('dailyPapers.insights.open', () => {
      if (dashboard) dashboard.panel.reveal();
      else {
        const opened = new InsightsDashboard(createInsightsPanel(), insights, index, context.extensionUri, log);
        opened.onDidDispose(() => dashboard === opened && (dashboard = undefined));
        dashboard = opened;
      }
      return dashboard.state;
    }),
    // For tests and the UI script: what the open dashboard last posted and the page last drew.
    vscode.commands.registerCommand('dailyPapers.insights.state', () => dashboard?.state),
    // Saves a table of the open dashboard (the page's Save as CSV buttons); arguments for tests.
    vscode.commands.registerCommand('dailyPapers.insights.exportCsv', (table?: unknown, destination?: unknown) =>
      dashboard?.exportTable(TABLE_NAMES.includes(table as TableName) ? (table as TableName) : 'days', destination instanceof vscode.Uri ? destination : undefined),
    ),
  );
}
