import * as assert from 'node:assert/strict';
import { CHART_NAMES, presetRange, pngBytes, type ChartName, type InsightsPageMessage } from '../../src/insights/protocol';
import { chartSvgBytes } from '../../src/insights/svgFile';
import { dataMessage, InsightsPage, insightsOf } from './insightsHarness';

function entry(id: string, title: string, votes: number, authors: string[], label = "***What's New***") {
  return [`### [${title}](https://arxiv.org/abs/${id})`, '', `Vote: ${votes}`, '', `Authors: ${authors.join(', ')}`, '', `- ${label}: 요약입니다.`, ''].join('\n');
}
const day = (date: string, ...entries: string[]) => `## Daily Papers (${date})\n\n${entries.join('\n')}\n`;

// Four days, one in the bold era, a paper repeated on two days, votes from 3 to 45.
const FILES: Record<string, string> = {
  'file:///w/paper_logs/2024/11/02.md': day('2024-11-02', entry('2411.00001', 'Bold Era Paper', 3, ['Kim'], "**What's New**")),
  'file:///w/paper_logs/2025/01/29.md': day('2025-01-29', entry('2501.00001', 'Alpha', 30, ['Kim', 'Choi']), entry('2501.00002', 'Beta', 12, ['Lee'])),
  'file:///w/paper_logs/2025/01/30.md': day('2025-01-30', entry('2501.00003', 'Gamma', 45, ['Kim']), entry('2501.00001', 'Alpha', 31, ['Kim', 'Choi'])),
  'file:///w/paper_logs/2025/02/03.md': day('2025-02-03', entry('2502.00001', 'Delta', 8, ['Park'])),
};

/** Opens a chart's table (the text alternative) and waits until it is built. */
async function openTable(page: InsightsPage, name: string): Promise<void> {
  const open = await page.page.$eval(`#dp-${name} details.alt`, (d) => (d as HTMLDetailsElement).open);
  if (!open) await page.page.click(`#dp-${name} details.alt summary`);
  await page.page.waitForSelector(`#dp-${name} details.alt table`, { timeout: 5000 });
}

const clickAndGet = async (page: InsightsPage, selector: string): Promise<InsightsPageMessage> => {
  await page.clearSent();
  await page.page.click(selector);
  const sent = await page.sent();
  assert.equal(sent.length, 1, `one message after clicking ${selector}: ${JSON.stringify(sent)}`);
  return sent[0];
};

describe('insights dashboard page (Chromium)', function () {
  let page: InsightsPage;
  const insights = insightsOf(FILES);

  before(async () => {
    page = await InsightsPage.open();
  });
  after(async () => page?.close());

  it('draws each chart with one point per day (per bin for the histogram) and says so in its table', async () => {
    const painted = await page.show(insights);
    assert.deepEqual(painted.points, { activity: 4, histogram: insights.voteHistogram.length, problems: 4, format: 4 });
    for (const name of CHART_NAMES) {
      const drawn = await page.page.$eval(`#dp-chart-${name}`, (el) => ({ points: el.getAttribute('data-points'), canvas: el.querySelectorAll('canvas').length }));
      assert.deepEqual(drawn, { points: String(painted.points[name]), canvas: 1 }, name);
      assert.equal(await page.page.$(`#dp-${name} details.alt table`), null, `${name}: the table is built when opened, not with the chart`);
      await openTable(page, name);
      const rows = await page.page.$$eval(`#dp-${name} details.alt tbody tr`, (trs) => trs.length);
      assert.equal(rows, painted.points[name], `${name}: a table row per point`);
    }
    const activity = await page.page.$$eval('#dp-activity details.alt tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.deepEqual(activity, [['2024-11-02', '1', '3'], ['2025-01-29', '2', '42'], ['2025-01-30', '2', '76'], ['2025-02-03', '1', '8']]);
    const format = await page.page.$$eval('#dp-format details.alt tbody tr', (trs) => trs.map((tr) => tr.children[1].textContent));
    assert.deepEqual(format, ['C', 'D', 'D', 'D']);
    assert.equal(await page.page.textContent('#dp-totals'), '4 days · 6 papers (5 distinct) · 129 votes · 0 errors, 0 warnings');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.page.evaluate(() => window.__violations), [], 'uPlot works under the CSP');
  });

  it('lists the top-voted papers, the authors and the repeats; clicks post the right messages', async () => {
    await page.show(insights);
    const titles = await page.page.$$eval('#dp-papers li button', (bs) => bs.map((b) => b.textContent));
    assert.deepEqual(titles, ['Gamma', 'Alpha', 'Beta', 'Delta', 'Bold Era Paper']);
    assert.deepEqual(await clickAndGet(page, '#dp-papers li:nth-child(2) button'), { type: 'openEntry', file: 'file:///w/paper_logs/2025/01/29.md', line: 2 });
    assert.deepEqual(await clickAndGet(page, '#dp-authors-papers li:first-child button'), { type: 'author', name: 'Kim' });
    assert.deepEqual(await clickAndGet(page, '#dp-repeats button[data-date="2025-01-30"]'), { type: 'openEntry', file: 'file:///w/paper_logs/2025/01/30.md', line: 10 });
    assert.deepEqual(await clickAndGet(page, '#dp-repeats button[data-csv]'), { type: 'exportCsv', table: 'repeats' });
    assert.deepEqual(await clickAndGet(page, '#dp-activity button[data-csv]'), { type: 'exportCsv', table: 'days' });
  });

  it('is used from the keyboard: Tab reaches the list buttons and Enter activates them', async () => {
    await page.show(insights);
    await page.page.focus('#dp-authors-votes li:first-child button');
    await page.clearSent();
    await page.page.keyboard.press('Enter');
    assert.deepEqual(await page.sent(), [{ type: 'author', name: 'Kim' }]);
    await page.page.keyboard.press('Tab');
    const next = await page.page.evaluate(() => document.activeElement?.getAttribute('data-author'));
    assert.equal(next, 'Choi');
  });

  it('saves a chart as a real PNG through a message', async () => {
    await page.show(insights);
    const message = await clickAndGet(page, '#dp-activity button[data-png]');
    assert.equal(message.type, 'exportPng');
    if (message.type !== 'exportPng') return;
    assert.equal(message.chart, 'activity');
    const bytes = pngBytes(message.dataUrl);
    assert.ok(bytes && bytes.length > 1000, `a PNG of the chart, got ${message.dataUrl.slice(0, 40)}`);
  });

  it('saves each chart as a vector SVG through a message: a mark per day (a bar per bin), well-formed, and what the host accepts', async () => {
    const painted = await page.show(insights);
    const colour = await page.page.evaluate(() => Object.fromEntries(['blue', 'orange', 'red', 'yellow', 'green', 'purple'].map((n) => [n, getComputedStyle(document.documentElement).getPropertyValue(`--dp-${n}`).trim()])));
    // The colours of each chart's series, in their order; the histogram's one series is filled bars.
    const series: Record<ChartName, string[]> = { activity: [colour.blue, colour.orange], histogram: [colour.blue], problems: [colour.red, colour.yellow, colour.blue, colour.green], format: [colour.purple, colour.green] };
    for (const name of CHART_NAMES) {
      const message = await clickAndGet(page, `#dp-${name} button[data-svg]`);
      assert.ok(message.type === 'exportSvg' && message.chart === name, `${name}: ${JSON.stringify(message).slice(0, 80)}`);
      const svg = await page.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          raster: doc.querySelectorAll('image, foreignObject').length,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
          fonts: [...doc.querySelectorAll('text')].map((t) => t.getAttribute('font-size')),
          paths: [...doc.querySelectorAll('path')].map((p) => ({ stroke: p.getAttribute('stroke'), fill: p.getAttribute('fill'), d: p.getAttribute('d') ?? '' })),
        };
      }, message.svg);
      assert.deepEqual({ error: svg.error, root: svg.root, raster: svg.raster }, { error: null, root: 'http://www.w3.org/2000/svg svg', raster: 0 }, `${name}: an SVG document of paths and text`);
      assert.ok(svg.texts.length > 0 && svg.fonts.every((f) => f === '12px'), `${name}: axis labels as text in uPlot's font: ${svg.fonts.join()}`);
      const count = (d: string, command: string) => d.split(command).length - 1;
      if (name === 'histogram') {
        const bars = svg.paths.filter((p) => p.fill === colour.blue);
        assert.deepEqual(bars.map((p) => count(p.d, 'M')), [painted.points.histogram], 'one filled path, a rectangle per bin');
      } else
        for (const stroke of series[name]) {
          // uPlot draws a series' points (a circle per day) as one path of arcs, apart from its line.
          const points = svg.paths.filter((p) => p.stroke === stroke && p.d.includes('A'));
          assert.ok(points.length > 0 && points.every((p) => count(p.d, 'A') === painted.points[name]), `${name}, ${stroke}: a point per day, ${points.map((p) => count(p.d, 'A')).join()}`);
        }
      assert.ok(chartSvgBytes(message.svg), `${name}: the host's check takes it`);
    }
    // Zoomed in on the first day (a drag across the plot), the SVG shows what is shown, as the PNG does.
    const over = (await page.page.$('#dp-chart-activity .u-over'))!;
    await over.scrollIntoViewIfNeeded(); // the mouse reaches only what is in the viewport
    const plot = (await over.boundingBox())!;
    await page.page.mouse.move(plot.x + 2, plot.y + plot.height / 2);
    await page.page.mouse.down();
    await page.page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2, { steps: 5 });
    await page.page.mouse.up();
    const zoomed = await clickAndGet(page, '#dp-activity button[data-svg]');
    const zoomedPoints = zoomed.type === 'exportSvg' ? Math.max(...zoomed.svg.split(' d="').map((d) => d.split('"')[0].split('A').length - 1)) : -1;
    assert.ok(zoomedPoints >= 1 && zoomedPoints < painted.points.activity, `the days zoomed in on, not all ${painted.points.activity}: ${zoomedPoints}`);
    const format = await clickAndGet(page, '#dp-format button[data-svg]');
    assert.ok(format.type === 'exportSvg' && ['A', 'B', 'C', 'D', 'none', 'bold', 'bold-italic'].every((label) => format.svg.includes(`>${label}</text>`)), 'the era and label-style axes');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.page.evaluate(() => window.__violations), [], 'svgcanvas works under the CSP');
  });

  it('answers the host\'s request for a chart\'s SVG (Save Insights Chart as SVG) as its button does', async () => {
    await page.show(insights);
    await page.clearSent();
    await page.post({ type: 'exportSvg', chart: 'histogram' });
    await page.post({ type: 'exportSvg', chart: '../x' });
    const sent = await page.sent();
    assert.deepEqual(sent.map((m) => m.type === 'exportSvg' && m.chart), ['histogram']);
  });

  it('asks for a preset range counted back from the latest digest, and for a custom range', async () => {
    await page.show(insights);
    await page.clearSent();
    await page.page.selectOption('#dp-preset', 'month');
    assert.deepEqual(await page.sent(), [{ type: 'range', range: presetRange('month', '2025-02-03') }]);
    assert.deepEqual(presetRange('month', '2025-02-03'), { from: '2025-01-04', to: '2025-02-03' });
    // The host answers with the range's data: the controls show it, the charts shrink to it.
    const range = presetRange('month', '2025-02-03');
    const painted = await page.show(insightsOf(FILES, range), range, '2024-11-02', '2025-02-03');
    assert.equal(painted.points.activity, 3);
    await openTable(page, 'activity');
    assert.equal(await page.page.$$eval('#dp-activity details.alt tbody tr', (trs) => trs.length), 3, 'an open table follows the data');
    assert.equal(await page.page.inputValue('#dp-from'), '2025-01-04');
    assert.equal(await page.page.inputValue('#dp-preset'), 'month');
    await page.clearSent();
    await page.page.fill('#dp-to', '2025-01-29');
    await page.page.dispatchEvent('#dp-to', 'change');
    const sent = await page.sent();
    assert.deepEqual(sent.at(-1), { type: 'range', range: { from: '2025-01-04', to: '2025-01-29' } });
    assert.equal(await page.page.inputValue('#dp-preset'), 'custom');
  });

  it('ignores a malformed host message (no repaint)', async () => {
    await page.show(insights);
    await page.clearSent();
    await page.post({ type: 'data', generation: 99, range: { from: null, to: null }, first: null, last: null, insights: { ...insights, days: [{ date: '<b>', papers: 'x' }] } });
    await page.post({ type: 'data', generation: 100 });
    await page.show(insights); // a well-formed one after them is painted, so the page had its chance
    const painted = (await page.sent()).flatMap((m) => (m.type === 'painted' ? [m.generation] : []));
    assert.equal(painted.length, 1);
    assert.ok(!painted.includes(99) && !painted.includes(100), `painted ${painted.join(', ')}`);
  });

  it('shows hostile titles and authors as text: nothing runs, nothing is added to the DOM', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const author = '"><svg onload=window.__pwned=3>';
    const data = {
      ...insights,
      topPapers: insights.topPapers.map((p, i) => (i === 0 ? { ...p, title: hostile } : p)),
      topAuthorsByPapers: insights.topAuthorsByPapers.map((a, i) => (i === 0 ? { ...a, name: author } : a)),
      repeats: insights.repeats.map((r) => ({ ...r, title: hostile })),
    };
    await page.show(data);
    assert.equal(await page.page.textContent('#dp-papers li:first-child button'), hostile);
    assert.equal(await page.page.textContent('#dp-authors-papers li:first-child button'), author);
    const injected = await page.page.evaluate(() => document.querySelectorAll('main img, main script, main svg, main [onerror], main [onload]').length);
    assert.equal(injected, 0);
    assert.equal(await page.page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(await clickAndGet(page, '#dp-authors-papers li:first-child button'), { type: 'author', name: author });
  });

  it('mixes the arXiv categories the metadata cache knows, the rest as one "unknown" row', async () => {
    const cached: Record<string, string[]> = { '2501.00001': ['cs.CL', 'cs.AI'], '2501.00003': ['cs.CL'], '2502.00001': ['cs.CV'] };
    await page.show(insightsOf(FILES, undefined, { categoriesOf: (id) => cached[id] }));
    const rows = await page.page.$$eval('#dp-categories tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.deepEqual(rows, [['cs.CL', '2'], ['cs.CV', '1'], ['unknownCategory', '2']]);
    assert.deepEqual(await clickAndGet(page, '#dp-categories button[data-csv]'), { type: 'exportCsv', table: 'categories' });
    await page.show(insights); // no metadata at all (the CLI): no category section
    assert.equal(await page.page.$('#dp-categories'), null);
  });

  it('lists the most repeated papers only up to the cap, saying how many there are', async () => {
    await page.show(insightsOf(FILES, undefined, { maxRepeats: 0 }));
    assert.equal(await page.page.$$eval('#dp-repeats li', (lis) => lis.length), 0);
    assert.equal(await page.page.textContent('#dp-more-repeats'), '0 of 1');
    await page.show(insights);
    assert.equal(await page.page.$('#dp-more-repeats'), null);
  });

  it('draws new data into the charts it has (same canvas) and says while problems are still being counted', async () => {
    await page.show(insights, undefined, undefined, undefined, 12);
    await page.page.evaluate(() => document.querySelectorAll('#dp-chart-activity canvas').forEach((c) => c.setAttribute('data-first', '')));
    assert.equal(await page.page.textContent('#dp-problems .note'), 'uncounted');
    const range = { from: '2025-01-29', to: null };
    const painted = await page.show(insightsOf(FILES, range), range);
    assert.equal(painted.points.activity, 3);
    assert.deepEqual(
      await page.page.$eval('#dp-chart-activity', (el) => ({ points: el.getAttribute('data-points'), canvas: el.querySelectorAll('canvas').length, same: el.querySelector('canvas')?.hasAttribute('data-first') })),
      { points: '3', canvas: 1, same: true },
    );
    assert.equal(await page.page.isHidden('#dp-problems .note'), true, 'every problem counted: no note');
    await page.show(insights);
  });

  it('draws again only the charts whose data changed: more problems counted redraw the problems chart alone', async () => {
    await page.show(insights);
    // uPlot clears a chart's canvas each time it draws it.
    await page.page.evaluate(() => {
      const clears: Record<string, number> = {};
      (window as unknown as { __clears: Record<string, number> }).__clears = clears;
      const clearRect = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function (...args) {
        const chart = this.canvas.closest('.chart')?.id ?? '?';
        clears[chart] = (clears[chart] ?? 0) + 1;
        return clearRect.apply(this, args);
      };
    });
    const counted = { ...insights, days: insights.days.map((d, i) => (i === 1 ? { ...d, problems: { ...d.problems, error: d.problems.error + 2 } } : d)) };
    await page.show(counted);
    assert.deepEqual(await page.page.evaluate(() => Object.keys((window as unknown as { __clears: Record<string, number> }).__clears)), ['dp-chart-problems']);
  });

  it('keeps the shown range with setState, for the panel serializer after a window reload', async () => {
    const range = presetRange('month', '2025-02-03');
    await page.show(insightsOf(FILES, range), range, '2024-11-02', '2025-02-03');
    assert.deepEqual(await page.savedState(), { range });
  });
});

describe('insights dashboard page: first data in the HTML (Chromium)', () => {
  it('draws the data the host embedded with no round trip: painted without a message from the host', async () => {
    const first = await InsightsPage.open(1200, 900, dataMessage(insightsOf(FILES), 7));
    try {
      await first.page.waitForFunction(() => (window.__sent as unknown as InsightsPageMessage[]).some((m) => m.type === 'painted'), undefined, { timeout: 10_000 });
      const sent = await first.sent();
      assert.deepEqual(sent.map((m) => m.type), ['ready', 'painted']);
      assert.equal(sent.find((m) => m.type === 'painted')?.generation, 7);
      await openTable(first, 'activity');
      assert.equal(await first.page.$$eval('#dp-activity details.alt tbody tr', (trs) => trs.length), 4);
      assert.deepEqual(first.errors, []);
    } finally {
      await first.close();
    }
  });
});
