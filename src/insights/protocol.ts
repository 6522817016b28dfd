// The one message protocol between the insights dashboard's host and its webview, checked on both sides.
import type { DayRow, Era, Insights, TableName } from '../digest/insights';
// The facts module alone: the insights index would bring the parser and the rules into the dashboard's bundle.
import { DAY_LABEL_STYLES, ERAS } from '../digest/insights/facts';

export const INSIGHTS_VIEW_TYPE = 'dailyPapers.insights';

export type ChartName = 'activity' | 'histogram' | 'problems' | 'format';
export const CHART_NAMES: readonly ChartName[] = ['activity', 'histogram', 'problems', 'format'];
const TABLES: readonly TableName[] = ['days', 'papers', 'authors', 'repeats', 'categories'];

/** First and last date shown (YYYY-MM-DD, inclusive); null is open. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

/** The words the page writes (translated by the host); `{0}`… are placeholders. */
export interface InsightsStrings {
  readonly title: string;
  readonly range: string;
  readonly preset: string;
  readonly presetMonth: string;
  readonly presetQuarter: string;
  readonly presetAll: string;
  readonly presetCustom: string;
  readonly from: string;
  readonly to: string;
  readonly totals: string;
  readonly loading: string;
  readonly empty: string;
  readonly activity: string;
  readonly histogram: string;
  readonly problems: string;
  readonly format: string;
  readonly topPapers: string;
  readonly authorsByPapers: string;
  readonly authorsByVotes: string;
  readonly repeats: string;
  readonly moreRepeats: string;
  readonly categories: string;
  readonly showTable: string;
  readonly exportCsv: string;
  readonly exportPng: string;
  readonly exportSvg: string;
  readonly date: string;
  readonly papers: string;
  readonly votes: string;
  readonly count: string;
  readonly error: string;
  readonly warning: string;
  readonly information: string;
  readonly hint: string;
  readonly era: string;
  readonly labelStyle: string;
  readonly author: string;
  readonly paper: string;
  readonly dates: string;
  readonly category: string;
  readonly unknownCategory: string;
  readonly uncounted: string;
}

/** What the page reads at start from an escaped `data-` attribute. */
export interface InsightsInit {
  readonly strings: InsightsStrings;
  /** The first data, when the host had it at hand: drawn at once, without a round trip. */
  readonly data?: InsightsHostMessage;
}

/** What the page keeps with `setState` (VS Code hands it to the panel serializer after a reload). */
export interface InsightsPageState {
  readonly range: DateRange;
}

/** The range of a restored panel's saved state; the whole workspace when the state is missing or malformed. */
export function restoredRange(state: unknown): DateRange {
  return isObj(state) && isRange(state.range) ? { from: state.range.from, to: state.range.to } : { from: null, to: null };
}

/**
 * The per-day rows as columns, as they travel to the page: thousands of days as rows of objects were 150 bytes a
 * day to serialise, escape into the HTML, send and parse; as columns about 35.
 */
export interface DayColumns {
  readonly date: readonly string[];
  readonly papers: readonly number[];
  readonly votes: readonly number[];
  /** One letter per day. */
  readonly era: string;
  /** Indexes into DAY_LABEL_STYLES. */
  readonly labelStyle: readonly number[];
  readonly error: readonly number[];
  readonly warning: readonly number[];
  readonly information: readonly number[];
  readonly hint: readonly number[];
  readonly files: readonly number[];
}

/** Host → page: the data, with the days as columns (`parseInsightsHostMessage` gives them back as rows). */
export type InsightsHostMessage = InsightsData<Omit<Insights, 'days'> & { readonly days: DayColumns }>;

/** The data the page draws. */
export type InsightsData<I = Insights> = {
  readonly type: 'data';
  /** Grows with each post; the page reports the one it painted. */
  readonly generation: number;
  readonly range: DateRange;
  /** The first and last date of the whole workspace (the presets count back from `last`). */
  readonly first: string | null;
  readonly last: string | null;
  /** Digests whose problems are still being counted: the problems shown count none for them yet. */
  readonly uncounted: number;
  readonly insights: I;
};

/** Host → page: save a chart as SVG (the Save Insights Chart as SVG command); the page answers with `exportSvg`. */
export interface InsightsExportRequest {
  readonly type: 'exportSvg';
  readonly chart: ChartName;
}

export function parseInsightsExportRequest(data: unknown): InsightsExportRequest | undefined {
  return isObj(data) && data.type === 'exportSvg' && CHART_NAMES.includes(data.chart as ChartName) ? { type: 'exportSvg', chart: data.chart as ChartName } : undefined;
}

/** The message that carries `data` to the page. */
export function hostMessage(data: InsightsData): InsightsHostMessage {
  const days = data.insights.days;
  const column = (f: (d: DayRow) => number) => days.map(f);
  return {
    ...data,
    insights: {
      ...data.insights,
      days: {
        date: days.map((d) => d.date),
        papers: column((d) => d.papers),
        votes: column((d) => d.votes),
        era: days.map((d) => d.era).join(''),
        labelStyle: column((d) => DAY_LABEL_STYLES.indexOf(d.labelStyle)),
        error: column((d) => d.problems.error),
        warning: column((d) => d.problems.warning),
        information: column((d) => d.problems.information),
        hint: column((d) => d.problems.hint),
        files: column((d) => d.files),
      },
    },
  };
}

/** The rows of checked columns, or undefined when a column is missing, of another length, or holds a wrong value. */
function dayRows(v: unknown): DayRow[] | undefined {
  if (!isObj(v) || !Array.isArray(v.date) || typeof v.era !== 'string') return undefined;
  const n = v.date.length;
  const counts = ['papers', 'votes', 'labelStyle', 'error', 'warning', 'information', 'hint', 'files'].map((k) => v[k]);
  if (v.era.length !== n || !counts.every((c) => Array.isArray(c) && c.length === n && c.every(isCount))) return undefined;
  const [papers, votes, labelStyle, error, warning, information, hint, files] = counts as number[][];
  const rows: DayRow[] = [];
  for (let i = 0; i < n; i++) {
    const era = v.era[i] as Era;
    const style = DAY_LABEL_STYLES[labelStyle[i]];
    if (!isDate(v.date[i]) || !ERAS.includes(era) || !style) return undefined;
    rows.push({ date: v.date[i], papers: papers[i], votes: votes[i], era, labelStyle: style, problems: { error: error[i], warning: warning[i], information: information[i], hint: hint[i] }, files: files[i] });
  }
  return rows;
}

// Page → host.
export type InsightsPageMessage =
  /** `timeOrigin` and `scriptStart` (epoch ms): when the page's document began and its script ran (first-paint profile). */
  | { readonly type: 'ready'; readonly timeOrigin: number; readonly scriptStart: number }
  | { readonly type: 'range'; readonly range: DateRange }
  | { readonly type: 'openEntry'; readonly file: string; readonly line: number }
  | { readonly type: 'author'; readonly name: string }
  | { readonly type: 'exportCsv'; readonly table: TableName }
  | { readonly type: 'exportPng'; readonly chart: ChartName; readonly dataUrl: string }
  | { readonly type: 'exportSvg'; readonly chart: ChartName; readonly svg: string }
  | { readonly type: 'painted'; readonly generation: number; readonly points: Readonly<Record<ChartName, number>> };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isDateOrNull = (v: unknown): v is string | null => v === null || isDate(v);
const isRange = (v: unknown): v is DateRange => isObj(v) && isDateOrNull(v.from) && isDateOrNull(v.to);
/** A PNG of a chart: a few hundred KB at most; 16 MB is far past any real one. */
export const MAX_PNG_DATA_URL = 16 * 1024 * 1024;
export const PNG_PREFIX = 'data:image/png;base64,';
/** An SVG of a chart: tens of KB for a year of days (a path vertex per day and series); 16 MB is far past any real one. */
export const MAX_SVG = 16 * 1024 * 1024;

export function parseInsightsPageMessage(data: unknown): InsightsPageMessage | undefined {
  if (!isObj(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return isTime(data.timeOrigin) && isTime(data.scriptStart) ? { type: 'ready', timeOrigin: data.timeOrigin, scriptStart: data.scriptStart } : undefined;
    case 'range':
      return isRange(data.range) ? { type: 'range', range: { from: data.range.from, to: data.range.to } } : undefined;
    case 'openEntry':
      return isStr(data.file, 10_000) && isCount(data.line) ? { type: 'openEntry', file: data.file, line: data.line } : undefined;
    case 'author':
      return isStr(data.name, 1000) && data.name !== '' ? { type: 'author', name: data.name } : undefined;
    case 'exportCsv':
      return TABLES.includes(data.table as TableName) ? { type: 'exportCsv', table: data.table as TableName } : undefined;
    case 'exportPng':
      return CHART_NAMES.includes(data.chart as ChartName) && isStr(data.dataUrl, MAX_PNG_DATA_URL) && data.dataUrl.startsWith(PNG_PREFIX)
        ? { type: 'exportPng', chart: data.chart as ChartName, dataUrl: data.dataUrl }
        : undefined;
    case 'exportSvg':
      return CHART_NAMES.includes(data.chart as ChartName) && isStr(data.svg, MAX_SVG) && data.svg.startsWith('<svg')
        ? { type: 'exportSvg', chart: data.chart as ChartName, svg: data.svg }
        : undefined;
    case 'painted': {
      const points = data.points;
      if (!isCount(data.generation) || !isObj(points) || !CHART_NAMES.every((c) => isCount(points[c]))) return undefined;
      return { type: 'painted', generation: data.generation, points: Object.fromEntries(CHART_NAMES.map((c) => [c, points[c] as number])) as Record<ChartName, number> };
    }
    default:
      return undefined;
  }
}

const isSeverities = (v: unknown) => isObj(v) && isCount(v.error) && isCount(v.warning) && isCount(v.information) && isCount(v.hint);
const isPlace = (v: unknown) => isObj(v) && isDate(v.date) && typeof v.file === 'string' && isCount(v.line);
const isPaperRow = (v: unknown) => isObj(v) && typeof v.id === 'string' && typeof v.title === 'string' && Array.isArray(v.places) && v.places.every(isPlace);
const isAuthor = (v: unknown) => isObj(v) && typeof v.name === 'string' && isCount(v.papers) && isCount(v.votes);
const every = (v: unknown, check: (x: unknown) => boolean) => Array.isArray(v) && v.every(check);

/** The insights as the page draws them, but for the days: every field it reads has its type (text is only ever shown as text). */
function isInsightsButDays(v: unknown): v is Omit<Insights, 'days'> {
  return (
    isObj(v) &&
    isObj(v.totals) &&
    isSeverities(v.totals.problems) &&
    isCount(v.totals.repeatedPapers) &&
    every(v.voteHistogram, (b) => isObj(b) && isCount(b.from) && isCount(b.to) && isCount(b.count)) &&
    every(v.topPapers, (p) => isPaperRow(p) && isCount((p as Obj).votes)) &&
    every(v.topAuthorsByPapers, isAuthor) &&
    every(v.topAuthorsByVotes, isAuthor) &&
    every(v.repeats, isPaperRow) &&
    every(v.categories, (c) => isObj(c) && typeof c.category === 'string' && isCount(c.papers)) &&
    isCount(v.papersWithoutCategory)
  );
}

export function parseInsightsHostMessage(data: unknown): InsightsData | undefined {
  if (!isObj(data) || data.type !== 'data') return undefined;
  const days = isObj(data.insights) ? dayRows(data.insights.days) : undefined;
  if (!isCount(data.generation) || !isRange(data.range) || !isDateOrNull(data.first) || !isDateOrNull(data.last) || !isCount(data.uncounted) || !isInsightsButDays(data.insights) || !days) return undefined;
  return { type: 'data', generation: data.generation, range: data.range, first: data.first, last: data.last, uncounted: data.uncounted, insights: { ...data.insights, days } };
}

export type RangePreset = 'month' | 'quarter' | 'all';

/** A preset's range: the last 1 or 3 calendar months up to `last` (the latest digest, not today), or everything. */
export function presetRange(preset: RangePreset, last: string | null): DateRange {
  if (preset === 'all' || last === null) return { from: null, to: null };
  const months = preset === 'month' ? 1 : 3;
  const [y, m, d] = last.split('-').map(Number);
  // The day after the same date `months` earlier (the month's last day when it has no such date):
  // 2025-02-28 gives 2025-01-29 … 2025-02-28, 2025-03-31 gives 2025-03-01 … 2025-03-31.
  const daysInMonth = new Date(Date.UTC(y, m - months, 0)).getUTCDate();
  const start = new Date(Date.UTC(y, m - 1 - months, Math.min(d, daysInMonth) + 1));
  return { from: start.toISOString().slice(0, 10), to: last };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes of a chart's PNG data URL, or undefined unless it really is a PNG. */
export function pngBytes(dataUrl: string): Uint8Array | undefined {
  if (!dataUrl.startsWith(PNG_PREFIX) || dataUrl.length > MAX_PNG_DATA_URL) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(dataUrl.slice(PNG_PREFIX.length)), (c) => c.charCodeAt(0));
  } catch {
    return undefined; // not base64
  }
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? bytes : undefined;
}
