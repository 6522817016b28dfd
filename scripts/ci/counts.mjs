// Suite counts for one closing line: each runner records `suite passed failed` in $DPD_COUNTS_DIR (when set), and
// `node scripts/ci/counts.mjs sum` prints their total as `N passed, N failed`. Only node: built-ins (used before
// and around every suite, whatever is installed).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FILE = 'counts.txt';

/** Appends one suite's counts to $DPD_COUNTS_DIR/counts.txt; does nothing when the variable is unset. */
export function recordCounts(suite, passed, failed) {
  const dir = process.env.DPD_COUNTS_DIR;
  // Suite names may hold spaces ("npm test"): the counts are the last two words.
  if (dir) appendFileSync(join(dir, FILE), `${suite} ${passed} ${failed}\n`);
}

/** The recorded lines summed; `suites` names each suite with its counts, in the order they ran. */
export function sumCounts(dir) {
  const file = join(dir, FILE);
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  let passed = 0;
  let failed = 0;
  for (const line of lines) {
    const [p, f] = line.split(' ').slice(-2);
    passed += Number(p);
    failed += Number(f);
  }
  return { passed, failed, suites: lines };
}

// CLI: `sum` prints the closing line, `failed` the failures so far, `record SUITE PASSED FAILED` adds a line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, ...args] = process.argv.slice(2);
  const dir = process.env.DPD_COUNTS_DIR;
  if (!dir || !['sum', 'failed', 'record'].includes(command)) {
    console.error('usage: DPD_COUNTS_DIR=dir node scripts/ci/counts.mjs sum | failed | record SUITE PASSED FAILED');
    process.exit(2);
  }
  if (command === 'record') recordCounts(args[0], Number(args[1]), Number(args[2]));
  const { passed, failed, suites } = sumCounts(dir);
  if (command === 'failed') console.log(failed);
  if (command === 'sum') {
    console.log(`suites: ${suites.join('; ') || 'none recorded'}`);
    console.log(`${passed} passed, ${failed} failed`);
  }
}
