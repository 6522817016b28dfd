// The browser side of the host benchmark's preview rows (test/bench-host/preview.ts is the extension-host side): a
// preview, ours or VS Code's built-in Markdown one, measured the same way, from the page, on one clock.
// - open → first content visible: from the keydown of the Enter that runs the palette command until the webview shows
//   its content frame (VS Code's webview host turns it visible once the HTML has loaded), then until the frame after it;
// - keystroke → change visible: a real key typed into the editor (Playwright), from its keydown until the preview's
//   DOM holds the new text (a MutationObserver in the webview's content frame), then until the frame after it.
// Times are performance.timeOrigin + performance.now() in each frame: the frames run in the same browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { DriveRequest, DriveResult, OpenResult, TypeResult } from '../../test/bench-host/preview';
import type { SuiteOptions } from './suite';

/** Runs in every frame before its own scripts: the workbench records its last keydown; a webview's host page
 *  (…/webview/browser/pre/index.html) records when it shows a content frame, with the entry headings (h3) in it, and
 *  the steps before: the page's creation, the HTML's arrival and its writing into the frame. */
const PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (window === window.top) {
    addEventListener('keydown', () => { window.__dpdKeydown = now(); }, true);
    return;
  }
  if (!location.pathname.endsWith('/pre/index.html')) return;
  window.__dpdShown = [];
  let shown;
  new MutationObserver(() => {
    const frame = document.getElementById('active-frame');
    if (!frame || frame === shown || frame.style.visibility !== 'visible') return;
    shown = frame;
    // VS Code's own marks in this page: when the HTML came (from the extension host) and when it was written into the frame.
    const mark = (name) => { const m = performance.getEntriesByName('webview/index.html/' + name).pop(); return m ? performance.timeOrigin + m.startTime : 0; };
    const entry = { created: performance.timeOrigin, content: mark('content/started'), written: mark('content/wroteInnerContent'), shown: now(), painted: 0,
      headings: frame.contentDocument ? frame.contentDocument.querySelectorAll('h3').length : -1 };
    window.__dpdShown.push(entry);
    requestAnimationFrame(() => setTimeout(() => { entry.painted = now(); }, 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style', 'id'] });
})()`;

/** In the content frame: resolves when a mutation brings `needle` into the DOM ({dom}), and after the next frame ({painted}). */
const waitForText = (needle: string, ms: number) => `(() => {
  const needle = ${JSON.stringify(needle)};
  const now = () => performance.timeOrigin + performance.now();
  const hit = (node) => (node.nodeType === 3 ? node.data : node.textContent || '').includes(needle);
  window.__dpdVisible = new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => (r.type === 'characterData' ? hit(r.target) : [...r.addedNodes].some(hit)))) return;
      observer.disconnect();
      clearTimeout(timer);
      const dom = now();
      requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: now() }), 0));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, ${ms});
  });
  return true;
})()`;

/** Digits typed one per keystroke after the marker: after k keys the text holds the marker and the first k of them. */
const KEYS = '01234567890123456789';
const DEADLINE_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PreviewDriver {
  private page: Page | undefined;

  /** Before the workbench loads: the probe must be in every frame from its start. */
  async attach(page: Page): Promise<void> {
    this.page = page;
    await page.addInitScript(PROBE);
  }

  async handle(request: DriveRequest): Promise<DriveResult> {
    if (!this.page) throw new Error('the driver has no page');
    return request.step === 'open' ? this.open(this.page, request.command) : this.type(this.page, request.marker, request.keys, request.pauseMs);
  }

  private async open(page: Page, command: string): Promise<OpenResult> {
    const before = new Set(page.frames());
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
    await page.evaluate('window.__dpdKeydown = 0');
    await page.keyboard.press('Enter');
    const t0 = await this.keydown(page);
    for (const deadline = Date.now() + DEADLINE_MS; Date.now() < deadline; await sleep(50)) {
      for (const frame of page.frames().filter((f) => !before.has(f))) {
        const shown = (await frame.evaluate('window.__dpdShown && window.__dpdShown[0]').catch(() => undefined)) as (Omit<OpenResult, 'headings'> & { headings: number }) | undefined;
        if (shown?.painted) {
          const { headings, ...times } = shown;
          return { ...(Object.fromEntries(Object.entries(times).map(([k, t]) => [k, t ? t - t0 : null])) as unknown as OpenResult), headings };
        }
      }
    }
    throw new Error(`no webview showed content within ${DEADLINE_MS / 1000} s of running "${command}"`);
  }

  private async type(page: Page, marker: string, keys: number, pauseMs: number): Promise<TypeResult> {
    if (keys > KEYS.length) throw new Error(`at most ${KEYS.length} keys per run`);
    const frame = await this.contentFrame(page, marker);
    const focused = await page.evaluate("!!document.activeElement?.closest('.monaco-editor')");
    if (!focused) throw new Error('the keyboard is not in an editor: the keys would go elsewhere');
    const result: TypeResult = { keydown: [], dom: [], painted: [] };
    for (let k = 1; k <= keys; k++) {
      await frame.evaluate(waitForText(marker + KEYS.slice(0, k), DEADLINE_MS));
      await page.evaluate('window.__dpdKeydown = 0');
      await page.keyboard.type(KEYS[k - 1]!);
      const seen = (await frame.evaluate('window.__dpdVisible')) as { dom: number; painted: number } | null;
      const t0 = await this.keydown(page);
      result.keydown.push(t0);
      result.dom.push(seen ? seen.dom - t0 : null);
      result.painted.push(seen ? seen.painted - t0 : null);
      // Each keystroke from a settled host and page: what the last one started (validation, the language server) ends first.
      await sleep(pauseMs);
    }
    return result;
  }

  private async keydown(page: Page): Promise<number> {
    const t = (await page.evaluate('window.__dpdKeydown')) as number;
    if (!t) throw new Error('the workbench saw no keydown');
    return t;
  }

  /** The webview content frame that shows `marker` (the preview of the document being typed in). */
  private async contentFrame(page: Page, marker: string): Promise<Frame> {
    for (const deadline = Date.now() + DEADLINE_MS; Date.now() < deadline; await sleep(100)) {
      // Not the workbench itself: its editor shows the marker too.
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        if (await frame.evaluate(`!!document.body && document.body.textContent.includes(${JSON.stringify(marker)})`).catch(() => false)) return frame;
      }
    }
    throw new Error(`no preview frame shows "${marker}"`);
  }
}

/** What runSuite needs for a session with the driver: the page before it loads, and the suite's `BENCH_DRIVE` lines,
 *  each answered with a file in `syncDir` (the suite's BENCH_SYNC). `onLine` gets the other lines. */
export function withDriver(syncDir: string, onLine: (text: string) => boolean): Pick<SuiteOptions, 'onPage' | 'onLine'> {
  const driver = new PreviewDriver();
  return {
    onPage: (page) => driver.attach(page),
    onLine: (text) => {
      const drive = /^BENCH_DRIVE (.*)$/.exec(text);
      if (!drive) return onLine(text);
      const request = JSON.parse(drive[1]!) as DriveRequest;
      void driver.handle(request).then((result) => ({ result }), (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
        .then((answer) => fs.writeFileSync(path.join(syncDir, `${request.id}.json`), JSON.stringify(answer)));
      return true;
    },
  };
}
