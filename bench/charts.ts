// Chart libraries side by side for the Insights dashboard: bundle size (esbuild minified + gzip) and the time to
// draw 500 days × 5 series in real Chromium, measured alternately in one run (medians, ratios to the fastest).
// Run under the machine's browser lock: `flock /work/host.lock npm run bench:charts`.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DAYS = 500;
const SERIES = 5;
const RUNS = Number(process.env.CHART_RUNS ?? 15);

/** Each candidate: an entry that draws `window.__data` (x: day index, ys: series) into #chart, animations off. */
const CANDIDATES: Record<string, string> = {
  uPlot: `
    import uPlot from 'uplot';
    import 'uplot/dist/uPlot.min.css';
    window.__draw = (el, data) => new uPlot({ width: 900, height: 300, scales: { x: { time: false } },
      series: [{}, ...data.ys.map((_, i) => ({ label: 's' + i, stroke: 'hsl(' + i * 70 + ',60%,45%)' }))] }, [data.x, ...data.ys], el);`,
  'Chart.js (line only, tree-shaken)': `
    import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip } from 'chart.js';
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);
    window.__draw = (el, data) => { const c = document.createElement('canvas'); el.appendChild(c);
      return new Chart(c, { type: 'line', options: { animation: false, responsive: false, parsing: false, normalized: true, scales: { x: { type: 'linear' } } },
        data: { datasets: data.ys.map((ys, i) => ({ label: 's' + i, data: ys.map((y, j) => ({ x: data.x[j], y })), pointRadius: 0, borderColor: 'hsl(' + i * 70 + ',60%,45%)' })) } }); };`,
  'Chart.js (chart.js/auto)': `
    import Chart from 'chart.js/auto';
    window.__draw = (el, data) => { const c = document.createElement('canvas'); el.appendChild(c);
      return new Chart(c, { type: 'line', options: { animation: false, responsive: false, parsing: false, normalized: true, scales: { x: { type: 'linear' } } },
        data: { datasets: data.ys.map((ys, i) => ({ label: 's' + i, data: ys.map((y, j) => ({ x: data.x[j], y })), pointRadius: 0, borderColor: 'hsl(' + i * 70 + ',60%,45%)' })) } }); };`,
  'Observable Plot (SVG)': `
    import * as Plot from '@observablehq/plot';
    window.__draw = (el, data) => { const svg = Plot.plot({ width: 900, height: 300,
      marks: data.ys.map((ys, i) => Plot.lineY(ys, { x: (_, j) => data.x[j], y: (y) => y, stroke: 'hsl(' + i * 70 + ',60%,45%)' })) });
      el.appendChild(svg); return { destroy: () => svg.remove() }; };`,
};

async function bundle(source: string): Promise<{ js: string; css: string }> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    outdir: 'out/bench-charts',
    logLevel: 'silent',
  });
  const text = (ext: string) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('');
  return { js: text('.js'), css: text('.css') };
}

function data() {
  const x = Array.from({ length: DAYS }, (_, i) => i);
  const ys = Array.from({ length: SERIES }, (_, s) => x.map((i) => Math.round(10 + 8 * Math.sin(i / (7 + s)) + ((i * 37 + s * 11) % 13))));
  return { x, ys };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const bundles = new Map<string, { js: string; css: string }>();
  for (const [name, source] of Object.entries(CANDIDATES)) bundles.set(name, await bundle(source));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const times = new Map<string, number[]>([...bundles.keys()].map((k) => [k, []]));
  try {
    const pages = new Map<string, import('playwright-core').Page>();
    for (const [name, b] of bundles) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 400 } });
      await page.setContent(`<!doctype html><style>${b.css}</style><div id="chart"></div><script>${b.js}</script>`);
      pages.set(name, page);
    }
    // Alternate the candidates run by run, so load on the machine falls on all of them alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [name, page] of pages) {
        const ms = await page.evaluate(
          `new Promise((resolve) => { const el = document.getElementById('chart'); el.replaceChildren();
            const d = ${JSON.stringify(data())}; const t0 = performance.now(); const chart = window.__draw(el, d);
            requestAnimationFrame(() => requestAnimationFrame(() => { const ms = performance.now() - t0; chart.destroy(); resolve(ms); })); })`,
        );
        times.get(name)!.push(ms as number);
      }
    }
  } finally {
    await browser.close();
  }
  const rows = [...bundles].map(([name, b]) => ({ name, gzip: gzipSync(b.js + b.css).length, min: b.js.length + b.css.length, ms: median(times.get(name)!) }));
  const best = Math.min(...rows.map((r) => r.ms));
  const smallest = Math.min(...rows.map((r) => r.gzip));
  console.log(`${DAYS} days × ${SERIES} series, median of ${RUNS} runs each, drawn until the second animation frame`);
  console.log('| library | minified | gzip | size ratio | render ms | time ratio |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.name} | ${(r.min / 1024).toFixed(1)} KB | ${(r.gzip / 1024).toFixed(1)} KB | ${(r.gzip / smallest).toFixed(2)}× | ${r.ms.toFixed(1)} | ${(r.ms / best).toFixed(2)}× |`);
}

main().catch((e) => {
  console.error(`bench:charts: ${(e as Error).message}`);
  process.exitCode = 1;
});
