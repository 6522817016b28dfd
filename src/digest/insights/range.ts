// The aggregates of one date range, kept up to date by the delta of the days that changed: a changed day's old
// summary is taken out (its papers' places, votes, problems, and each paper's authors when its best sighting
// changes) and the new one put in, so an edit costs the changed days plus the short top-list scans.
import type { IndexedPaper } from '../paperIndex';
import type { DaySummary } from './days';
import { noProblems, type SeverityCounts } from './facts';
import type { AuthorRow, Insights, PaperPlace } from './aggregate';

export interface RangeOutputOptions {
  /** How many papers and authors the top lists keep (default 20). */
  readonly top?: number;
  /** Width of the vote histogram's bins; default a 1-2-5 step giving at most 20 bins. */
  readonly binWidth?: number;
  /** arXiv categories of a paper from cached metadata (primary first), undefined when unknown. */
  readonly categoriesOf?: (id: string) => readonly string[] | undefined;
  /** How many of the repeated papers to list (most repeated first; default all). `totals.repeatedPapers` counts all. */
  readonly maxRepeats?: number;
}

/** One day's copy of a paper. */
interface Sighting {
  readonly date: string;
  readonly paper: IndexedPaper;
}

interface PaperState {
  /** In date order; replaced, never changed in place (the places handed out stay as they were). */
  sightings: readonly Sighting[];
  /** The sighting with the highest vote, the earliest on a tie: its title, authors and vote speak for the paper. */
  best: Sighting;
  places: readonly PaperPlace[] | undefined;
}

type AuthorAcc = { name: string; papers: number; votes: number };

/** The top lists and repeats, each made by a pass over the range's papers or authors. */
type Lists = Pick<Insights, 'topPapers' | 'topAuthorsByPapers' | 'topAuthorsByVotes' | 'repeats'>;
type ListName = keyof Lists;
const LIST_NAMES: readonly ListName[] = ['topPapers', 'topAuthorsByPapers', 'topAuthorsByVotes', 'repeats'];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

function bestOf(sightings: readonly Sighting[]): Sighting {
  let best = sightings[0];
  for (const s of sightings) if ((s.paper.votes ?? -1) > (best.paper.votes ?? -1)) best = s;
  return best;
}

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

/** Two summaries of a date with the very same paper objects (the workspace index's): only their problems may differ. */
function samePapers(a: DaySummary, b: DaySummary): boolean {
  if (a.papers.size !== b.papers.size) return false;
  for (const [id, paper] of a.papers) if (b.papers.get(id) !== paper) return false;
  return true;
}

function* withVotes(papers: Map<string, PaperState>): Iterable<[string, PaperState]> {
  for (const entry of papers) if (entry[1].best.paper.votes !== null) yield entry;
}

export class RangeInsights {
  /** The range's days with papers, by date. */
  private readonly days = new Map<string, DaySummary>();
  private sortedDays: DaySummary[] | undefined;
  private readonly papers = new Map<string, PaperState>();
  /** IDs of the papers on more than one day (kept as they change: the list is built without a pass over every paper). */
  private readonly repeated = new Set<string>();
  private readonly authors = new Map<string, AuthorAcc>();
  /** How many paper-days have each vote. */
  private readonly voteCounts = new Map<number, number>();
  private paperDays = 0;
  private votes = 0;
  private readonly problems: SeverityCounts = noProblems();
  /** Counts changes of papers (not of problems alone): the lists below are kept while it stands. */
  private papersVersion = 0;
  /**
   * The last top lists and repeats, and what they were made for. While the problems are counted the dashboard
   * redraws every second with the same papers: scanning 75,000 papers and their authors again held the host 100+ ms.
   */
  private lists: { readonly key: string; readonly value: Partial<Lists> } | undefined;

  constructor(readonly range: { readonly from?: string; readonly to?: string } = {}) {}

  private includes(day: DaySummary): boolean {
    const { from, to } = this.range;
    return (!from || day.date >= from) && (!to || day.date <= to) && day.papers.size > 0;
  }

  /**
   * Brings the aggregates to `all` (every date, as `DaySummaries.days()` gives them). Summaries are compared by
   * identity: `DaySummaries` makes a new one only for a date a change touched, so only those are applied.
   */
  sync(all: readonly DaySummary[]): this {
    this.syncUntil(all);
    return this;
  }

  /**
   * `sync` a slice at a time: stops at `deadline` (a `performance.now()` time, checked every few days) and says
   * whether it got through. Called again with the same or a newer `all`, it goes on (days already applied are skipped).
   */
  syncUntil(all: readonly DaySummary[], deadline = Infinity): boolean {
    const present = new Set<string>();
    let n = 0;
    for (const day of all) {
      if (!this.includes(day)) continue;
      present.add(day.date);
      const old = this.days.get(day.date);
      if (old === day) continue;
      // Only days applied count toward the slice: a call that goes on skips the days applied before quickly.
      if (++n % 16 === 0 && performance.now() > deadline) return false;
      // Only the problems changed (they are counted after the papers): the papers' sightings and authors stand.
      if (old && samePapers(old, day)) {
        this.applyProblems(old, -1);
        this.applyProblems(day, +1);
      } else {
        if (old) this.apply(old, -1);
        this.apply(day, +1);
      }
      this.days.set(day.date, day);
      this.sortedDays = undefined;
    }
    if (present.size < this.days.size)
      for (const [date, old] of this.days)
        if (!present.has(date)) {
          this.apply(old, -1);
          this.days.delete(date);
          this.sortedDays = undefined;
        }
    return true;
  }

  private applyProblems(day: DaySummary, sign: 1 | -1): void {
    for (const k of SEVERITIES) this.problems[k] += sign * day.problems[k];
  }

  private apply(day: DaySummary, sign: 1 | -1): void {
    this.papersVersion++;
    this.paperDays += sign * day.papers.size;
    this.votes += sign * day.votes;
    this.applyProblems(day, sign);
    for (const paper of day.papers.values()) {
      if (paper.votes !== null) this.count(this.voteCounts, paper.votes, sign);
      if (sign > 0) this.addSighting(paper.id, { date: day.date, paper });
      else this.removeSighting(paper.id, day.date);
    }
  }

  private count(map: Map<number, number>, key: number, by: number): void {
    const n = (map.get(key) ?? 0) + by;
    if (n === 0) map.delete(key);
    else map.set(key, n);
  }

  private addSighting(id: string, sighting: Sighting): void {
    const state = this.papers.get(id);
    if (!state) {
      this.papers.set(id, { sightings: [sighting], best: sighting, places: undefined });
      this.credit(sighting, 1);
      return;
    }
    const sightings = [...state.sightings];
    let i = sightings.length;
    while (i > 0 && sightings[i - 1].date > sighting.date) i--;
    sightings.splice(i, 0, sighting);
    this.replace(state, sightings);
    this.repeated.add(id);
  }

  private removeSighting(id: string, date: string): void {
    const state = this.papers.get(id)!;
    const sightings = state.sightings.filter((s) => s.date !== date);
    if (sightings.length < 2) this.repeated.delete(id);
    if (sightings.length > 0) return this.replace(state, sightings);
    this.credit(state.best, -1);
    this.papers.delete(id);
  }

  private replace(state: PaperState, sightings: readonly Sighting[]): void {
    const best = bestOf(sightings);
    if (best !== state.best) {
      this.credit(state.best, -1);
      this.credit(best, 1);
    }
    Object.assign(state, { sightings, best, places: undefined });
  }

  /** Counts (or uncounts) a paper for each of its authors, a name repeated in one entry once. */
  private credit({ paper }: Sighting, sign: 1 | -1): void {
    const names = paper.authors;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      // A name repeated in the entry counts at its first place (no Set per paper: 75,000 papers are credited on a first open).
      if (names.indexOf(name) < i) continue;
      let row = this.authors.get(name);
      if (!row) this.authors.set(name, (row = { name, papers: 0, votes: 0 }));
      row.papers += sign;
      row.votes += sign * (paper.votes ?? 0);
      if (row.papers === 0) this.authors.delete(name);
    }
  }

  private placesOf(state: PaperState): readonly PaperPlace[] {
    return (state.places ??= state.sightings.map(({ date, paper }) => ({ date, file: paper.file, line: paper.line })));
  }

  private histogram(width: number | undefined): Insights['voteHistogram'] {
    if (this.voteCounts.size === 0) return [];
    const max = Math.max(...this.voteCounts.keys());
    const w = width ?? niceBinWidth(max);
    const counts = new Array<number>(Math.floor(max / w) + 1).fill(0);
    for (const [votes, n] of this.voteCounts) counts[Math.floor(votes / w)] += n;
    return counts.map((count, i) => ({ from: i * w, to: i * w + w - 1, count }));
  }

  /** The range's insights now; nothing in them changes when the aggregates do later. */
  insights(options: RangeOutputOptions = {}): Insights {
    return this.insightsUntil(options)!;
  }

  /**
   * `insights`, its top lists made one at a time until `deadline` (a `performance.now()` time, checked between
   * them; one is made in any case): undefined when time ran out, and called again it goes on. Each list is a pass
   * over every paper or author of the range (75,000 papers for 5,000 days: the four in one piece held the host 38 ms
   * on a first open).
   */
  insightsUntil(options: RangeOutputOptions = {}, deadline = Infinity): Insights | undefined {
    const { top = 20, categoriesOf, maxRepeats = Infinity } = options;
    const key = `${this.papersVersion} ${top} ${maxRepeats}`;
    if (this.lists?.key !== key) this.lists = { key, value: {} };
    const lists = this.lists.value;
    let made = 0;
    for (const name of LIST_NAMES) {
      if (lists[name]) continue;
      if (made++ > 0 && performance.now() > deadline) return undefined; // at least one list a call: it always goes on
      Object.assign(lists, { [name]: this.list(name, top, maxRepeats) });
    }
    const days = (this.sortedDays ??= [...this.days.values()].sort((a, b) => compare(a.date, b.date)));

    const categories = new Map<string, number>();
    let papersWithoutCategory = 0;
    if (categoriesOf)
      for (const id of this.papers.keys()) {
        const primary = categoriesOf(id)?.[0];
        if (primary) categories.set(primary, (categories.get(primary) ?? 0) + 1);
        else papersWithoutCategory++;
      }

    return {
      from: this.range.from ?? null,
      to: this.range.to ?? null,
      totals: { days: days.length, paperDays: this.paperDays, distinctPapers: this.papers.size, repeatedPapers: this.repeated.size, votes: this.votes, problems: { ...this.problems } },
      days: days.map((d) => ({ date: d.date, papers: d.papers.size, votes: d.votes, era: d.era, labelStyle: d.labelStyle, problems: d.problems, files: d.files.length })),
      voteHistogram: this.histogram(options.binWidth),
      ...(lists as Lists),
      categories: [...categories].map(([category, n]) => ({ category, papers: n })).sort((a, b) => b.papers - a.papers || compare(a.category, b.category)),
      papersWithoutCategory,
    };
  }

  /** One top list of the range now. */
  private list(name: ListName, top: number, maxRepeats: number): Lists[ListName] {
    /** Earlier first appearance first, then by ID: a total order, so output is stable. */
    const byFirstPlace = (a: [string, PaperState], b: [string, PaperState]) => compare(a[1].sightings[0].date, b[1].sightings[0].date) || compare(a[0], b[0]);
    const paperRow = ([id, state]: [string, PaperState]) => ({ id, title: state.best.paper.title, places: this.placesOf(state) });
    const author = (a: AuthorAcc): AuthorRow => ({ name: a.name, papers: a.papers, votes: a.votes });
    const byName = (a: AuthorAcc, b: AuthorAcc) => compare(a.name, b.name);
    switch (name) {
      case 'topPapers':
        return firstInOrder(withVotes(this.papers), top, (a, b) => b[1].best.paper.votes! - a[1].best.paper.votes! || byFirstPlace(a, b)).map((p) => ({ ...paperRow(p), votes: p[1].best.paper.votes! }));
      case 'topAuthorsByPapers':
        return firstInOrder(this.authors.values(), top, (a, b) => b.papers - a.papers || b.votes - a.votes || byName(a, b)).map(author);
      case 'topAuthorsByVotes':
        return firstInOrder(this.authors.values(), top, (a, b) => b.votes - a.votes || b.papers - a.papers || byName(a, b)).map(author);
      case 'repeats': {
        const repeated = [...this.repeated].map((id): [string, PaperState] => [id, this.papers.get(id)!]);
        const repeatOrder = (a: [string, PaperState], b: [string, PaperState]) => b[1].sightings.length - a[1].sightings.length || byFirstPlace(a, b);
        return (maxRepeats < repeated.length ? firstInOrder(repeated, maxRepeats, repeatOrder) : repeated.sort(repeatOrder)).map(paperRow);
      }
    }
  }
}
