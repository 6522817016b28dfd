// `npm run profile:host -- <scenario> [--corpus DIR] [--out DIR]`: a CPU profile of the extension host (ours loaded)
// while the scenario runs, written as a .cpuprofile (open it in Chrome DevTools or VS Code) with the functions of most
// self time printed. Scenarios: `typing` — one-character edits in the 1 MB digest shown in an editor, each waited on
// until its diagnostics are published (the tree, symbols, folding and links answer the workbench as when typing);
// `preview` — keys typed by the browser driver into the 1 MB digest with our preview beside it and the Papers view shown
// (the bench's preview rows, session ours only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchCorpus } from '../../bench/inputs';
import * as os from 'node:os';
import { withDriver } from './benchPreview';
import { exit, flag, log, overallTimeout, requireHost, ROOT } from './host';
import { runSuite } from './suite';

const SCENARIOS = ['typing', 'preview'];

async function main(): Promise<number> {
  const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const scenario = positional[0] ?? 'typing';
  if (!SCENARIOS.includes(scenario)) return exit(2, `unknown scenario "${scenario}"; scenarios: ${SCENARIOS.join(', ')}`);
  requireHost();
  overallTimeout(Number(flag('timeout', '900')));
  const out = path.resolve(ROOT, flag('out', 'bench/profiles'));
  fs.mkdirSync(out, { recursive: true });
  log(`profile:host "${scenario}" → ${path.relative(process.cwd(), out)}`);
  const sync = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-profile-sync-'));
  process.on('exit', () => fs.rmSync(sync, { recursive: true, force: true }));
  const code = await runSuite({
    tests: path.join(ROOT, 'out/test/bench-host/index.js'),
    workspace: path.join(ROOT, 'test/integration/workspace'),
    extension: ROOT,
    env: { BENCH_PHASE: 'ours', BENCH_ONLY: scenario, BENCH_PROFILE: out, BENCH_REPS: scenario === 'preview' ? '4' : '1', DPD_CORPUS: benchCorpus(), BENCH_SYNC: sync },
    ...withDriver(sync, (text) => {
      const match = /^BENCH_RESULT (.*)$/.exec(text);
      if (!match) return false;
      const { key, value } = JSON.parse(match[1]!) as { key: string; value: unknown };
      if (key.startsWith('profile:')) {
        const { file, ms, top, owners } = value as { file: string; ms: number; top: { fn: string; ms: number }[]; owners: { fn: string; ms: number }[] };
        log(`profile written: ${path.relative(process.cwd(), file)} (${Math.round(ms)} ms profiled); self time by owner:`);
        for (const row of owners) console.log(`  ${String(row.ms).padStart(6)} ms  ${row.fn}`);
        log('most self time:');
        for (const row of top) console.log(`  ${String(row.ms).padStart(6)} ms  ${row.fn}`);
      }
      return true;
    }),
  });
  return code;
}

main().then((code) => exit(code), (error: unknown) => exit(1, `profile:host failed: ${error instanceof Error ? error.message : String(error)}`));
