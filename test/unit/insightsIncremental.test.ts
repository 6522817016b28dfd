// The dashboard's incremental range aggregates against a from-scratch count: after any sequence of file edits,
// additions and deletions, syncing one RangeInsights by the changed days gives what a straightforward pass over
// every day gives (the oracle below, written independently of src/digest/insights/range.ts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DaySummaries, firstInOrder, niceBinWidth, RangeInsights, type DayFacts, type DaySummary, type FileFacts, type Insights, type InsightsOptions } from '../../src/digest/insights';
import type { IndexedPaper } from '../../src/digest';

const RUNS = Math.min(Number(process.env.PROPERTY_RUNS ?? 10_000), 2000);
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);

/** Every paper-day, paper and author counted again from the day summaries. */
function fromScratch(all: readonly DaySummary[], o: InsightsOptions): Insights {
  const { from, to, top = 20 } = o;
  const days = all.filter((d) => (!from || d.date >= from) && (!to || d.date <= to) && d.papers.size > 0);
  type Acc = { id: string; title: string; authors: readonly string[]; votes: number | null; places: { date: string; file: string; line: number }[] };
  const papers = new Map<string, Acc>();
  const problems = { error: 0, warning: 0, information: 0, hint: 0 };
  const votes: number[] = [];
  for (const day of days) {
    for (const k of Object.keys(problems) as (keyof typeof problems)[]) problems[k] += day.problems[k];
    for (const p of day.papers.values()) {
      if (p.votes !== null) votes.push(p.votes);
      const place = { date: day.date, file: p.file, line: p.line };
      const acc = papers.get(p.id);
      if (!acc) papers.set(p.id, { id: p.id, title: p.title, authors: p.authors, votes: p.votes, places: [place] });
      else {
        acc.places.push(place);
        if ((p.votes ?? -1) > (acc.votes ?? -1)) Object.assign(acc, { title: p.title, authors: p.authors, votes: p.votes });
      }
    }
  }
  const authors = new Map<string, { name: string; papers: number; votes: number }>();
  const categories = new Map<string, number>();
  let without = 0;
  for (const p of papers.values()) {
    for (const name of new Set(p.authors)) {
      const row = authors.get(name) ?? { name, papers: 0, votes: 0 };
      authors.set(name, { name, papers: row.papers + 1, votes: row.votes + (p.votes ?? 0) });
    }
    const primary = o.categoriesOf?.(p.id)?.[0];
    if (primary) categories.set(primary, (categories.get(primary) ?? 0) + 1);
    else if (o.categoriesOf) without++;
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const first = (a: Acc, b: Acc) => cmp(a.places[0].date, b.places[0].date) || cmp(a.id, b.id);
  const max = Math.max(...votes);
  const w = o.binWidth ?? niceBinWidth(max);
  const sorted = <T>(rows: Iterable<T>, order: (a: T, b: T) => number) => [...rows].sort(order).slice(0, top);
  return {
    from: from ?? null,
    to: to ?? null,
    totals: { days: days.length, paperDays: days.reduce((n, d) => n + d.papers.size, 0), distinctPapers: papers.size, repeatedPapers: [...papers.values()].filter((p) => p.places.length > 1).length, votes: days.reduce((n, d) => n + d.votes, 0), problems },
    days: days.map((d) => ({ date: d.date, papers: d.papers.size, votes: d.votes, era: d.era, labelStyle: d.labelStyle, problems: d.problems, files: d.files.length })),
    voteHistogram: votes.length === 0 ? [] : Array.from({ length: Math.floor(max / w) + 1 }, (_, i) => ({ from: i * w, to: i * w + w - 1, count: votes.filter((v) => Math.floor(v / w) === i).length })),
    topPapers: sorted([...papers.values()].filter((p) => p.votes !== null), (a, b) => b.votes! - a.votes! || first(a, b)).map((p) => ({ id: p.id, title: p.title, votes: p.votes!, places: p.places })),
    topAuthorsByPapers: sorted(authors.values(), (a, b) => b.papers - a.papers || b.votes - a.votes || cmp(a.name, b.name)),
    topAuthorsByVotes: sorted(authors.values(), (a, b) => b.votes - a.votes || b.papers - a.papers || cmp(a.name, b.name)),
    repeats: [...papers.values()].filter((p) => p.places.length > 1).sort((a, b) => b.places.length - a.places.length || first(a, b)).slice(0, o.maxRepeats).map((p) => ({ id: p.id, title: p.title, places: p.places })),
    categories: [...categories].map(([category, papers]) => ({ category, papers })).sort((a, b) => b.papers - a.papers || cmp(a.category, b.category)),
    papersWithoutCategory: without,
  };
}

// Small pools, so that papers repeat across days and files, authors share papers, votes tie and dates collide.
const DATES = ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-02-03'];
const FILES = ['a.md', 'b.md', 'c.md', 'README.md'];
const paper = fc.record({
  id: fc.constantFrom('2501.00001', '2501.00002', '2501.00003', '2501.00004', '2501.00005', 'Untitled'),
  title: fc.constantFrom('T1', 'T2', 'T3'),
  authors: fc.array(fc.constantFrom('Kim', 'Lee', 'Park', 'Choi', 'Yoon'), { maxLength: 4 }),
  votes: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  line: fc.nat(40),
});
const problems = fc.record({ error: fc.nat(2), warning: fc.nat(2), information: fc.nat(1), hint: fc.nat(1) });
const dayFacts = (file: string) =>
  fc.record({ date: fc.constantFrom(...DATES), papers: fc.array(paper, { maxLength: 5 }), problems, era: fc.constantFrom('A', 'B', 'C', 'D' as const), labelStyle: fc.constantFrom('none', 'bold', 'bold-italic' as const) }).map(
    (d): DayFacts => ({ ...d, papers: d.papers.map((p): IndexedPaper => ({ ...p, date: d.date, file })) }),
  );
const operation = fc.constantFrom(...FILES).chain((file) =>
  fc.oneof(
    fc.array(dayFacts(file), { maxLength: 3 }).map((days): FileFacts => ({ file, days })),
    fc.constant({ deleted: file }),
  ),
);
const range = fc.record({ from: fc.option(fc.constantFrom(...DATES), { nil: undefined }), to: fc.option(fc.constantFrom(...DATES), { nil: undefined }) });
const CATEGORIES: Record<string, string[]> = { '2501.00001': ['cs.CL', 'cs.AI'], '2501.00002': ['cs.CV'], '2501.00004': ['cs.CL'] };

describe('insights: incremental range aggregates', () => {
  it(`equal a from-scratch count after random edits, additions and deletions (${RUNS} cases, seed ${SEED})`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(range, fc.array(operation, { minLength: 1, maxLength: 12 }), fc.boolean(), ({ from, to }, operations, withCategories) => {
        const summaries = new DaySummaries();
        const live = new RangeInsights({ from, to });
        const options: InsightsOptions = { from, to, top: 3, maxRepeats: 2, categoriesOf: withCategories ? (id) => CATEGORIES[id] : undefined };
        for (const op of operations) {
          if ('deleted' in op) summaries.delete(op.deleted);
          else summaries.set(op);
          const before = live.insights(options);
          const frozen = JSON.stringify(before);
          const days = summaries.days();
          assert.deepEqual(live.sync(days).insights(options), fromScratch(days, options));
          assert.equal(JSON.stringify(before), frozen, 'insights handed out earlier do not change with later syncs');
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('keeps its top lists while only problems are counted (the dashboard redraws each second meanwhile), and remakes them when papers change', () => {
    const kim = (id: string, votes: number): IndexedPaper => ({ id, title: id, authors: ['Kim'], votes, line: 0, date: DATES[0], file: 'a.md' });
    const papers = [kim('2501.00001', 5), kim('2501.00002', 9)];
    const facts = (counts: DayFacts['problems'], ps = papers): FileFacts => ({ file: 'a.md', days: [{ date: DATES[0], papers: ps, problems: counts, era: 'D', labelStyle: 'bold-italic' }] });
    const summaries = new DaySummaries();
    const live = new RangeInsights();
    summaries.set(facts({ error: 0, warning: 0, information: 0, hint: 0 }));
    const before = live.sync(summaries.days()).insights({ top: 5 });
    summaries.set(facts({ error: 2, warning: 1, information: 0, hint: 0 }));
    const counted = live.sync(summaries.days()).insights({ top: 5 });
    assert.deepEqual(counted.totals.problems, { error: 2, warning: 1, information: 0, hint: 0 });
    assert.equal(counted.topPapers, before.topPapers, 'the same list, not scanned again');
    assert.equal(counted.topAuthorsByVotes, before.topAuthorsByVotes);
    assert.notEqual(live.insights({ top: 1 }).topPapers, before.topPapers, 'another length is another list');
    summaries.set(facts({ error: 0, warning: 0, information: 0, hint: 0 }, [kim('2501.00001', 50), papers[1]]));
    const changed = live.sync(summaries.days()).insights({ top: 5 });
    assert.deepEqual(changed.topPapers.map((p) => [p.id, p.votes]), [['2501.00001', 50], ['2501.00002', 9]]);
    assert.deepEqual(changed.topAuthorsByVotes, [{ name: 'Kim', papers: 2, votes: 59 }]);
  });

  it('keeps the same first n as a full sort (the oracle above sorts in full)', () => {
    const order = (a: number, b: number) => b - a;
    assert.deepEqual(firstInOrder([3, 1, 4, 1, 5, 9, 2, 6], 3, order), [9, 6, 5]);
  });
});
