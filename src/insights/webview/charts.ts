// The dashboard's four charts, drawn by uPlot on canvas (docs/insights-charts.md) in the theme's colours.
import uPlot from 'uplot';
import { DAY_LABEL_STYLES, ERAS, type Insights } from '../../digest/insights';
import type { ChartName, InsightsStrings } from '../protocol';
import { chartSvg } from './chartSvg';

const LABEL_STYLES: readonly string[] = DAY_LABEL_STYLES;
const ERA_NAMES: readonly string[] = ERAS;
const HEIGHT = 220;

/** A theme colour: the CSS file maps VS Code's `--vscode-charts-*` variables (with fallbacks) to `--dp-*`. */
const colour = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(`--dp-${name}`).trim() || 'gray';

const seconds = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 1000;

function axis(values?: (u: uPlot, splits: number[]) => string[]): uPlot.Axis {
  const fg = colour('fg');
  const grid = colour('grid');
  return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, ...(values ? { values } : {}) };
}

// Points only where they are far enough apart to be seen (uPlot's default): thousands of days drew thousands of arcs per series.
const line = (label: string, stroke: string, scale = 'y'): uPlot.Series => ({ label, stroke, scale, width: 2, points: { size: 4 } });

/** The uPlot options and data of one chart. */
function spec(name: ChartName, insights: Insights, s: InsightsStrings): { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData } {
  const days = insights.days;
  const x = days.map((d) => seconds(d.date));
  const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
  switch (name) {
    case 'activity':
      return {
        options: {
          tzDate: utc,
          series: [{ label: s.date }, line(s.papers, colour('blue')), line(s.votes, colour('orange'), 'votes')],
          axes: [axis(), axis(), { ...axis(), side: 1, scale: 'votes', grid: { show: false } }],
        },
        data: [x, days.map((d) => d.papers), days.map((d) => d.votes)],
      };
    case 'histogram': {
      const bins = insights.voteHistogram;
      return {
        options: {
          scales: { x: { time: false } },
          series: [{ label: s.votes }, { label: s.count, stroke: colour('blue'), fill: colour('blue'), paths: uPlot.paths.bars!({ size: [0.9, 60], align: 1 }), points: { show: false } }],
          axes: [axis(), axis()],
        },
        data: [bins.map((b) => b.from), bins.map((b) => b.count)],
      };
    }
    case 'problems':
      return {
        options: {
          tzDate: utc,
          series: [{ label: s.date }, line(s.error, colour('red')), line(s.warning, colour('yellow')), line(s.information, colour('blue')), line(s.hint, colour('green'))],
          axes: [axis(), axis()],
        },
        data: [x, days.map((d) => d.problems.error), days.map((d) => d.problems.warning), days.map((d) => d.problems.information), days.map((d) => d.problems.hint)],
      };
    case 'format': {
      const stepped = uPlot.paths.stepped!({ align: 1 });
      return {
        options: {
          tzDate: utc,
          scales: { era: { range: [-0.5, 3.5] }, style: { range: [-0.5, 2.5] } },
          series: [
            { label: s.date },
            { ...line(s.era, colour('purple'), 'era'), paths: stepped, value: (_u, v) => (v === null ? '' : ERA_NAMES[v]) },
            { ...line(s.labelStyle, colour('green'), 'style'), paths: stepped, value: (_u, v) => (v === null ? '' : LABEL_STYLES[v]) },
          ],
          axes: [
            axis(),
            { ...axis((_u, splits) => splits.map((v) => ERA_NAMES[v] ?? '')), scale: 'era', incrs: [1] },
            { ...axis((_u, splits) => splits.map((v) => LABEL_STYLES[v] ?? '')), scale: 'style', side: 1, grid: { show: false }, incrs: [1], size: 80 },
          ],
        },
        data: [x, days.map((d) => ERA_NAMES.indexOf(d.era)), days.map((d) => LABEL_STYLES.indexOf(d.labelStyle))],
      };
    }
  }
}

/** The theme colours the charts use: when they are what a chart was built with, new data only replaces its data. */
const themeKey = () => ['fg', 'grid', 'blue', 'orange', 'red', 'yellow', 'green', 'purple'].map(colour).join(' ');

/** One chart in its container; `draw` replaces its data (and rebuilds it when the theme changed). */
export class Chart {
  private plot: uPlot | undefined;
  private builtFor = '';
  /** What the chart was last drawn from: the SVG export draws it again. */
  private drawn: ReturnType<typeof spec> | undefined;

  constructor(
    readonly name: ChartName,
    private readonly container: HTMLElement,
    private readonly strings: InsightsStrings,
  ) {
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT })).observe(container);
  }

  private width(): number {
    return Math.max(200, this.container.clientWidth);
  }

  /** Draws the chart and returns its number of points (x values). */
  draw(insights: Insights): number {
    const { options, data } = (this.drawn = spec(this.name, insights, this.strings));
    const theme = themeKey();
    // Rebuilding four charts (their canvas, axes and legend) cost more than drawing 5,000 days into them again.
    if (this.plot && theme === this.builtFor) this.plot.setData(data);
    else {
      this.plot?.destroy();
      this.plot = new uPlot({ ...options, width: this.width(), height: HEIGHT, legend: { live: false } } as uPlot.Options, data, this.container);
      this.builtFor = theme;
    }
    this.container.dataset.points = String(data[0].length);
    return data[0].length;
  }

  /** The chart as a PNG data URL (axes and series; the legend is HTML and stays out). */
  png(): string | undefined {
    return this.plot?.ctx.canvas.toDataURL('image/png');
  }

  /** The chart as an SVG document, as the PNG: what is shown now, zoomed or not (the legend is HTML and stays out). */
  svg(): string | undefined {
    if (!this.plot || !this.drawn) return undefined;
    const { options, data } = this.drawn;
    // The x range shown: the reader may have zoomed in (none without data).
    const { min, max } = this.plot.scales.x;
    const scales = min == null || max == null ? options.scales : { ...options.scales, x: { ...options.scales?.x, auto: false, range: [min, max] as uPlot.Range.MinMax } };
    return chartSvg({ ...options, scales, width: this.width(), height: HEIGHT } as uPlot.Options, data);
  }
}
