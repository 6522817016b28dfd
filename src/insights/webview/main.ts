// The insights dashboard's script: range controls, then on each host message the charts, tables and lists.
import 'uplot/dist/uPlot.min.css';
import './insights.css';
import { CHART_NAMES, parseInsightsExportRequest, parseInsightsHostMessage, presetRange, type ChartName, type DateRange, type InsightsInit, type RangePreset } from '../protocol';
import { getVsCodeApi } from './api';
import { format } from './dom';
import { frameOf } from './charts';
import { ChartSection, listSections } from './sections';

/**
 * Runs `then` once the frame showing what was just drawn is on screen: uPlot draws its canvases in a microtask after
 * the data is set, and the browser paints after that; a hidden page paints no frame, so there it runs at once.
 */
function afterPaint(then: () => void): void {
  if (document.hidden) setTimeout(then);
  else requestAnimationFrame(() => setTimeout(then));
}

function main(): void {
  const scriptStart = performance.timeOrigin + performance.now();
  const init = JSON.parse(document.getElementById('dp-init')?.dataset.init ?? '{}') as InsightsInit;
  const s = init.strings;
  const api = getVsCodeApi();
  const post = api.postMessage.bind(api);
  const mainEl = document.getElementById('dp-main')!;
  const preset = document.getElementById('dp-preset') as HTMLSelectElement;
  const fromInput = document.getElementById('dp-from') as HTMLInputElement;
  const toInput = document.getElementById('dp-to') as HTMLInputElement;
  const totals = document.getElementById('dp-totals')!;
  const empty = document.getElementById('dp-empty')!;

  const charts = CHART_NAMES.map((name) => new ChartSection(name, s, post));
  const chartBox = document.createElement('div');
  chartBox.className = 'charts';
  chartBox.append(...charts.map((c) => c.element));
  const listBox = document.createElement('div');
  listBox.className = 'lists';
  mainEl.append(chartBox, listBox);

  let last: string | null = null;
  const sendRange = (range: DateRange) => post({ type: 'range', range });
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') sendRange(presetRange(preset.value as RangePreset, last));
  });
  const custom = () => {
    preset.value = 'custom';
    sendRange({ from: fromInput.value || null, to: toInput.value || null });
  };
  fromInput.addEventListener('change', custom);
  toInput.addEventListener('change', custom);

  const draw = (data: unknown) => {
    const message = parseInsightsHostMessage(data);
    if (!message) return;
    const { insights, range } = message;
    api.setState({ range });
    last = message.last;
    for (const input of [fromInput, toInput]) {
      input.min = message.first ?? '';
      input.max = message.last ?? '';
    }
    fromInput.value = range.from ?? '';
    toInput.value = range.to ?? '';
    if (preset.value !== 'custom') {
      const match = (['month', 'quarter', 'all'] as const).find((p) => {
        const r = presetRange(p, last);
        return r.from === range.from && r.to === range.to;
      });
      preset.value = match ?? 'custom';
    }
    const t = insights.totals;
    totals.textContent = format(s.totals, t.days, t.paperDays, t.distinctPapers, t.votes, t.problems.error, t.problems.warning);
    empty.hidden = insights.days.length > 0;
    const frame = frameOf(insights);
    const widths = charts.map((c) => c.width());
    const points = Object.fromEntries(charts.map((c, i) => [c.name, c.update(insights, frame, widths[i])])) as Record<ChartName, number>;
    charts.find((c) => c.name === 'problems')!.note(message.uncounted > 0 ? format(s.uncounted, message.uncounted) : '');
    listBox.replaceChildren(...listSections(insights, s, post));
    afterPaint(() => post({ type: 'painted', generation: message.generation, points }));
  };
  window.addEventListener('message', (event: MessageEvent) => {
    const request = parseInsightsExportRequest(event.data);
    if (request) charts.find((c) => c.name === request.chart)!.exportSvg();
    else draw(event.data);
  });
  // The host's first data, when it came with the HTML: drawn before anything else is asked.
  if (init.data) draw(init.data);
  post({ type: 'ready', timeOrigin: performance.timeOrigin, scriptStart });
}

main();
