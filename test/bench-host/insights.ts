// Host benchmark of the insights dashboard (never pass/fail) over the workspace scripts/host/benchInsights.ts writes
// (5,000 digests): the index build, the first open (drawn from what the index holds), every problem counted (in the
// background), a reopen (the data goes with the HTML), and one digest changed on disk → the charts redrawn; with the
// longest the extension host was blocked in each. BENCH_PROFILE=DIR: CPU profiles of the index build and of the first open with the count.
// Results go to the launcher as `BENCH_RESULT {json}` lines.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DashboardState } from '../../src/insights/dashboard';
import { api, workspaceUri } from '../integration/helpers';
import { startProfile } from './profile';

const REPS = Number(process.env.BENCH_REPS || 7);
const report = (key: string, value: unknown) => console.log(`BENCH_RESULT ${JSON.stringify({ key, value })}`);
const state = () => vscode.commands.executeCommand<DashboardState | undefined>('dailyPapers.insights.state');

/** The longest gap between ~1 ms timer ticks while `work` runs: how long the extension host could not answer. */
async function blocked<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longest: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, longest };
  } finally {
    clearInterval(timer);
  }
}

/** Polls the dashboard's state (every ~5 ms) until `test` holds; 120 s deadline. */
async function waitState(what: string, test: (s: DashboardState) => boolean): Promise<DashboardState> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const s = await state();
    if (s && test(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last state ${JSON.stringify(s)})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function closed(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (await state()) {
    if (Date.now() > deadline) throw new Error('the dashboard did not close');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const drawn = (s: DashboardState) => s.visible && s.generation > 0 && s.painted?.generation === s.generation;

export async function run(): Promise<void> {
  // The extension activates on the first `api()` (no Markdown file is open): the index build is profiled from its start.
  const profiler = process.env.BENCH_PROFILE ? await startProfile() : undefined;
  const dp = await api();
  const index = await blocked(() => dp.index.ready);
  if (profiler) report('insights:profile', await profiler.stop(`${process.env.BENCH_PROFILE}/insights-index-${Date.now()}.cpuprofile`));
  report('insights:index', { ms: index.ms, longestBlock: index.longest, papers: dp.index.index.paperCount, files: dp.index.index.fileCount });

  // Profiled from the first open on: its first message, then the count in the background.
  const counting = process.env.BENCH_PROFILE ? await startProfile() : undefined;
  const cold = await blocked(async () => {
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    return waitState('the first paint', drawn);
  });
  report('insights:open-cold', { ms: cold.ms, longestBlock: cold.longest, firstPaint: cold.result.firstPaint, days: cold.result.days, updateMs: cold.result.updateMs });
  // The problems are counted in the background from the first open; the rest is measured once they are.
  const counted = await blocked(() => waitState('every problem to be counted', (s) => drawn(s) && s.uncounted === 0));
  report('insights:problems', { ms: cold.ms + counted.ms, longestBlock: counted.longest });
  if (counting) report('insights:profile-problems', await counting.stop(`${process.env.BENCH_PROFILE}/insights-problems-${Date.now()}.cpuprofile`));

  const warm: unknown[] = [];
  for (let i = 0; i < REPS; i++) {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed();
    const reopened = await blocked(async () => {
      await vscode.commands.executeCommand('dailyPapers.insights.open');
      return waitState('the reopened first paint', drawn);
    });
    warm.push({ ms: reopened.ms, longestBlock: reopened.longest, firstPaint: reopened.result.firstPaint });
  }
  report('insights:open-warm', warm);

  // One digest changed on disk (as a git pull or the generator would): watcher → index → summaries → charts.
  const file = workspaceUri(...(process.env.BENCH_INSIGHTS_CHANGED ?? '').split('/')).fsPath;
  const original = fs.readFileSync(file, 'utf8');
  const changes: unknown[] = [];
  for (let i = 0; i < REPS; i++) {
    const before = (await state())!;
    const text = i % 2 === 0 ? original.replace(/^Vote: (\d+)$/m, (_m, v: string) => `Vote: ${Number(v) + 1000}`) : original;
    // Where the time goes: the change's delivery to the index (the directory watch; VS Code's file watcher in the web
    // host), then the host's update, then post and page.
    const written = performance.now();
    let indexedMs: number | null = null;
    const indexed = dp.index.onDidChangeFile(({ key }) => key === vscode.Uri.file(file).toString() && (indexedMs ??= performance.now() - written));
    const change = await blocked(async () => {
      fs.writeFileSync(file, text);
      return waitState('the change to be drawn', (s) => drawn(s) && s.generation > before.generation && s.totals?.votes !== before.totals?.votes);
    });
    indexed.dispose();
    changes.push({ ms: change.ms, longestBlock: change.longest, hostMs: change.result.updateMs, indexedMs });
  }
  report('insights:change', changes);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}
