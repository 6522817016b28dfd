// Feature benchmarks beside the same baselines: validation (seed, 1 MB, keystroke), the outline after a keystroke
// in a 1,000-entry digest, and the workspace index (the corpus and 5,000 synthetic digests).
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { applyChanges, buildOutline, DigestCache, ModelCache, PaperIndex, parseDigest, validate, type DigestDocument } from '../src/digest';
import { CardCache, DEFAULT_RENDER_OPTIONS, diffDigests, renderDigest, type RenderedDigest } from '../src/digest/render';
import { flat, keystrokeSite, type Workspace } from './inputs';
import { measureAlternating, type Plan, type Stats } from './measure';
import { fmtSpread } from './report';

export interface FeatureRow {
  readonly label: string;
  readonly ours: Stats;
  readonly baseline: { readonly label: string; readonly stats: Stats };
}

const md = new MarkdownIt();
const markdownlint = (text: string) => lint({ strings: { doc: text } });

/**
 * One keystroke per call through the cache: alternately inserts and deletes one character, then runs `after` on the
 * new version. The text alternates between two versions, both built (and flattened) once, before any timing: the
 * editor has the new text before it tells us.
 */
function keystroke(text: string, after: (doc: DigestDocument) => unknown): () => unknown {
  const cache = new DigestCache();
  const site = keystrokeSite(cache.get('k', 1, () => text));
  const texts = [text, flat(applyChanges(text, site.insert))];
  let version = 1;
  return () => {
    const changes = version % 2 ? site.insert : site.remove;
    version++;
    cache.recordChanges('k', version, changes);
    return after(cache.get('k', version, () => texts[(version - 1) % 2]));
  };
}

/** Ours and a baseline, alternately (ABBA). */
function pair(label: string, ours: () => unknown, oursPlan: Plan, baselineLabel: string, baseline: () => unknown, baselinePlan: Plan): FeatureRow {
  const [o, b] = measureAlternating([ours, baseline], [oursPlan, baselinePlan]);
  return { label, ours: o, baseline: { label: baselineLabel, stats: b } };
}

/** What a keystroke costs the extension in the editor: the update, validation, the model's outline and the preview's patch. */
function pipeline(): (doc: DigestDocument) => unknown {
  const models = new ModelCache();
  const cards = new CardCache();
  let previous: RenderedDigest | undefined;
  return (doc) => {
    const model = models.get(doc);
    const problems = validate(doc);
    model.nodeAt(0);
    const rendered = renderDigest(doc, DEFAULT_RENDER_OPTIONS, cards, model.outline);
    const patch = previous && diffDigests(previous, rendered);
    previous = rendered;
    return [problems, patch];
  };
}

export function validationRows(seed: string, big: string, quick: boolean): FeatureRow[] {
  const p = (w: number, r: number): Plan => (quick ? { warmup: 1, reps: Math.max(1, r >> 3) } : { warmup: w, reps: r });
  // Keystrokes: warmed up until the JIT has optimised the path (the first hundred run several times slower), then
  // timed in bursts of ten between the baseline's samples.
  const keys: Plan = { warmup: 200, reps: quick ? 4 : 12, burst: 10 };
  const seedDoc = parseDigest(seed);
  return [
    pair('validate seed-sized digest', () => validate(seedDoc), p(20, 60), 'markdownlint', () => markdownlint(seed), p(3, 20)),
    // A fresh parse each time: validation caches its findings per parsed entry.
    pair('validate 1 MB digest (parse + validate)', () => validate(parseDigest(big)), p(3, 15), 'markdownlint', () => markdownlint(big), p(0, 3)),
    pair('keystroke in 1 MB: update + validate', keystroke(big, (doc) => validate(doc)), keys, 'markdownlint (full)', () => markdownlint(big), p(0, 3)),
    pair('keystroke in 1 MB: update + validate + outline + preview patch', keystroke(big, pipeline()), keys, 'markdown-it (full parse)', () => md.parse(big, {}), p(2, 15)),
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
  const keys: Plan = { warmup: 200, reps: quick ? 3 : 10, burst: 10 };
  const indexPlan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 5 };
  // 5,000 synthetic digests: corpus files again under other names (the index keys papers by file).
  const synthetic = Array.from({ length: 5000 }, (_, i) => texts[i % texts.length]);
  const buildIndex = (files: readonly string[]) => {
    const index = new PaperIndex();
    files.forEach((t, i) => index.setFile(`file:///w/${i}.md`, parseDigest(t)));
    return index;
  };
  return [
    pair('keystroke in 1,000-entry digest: update + outline', keystroke(thousand, (doc) => buildOutline(doc)), keys, 'markdown-it (full)', () => md.parse(thousand, {}), { warmup: 2, reps: quick ? 3 : 10 }),
    pair(`index ${texts.length} corpus files`, () => buildIndex(texts), indexPlan, 'markdown-it', () => texts.map((t) => md.parse(t, {}).length), indexPlan),
    pair('index 5,000 digests', () => buildIndex(synthetic), { warmup: 0, reps: quick ? 1 : 3 }, 'markdown-it', () => synthetic.map((t) => md.parse(t, {}).length), { warmup: 0, reps: quick ? 1 : 3 }),
  ];
}

export function formatFeatureRows(rows: readonly FeatureRow[]): string {
  const lines = ['| case | ours ms (min–max) | baseline | baseline ms (min–max) | ×faster |', '|---|---:|---|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${fmtSpread(r.ours)} | ${r.baseline.label} | ${fmtSpread(r.baseline.stats)} | ${(r.baseline.stats.median / r.ours.median).toFixed(1)}× |`);
  }
  return lines.join('\n');
}

/** Heap the index of 5,000 digests keeps after a forced GC (their texts dropped): what it costs to hold, not to build. */
export function indexHeap(workspace: Workspace): { papers: number; mb: number } | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new PaperIndex();
  for (let i = 0; i < 5000; i++) {
    // A fresh copy of the text per file, as each file read from disk is.
    const text = JSON.parse(JSON.stringify(workspace.files[i % workspace.files.length].text)) as string;
    index.setFile(`file:///w/${i}.md`, parseDigest(text));
  }
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1e6;
  return { papers: index.paperCount, mb };
}
