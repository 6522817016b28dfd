// The insights dashboard panel: posts the range's aggregates to its page while visible (a hidden panel's page
// is unloaded and asks again with `ready` when shown), answers its clicks, and saves its exports.
import * as vscode from 'vscode';
import { insightsTable, tableToCsv, type RangeInsights, type RangeOutputOptions, type DaySummary, type Insights, type TableName } from '../digest/insights';
import { Disposable } from '../features/dispose';
import { revealLine } from '../features/paperCommands';
import { goToPaper, type WorkspaceIndex } from '../features/workspaceIndex';
import { newNonce } from '../preview/page';
import type { CachedCategories } from './categories';
import { insightsPageHtml } from './page';
import { hostMessage, INSIGHTS_VIEW_TYPE, parseInsightsPageMessage, pngBytes, type ChartName, type DateRange, type InsightsExportRequest, type InsightsHostMessage, type InsightsPageMessage } from './protocol';
import { insightsStrings } from './strings';
import { chartSvgBytes } from './svgFile';
import { SLICE_MS, yieldToHost } from '../features/timeSlices';
import type { WorkspaceInsights } from './workspaceInsights';

/** What the state command reports (tests and the UI script wait on it). */
export interface DashboardState {
  readonly visible: boolean;
  readonly range: DateRange;
  /** The last generation posted, and the totals it carried. */
  readonly generation: number;
  readonly totals: Insights['totals'] | null;
  readonly days: number;
  /** Digests whose problems were not counted yet when the last data was posted. */
  readonly uncounted: number | null;
  /** Digests the last whole count (the first, or after the rules changed) counted in worker threads (the Node host's; 0 in the web host). */
  readonly countedInWorkers: number;
  /** What the page last reported as drawn. */
  readonly painted: { readonly generation: number; readonly points: Readonly<Record<ChartName, number>> } | null;
  /** Milliseconds from a change (or request) to the message being ready to post, last time (host side only). */
  readonly updateMs: number | null;
  /**
   * Where the first paint's time went, in ms from the panel's creation: the page's document began (the webview's own
   * start-up), its script ran, its `ready` arrived, the first data was posted, the page reported it drawn.
   */
  readonly firstPaint: FirstPaint;
}

export interface FirstPaint {
  document: number | null;
  script: number | null;
  ready: number | null;
  posted: number | null;
  painted: number | null;
}

const TOP = 20;
/** The page lists this many repeated papers (most repeated first); its CSV has them all. */
const MAX_REPEATS = 100;

export class InsightsDashboard extends Disposable {
  private range: DateRange;
  /** The current range's aggregates, brought up to date by the delta of the days a change touched. */
  private aggregates: RangeInsights;
  private generation = 0;
  /** The HTML carried the current data: the page's first `ready` needs no post. */
  private embedded = false;
  /** Resolved by the page's first `ready`: the first data is made while VS Code loads the page, and posted after. */
  private pageReady!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.pageReady = resolve));
  private current: Insights | undefined;
  private uncounted: number | null = null;
  private painted: DashboardState['painted'] = null;
  private updateMs: number | null = null;
  /** Epoch ms (as the page's clock), to place the page's own marks. */
  private readonly createdAt = performance.timeOrigin + performance.now();
  private readonly firstPaint: FirstPaint = { document: null, script: null, ready: null, posted: null, painted: null };
  private readonly sinceCreated = () => performance.timeOrigin + performance.now() - this.createdAt;
  private updating = false;
  private again = false;
  /** A Save Insights Chart as SVG command waiting for the page's SVG: where it goes and who waits. */
  private svgRequest: { readonly chart: ChartName; readonly destination?: vscode.Uri; readonly done: (saved: vscode.Uri | undefined) => void } | undefined;
  private readonly disposed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly insights: WorkspaceInsights,
    private readonly index: WorkspaceIndex,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly categories: CachedCategories,
    range: DateRange = { from: null, to: null },
  ) {
    super();
    this.range = range;
    this.aggregates = insights.aggregatesFor(range);
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    panel.webview.html = insightsPageHtml({
      nonce: newNonce(),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.css')).toString(),
      lang: vscode.env.language,
      init: { strings: insightsStrings(), data: this.firstData() },
    });
    // Without data in the HTML it is made now, while VS Code loads the page (hundreds of ms on a first webview), and
    // posted once the page is ready.
    if (!this.embedded) void this.update();
    this.register(panel.webview.onDidReceiveMessage((data: unknown) => void this.onMessage(parseInsightsPageMessage(data))));
    this.register(
      insights.onDidChange(() => {
        this.embedded = false;
        void this.update();
      }),
    );
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
      uncounted: this.uncounted,
      countedInWorkers: this.insights.countedInWorkers,
      painted: this.painted,
      updateMs: this.updateMs,
      firstPaint: { ...this.firstPaint },
    };
  }

  /**
   * The first data, when the workspace's summaries and the range's aggregates are brought up to date within one time
   * slice (a reopen; a first open on a few hundred digests): the page draws it without asking (no round trip).
   */
  private firstData(): InsightsHostMessage | undefined {
    const deadline = performance.now() + SLICE_MS;
    const days = this.insights.current(deadline);
    if (!days || !this.aggregates.syncUntil(days, deadline)) return undefined;
    this.embedded = true;
    const message = this.message(days);
    this.firstPaint.posted = this.sinceCreated();
    return message;
  }

  /** The message for `days`; the aggregates must be synced to them (`insights` taken from them, when at hand). */
  private message(days: readonly DaySummary[], insights = this.rangeInsights()): InsightsHostMessage {
    this.current = insights;
    const first = days.find((d) => d.papers.size > 0)?.date ?? null;
    let last: string | null = null;
    for (let i = days.length - 1; i >= 0 && last === null; i--) if (days[i].papers.size > 0) last = days[i].date;
    this.uncounted = this.insights.uncounted;
    return hostMessage({ type: 'data', generation: ++this.generation, range: this.range, first, last, uncounted: this.uncounted, insights: this.current });
  }

  private rangeInsights(): Insights {
    return this.aggregates.insights(this.outputOptions());
  }

  private outputOptions(): RangeOutputOptions {
    return { top: TOP, maxRepeats: MAX_REPEATS, categoriesOf: this.categories.of };
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
        await this.categories.ready();
        // Thousands of days are applied a slice at a time; a new range meanwhile starts over (`again`).
        const aggregates = this.aggregates;
        while (!aggregates.syncUntil(days, performance.now() + SLICE_MS)) await yieldToHost();
        if (this.isDisposed || !this.panel.visible) return; // hidden meanwhile: its page asks again when shown
        if (aggregates !== this.aggregates) continue;
        // The range's insights (their top lists a slice at a time), the message built from them and its post are each
        // a piece of work on 5,000 days: one after the other in one go they held the host 50-80 ms on each redraw.
        let insights: Insights | undefined;
        while (!(insights = aggregates.insightsUntil(this.outputOptions(), performance.now() + SLICE_MS))) {
          await yieldToHost();
          if (this.isDisposed || !this.panel.visible) return;
          if (aggregates !== this.aggregates) break;
        }
        await yieldToHost();
        if (this.isDisposed || !this.panel.visible) return;
        if (!insights || aggregates !== this.aggregates) continue; // a new range meanwhile
        const message = this.message(days, insights);
        await yieldToHost();
        if (this.isDisposed || !this.panel.visible) return;
        this.updateMs = performance.now() - started;
        await this.loaded;
        if (this.isDisposed || !this.panel.visible) return;
        if (aggregates !== this.aggregates) continue;
        this.firstPaint.posted ??= this.sinceCreated();
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
      case 'ready': {
        const first = this.firstPaint.ready === null;
        if (first) Object.assign(this.firstPaint, { document: message.timeOrigin - this.createdAt, script: message.scriptStart - this.createdAt, ready: this.sinceCreated() });
        this.pageReady();
        if (this.embedded) {
          this.embedded = false; // a later `ready` (the page reloaded when shown again) asks for the latest data
          return;
        }
        // The first data is under way (begun with the panel): it is posted now that the page listens.
        if (first && this.updating) return;
        return this.update();
      }
      case 'range':
        this.range = message.range;
        this.aggregates = this.insights.aggregatesFor(message.range);
        return this.update();
      case 'painted':
        this.painted = { generation: message.generation, points: message.points };
        this.firstPaint.painted ??= this.sinceCreated();
        this.insights.countProblems(); // once the first data is drawn: counting takes a core
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
      case 'exportSvg': {
        // The command's request when this answers it (a click saves through the dialog alone).
        const request = this.svgRequest?.chart === message.chart ? this.svgRequest : undefined;
        if (request) this.svgRequest = undefined;
        const bytes = chartSvgBytes(message.svg);
        if (!bytes) this.log.error(`Insights: the page's SVG of the ${message.chart} chart is not only a drawing; not saved`);
        const saved = bytes && (await save(`insights-${message.chart}.svg`, { SVG: ['svg'] }, bytes, request?.destination));
        request?.done(saved);
        return;
      }
    }
  }

  /**
   * Asks the page for a chart's SVG and saves it, as its Save as SVG button does; `destination` skips the dialog
   * (tests). Undefined when the file is not saved, or the page does not answer within 10 s (hidden: its page is unloaded).
   */
  exportChartSvg(chart: ChartName, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
    this.svgRequest?.done(undefined); // an earlier request still unanswered is given up
    return new Promise((resolve) => {
      const request = {
        chart,
        destination,
        done: (saved: vscode.Uri | undefined) => {
          clearTimeout(timer);
          resolve(saved);
        },
      };
      const giveUp = () => {
        if (this.svgRequest !== request) return; // answered: the file is being saved
        this.svgRequest = undefined;
        request.done(undefined);
      };
      const timer = setTimeout(giveUp, 10_000);
      this.svgRequest = request;
      const message: InsightsExportRequest = { type: 'exportSvg', chart };
      void this.panel.webview.postMessage(message).then((posted) => posted || giveUp());
    });
  }

  private isListed(file: string, line: number): boolean {
    const lists = [...(this.current?.topPapers ?? []), ...(this.current?.repeats ?? [])];
    return lists.some((p) => p.places.some((place) => place.file === file && place.line === line));
  }

  /** Saves one table of the current range as CSV; `destination` skips the dialog (tests). */
  async exportTable(table: TableName, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.current) return undefined;
    // The aggregates are those of the data posted last; uncut here, so the CSV lists every repeated paper.
    const full = table === 'repeats' ? this.aggregates.insights({ top: TOP, categoriesOf: this.categories.of }) : this.current;
    return save(`insights-${table}.csv`, { CSV: ['csv'] }, new TextEncoder().encode(tableToCsv(insightsTable(full, table))), destination);
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
