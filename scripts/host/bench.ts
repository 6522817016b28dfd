// Host benchmark driver (never pass/fail): runs test/bench-host in two code-server sessions, with the extension and
// without it (so VS Code's built-in Markdown symbols are measured alone), and prints medians and ratios.
// Usage: tsx scripts/host/bench.ts [--timeout SECONDS]   (BENCH_REPS=N fresh documents per input, default 7)
import * as path from 'node:path';
import type { Sample } from '../../test/bench-host/index';
import { currentPhase, exit, flag, log, overallTimeout, requireHost, ROOT } from './host';
import { runSuite } from './suite';

overallTimeout(Number(flag('timeout', '600')));
const results = new Map<string, unknown>();

async function session(phase: 'ours' | 'builtin', extension: string): Promise<void> {
  log(`session "${phase}"`);
  const code = await runSuite({
    tests: path.join(ROOT, 'out/test/bench-host/index.js'),
    workspace: path.join(ROOT, 'test/integration/workspace'),
    extension,
    env: { BENCH_PHASE: phase, BENCH_REPS: process.env.BENCH_REPS ?? '', DPD_CORPUS: path.resolve(ROOT, '../shared/corpus') },
    onLine: (text) => {
      const match = /^BENCH_RESULT (.*)$/.exec(text);
      if (match) {
        const { key, value } = JSON.parse(match[1]!) as { key: string; value: unknown };
        results.set(key, value);
      }
      return Boolean(match);
    },
  });
  if (code !== 0) throw new Error(`the "${phase}" session failed (exit ${code})`);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

function print(): void {
  const sample = (key: string) => results.get(key) as Sample;
  const load = results.get('load') as number[];
  const inputs = results.get('inputs') as Record<string, number>;
  console.log(`\nactivation (ext.activate(), one per host): ${ms(results.get('activation') as number)}; fresh require of dist/extension.js: median ${ms(median(load))}`);
  const head = ['input', 'getDigest, cold (ours)', 'built-in symbols alone', 'built-in / ours', 'symbols, both providers'];
  const widths = [24, 24, 24, 16, 24];
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' '));
  row(head);
  for (const name of ['typical', 'big']) {
    const [ours, builtin, both] = [sample(`ours:${name}`), sample(`builtin:${name}`), sample(`both:${name}`)];
    const label = `${name === 'typical' ? 'typical day' : '~1 MB of days'} (${Math.round(inputs[name]! / 1024)} KB)`;
    row([label, ms(median(ours.times)), ms(median(builtin.times)), `${(median(builtin.times) / median(ours.times)).toFixed(1)}x`, ms(median(both.times))]);
    row(['  first (coldest)', ms(ours.times[0]!), ms(builtin.times[0]!), '', ms(both.times[0]!)]);
    row(['  entries / symbols', String(ours.count), String(builtin.count), '', String(both.count)]);
  }
  console.log(`\nmedians over ${sample('ours:typical').times.length} fresh documents per input (new URIs: a cache miss on every side).`);
  console.log('built-in alone: vscode.executeDocumentSymbolProvider in a session without this extension; both: the same command with ours registered too.');
}

async function main(): Promise<void> {
  requireHost();
  await session('ours', ROOT);
  await session('builtin', path.join(ROOT, 'test/bench-host/carrier'));
  print();
}

main().then(() => exit(0), (error: unknown) => exit(1, `bench failed while ${currentPhase()}: ${error instanceof Error ? error.stack : String(error)}`));
