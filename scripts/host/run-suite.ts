// CLI: runs mocha suites in code-server's real extension host, one fresh host each, and exits non-zero if any failed.
// Usage: tsx scripts/host/run-suite.ts [--suite integration,restricted,web] [--tests out/test/integration/index.js] [--workspace DIR]
//        [--timeout SECONDS] [--verbose]
// Suites (DPD_SUITE in the suite module): `integration` (workspace trust disabled, as before) and `restricted` (workspace
// trust on and the folder untrusted: the extension in Restricted Mode); both run by default. `web` runs the integration
// scenarios in the browser's Web Worker extension host (out/test/web/index.js; no environment reaches it).
// MOCHA_GREP=pattern selects tests; HOST_KEEP_TEMP=1 keeps the temp profile (code-server.log) for diagnosis.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentPhase, exit, flag, log, overallTimeout, requireHost, ROOT } from './host';
import { recordCounts } from '../ci/counts.mjs';
import { runSuite } from './suite';

/** What each suite needs from the host beyond the defaults. */
const SUITES: Record<string, { workspaceTrust?: boolean; web?: boolean; tests?: string }> = {
  integration: {},
  restricted: { workspaceTrust: true },
  // The integration scenarios in the browser's Web Worker extension host (npm run test:web).
  web: { web: true, tests: 'out/test/web/index.js' },
};

const suites = flag('suite', 'integration,restricted').split(',').map((s) => s.trim()).filter(Boolean);
const testsFlag = flag('tests', '');
const workspace = path.resolve(ROOT, flag('workspace', 'test/integration/workspace'));
overallTimeout(Number(flag('timeout', process.env.HOST_TIMEOUT ?? String(300 * suites.length))));

async function main(): Promise<number> {
  requireHost();
  const unknown = suites.filter((s) => !(s in SUITES));
  if (unknown.length || suites.length === 0) return exit(2, `unknown suite ${unknown.join(', ') || '(none)'}: use --suite with ${Object.keys(SUITES).join(', ')}`);
  const failed: string[] = [];
  for (const suite of suites) {
    const tests = path.resolve(ROOT, testsFlag || SUITES[suite]!.tests || 'out/test/integration/index.js');
    if (!fs.existsSync(tests)) return exit(2, `no suite at ${tests}: run npm run build first`);
    log(`suite "${suite}"${SUITES[suite]!.workspaceTrust ? ' (workspace trust on, folder untrusted)' : ''}`);
    let summarized = false;
    const code = await runSuite({
      tests,
      workspace,
      verbose: process.argv.includes('--verbose'),
      workspaceTrust: SUITES[suite]!.workspaceTrust,
      web: SUITES[suite]!.web,
      env: { MOCHA_COLOR: process.stdout.isTTY ? '1' : '', MOCHA_GREP: process.env.MOCHA_GREP ?? '', DPD_REPO: ROOT, DPD_SUITE: suite },
      onLine: (text) => {
        const counts = text.startsWith(`${suite}: `) ? / (\d+) passed, (\d+) failed/.exec(text) : null;
        if (counts) {
          summarized = true;
          recordCounts(suite, Number(counts[1]), Number(counts[2]));
        }
        return false;
      },
    });
    // A suite that died before mocha finished prints no closing line: say so in the same plain form.
    if (!summarized) {
      console.log(`${suite}: 0 passed, 1 failed (the suite ended with exit ${code} before reporting)`);
      recordCounts(suite, 0, 1);
    }
    if (code !== 0) failed.push(suite);
  }
  if (failed.length) log(`failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then((code) => exit(code), (error: unknown) => exit(1, `failed while ${currentPhase()}: ${error instanceof Error ? error.stack : String(error)}`));
