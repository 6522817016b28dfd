// Incremental per-day summaries: each file's contribution is kept, and only the dates a change touches are merged again.
import type { IndexedPaper } from '../paperIndex';
import { noProblems, type DayFacts, type DayLabelStyle, type Era, type FileFacts, type SeverityCounts } from './facts';

/** One date across every file that has it. A paper twice under one date (a README mirror, a second run) counts once. */
export interface DaySummary {
  readonly date: string;
  /** Distinct papers by ID, each with its highest vote of the day. */
  readonly papers: ReadonlyMap<string, IndexedPaper>;
  readonly votes: number;
  readonly era: Era;
  readonly labelStyle: DayLabelStyle;
  /** Summed over the files (each file's problems are its own). */
  readonly problems: SeverityCounts;
  readonly files: readonly string[];
}

function mergeDay(date: string, parts: readonly DayFacts[], files: readonly string[]): DaySummary {
  const papers = new Map<string, IndexedPaper>();
  const problems = noProblems();
  for (const part of parts) {
    for (const p of part.papers) {
      const seen = papers.get(p.id);
      if (!seen || (p.votes ?? -1) > (seen.votes ?? -1)) papers.set(p.id, p);
    }
    for (const k of Object.keys(problems) as (keyof SeverityCounts)[]) problems[k] += part.problems[k];
  }
  let votes = 0;
  for (const p of papers.values()) votes += p.votes ?? 0;
  // The format of the part with the most papers speaks for the date.
  const main = parts.reduce((a, b) => (b.papers.length > a.papers.length ? b : a));
  return { date, papers, votes, era: main.era, labelStyle: main.labelStyle, problems, files };
}

export class DaySummaries {
  private readonly files = new Map<string, FileFacts>();
  private readonly filesByDate = new Map<string, Set<string>>();
  private readonly merged = new Map<string, DaySummary>();
  private readonly dirty = new Set<string>();
  private sorted: DaySummary[] | undefined;
  /** Since `sorted` was made: a date came or went (sort again), a summary was replaced (swap it in). */
  private datesChanged = false;
  private swapped = false;

  get fileCount(): number {
    return this.files.size;
  }

  set(facts: FileFacts): void {
    this.delete(facts.file);
    if (facts.days.length === 0) return;
    this.files.set(facts.file, facts);
    for (const day of facts.days) {
      let files = this.filesByDate.get(day.date);
      if (!files) this.filesByDate.set(day.date, (files = new Set()));
      files.add(facts.file);
      this.dirty.add(day.date);
    }
  }

  delete(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    this.files.delete(file);
    for (const day of old.days) {
      const files = this.filesByDate.get(day.date);
      files?.delete(file);
      if (files?.size === 0) this.filesByDate.delete(day.date);
      this.dirty.add(day.date);
    }
  }

  /** Dates changed and not merged yet. */
  get pending(): number {
    return this.dirty.size;
  }

  /**
   * Merges the changed dates until `deadline` (a `performance.now()` time; checked every few dates) and says
   * whether all are merged: thousands of dates are merged a slice at a time, the host answering in between.
   */
  merge(deadline = Infinity): boolean {
    let n = 0;
    for (const date of this.dirty) {
      if (++n % 64 === 0 && performance.now() > deadline) return false;
      this.dirty.delete(date);
      const files = this.filesByDate.get(date);
      if (!files) {
        if (this.merged.delete(date)) this.datesChanged = true;
        continue;
      }
      const names = [...files].sort();
      const parts = names.flatMap((f) => this.files.get(f)!.days.filter((d) => d.date === date));
      if (!this.merged.has(date)) this.datesChanged = true;
      this.merged.set(date, mergeDay(date, parts, names));
      this.swapped = true;
    }
    return true;
  }

  /** Every date, ascending; merges whatever is left to merge. */
  days(): readonly DaySummary[] {
    this.merge();
    if (this.sorted && !this.datesChanged && !this.swapped) return this.sorted;
    // The same dates: the order stands, only the changed summaries are swapped in (no sort of thousands of dates).
    this.sorted =
      this.datesChanged || !this.sorted
        ? [...this.merged.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        : this.sorted.map((d) => this.merged.get(d.date)!);
    this.datesChanged = this.swapped = false;
    return this.sorted;
  }
}
