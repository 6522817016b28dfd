// Feature benchmarks beside the same baselines: validation (seed, 1 MB, keystroke), the outline after a keystroke
// in a 1,000-entry digest, and the workspace index (the corpus and 5,000 synthetic digests).
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { applyChanges, buildOutline, DigestCache, PaperIndex, parseDigest, validate } from '../src/digest';
import { flat, keystrokeSite, type Workspace } from './inputs';
import { measure, type Plan, type Stats } from './measure';
import { fmtMs } from './report';

export interface FeatureRow {
  readonly label: string;
  readonly ours: Stats;
  readonly baseline: { readonly label: string; readonly stats: Stats };
}

const md = new MarkdownIt();
const markdownlint = (text: string) => lint({ strings: { doc: text } });

/** A keystroke loop over the cache: alternately inserts and deletes one character, then runs `after` on the model. */
function keystrokes(text: string, plan: Plan, after: (doc: ReturnType<DigestCache['get']>) => unknown): Stats {
  const cache = new DigestCache();
  const site = keystrokeSite(cache.get('k', 1, () => text));
  let version = 1;
  let current = text;
  return measure(() => {
    const changes = version % 2 ? site.insert : site.remove;
    const next = flat(applyChanges(current, changes));
    current = next;
    version++;
    cache.recordChanges('k', version, changes);
    return after(cache.get('k', version, () => next));
  }, plan);
}

export function validationRows(seed: string, big: string, quick: boolean): FeatureRow[] {
  const p = (w: number, r: number): Plan => (quick ? { warmup: 1, reps: Math.max(1, r >> 3) } : { warmup: w, reps: r });
  const seedDoc = parseDigest(seed);
  const bigDoc = parseDigest(big);
  return [
    { label: 'validate seed-sized digest', ours: measure(() => validate(seedDoc), p(20, 60)), baseline: { label: 'markdownlint', stats: measure(() => markdownlint(seed), p(3, 20)) } },
    { label: 'validate 1 MB digest', ours: measure(() => validate(bigDoc), p(3, 15)), baseline: { label: 'markdownlint', stats: measure(() => markdownlint(big), p(0, 3)) } },
    {
      label: 'keystroke in 1 MB: update + validate',
      ours: keystrokes(big, p(10, 60), (doc) => validate(doc)),
      baseline: { label: 'markdownlint (full)', stats: measure(() => markdownlint(big), p(0, 3)) },
    },
  ];
}

/** A digest with `n` entries, cut from the corpus (whole days) and repeated as needed. */
function digestWithEntries(texts: readonly string[], n: number): string {
  let out = '';
  let count = 0;
  for (let i = 0; count < n; i++) {
    const doc = parseDigest(texts[i % texts.length]);
    for (const day of doc.days) {
      const take = day.entries.slice(0, n - count);
      if (!take.length) continue;
      out += `## Daily Papers (${day.date})\n\n` + take.map((e) => doc.text.slice(e.range.start.offset, e.range.end.offset)).join('\n\n') + '\n\n';
      count += take.length;
    }
  }
  return out;
}

export function outlineRows(workspace: Workspace, quick: boolean): FeatureRow[] {
  const texts = workspace.files.map((f) => f.text);
  const thousand = digestWithEntries(texts, 1000);
  const plan: Plan = quick ? { warmup: 2, reps: 10 } : { warmup: 10, reps: 60 };
  const indexPlan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 5 };
  // 5,000 synthetic digests: corpus files again under other names (the index keys papers by file).
  const synthetic = Array.from({ length: 5000 }, (_, i) => texts[i % texts.length]);
  const buildIndex = (files: readonly string[]) => {
    const index = new PaperIndex();
    files.forEach((t, i) => index.setFile(`file:///w/${i}.md`, parseDigest(t)));
    return index;
  };
  return [
    {
      label: 'keystroke in 1,000-entry digest: update + outline',
      ours: keystrokes(thousand, plan, (doc) => buildOutline(doc)),
      baseline: { label: 'markdown-it (full)', stats: measure(() => md.parse(thousand, {}), { warmup: 2, reps: quick ? 3 : 10 }) },
    },
    {
      label: `index ${texts.length} corpus files`,
      ours: measure(() => buildIndex(texts), indexPlan),
      baseline: { label: 'markdown-it', stats: measure(() => texts.map((t) => md.parse(t, {}).length), indexPlan) },
    },
    {
      label: 'index 5,000 digests',
      ours: measure(() => buildIndex(synthetic), { warmup: 0, reps: quick ? 1 : 3 }),
      baseline: { label: 'markdown-it', stats: measure(() => synthetic.map((t) => md.parse(t, {}).length), { warmup: 0, reps: quick ? 1 : 3 }) },
    },
  ];
}

export function formatFeatureRows(rows: readonly FeatureRow[]): string {
  const lines = ['| case | ours (ms) | baseline | baseline (ms) | ×faster |', '|---|---:|---|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${fmtMs(r.ours.median)} | ${r.baseline.label} | ${fmtMs(r.baseline.stats.median)} | ${(r.baseline.stats.median / r.ours.median).toFixed(1)}× |`);
  }
  return lines.join('\n');
}
