// Runs the preview page in Debian's Chromium (playwright-core): the real page HTML, CSP and script, with a
// stand-in for `acquireVsCodeApi` that records messages, and the host side played by the pure core.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { applyChanges, parseDigest, updateDigest, type DigestDocument, type TextChange } from '../../src/digest';
import { CardCache, diffDigests, digestBodyHtml, renderDigest, type RenderedDigest } from '../../src/digest/render';
import { DEFAULT_TOOLBAR_STRINGS, newNonce, previewPageHtml } from '../../src/preview/page';
import type { HostMessage, PageMessage, PreviewSettings } from '../../src/preview/protocol';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = join(__dirname, '..', '..');

export const ORIGIN = 'https://preview.test';
export const SOURCE = 'file:///work/paper_logs/2025/01/29.md';
export const THUMB_HOST = 'https://cdn-thumbnails.huggingface.co/';
/** A 2×1 PNG: enough for `naturalWidth > 0`. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DAwMDAAAAVBQIBtGRwHwAAAABJRU5ErkJggg==', 'base64');

export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (never \`playwright install\`).`);
}

let browser: Browser | undefined;

export async function getBrowser(): Promise<Browser> {
  requireChromium();
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

let script: string | undefined;

/** The page script, bundled the way scripts/build.mjs bundles media/preview.js (iife, browser). */
export async function webviewScript(): Promise<string> {
  if (script === undefined) {
    const out = await esbuild.build({ entryPoints: [join(ROOT, 'src/preview/webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
    script = out.outputFiles[0].text;
  }
  return script;
}

export const css = (): string => readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8');

export interface OpenOptions {
  readonly settings?: Partial<PreviewSettings>;
  /** What `getState()` returns at start (a restored panel). */
  readonly state?: unknown;
  /** Without the CSP meta tag: shows that the sanitizer alone lets nothing run. */
  readonly csp?: boolean;
  /** Raw HTML appended to the body, past the sanitizer: shows what the CSP alone blocks. */
  readonly injectHtml?: string;
  readonly cursorLine?: number;
  readonly scrollLine?: number;
  readonly width?: number;
  readonly height?: number;
}

interface Recorded {
  url: string;
  type: string;
}

declare global {
  interface Window {
    __sent: PageMessage[];
    __state: unknown;
    __violations: string[];
    __pwned?: unknown;
  }
}

/** One preview page in its own browser context, with the host's side of a live preview. */
export class PreviewPage {
  readonly requests: Recorded[] = [];
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];
  private cache = new CardCache();
  doc: DigestDocument;
  rendered: RenderedDigest;
  version = 1;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    markdown: string,
  ) {
    this.doc = parseDigest(markdown);
    this.rendered = renderDigest(this.doc, undefined, this.cache);
  }

  static async open(markdown: string, options: OpenOptions = {}): Promise<PreviewPage> {
    const b = await getBrowser();
    const context = await b.newContext({ viewport: { width: options.width ?? 1000, height: options.height ?? 800 } });
    const preview = new PreviewPage(context, await context.newPage(), markdown);
    await preview.load(options);
    return preview;
  }

  pageHtml(options: OpenOptions): string {
    const html = previewPageHtml({
      nonce: newNonce(),
      cspSource: ORIGIN,
      scriptUri: `${ORIGIN}/preview.js`,
      styleUri: `${ORIGIN}/preview.css`,
      title: 'Preview 29.md',
      lang: 'ko',
      bodyHtml: digestBodyHtml(this.rendered) + (options.injectHtml ?? ''),
      strings: DEFAULT_TOOLBAR_STRINGS,
      init: {
        source: SOURCE,
        version: this.version,
        locked: false,
        settings: { openOnDoubleClick: true, scrollSync: true, showThumbnails: true, ...options.settings },
        days: this.rendered.days,
        cursorLine: options.cursorLine ?? null,
        scrollLine: options.scrollLine ?? null,
        strings: { count: '{0} of {1} papers', countAll: '{0} papers' },
      },
    });
    return options.csp === false ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '') : html;
  }

  private async load(options: OpenOptions): Promise<void> {
    const { page } = this;
    page.on('pageerror', (e) => this.errors.push(String(e)));
    // A thumbnail that cannot load is a case the page handles, not an error.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && this.errors.push(m.text()));
    page.on('dialog', (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
    // A string, not a function: tsx's transform would wrap a function's inner arrows in its `__name` helper, which
    // does not exist in the page (the same helper is defined here for the callbacks the tests evaluate).
    await page.addInitScript(`
      globalThis.__name = (f) => f;
      window.__sent = [];
      window.__state = ${JSON.stringify(options.state ?? null)};
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__sent.push(JSON.parse(JSON.stringify(m))),
        getState: () => window.__state,
        setState: (s) => { window.__state = s; },
      });
    `);
    const html = this.pageHtml(options);
    const js = await webviewScript();
    const style = css();
    // Nothing leaves the machine: our origin and the thumbnail CDN are served here, everything else fails.
    await page.route('**/*', (route) => {
      const request = route.request();
      const url = request.url();
      this.requests.push({ url, type: request.resourceType() });
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html });
      if (url === `${ORIGIN}/preview.js`) return route.fulfill({ contentType: 'text/javascript', body: js });
      if (url === `${ORIGIN}/preview.css`) return route.fulfill({ contentType: 'text/css', body: style });
      if (url.startsWith(THUMB_HOST)) return route.fulfill({ contentType: 'image/png', body: PNG });
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.__sent.some((m) => m.type === 'status'), undefined, { timeout: 10_000 }).catch((e: Error) => {
      throw new Error(`the page did not start: ${e.message}; errors: ${this.errors.join('; ')}`);
    });
  }

  async sent(): Promise<PageMessage[]> {
    return this.page.evaluate(() => window.__sent);
  }

  async clearSent(): Promise<void> {
    await this.page.evaluate(() => (window.__sent = []));
  }

  /** Delivers a host message as VS Code does (a `message` event on the window), synchronously. */
  async post(message: HostMessage | Record<string, unknown>): Promise<void> {
    await this.page.evaluate((m) => window.dispatchEvent(new MessageEvent('message', { data: m })), message as Record<string, unknown>);
  }

  /**
   * Edits the source as VS Code would report it, re-renders through the incremental parser and the card cache,
   * and sends the patch. Returns the patch and the page's time to apply it, layout included.
   */
  async edit(changes: TextChange | readonly TextChange[]): Promise<{ message: HostMessage & { type: 'patch' }; ms: number }> {
    const list = Array.isArray(changes) ? changes : [changes as TextChange];
    this.doc = updateDigest(this.doc, applyChanges(this.doc.text, list), list);
    const next = renderDigest(this.doc, undefined, this.cache);
    const patch = diffDigests(this.rendered, next);
    this.rendered = next;
    const message = { type: 'patch' as const, source: SOURCE, version: ++this.version, ...patch };
    const ms = await this.page.evaluate((m) => {
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: m }));
      void document.body.offsetHeight;
      return performance.now() - t0;
    }, message as unknown as Record<string, unknown>);
    return { message, ms };
  }

  /** Offset of `needle` in the current text. */
  offsetOf(needle: string): number {
    const i = this.doc.text.indexOf(needle);
    if (i < 0) throw new Error(`${needle} not in the digest`);
    return i;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
