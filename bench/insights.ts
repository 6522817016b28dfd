// Insights over 5,000 digests (the bench's digests repeated under new dates, one day each): building every file's
// facts and the aggregates beside indexing the same parsed documents; then one changed file, the range's aggregates
// updated by the changed day (RangeInsights.sync) beside computing them from scratch over the same day summaries
// (what the dashboard did before), for the range "all" and the last month.
import { PaperIndex, parseDigest, type DigestDocument } from '../src/digest';
import { computeInsights, DaySummaries, fileFacts, RangeInsights } from '../src/digest/insights';
import type { FeatureRow } from './features';
import type { Workspace } from './inputs';
import { measure, type Plan } from './measure';

const DAY_HEADER = /^## Daily Papers \(\d{4}-\d{2}-\d{2}\)/gm;
export const INSIGHTS_FILES = 5000;

export function dateOf(i: number): string {
  return new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` digest texts made of the given ones in turn, each under its own new date (`dateOf(i)`), its arXiv IDs
 * renumbered within that month (the same paper in every copy would make every file share papers with a thousand
 * others, which no real collection does).
 */
export function redatedDigests(texts: readonly string[], count = INSIGHTS_FILES): string[] {
  const digests = texts.filter((t) => /^## Daily Papers \(/m.test(t));
  return Array.from({ length: count }, (_, i) => {
    const date = dateOf(i);
    const ids = new Map<string, string>();
    const renumber = (old: string) => {
      if (!ids.has(old)) ids.set(old, `${date.slice(2, 4)}${date.slice(5, 7)}.${String(Number(date.slice(8)) * 1000 + ids.size).padStart(5, '0')}`);
      return ids.get(old)!;
    };
    return digests[i % digests.length].replace(DAY_HEADER, `## Daily Papers (${date})`).replace(/\b\d{4}\.\d{4,5}\b/g, renumber);
  });
}

export function insightsRows(workspace: Workspace, quick: boolean): FeatureRow[] {
  const docs: DigestDocument[] = redatedDigests(workspace.files.map((f) => f.text)).map((t) => parseDigest(t));
  const name = (i: number) => `file:///w/${i}.md`;
  const plan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 5 };
  const editPlan: Plan = quick ? { warmup: 2, reps: 10 } : { warmup: 5, reps: 50 };

  const live = buildAllDays(docs, name);
  let edit = 0;
  /** Re-sets one file's facts (a changed digest), from the last `window` files. */
  const change = (window = docs.length) => {
    const i = docs.length - window + (edit++ % window);
    live.set(fileFacts(name(i), docs[i]));
    return live.days();
  };
  const lastMonth = { from: dateOf(docs.length - 30) };
  const all = new RangeInsights().sync(live.days());
  const month = new RangeInsights(lastMonth).sync(live.days());

  return [
    {
      label: `insights: facts + aggregates of ${docs.length.toLocaleString('en-US')} digests`,
      ours: measure(() => computeInsights(buildAllDays(docs, name).days()), plan),
      baseline: {
        label: 'PaperIndex of the same',
        stats: measure(() => {
          const index = new PaperIndex();
          docs.forEach((doc, i) => index.setFile(name(i), doc));
          return index;
        }, plan),
      },
    },
    {
      label: `insights: one of ${docs.length.toLocaleString('en-US')} changed, range all (incremental)`,
      ours: measure(() => all.sync(change()).insights(), editPlan),
      baseline: { label: 'aggregates from scratch', stats: measure(() => computeInsights(change()), editPlan) },
    },
    {
      label: 'insights: one changed, range last month (incremental)',
      ours: measure(() => month.sync(change(30)).insights(), editPlan),
      baseline: { label: 'aggregates from scratch', stats: measure(() => computeInsights(change(30), lastMonth), editPlan) },
    },
  ];
}

/** Every file's facts from scratch, the per-day summaries merged. */
function buildAllDays(docs: readonly DigestDocument[], name: (i: number) => string): DaySummaries {
  const days = new DaySummaries();
  docs.forEach((doc, i) => days.set(fileFacts(name(i), doc)));
  days.days();
  return days;
}
