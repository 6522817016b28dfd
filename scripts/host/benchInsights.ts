// The insights dashboard in the real host over 5,000 digests (the digests of `--corpus DIR` — its dev/ folder in the
// real corpus's layout — or else of samples/, repeated under new dates, IDs renumbered, written to a temp folder):
// index build, first open, reopen, one changed file → charts, and the longest the extension host was blocked.
// For scripts/host/bench.ts: `await benchInsights()` after its sessions (it runs its own code-server session) and
// print nothing else for it; it prints its table and returns the figures. Alone: `npm run bench:insights-host`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { digestsDir, givenCorpus, markdownFiles } from '../../bench/inputs';
import { dateOf, INSIGHTS_FILES, redatedDigests } from '../../bench/insights';
import { log, ROOT } from './host';
import { runSuite } from './suite';

interface Timed {
  ms: number;
  longestBlock: number;
}
type FirstPaint = Record<'document' | 'script' | 'ready' | 'posted' | 'painted', number | null>;

export interface InsightsHostFigures {
  files: number;
  loadAverage: { before: number[]; after: number[] };
  samples: Record<string, unknown>;
}

const median = (xs: readonly number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${Math.round(v).toLocaleString('en-US')} ms`);

/** Writes the digests as `paper_logs/YYYY/MM/DD.md`; returns the folder and the path of the last one (the one changed). */
function writeWorkspace(corpus: string | undefined): { folder: string; changed: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-bench-insights-'));
  const texts = markdownFiles(corpus ? digestsDir(corpus) : path.join(ROOT, 'samples', 'paper_logs')).map((f) => fs.readFileSync(f, 'utf8'));
  let changed = '';
  redatedDigests(texts, INSIGHTS_FILES).forEach((text, i) => {
    const [y, m, d] = dateOf(i).split('-');
    changed = `paper_logs/${y}/${m}/${d}.md`;
    fs.mkdirSync(path.join(folder, 'paper_logs', y, m), { recursive: true });
    fs.writeFileSync(path.join(folder, changed), text);
  });
  return { folder, changed };
}

/** `corpus`: the folder whose digests are repeated (default: `--corpus DIR` on the command line, else samples/). */
export async function benchInsights(corpus = givenCorpus()): Promise<InsightsHostFigures> {
  const before = os.loadavg();
  const { folder, changed } = writeWorkspace(corpus);
  const samples: Record<string, unknown> = {};
  try {
    log(`insights session: ${INSIGHTS_FILES} digests from ${corpus ?? 'samples/'} in ${folder}`);
    const code = await runSuite({
      tests: path.join(ROOT, 'out/test/bench-host/insights.js'),
      workspace: folder,
      env: { BENCH_INSIGHTS_CHANGED: changed, BENCH_REPS: process.env.BENCH_REPS ?? '', BENCH_PROFILE: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : '' },
      onLine: (text) => {
        const match = /^BENCH_RESULT (.*)$/.exec(text);
        if (match) {
          const { key, value } = JSON.parse(match[1]) as { key: string; value: unknown };
          samples[key] = value;
        }
        return Boolean(match);
      },
    });
    if (code !== 0) throw new Error(`the insights session failed (exit ${code})`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const after = os.loadavg();
  const index = samples['insights:index'] as Timed & { papers: number; files: number };
  const cold = samples['insights:open-cold'] as Timed & { firstPaint: FirstPaint; days: number; updateMs: number | null };
  const problems = samples['insights:problems'] as Timed;
  const warm = samples['insights:open-warm'] as (Timed & { firstPaint: FirstPaint })[];
  const change = samples['insights:change'] as (Timed & { hostMs: number | null; indexedMs: number | null })[];
  for (const [key, what] of [['insights:profile', 'the index build'], ['insights:profile-problems', 'the first open and counting the problems']]) {
    const profile = samples[key] as { file: string; ms: number; top: { fn: string; ms: number }[] } | undefined;
    if (!profile) continue;
    console.log(`\nCPU profile of ${what}: ${path.relative(process.cwd(), profile.file)} (${Math.round(profile.ms)} ms profiled); most self time:`);
    for (const row of profile.top) console.log(`  ${String(row.ms).padStart(6)} ms  ${row.fn}`);
  }
  const part = (k: keyof FirstPaint) => ms(median(warm.map((w) => w.firstPaint[k] ?? NaN)));
  console.log(`\n=== insights dashboard, ${index.files.toLocaleString('en-US')} digests (${index.papers.toLocaleString('en-US')} papers, ${cold.days} days) ===`);
  console.log(`index built: ${ms(index.ms)} (longest host block ${ms(index.longestBlock)})`);
  console.log(`first open (what the index holds): first paint ${ms(cold.ms)} after the command; first data made in ${ms(cold.updateMs)}, page document at ${ms(cold.firstPaint.document)}, ready ${ms(cold.firstPaint.ready)}, data posted ${ms(cold.firstPaint.posted)}, painted ${ms(cold.firstPaint.painted)} from the panel's creation; longest host block ${ms(cold.longestBlock)}`);
  console.log(`every problem counted (read, parse, validate in the background) and drawn: ${ms(problems.ms)} after the command; longest host block meanwhile ${ms(problems.longestBlock)}`);
  console.log(`reopen (data in the HTML), median of ${warm.length}: first paint ${ms(median(warm.map((w) => w.ms)))} after the command; data ${part('posted')}, page document ${part('document')}, script ${part('script')}, painted ${part('painted')}; longest host block ${ms(Math.max(...warm.map((w) => w.longestBlock)))}`);
  console.log(`one digest changed on disk → charts redrawn, median of ${change.length}: ${ms(median(change.map((c) => c.ms)))} (write → index ${ms(median(change.map((c) => c.indexedMs ?? NaN)))}; host: count + summaries + aggregates + message ${ms(median(change.map((c) => c.hostMs ?? NaN)))}; the rest is the post and the page's drawing); longest host block ${ms(Math.max(...change.map((c) => c.longestBlock)))}`);
  console.log(`targets: first paint ≤ 500 ms, change → charts ≤ 200 ms, host never blocked > 50 ms. Load average before/after: ${before.map((l) => l.toFixed(2)).join(' ')} / ${after.map((l) => l.toFixed(2)).join(' ')}`);
  return { files: INSIGHTS_FILES, loadAverage: { before, after }, samples };
}
