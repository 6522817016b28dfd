// The insights of a date range, combined from the per-day summaries: what the dashboard and `daily-papers stats` show.
import type { DaySummary } from './days';
import type { DayLabelStyle, Era, SeverityCounts } from './facts';

export interface InsightsOptions {
  /** First and last date included (YYYY-MM-DD, inclusive); open when absent. */
  readonly from?: string;
  readonly to?: string;
  /** How many papers and authors the top lists keep (default 20). */
  readonly top?: number;
  /** Width of the vote histogram's bins; default a 1-2-5 step giving at most 20 bins. */
  readonly binWidth?: number;
  /** arXiv categories of a paper from cached metadata (primary first), undefined when unknown. */
  readonly categoriesOf?: (id: string) => readonly string[] | undefined;
}

export interface PaperPlace {
  readonly date: string;
  readonly file: string;
  /** 0-based line of the entry heading. */
  readonly line: number;
}

export interface DayRow {
  readonly date: string;
  readonly papers: number;
  readonly votes: number;
  readonly era: Era;
  readonly labelStyle: DayLabelStyle;
  readonly problems: SeverityCounts;
  readonly files: number;
}

export interface TopPaper {
  readonly id: string;
  readonly title: string;
  /** The highest vote the paper has in the range. */
  readonly votes: number;
  readonly places: readonly PaperPlace[];
}

export interface AuthorRow {
  readonly name: string;
  readonly papers: number;
  readonly votes: number;
}

export interface Repeat {
  readonly id: string;
  readonly title: string;
  readonly places: readonly PaperPlace[];
}

export interface Insights {
  readonly from: string | null;
  readonly to: string | null;
  readonly totals: {
    readonly days: number;
    /** Papers counted once per day they appear on. */
    readonly paperDays: number;
    readonly distinctPapers: number;
    readonly votes: number;
    readonly problems: SeverityCounts;
  };
  readonly days: readonly DayRow[];
  readonly voteHistogram: readonly { readonly from: number; readonly to: number; readonly count: number }[];
  readonly topPapers: readonly TopPaper[];
  readonly topAuthorsByPapers: readonly AuthorRow[];
  readonly topAuthorsByVotes: readonly AuthorRow[];
  readonly repeats: readonly Repeat[];
  /** Primary arXiv category per distinct paper; empty when no metadata is given. */
  readonly categories: readonly { readonly category: string; readonly papers: number }[];
  readonly papersWithoutCategory: number;
}

interface PaperAcc {
  id: string;
  title: string;
  authors: readonly string[];
  votes: number | null;
  places: PaperPlace[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: { name: string }, b: { name: string }) => compare(a.name, b.name);
/** Earlier first appearance first, then by ID: a total order, so output is stable. */
const byFirstPlace = (a: PaperAcc, b: PaperAcc) => compare(a.places[0].date, b.places[0].date) || compare(a.id, b.id);

/** 1, 2, 5, 10, 20, 50, … : the smallest that cuts 0..max into at most `bins` bins. */
export function niceBinWidth(max: number, bins = 20): number {
  for (let scale = 1; ; scale *= 10) for (const step of [1, 2, 5]) if ((max + 1) / (step * scale) <= bins) return step * scale;
}

/** The first `n` of `rows` in `order`, without sorting them all (there are tens of thousands of authors). */
export function firstInOrder<T>(rows: Iterable<T>, n: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (n <= 0) return kept;
  for (const row of rows) {
    if (kept.length === n && order(row, kept[n - 1]) >= 0) continue;
    let i = kept.length === n ? n - 1 : kept.length;
    while (i > 0 && order(row, kept[i - 1]) < 0) {
      kept[i] = kept[i - 1];
      i--;
    }
    kept[i] = row;
  }
  return kept;
}

function histogram(votes: readonly number[], width: number | undefined) {
  if (votes.length === 0) return [];
  const max = Math.max(...votes);
  const w = width ?? niceBinWidth(max);
  const counts = new Array<number>(Math.floor(max / w) + 1).fill(0);
  for (const v of votes) counts[Math.floor(v / w)]++;
  return counts.map((count, i) => ({ from: i * w, to: i * w + w - 1, count }));
}

export function computeInsights(all: readonly DaySummary[], options: InsightsOptions = {}): Insights {
  const { from, to, top = 20 } = options;
  const days = all.filter((d) => (!from || d.date >= from) && (!to || d.date <= to) && d.papers.size > 0);
  const problems = { error: 0, warning: 0, information: 0, hint: 0 };
  const papers = new Map<string, PaperAcc>();
  const dayVotes: number[] = [];
  let paperDays = 0;
  let votes = 0;
  for (const day of days) {
    paperDays += day.papers.size;
    votes += day.votes;
    for (const k of Object.keys(problems) as (keyof SeverityCounts)[]) problems[k] += day.problems[k];
    for (const p of day.papers.values()) {
      if (p.votes !== null) dayVotes.push(p.votes);
      const place = { date: day.date, file: p.file, line: p.line };
      const acc = papers.get(p.id);
      if (!acc) papers.set(p.id, { id: p.id, title: p.title, authors: p.authors, votes: p.votes, places: [place] });
      else {
        acc.places.push(place);
        if ((p.votes ?? -1) > (acc.votes ?? -1)) Object.assign(acc, { title: p.title, authors: p.authors, votes: p.votes });
      }
    }
  }

  const authors = new Map<string, AuthorRow & { papers: number; votes: number }>();
  const categories = new Map<string, number>();
  let papersWithoutCategory = 0;
  for (const p of papers.values()) {
    for (const name of new Set(p.authors)) {
      const row = authors.get(name) ?? { name, papers: 0, votes: 0 };
      row.papers++;
      row.votes += p.votes ?? 0;
      authors.set(name, row);
    }
    const primary = options.categoriesOf?.(p.id)?.[0];
    if (primary) categories.set(primary, (categories.get(primary) ?? 0) + 1);
    else papersWithoutCategory++;
  }

  return {
    from: from ?? null,
    to: to ?? null,
    totals: { days: days.length, paperDays, distinctPapers: papers.size, votes, problems },
    days: days.map((d) => ({ date: d.date, papers: d.papers.size, votes: d.votes, era: d.era, labelStyle: d.labelStyle, problems: d.problems, files: d.files.length })),
    voteHistogram: histogram(dayVotes, options.binWidth),
    topPapers: firstInOrder([...papers.values()].filter((p) => p.votes !== null), top, (a, b) => b.votes! - a.votes! || byFirstPlace(a, b))
      .map((p) => ({ id: p.id, title: p.title, votes: p.votes!, places: p.places })),
    topAuthorsByPapers: firstInOrder(authors.values(), top, (a, b) => b.papers - a.papers || b.votes - a.votes || byName(a, b)),
    topAuthorsByVotes: firstInOrder(authors.values(), top, (a, b) => b.votes - a.votes || b.papers - a.papers || byName(a, b)),
    repeats: [...papers.values()]
      .filter((p) => p.places.length > 1)
      .sort((a, b) => b.places.length - a.places.length || byFirstPlace(a, b))
      .map((p) => ({ id: p.id, title: p.title, places: p.places })),
    categories: [...categories].map(([category, n]) => ({ category, papers: n })).sort((a, b) => b.papers - a.papers || compare(a.category, b.category)),
    papersWithoutCategory: options.categoriesOf ? papersWithoutCategory : 0,
  };
}
