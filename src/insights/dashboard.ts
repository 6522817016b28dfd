// The insights dashboard panel: posts the range's aggregates to its page while visible (a hidden panel's page
// is unloaded and asks again with `ready` when shown), answers its clicks, and saves its exports.
import * as vscode from 'vscode';
import { computeInsights, insightsTable, tableToCsv, type Insights, type TableName } from '../digest/insights';
import { Disposable } from '../features/dispose';
import { revealLine } from '../features/paperCommands';
import { goToPaper, type WorkspaceIndex } from '../features/workspaceIndex';
import { newNonce } from '../preview/page';
import { insightsPageHtml } from './page';
import { INSIGHTS_VIEW_TYPE, parseInsightsPageMessage, pngBytes, type ChartName, type DateRange, type InsightsHostMessage, type InsightsPageMessage } from './protocol';
import { insightsStrings } from './strings';
import type { WorkspaceInsights } from './workspaceInsights';

/** What the state command reports (tests and the UI script wait on it). */
export interface DashboardState {
  readonly visible: boolean;
  readonly range: DateRange;
  /** The last generation posted, and the totals it carried. */
  readonly generation: number;
  readonly totals: Insights['totals'] | null;
  readonly days: number;
  /** What the page last reported as drawn. */
  readonly painted: { readonly generation: number; readonly points: Readonly<Record<ChartName, number>> } | null;
  /** Milliseconds from a change (or request) to the message being ready to post, last time (host side only). */
  readonly updateMs: number | null;
}

const TOP = 20;

export class InsightsDashboard extends Disposable {
  private range: DateRange = { from: null, to: null };
  private generation = 0;
  private current: Insights | undefined;
  private painted: DashboardState['painted'] = null;
  private updateMs: number | null = null;
  private updating = false;
  private again = false;
  private readonly disposed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly insights: WorkspaceInsights,
    private readonly index: WorkspaceIndex,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    panel.webview.html = insightsPageHtml({
      nonce: newNonce(),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.css')).toString(),
      lang: vscode.env.language,
      init: { strings: insightsStrings() },
    });
    // Reading the digests starts now, while the webview loads; the page's `ready` then waits on the same work.
    void insights.days();
    this.register(panel.webview.onDidReceiveMessage((data: unknown) => void this.onMessage(parseInsightsPageMessage(data))));
    this.register(insights.onDidChange(() => void this.update()));
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.disposed.fire();
    super.dispose();
    this.panel.dispose();
  }

  get state(): DashboardState {
    return {
      visible: this.panel.visible,
      range: this.range,
      generation: this.generation,
      totals: this.current?.totals ?? null,
      days: this.current?.days.length ?? 0,
      painted: this.painted,
      updateMs: this.updateMs,
    };
  }

  /** Recomputes and posts; one at a time, the last request always served. Nothing while hidden. */
  private async update(): Promise<void> {
    if (!this.panel.visible || this.isDisposed) return;
    if (this.updating) {
      this.again = true;
      return;
    }
    this.updating = true;
    try {
      do {
        this.again = false;
        const started = performance.now();
        const days = await this.insights.days();
        if (this.isDisposed || !this.panel.visible) return; // hidden meanwhile: its page asks again when shown
        const { from, to } = this.range;
        this.current = computeInsights(days, { from: from ?? undefined, to: to ?? undefined, top: TOP });
        const withPapers = days.filter((d) => d.papers.size > 0);
        const message: InsightsHostMessage = {
          type: 'data',
          generation: ++this.generation,
          range: this.range,
          first: withPapers[0]?.date ?? null,
          last: withPapers.at(-1)?.date ?? null,
          insights: this.current,
        };
        this.updateMs = performance.now() - started;
        await this.panel.webview.postMessage(message);
      } while (this.again);
    } catch (e) {
      this.log.error(`Insights: ${String(e)}`);
    } finally {
      this.updating = false;
    }
  }

  private async onMessage(message: InsightsPageMessage | undefined): Promise<void> {
    switch (message?.type) {
      case 'ready':
        return this.update();
      case 'range':
        this.range = message.range;
        return this.update();
      case 'painted':
        this.painted = { generation: message.generation, points: message.points };
        return;
      case 'openEntry':
        // Only a place the dashboard itself listed: the page cannot open arbitrary files.
        if (this.isListed(message.file, message.line)) await revealLine({ uri: message.file, line: message.line });
        return;
      case 'author':
        return goToPaper(this.index, message.name);
      case 'exportCsv':
        await this.exportTable(message.table);
        return;
      case 'exportPng': {
        const bytes = pngBytes(message.dataUrl);
        if (bytes) await save(`insights-${message.chart}.png`, { PNG: ['png'] }, bytes);
        return;
      }
    }
  }

  private isListed(file: string, line: number): boolean {
    const lists = [...(this.current?.topPapers ?? []), ...(this.current?.repeats ?? [])];
    return lists.some((p) => p.places.some((place) => place.file === file && place.line === line));
  }

  /** Saves one table of the current range as CSV; `destination` skips the dialog (tests). */
  async exportTable(table: TableName, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.current) return undefined;
    return save(`insights-${table}.csv`, { CSV: ['csv'] }, new TextEncoder().encode(tableToCsv(insightsTable(this.current, table))), destination);
  }
}

async function save(name: string, filters: Record<string, string[]>, bytes: Uint8Array, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = destination ?? (await vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, name), filters }));
  if (!target) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not save {0}: {1}', target.toString(true), String(e)));
    return undefined;
  }
}

export function createInsightsPanel(): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, vscode.l10n.t('Daily Papers Insights'), vscode.ViewColumn.Active, { enableFindWidget: true });
}
