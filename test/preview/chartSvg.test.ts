// The charts' SVG export (src/insights/webview/chartSvg.ts) on its own in Chromium, under the dashboard's CSP: text
// from the page goes in as text, the global canvas and Path2D it borrows are given back, and what it costs beside
// uPlot's own canvas drawing of the same chart.
import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type uPlot from 'uplot';
import { svgcanvasCsp } from '../../scripts/svgcanvasCsp.mjs';
import { chartSvgBytes } from '../../src/insights/svgFile';
import { contentSecurityPolicy, newNonce } from '../../src/preview/page';
import { getBrowser, ORIGIN } from './harness';

declare global {
  interface Window {
    chartSvg: (options: uPlot.Options, data: uPlot.AlignedData) => string;
    uPlot: typeof uPlot;
  }
}

/** chartSvg and uPlot on `window`, bundled as the page bundles them (svgcanvas's CSP fix included). */
async function bundle(): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents: "import uPlot from 'uplot'; import { chartSvg } from './src/insights/webview/chartSvg'; Object.assign(window, { chartSvg, uPlot });", resolveDir: join(__dirname, '..', '..'), loader: 'ts' },
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent', plugins: [svgcanvasCsp],
  });
  return out.outputFiles[0].text;
}

const HOSTILE = '</text><script>window.__pwned=1</script><text onload="window.__pwned=2">&amp; "quoted" \'x\'';

describe('chart SVG export (Chromium)', function () {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    const nonce = newNonce();
    const js = await bundle();
    context = await (await getBrowser()).newContext();
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // `__name`: what tsx's transform wraps named functions passed to page.evaluate in.
    await page.addInitScript("globalThis.__name = (f) => f; window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));");
    const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, ORIGIN)}"></head><body><script nonce="${nonce}" src="${ORIGIN}/svg.js"></script></body></html>`;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html });
      if (url === `${ORIGIN}/svg.js`) return route.fulfill({ contentType: 'text/javascript', body: js });
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => typeof window.chartSvg === 'function', undefined, { timeout: 10_000 });
  });
  after(async () => context?.close());

  it('puts axis labels, tick values and series names from the page in as escaped text: no markup, nothing runs', async () => {
    const result = await page.evaluate((hostile) => {
      const svg = window.chartSvg(
        {
          width: 400,
          height: 200,
          scales: { x: { time: false } },
          series: [{ label: hostile }, { label: hostile, stroke: 'red' }],
          axes: [{ label: hostile, values: (_u, splits) => splits.map(() => hostile) }, { label: hostile }],
        },
        [
          [1, 2, 3],
          [3, 1, 2],
        ],
      );
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      // Shown in the page as it would be opened: still nothing may run.
      document.body.append(document.importNode(doc.documentElement, true));
      return {
        svg,
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        elements: [...new Set([...doc.querySelectorAll('*')].map((e) => e.localName))].sort(),
        handlers: [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
        unset: [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.value === 'undefined').map((a) => `${e.localName} ${a.name}`)),
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        violations: (window as unknown as { __violations: string[] }).__violations,
      };
    }, HOSTILE);
    assert.equal(result.error, null);
    assert.ok(result.texts.filter((t) => t === HOSTILE).length >= 4, `the axis label and the tick values, whole, as text: ${JSON.stringify(result.texts)}`);
    assert.deepEqual(result.elements, ['clipPath', 'defs', 'g', 'path', 'svg', 'text']);
    assert.deepEqual(result.handlers, []);
    assert.deepEqual(result.unset, [], 'no attribute written from an unset option');
    assert.equal(result.pwned, undefined);
    assert.deepEqual(result.violations, []);
    assert.ok(chartSvgBytes(result.svg), "the host's check takes it");
    assert.deepEqual(errors, []);
  });

  it('gives the page back its own canvas context and Path2D, also when uPlot throws', async () => {
    const result = await page.evaluate(() => {
      const before = { getContext: HTMLCanvasElement.prototype.getContext, Path2D: window.Path2D };
      let thrown = '';
      try {
        window.chartSvg({ width: 300, height: 150, series: [{}, { stroke: 'red' }] }, [[1, 2], null as unknown as number[]]);
      } catch (e) {
        thrown = String(e);
      }
      const ctx = document.createElement('canvas').getContext('2d');
      return { thrown, same: HTMLCanvasElement.prototype.getContext === before.getContext && window.Path2D === before.Path2D, native: ctx instanceof CanvasRenderingContext2D, path: new Path2D() instanceof before.Path2D };
    });
    assert.ok(result.thrown !== '', 'uPlot threw on the malformed data');
    assert.deepEqual({ same: result.same, native: result.native, path: result.path }, { same: true, native: true, path: true });
  });

  it('measures 5,000 days × 2 series: the SVG beside uPlot drawing the same chart on canvas (printed, no threshold)', async () => {
    const timing = await page.evaluate(() => {
      const days = 5000;
      const x = Array.from({ length: days }, (_, i) => 1.6e9 + i * 86400);
      const data: uPlot.AlignedData = [x, x.map((_, i) => 5 + (i % 17)), x.map((_, i) => 100 + ((i * 37) % 400))];
      const options: uPlot.Options = { width: 900, height: 220, series: [{}, { stroke: 'blue', points: { size: 4 } }, { stroke: 'orange', scale: 'votes' }], axes: [{}, {}, { side: 1, scale: 'votes' }] };
      const median = (f: () => void) => {
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now();
          f();
          times.push(performance.now() - t);
        }
        return times.sort((a, b) => a - b)[3];
      };
      let bytes = 0;
      const svg = median(() => (bytes = window.chartSvg(options, data).length));
      const canvas = median(() => new window.uPlot(options, data, (u, init) => u.batch(init)).destroy());
      return { svg, canvas, bytes };
    });
    console.log(`    SVG export of 5,000 days × 2 series: ${timing.svg.toFixed(1)} ms, ${(timing.bytes / 1024).toFixed(0)} KB; uPlot on canvas: ${timing.canvas.toFixed(1)} ms; ratio ${(timing.svg / timing.canvas).toFixed(1)}×`);
    assert.ok(timing.bytes > 0);
  });
});
