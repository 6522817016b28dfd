// Wires the insights dashboard: one panel at a time over the workspace's digests, restored after a window reload,
// and a state command for tests.
import * as vscode from 'vscode';
import { TABLE_NAMES, type TableName } from '../digest/insights';
import type { DigestService } from '../features/digests';
import type { MetadataHolder } from '../features/metadataHolder';
import type { ValidationService } from '../features/validation';
import type { WorkspaceIndex } from '../features/workspaceIndex';
import { cachedCategories } from './categories';
import { createInsightsPanel, InsightsDashboard } from './dashboard';
import { CHART_NAMES, INSIGHTS_VIEW_TYPE, restoredRange, type ChartName, type DateRange } from './protocol';
import { WorkspaceInsights } from './workspaceInsights';

export interface InsightsServices {
  readonly digests: DigestService;
  readonly index: WorkspaceIndex;
  readonly validation: ValidationService;
  readonly metadata: MetadataHolder;
  readonly log: vscode.LogOutputChannel;
}

export function registerInsights(context: vscode.ExtensionContext, { digests, index, validation, metadata, log }: InsightsServices): void {
  const worker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'problemWorker.js').fsPath;
  const insights = new WorkspaceInsights(index, digests, validation, log, worker);
  const categories = cachedCategories(metadata);
  let dashboard: InsightsDashboard | undefined;
  const show = (panel: vscode.WebviewPanel, range?: DateRange) => {
    dashboard?.dispose();
    const opened = new InsightsDashboard(panel, insights, index, context.extensionUri, log, categories, range);
    opened.onDidDispose(() => dashboard === opened && (dashboard = undefined));
    return (dashboard = opened);
  };
  context.subscriptions.push(
    insights,
    { dispose: () => dashboard?.dispose() },
    vscode.commands.registerCommand('dailyPapers.insights.open', async () => {
      if (dashboard) dashboard.panel.reveal();
      else {
        await categories.ready(); // the cache file is read at activation: usually done already
        show(createInsightsPanel());
      }
      return dashboard!.state;
    }),
    // After a window reload VS Code hands back the panel and the page's saved state (its range).
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        await categories.ready();
        show(panel, restoredRange(state));
      },
    }),
    // For tests and the UI script: what the open dashboard last posted and the page last drew.
    vscode.commands.registerCommand('dailyPapers.insights.state', () => dashboard?.state),
    // Saves a table of the open dashboard (the page's Save as CSV buttons); arguments for tests.
    vscode.commands.registerCommand('dailyPapers.insights.exportCsv', (table?: unknown, destination?: unknown) =>
      dashboard?.exportTable(TABLE_NAMES.includes(table as TableName) ? (table as TableName) : 'days', destination instanceof vscode.Uri ? destination : undefined),
    ),
    // Saves a chart of the open dashboard as SVG (its Save as SVG buttons; the activity chart without arguments).
    vscode.commands.registerCommand('dailyPapers.insights.exportChartSvg', (chart?: unknown, destination?: unknown) =>
      dashboard?.exportChartSvg(CHART_NAMES.includes(chart as ChartName) ? (chart as ChartName) : 'activity', destination instanceof vscode.Uri ? destination : undefined),
    ),
  );
}
