// CLI: runs a mocha suite module in code-server's real extension host and exits with the suite's exit code.
// Usage: tsx scripts/host/run-suite.ts [--tests out/test/integration/index.js] [--workspace DIR] [--timeout SECONDS] [--verbose]
// MOCHA_GREP=pattern selects tests; HOST_KEEP_TEMP=1 keeps the temp profile (code-server.log) for diagnosis.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentPhase, exit, flag, overallTimeout, requireHost, ROOT } from './host';
import { runSuite } from './suite';

const tests = path.resolve(ROOT, flag('tests', 'out/test/integration/index.js'));
const workspace = path.resolve(ROOT, flag('workspace', 'test/integration/workspace'));
overallTimeout(Number(flag('timeout', process.env.HOST_TIMEOUT ?? '300')));

async function main(): Promise<number> {
  requireHost();
  if (!fs.existsSync(tests)) return exit(2, `no suite at ${tests}: run npm run build first`);
  return runSuite({
    tests,
    workspace,
    verbose: process.argv.includes('--verbose'),
    env: { MOCHA_COLOR: process.stdout.isTTY ? '1' : '', MOCHA_GREP: process.env.MOCHA_GREP ?? '', DPD_REPO: ROOT },
  });
}

main().then((code) => exit(code), (error: unknown) => exit(1, `failed while ${currentPhase()}: ${error instanceof Error ? error.stack : String(error)}`));
