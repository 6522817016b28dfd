// Suite counts for one closing line: each runner records `suite passed failed` in $DPD_COUNTS_DIR (when set), and
// `node scripts/ci/counts-cli.mjs sum` prints their total as `N passed, N failed`. Only node: built-ins (used before
// and around every suite, whatever is installed).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
