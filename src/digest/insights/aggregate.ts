// The insights of a date range, combined from the per-day summaries: what the dashboard and `daily-papers stats` show.
import type { DaySummary } from './days';
import type { DayLabelStyle, Era, SeverityCounts } from './facts';
import { RangeInsights, type RangeOutputOptions } from './range';

export interface InsightsOptions extends RangeOutputOptions {
  /** First and last date included (YYYY-MM-DD, inclusive); open when absent. */
  readonly from?: string;
  readonly to?: string;
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
    /** Papers on more than one day (`repeats` may list fewer: `maxRepeats`). */
    readonly repeatedPapers: number;
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

/** The insights of a range from scratch (`daily-papers stats`; the dashboard keeps a `RangeInsights` and syncs it). */
export function computeInsights(all: readonly DaySummary[], options: InsightsOptions = {}): Insights {
  return new RangeInsights({ from: options.from, to: options.to }).sync(all).insights(options);
}
