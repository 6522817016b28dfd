// The counts' command line (see counts.mjs): `sum` prints the closing line, `failed` the failures so far,
// `record SUITE PASSED FAILED` adds a line. Used by .ci/run and the soak run.
import { recordCounts, sumCounts } from './counts.mjs';
const [command, ...args] = process.argv.slice(2);
const dir = process.env.DPD_COUNTS_DIR;
if (!dir || !['sum', 'failed', 'record'].includes(command)) {
  console.error('usage: DPD_COUNTS_DIR=dir node scripts/ci/counts-cli.mjs sum | failed | record SUITE PASSED FAILED');
  process.exit(2);
}
if (command === 'record') recordCounts(args[0], Number(args[1]), Number(args[2]));
const { passed, failed, suites } = sumCounts(dir);
if (command === 'failed') console.log(failed);
if (command === 'sum') {
  console.log(`suites: ${suites.join('; ') || 'none recorded'}`);
  console.log(`${passed} passed, ${failed} failed`);
}
