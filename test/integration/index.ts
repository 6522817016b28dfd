// Entry of the integration suite: the extension host loads this module (extensionTestsPath) and exits 0/1 on run()'s result.
import Mocha from 'mocha';
import { format } from 'node:util';

export async function run(): Promise<void> {
  // The launcher passes options through the server's environment; the host's stdout is not a TTY, so colour is opt-in.
  const mocha = new Mocha({ ui: 'bdd', color: Boolean(process.env.MOCHA_COLOR), timeout: 30_000, grep: process.env.MOCHA_GREP || undefined });
  // The host relays console calls argument by argument; format mocha's '%s' lines here so they arrive whole.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  // The tests are bundled into this file, so install describe/it first, then evaluate the test modules.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  await import('./extension.test');
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The plain closing line that CI logs are read for (mocha's own "N passing" is not one of the recognised forms).
  console.log(`integration: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}
