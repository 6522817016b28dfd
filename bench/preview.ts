// Preview benchmark rows, ours against a markdown-it render of the same text: host-side render of a seed-sized
// and a ~1 MB digest, one keystroke in the 1 MB digest (parse + render + diff + message), and in Chromium the
// page's patch for that keystroke and its first paint. `runPreviewBench()` returns the rows; main.ts prints them.
// Standalone: `npx tsx bench/preview.ts [--quick]`.
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { applyChanges, DigestCache, parseDigest, type TextChange } from '../src/digest';
import { CardCache, diffDigests, digestBodyHtml, renderDigest, type RenderedDigest } from '../src/digest/render';
import { DEFAULT_TOOLBAR_STRINGS, previewPageHtml } from '../src/preview/page';
import { bigInput, benchCorpus, flat, keystrokeSite, seedInput } from './inputs';
import { fmtRatio, fmtSpread } from './report';
import { collect, consume, measure, summarize, type Plan, type Stats } from './measure';

export interface PreviewBenchRow {
  readonly id: 'p1' | 'p2' | 'p3' | 'p4' | 'p5';
  readonly label: string;
  readonly input: Record<string, string | number>;
  readonly ours: Stats;
  /** The same work done the naive way: markdown-it renders the whole text (in Chromium: replaces the whole page). */
  readonly baseline: Stats;
  readonly baselineLabel: string;
  /** Baseline median / our median: how many times faster we are. */
  readonly ratio: number;
  readonly note?: string;
}

export interface PreviewBenchOptions {
  readonly corpus?: string;
  readonly quick?: boolean;
  /** Chromium rows (p4, p5) need /usr/bin/chromium and media/preview.js (`npm run build`); false skips them. */
  readonly chromium?: boolean;
  readonly log?: (line: string) => void;
}

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ORIGIN = 'https://preview.bench';
const SOURCE = 'file:///bench/big.md';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DAwMDAAAAVBQIBtGRwHwAAAABJRU5ErkJggg==', 'base64');

const md = new MarkdownIt();
const p = (warmup: number, reps: number): Plan => ({ warmup, reps });
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function row(id: PreviewBenchRow['id'], label: string, input: PreviewBenchRow['input'], ours: Stats, baseline: Stats, baselineLabel: string, note?: string): PreviewBenchRow {
  return { id, label, input, ours, baseline, baselineLabel, ratio: baseline.median / ours.median, ...(note ? { note } : {}) };
}

/** What opening a preview costs the host from text: parse, render every card, join the body HTML. */
const renderFromText = (text: string) => digestBodyHtml(renderDigest(parseDigest(text)));

interface Keystrokes {
  readonly stats: Stats;
  /** The patch messages of the timed keystrokes, alternating insert and delete, for the page to replay. */
  readonly messages: string[];
  readonly editedText: string;
  readonly sane: boolean;
  readonly rendered: RenderedDigest;
}

/**
 * One keystroke in the 1 MB digest, as the host handles it: the parse cache's incremental update, the render
 * with a warm card cache (only the edited card is rendered), the diff, and the message serialised for postMessage.
 */
function keystrokes(big: string, plan: Plan): Keystrokes {
  const KEY = 'file:///bench/big.md';
  const docs = new DigestCache();
  const cards = new CardCache();
  const base = docs.get(KEY, 1, () => big);
  let shown = renderDigest(base, undefined, cards);
  const site = keystrokeSite(base);
  let version = 1;
  let text = big;
  let sane = true;
  const messages: string[] = [];
  const step = (changes: readonly TextChange[]) => {
    const next = flat(applyChanges(text, changes));
    version++;
    const t0 = process.hrtime.bigint();
    docs.recordChanges(KEY, version, changes);
    const doc = docs.get(KEY, version, () => next);
    const rendered = renderDigest(doc, undefined, cards);
    const patch = diffDigests(shown, rendered);
    const message = JSON.stringify({ type: 'patch', source: SOURCE, version, ...patch });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (patch.cards.length !== 1 || patch.days) sane = false;
    shown = rendered;
    text = next;
    return { ms, message };
  };
  const change = (i: number) => (i % 2 === 0 ? site.insert : site.remove);
  for (let i = 0; i < plan.warmup; i++) consume(step(change(i)));
  const samples: number[] = [];
  for (let i = 0; i < plan.reps; i++) {
    const { ms, message } = step(change(plan.warmup + i));
    samples.push(ms);
    messages.push(message);
  }
  // The incremental result must equal a render from scratch of the final text.
  const fresh = renderDigest(parseDigest(text));
  const shownHtml = new Map(shown.cards.map((c) => [c.id, c.html]));
  for (const card of fresh.cards) if (shownHtml.get(card.id) !== card.html) sane = false;
  const editedText = flat(applyChanges(big, site.insert));
  return { stats: summarize(samples, plan), messages, editedText, sane, rendered: shown };
}

function pageHtml(rendered: RenderedDigest): string {
  return previewPageHtml({
    nonce: 'bench',
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/preview.js`,
    styleUri: `${ORIGIN}/preview.css`,
    title: 'bench',
    lang: 'ko',
    bodyHtml: digestBodyHtml(rendered),
    strings: DEFAULT_TOOLBAR_STRINGS,
    init: {
      source: SOURCE,
      version: 1,
      locked: false,
      settings: { openOnDoubleClick: true, scrollSync: true, showThumbnails: true },
      days: rendered.days,
      cursorLine: null,
      scrollLine: null,
      strings: { count: '{0} of {1} papers', countAll: '{0} papers' },
    },
  });
}

/** The page as the functions run in Chromium see it (the root program has no DOM lib; the casts vanish at run time). */
interface PageGlobal {
  readonly document: {
    readonly body: { readonly offsetHeight: number; readonly scrollHeight: number };
    querySelector(selector: string): { innerHTML: string } | null;
    querySelectorAll(selector: string): { readonly length: number };
  };
  readonly __status: number;
  scrollTo(x: number, y: number): void;
  dispatchEvent(event: unknown): boolean;
  readonly MessageEvent: new (type: string, init: { data: unknown }) => unknown;
  readonly performance: { now(): number };
}

const STAND_IN = `
  globalThis.__name = (f) => f;
  window.__status = 0;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => { if (m.type === 'status') window.__status++; }, getState: () => null, setState: () => {} });
`;

/** Page-side rows in Chromium: the keystroke's patch (vs replacing the whole body) and the first paint. */
async function chromiumRows(k: Keystrokes, big: string, quick: boolean, log: (s: string) => void): Promise<PreviewBenchRow[]> {
  const root = path.resolve(__dirname, '..');
  const script = path.join(root, 'media', 'preview.js');
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(script)) {
    log(`  Chromium rows skipped: ${fs.existsSync(CHROMIUM) ? 'media/preview.js missing (npm run build)' : `${CHROMIUM} missing`}`);
    return [];
  }
  // Loaded at run time, never bundled into dist/bench.js.
  const playwright = 'playwright-core';
  const { chromium } = (await import(playwright)) as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const ours = pageHtml(k.rendered);
    const plain = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${ORIGIN}/preview.css"></head><body><main>${md.render(big)}</main></body></html>`;
    const files: Record<string, [string, string | Buffer]> = {
      '/': ['text/html', ours],
      '/plain': ['text/html', plain],
      '/preview.js': ['text/javascript', fs.readFileSync(script, 'utf8')],
      '/preview.css': ['text/css', fs.readFileSync(path.join(root, 'media', 'preview.css'), 'utf8')],
    };
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.addInitScript(STAND_IN);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
      if (file) return route.fulfill({ contentType: file[0], body: file[1] });
      return route.request().resourceType() === 'image' ? route.fulfill({ contentType: 'image/png', body: PNG }) : route.abort();
    });
    const page = await context.newPage();

    // p5: first paint, from navigation to the page's first status (cards adopted, toolbar applied), layout done.
    const paint = async (url: string, ready: () => Promise<unknown>) => {
      const t0 = performance.now();
      await page.goto(url);
      await ready();
      await page.evaluate(() => (globalThis as unknown as PageGlobal).document.body.offsetHeight);
      return performance.now() - t0;
    };
    const paintPlan = quick ? p(1, 2) : p(1, 5);
    const firstPaint = async (url: string, ready: () => Promise<unknown>) => {
      for (let i = 0; i < paintPlan.warmup; i++) await paint(url, ready);
      const samples: number[] = [];
      for (let i = 0; i < paintPlan.reps; i++) samples.push(await paint(url, ready));
      return summarize(samples, paintPlan);
    };
    const started = () => page.waitForFunction(() => (globalThis as unknown as PageGlobal).__status > 0);
    const oursPaint = await firstPaint(`${ORIGIN}/`, started);
    const plainPaint = await firstPaint(`${ORIGIN}/plain`, () => page.waitForLoadState('load'));

    // p4: the keystroke's patch, applied in place (replayed in order), against replacing the whole digest's HTML.
    await page.goto(`${ORIGIN}/`);
    await started();
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobal;
      w.scrollTo(0, w.document.body.scrollHeight / 2);
    });
    const patchSamples = await page.evaluate((messages) => {
      const w = globalThis as unknown as PageGlobal;
      const times: number[] = [];
      for (const m of messages) {
        const data: unknown = JSON.parse(m);
        const t0 = w.performance.now();
        w.dispatchEvent(new w.MessageEvent('message', { data }));
        void w.document.body.offsetHeight;
        times.push(w.performance.now() - t0);
      }
      return times;
    }, k.messages);
    const cards = await page.evaluate(() => (globalThis as unknown as PageGlobal).document.querySelectorAll('article.card').length);
    const fullPlan = quick ? p(1, 3) : p(1, 5);
    const html = md.render(k.editedText);
    const fullSamples = await page.evaluate(
      ([body, plan]) => {
        const w = globalThis as unknown as PageGlobal;
        const main = w.document.querySelector('main')!;
        const times: number[] = [];
        for (let i = 0; i < plan.warmup + plan.reps; i++) {
          const t0 = w.performance.now();
          main.innerHTML = body;
          void w.document.body.offsetHeight;
          if (i >= plan.warmup) times.push(w.performance.now() - t0);
        }
        return times;
      },
      [html, fullPlan] as const,
    );
    await context.close();
    const patchPlan = p(0, patchSamples.length);
    return [
      row('p4', 'page: apply one keystroke patch (1 MB)', { cards, patches: patchSamples.length }, summarize(patchSamples, patchPlan), summarize(fullSamples, fullPlan), 'replace whole body with markdown-it HTML', 'in Chromium: message handling + DOM patch + forced layout; baseline: innerHTML of the whole rendered 1 MB + layout'),
      row('p5', 'page: first paint (1 MB)', { cards, htmlBytes: Buffer.byteLength(ours) }, oursPaint, plainPaint, 'markdown-it HTML page, load', 'navigation to first status message + layout, vs a plain page with the same CSS until load'),
    ];
  } finally {
    await browser.close();
  }
}

export async function runPreviewBench(options: PreviewBenchOptions = {}): Promise<PreviewBenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick ?? false;
  const corpus = options.corpus ?? benchCorpus();
  const seed = seedInput(corpus);
  const big = bigInput(corpus);
  const rows: PreviewBenchRow[] = [];
  const bigDoc = parseDigest(big.text);
  const entries = bigDoc.entries.length;

  collect();
  const seedPlan = quick ? p(5, 15) : p(30, 100);
  rows.push(
    row(
      'p1',
      `render ${kb(seed.bytes)} seed (parse + all cards)`,
      { file: seed.name, bytes: seed.bytes },
      measure(() => renderFromText(seed.text), seedPlan),
      measure(() => md.render(seed.text), seedPlan),
      'markdown-it render',
    ),
  );
  log(`  (p1) seed: ours ${rows[0].ours.median.toFixed(2)} ms, markdown-it ${rows[0].baseline.median.toFixed(2)} ms`);

  const bigPlan = quick ? p(1, 3) : p(3, 12);
  rows.push(
    row(
      'p2',
      `render ${kb(big.bytes)} (${entries} entries, parse + all cards)`,
      { files: big.files, chars: big.chars, bytes: big.bytes, entries },
      measure(() => renderFromText(big.text), bigPlan),
      measure(() => md.render(big.text), bigPlan),
      'markdown-it render',
    ),
  );
  log(`  (p2) 1 MB: ours ${rows[1].ours.median.toFixed(1)} ms, markdown-it ${rows[1].baseline.median.toFixed(1)} ms`);

  collect();
  const k = keystrokes(big.text, quick ? p(5, 30) : p(20, 200));
  const full = measure(() => md.render(k.editedText), quick ? p(1, 3) : p(2, 10));
  rows.push(
    row(
      'p3',
      'keystroke in 1 MB: parse + render + diff + message',
      { chars: k.editedText.length, entries },
      k.stats,
      full,
      'markdown-it render of the whole text',
      k.sane ? 'each keystroke patched exactly 1 card; incremental cards == fresh render' : 'WARNING: a keystroke patched more than one card, or the cards differ from a fresh render',
    ),
  );
  log(`  (p3) keystroke: ours ${k.stats.median.toFixed(2)} ms, markdown-it ${full.median.toFixed(1)} ms${k.sane ? '' : ' — WARNING: not sane'}`);

  if (options.chromium !== false) rows.push(...(await chromiumRows(k, big.text, quick, log)));
  return rows;
}

export function formatPreviewRows(rows: readonly PreviewBenchRow[]): string {
  const header = ['case', 'ours ms (min–max)', 'baseline ms (min–max)', '×faster', 'baseline'];
  const body = rows.map((r) => [`(${r.id}) ${r.label}`, fmtSpread(r.ours), fmtSpread(r.baseline), fmtRatio(r.ratio), r.baselineLabel]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ...rows.filter((r) => r.note).map((r) => `(${r.id}) ${r.note}`)].join('\n');
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/preview.ts')) {
  void runPreviewBench({ quick: process.argv.includes('--quick') }).then((rows) => console.log(`\n${formatPreviewRows(rows)}`));
}
