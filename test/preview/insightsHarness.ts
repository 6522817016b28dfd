// Runs the insights dashboard's page in Debian's Chromium: the real page HTML, CSP and bundled script (uPlot
// included), with a stand-in for `acquireVsCodeApi` that records messages; the host's data comes from the core.
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parseDigest } from '../../src/digest';
import { computeInsights, DaySummaries, fileFacts, type Insights, type RangeOutputOptions } from '../../src/digest/insights';
import { newNonce } from '../../src/preview/page';
import { insightsPageHtml } from '../../src/insights/page';
import { hostMessage, type DateRange, type InsightsHostMessage, type InsightsPageMessage, type InsightsStrings } from '../../src/insights/protocol';
import { svgcanvasCsp } from '../../scripts/svgcanvasCsp.mjs';
import { getBrowser, ORIGIN } from './harness';

const ROOT = join(__dirname, '..', '..');

let bundle: { js: string; css: string } | undefined;

/** The page script and its styles, bundled the way scripts/build.mjs bundles media/insights.{js,css}. */
async function insightsBundle(): Promise<{ js: string; css: string }> {
  if (!bundle) {
    const out = await esbuild.build({ entryPoints: { insights: join(ROOT, 'src/insights/webview/main.ts') }, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, outdir: '/virtual', logLevel: 'silent', plugins: [svgcanvasCsp] });
    const text = (ext: string) => out.outputFiles.find((f) => f.path.endsWith(ext))!.text;
    bundle = { js: text('.js'), css: text('.css') };
  }
  return bundle;
}

/** English strings with visible keys, so tests can find each label. */
export const STRINGS: InsightsStrings = Object.fromEntries(
  ['title', 'range', 'preset', 'presetMonth', 'presetQuarter', 'presetAll', 'presetCustom', 'from', 'to', 'loading', 'empty', 'activity', 'histogram', 'problems', 'format', 'topPapers', 'authorsByPapers', 'authorsByVotes', 'repeats', 'categories', 'showTable', 'exportCsv', 'exportPng', 'exportSvg', 'date', 'papers', 'votes', 'count', 'error', 'warning', 'information', 'hint', 'era', 'labelStyle', 'author', 'paper', 'dates', 'category', 'unknownCategory', 'moreRepeats', 'uncounted'].map((k) => [k, k]),
) as unknown as InsightsStrings;
const TOTALS = '{0} days · {1} papers ({2} distinct) · {3} votes · {4} errors, {5} warnings';

/** The insights of Markdown files keyed by name (the host's side, through the core). */
export function insightsOf(files: Record<string, string>, range: DateRange = { from: null, to: null }, options: RangeOutputOptions = {}): Insights {
  const days = new DaySummaries();
  for (const [file, text] of Object.entries(files)) days.set(fileFacts(file, parseDigest(text)));
  return computeInsights(days.days(), { ...options, from: range.from ?? undefined, to: range.to ?? undefined });
}

/** The data message the host posts (or embeds in the HTML) for these insights. */
export function dataMessage(insights: Insights, generation: number, range: DateRange = { from: null, to: null }): InsightsHostMessage {
  return hostMessage({ type: 'data', generation, range, first: insights.days[0]?.date ?? null, last: insights.days.at(-1)?.date ?? null, uncounted: 0, insights });
}

// `window.__sent` is declared in harness.ts with the preview's message type; here it holds the dashboard's.
export class InsightsPage {
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];
  private generation = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** `data`: the first data in the HTML, as the host embeds it when it has it at hand. */
  static async open(width = 1200, height = 900, data?: InsightsHostMessage): Promise<InsightsPage> {
    const context = await (await getBrowser()).newContext({ viewport: { width, height } });
    const p = new InsightsPage(context, await context.newPage());
    if (data) p.generation = data.generation;
    await p.load(data);
    return p;
  }

  private async load(data?: InsightsHostMessage): Promise<void> {
    const { page } = this;
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && this.errors.push(m.text()));
    page.on('dialog', (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript(`
      globalThis.__name = (f) => f;
      window.__sent = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(JSON.parse(JSON.stringify(m))), getState: () => null, setState: (s) => (window.__state = JSON.parse(JSON.stringify(s))) });
    `);
    const html = insightsPageHtml({
      nonce: newNonce(),
      cspSource: ORIGIN,
      scriptUri: `${ORIGIN}/insights.js`,
      styleUri: `${ORIGIN}/insights.css`,
      lang: 'en',
      init: { strings: { ...STRINGS, totals: TOTALS, moreRepeats: '{0} of {1}' }, data },
    });
    const { js, css } = await insightsBundle();
    // Nothing leaves the machine: only our origin is served.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html });
      if (url === `${ORIGIN}/insights.js`) return route.fulfill({ contentType: 'text/javascript', body: js });
      if (url === `${ORIGIN}/insights.css`) return route.fulfill({ contentType: 'text/css', body: css });
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window.__sent as unknown as InsightsPageMessage[]).some((m) => m.type === 'ready'), undefined, { timeout: 10_000 }).catch((e: Error) => {
      throw new Error(`the dashboard did not start: ${e.message}; errors: ${this.errors.join('; ')}`);
    });
  }

  /** Posts data as the host does and waits until the page reports it painted; returns the painted message. */
  async show(insights: Insights, range: DateRange = { from: null, to: null }, first?: string, last?: string, uncounted = 0): Promise<InsightsPageMessage & { type: 'painted' }> {
    const generation = ++this.generation;
    const message = hostMessage({ type: 'data', generation, range, first: first ?? insights.days[0]?.date ?? null, last: last ?? insights.days.at(-1)?.date ?? null, uncounted, insights });
    await this.post(message);
    const handle = await this.page.waitForFunction((g) => (window.__sent as unknown as InsightsPageMessage[]).find((m) => m.type === 'painted' && m.generation === g), generation, { timeout: 10_000 }).catch((e: Error) => {
      throw new Error(`generation ${generation} was not painted: ${e.message}; errors: ${this.errors.join('; ')}`);
    });
    return (await handle.jsonValue()) as InsightsPageMessage & { type: 'painted' };
  }

  async post(message: unknown): Promise<void> {
    await this.page.evaluate((m) => window.dispatchEvent(new MessageEvent('message', { data: m })), message as Record<string, unknown>);
  }

  async sent(): Promise<InsightsPageMessage[]> {
    return this.page.evaluate(() => (window.__sent as unknown as InsightsPageMessage[]));
  }

  /** What the page last kept with setState (VS Code's panel serializer gets it after a reload). */
  async savedState(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { __state?: unknown }).__state);
  }

  async clearSent(): Promise<void> {
    await this.page.evaluate(() => (window.__sent = []));
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
