// Mocha's spec reporter, plus the suite's counts for the closing line (scripts/ci/counts.mjs's file format).
// Usage: mocha --reporter scripts/ci/mocha-counting-reporter.cjs --reporter-option suite=unit
const { appendFileSync } = require('node:fs');
const { join } = require('node:path');
const Mocha = require('mocha');

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const suite = options?.reporterOptions?.suite ?? 'mocha';
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const dir = process.env.DPD_COUNTS_DIR;
      if (dir) appendFileSync(join(dir, 'counts.txt'), `${suite} ${runner.stats.passes} ${runner.stats.failures}\n`);
    });
  }
}

module.exports = CountingSpec;
