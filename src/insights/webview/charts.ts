// The dashboard's four charts, drawn by uPlot on canvas (docs/insights-charts.md) in the theme's colours.
import uPlot from 'uplot';
import type { Insights } from '../../digest/insights';
import { DAY_LABEL_STYLES, ERAS } from '../../digest/insights/facts';
import type { ChartName, InsightsStrings } from '../protocol';
import { chartSvg } from './chartSvg';

const LABEL_STYLES: readonly string[] = DAY_LABEL_STYLES;
const ERA_NAMES: readonly string[] = ERAS;
const HEIGHT = 220;

const COLOURS = ['fg', 'grid', 'blue', 'orange', 'red', 'yellow', 'green', 'purple'] as const;
type Colour = (typeof COLOURS)[number];

/** What the charts of one drawing share: the days' x values, and the theme's colours, read once (each read costs a style recalculation). */
export interface Frame {
  readonly x: readonly number[];
  readonly colours: Readonly<Record<Colour, string>>;
  /** The colours as one string: a chart built with others is built again. */
  readonly theme: string;
}

/** The frame of a drawing of `insights`; the CSS file maps VS Code's `--vscode-charts-*` variables (with fallbacks) to `--dp-*`. */
export function frameOf(insights: Insights): Frame {
  const style = getComputedStyle(document.documentElement);
  const colours = Object.fromEntries(COLOURS.map((c) => [c, style.getPropertyValue(`--dp-${c}`).trim() || 'gray'])) as Record<Colour, string>;
  return { x: insights.days.map((d) => seconds(d.date)), colours, theme: COLOURS.map((c) => colours[c]).join(' ') };
}

const seconds = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 1000;

function axis({ colours }: Frame, values?: (u: uPlot, splits: number[]) => string[]): uPlot.Axis {
  return { stroke: colours.fg, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 }, ...(values ? { values } : {}) };
}

// Points only where they are far enough apart to be seen (uPlot's default): thousands of days drew thousands of arcs per series.
const line = (label: string, stroke: string, scale = 'y'): uPlot.Series => ({ label, stroke, scale, width: 2, points: { size: 4 } });

/** The uPlot options and data of one chart. */
function spec(name: ChartName, insights: Insights, s: InsightsStrings, frame: Frame): { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData } {
  const days = insights.days;
  const { colours: c } = frame;
  const x = frame.x as number[];
  const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
  switch (name) {
    case 'activity':
      return {
        options: {
          tzDate: utc,
          series: [{ label: s.date }, line(s.papers, c.blue), line(s.votes, c.orange, 'votes')],
          axes: [axis(frame), axis(frame), { ...axis(frame), side: 1, scale: 'votes', grid: { show: false } }],
        },
        data: [x, days.map((d) => d.papers), days.map((d) => d.votes)],
      };
    case 'histogram': {
      const bins = insights.voteHistogram;
      return {
        options: {
          scales: { x: { time: false } },
          series: [{ label: s.votes }, { label: s.count, stroke: c.blue, fill: c.blue, paths: uPlot.paths.bars!({ size: [0.9, 60], align: 1 }), points: { show: false } }],
          axes: [axis(frame), axis(frame)],
        },
        data: [bins.map((b) => b.from), bins.map((b) => b.count)],
      };
    }
    case 'problems':
      return {
        options: {
          tzDate: utc,
          series: [{ label: s.date }, line(s.error, c.red), line(s.warning, c.yellow), line(s.information, c.blue), line(s.hint, c.green)],
          axes: [axis(frame), axis(frame)],
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
            { ...line(s.era, c.purple, 'era'), paths: stepped, value: (_u, v) => (v === null ? '' : ERA_NAMES[v]) },
            { ...line(s.labelStyle, c.green, 'style'), paths: stepped, value: (_u, v) => (v === null ? '' : LABEL_STYLES[v]) },
          ],
          axes: [
            axis(frame),
            { ...axis(frame, (_u, splits) => splits.map((v) => ERA_NAMES[v] ?? '')), scale: 'era', incrs: [1] },
            { ...axis(frame, (_u, splits) => splits.map((v) => LABEL_STYLES[v] ?? '')), scale: 'style', side: 1, grid: { show: false }, incrs: [1], size: 80 },
          ],
        },
        data: [x, days.map((d) => ERA_NAMES.indexOf(d.era)), days.map((d) => LABEL_STYLES.indexOf(d.labelStyle))],
      };
    }
  }
}

/** Whether two charts' data are the same values (then the chart already shows it). */
function sameData(a: uPlot.AlignedData, b: uPlot.AlignedData): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

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
    // The observer's first call (at the first layout) finds the width the chart was built with: no second drawing.
    new ResizeObserver(() => {
      if (this.plot && this.plot.width !== this.width()) this.plot.setSize({ width: this.width(), height: HEIGHT });
    }).observe(container);
  }

  /** The width to build the chart with: every chart is measured before any is drawn (a read after one lays the page out again). */
  width(): number {
    return Math.max(200, this.container.clientWidth);
  }

  /** Draws the chart `width` wide (when it is built) and returns its number of points (x values). */
  draw(insights: Insights, frame: Frame, width: number): number {
    const before = this.drawn?.data;
    const { options, data } = (this.drawn = spec(this.name, insights, this.strings, frame));
    // Rebuilding four charts (their canvas, axes and legend) cost more than drawing 5,000 days into them again; and
    // a chart whose data did not change (while problems are counted, only theirs do) is not drawn at all.
    if (this.plot && frame.theme === this.builtFor) {
      if (!before || !sameData(before, data)) this.plot.setData(data);
    } else {
      this.plot?.destroy();
      this.plot = new uPlot({ ...options, width, height: HEIGHT, legend: { live: false } } as uPlot.Options, data, this.container);
      this.builtFor = frame.theme;
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
