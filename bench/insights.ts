// Insights over 5,000 digests (corpus files repeated under new dates, one day each): building every file's facts
// and the aggregates beside indexing the same parsed documents, and one changed file incrementally beside a full
// recomputation.
import { PaperIndex, parseDigest, type DigestDocument } from '../src/digest';
import { computeInsights, DaySummaries, fileFacts } from '../src/digest/insights';
import type { FeatureRow } from './features';
import type { Workspace } from './inputs';
import { measure, type Plan } from './measure';

const DAY_HEADER = /^## Daily Papers \(\d{4}-\d{2}-\d{2}\)/gm;

function dateOf(i: number): string {
  return new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

export function insightsRows(workspace: Workspace, quick: boolean): FeatureRow[] {
  const texts = workspace.files.map((f) => f.text).filter((t) => /^## Daily Papers \(/m.test(t));
  const docs: DigestDocument[] = Array.from({ length: 5000 }, (_, i) => parseDigest(texts[i % texts.length].replace(DAY_HEADER, `## Daily Papers (${dateOf(i)})`)));
  const name = (i: number) => `file:///w/${i}.md`;
  const plan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 5 };
  const editPlan: Plan = quick ? { warmup: 2, reps: 10 } : { warmup: 5, reps: 50 };

  const buildAll = () => computeInsights(buildAllDays(docs, name).days());
  const live = buildAllDays(docs, name);
  live.days();
  let edit = 0;
  const lastMonth = { from: dateOf(4970) };

  return [
    {
      label: 'insights: facts + aggregates of 5,000 digests',
      ours: measure(buildAll, plan),
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
      label: 'insights: one of 5,000 digests changed, range all',
      ours: measure(() => {
        const i = edit++ % docs.length;
        live.set(fileFacts(name(i), docs[i]));
        return computeInsights(live.days());
      }, editPlan),
      baseline: { label: 'full recomputation', stats: measure(buildAll, plan) },
    },
    {
      label: 'insights: one changed, range last month',
      ours: measure(() => {
        const i = 4970 + (edit++ % 30);
        live.set(fileFacts(name(i), docs[i]));
        return computeInsights(live.days(), lastMonth);
      }, editPlan),
      baseline: { label: 'full recomputation', stats: measure(() => computeInsights(buildAllDays(docs, name).days(), lastMonth), plan) },
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
