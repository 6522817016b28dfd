// Soak run: the real-host suites (integration, restricted, ui) several rounds in a row while busy processes it starts
// itself keep every core loaded, as another CPU-heavy job would. A flaky test shows up here, not in someone's CI.
// Usage: tsx scripts/host/soak.ts [--rounds N] (default 5). Prints `N passed, N failed`; exits 1 on any failure.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordCounts, sumCounts } from '../ci/counts.mjs';
import { exit, flag, log, requireHost, ROOT, spawnGroup } from './host';

const rounds = Number(flag('rounds', '5'));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** Each runner records its own counts (scripts/ci/counts.mjs); run-suite runs integration and restricted. */
const RUNNERS: [name: string, script: string][] = [
  ['integration+restricted', 'scripts/host/run-suite.ts'],
  ['ui', 'scripts/host/ui.ts'],
];

function run(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [script], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (!Number.isInteger(rounds) || rounds < 1) return exit(2, `--rounds wants a whole number of at least 1, not ${flag('rounds', '')}`);
  requireHost();
  const countsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-soak-'));
  const env = { ...process.env, DPD_COUNTS_DIR: countsDir };
  // One busy loop per core, in process groups of their own: exit() kills them, also on failure and Ctrl-C.
  const cores = os.availableParallelism();
  for (let i = 0; i < cores; i++) spawnGroup(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
  log(`soak: ${rounds} rounds of integration, restricted and ui, with ${cores} busy processes loading every core`);
  for (let round = 1; round <= rounds; round++) {
    for (const [name, script] of RUNNERS) {
      const before = sumCounts(countsDir).failed;
      const code = await run(script, env);
      // A runner that failed without a failing test recorded (it could not start) still counts as a failure.
      if (code !== 0 && sumCounts(countsDir).failed === before) recordCounts(`${name} (exit ${code})`, 0, 1);
      const { passed, failed } = sumCounts(countsDir);
      log(`soak: round ${round}/${rounds}, ${name} exited ${code}; so far ${passed} passed, ${failed} failed`);
    }
  }
  const { passed, failed, suites } = sumCounts(countsDir);
  fs.rmSync(countsDir, { recursive: true, force: true });
  log(`soak: ${suites.length} suite runs`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => exit(code), (error: unknown) => exit(1, `soak failed: ${error instanceof Error ? error.stack : String(error)}`));
