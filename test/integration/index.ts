// Entry of the integration suites: the extension host loads this module (extensionTestsPath) and exits 0/1 on run()'s result.
// DPD_SUITE picks the suite: `integration` (default; workspace trusted or trust disabled) or `restricted` (trust on, folder
// untrusted: the extension in Restricted Mode).
import Mocha from 'mocha';
import { format } from 'node:util';

const SUITES: Record<string, () => Promise<unknown>> = {
  // Sequential imports: mocha runs the files' describe blocks in this order (activation is checked first).
  integration: async () => {
    await import('./extension.test');
    await import('./samples.test');
    await import('./validation.test');
    await import('./outline.test');
    await import('./workspaceIndex.test');
    await import('./model.test');
    await import('./hover.test');
    await import('./metadataStore.test');
    await import('./authoring.test');
    await import('./preview.test');
    await import('./insights.test');
    await import('./virtual.test');
  },
  restricted: () => import('./restricted.test'),
};

export async function run(): Promise<void> {
  const name = process.env.DPD_SUITE || 'integration';
  const load = SUITES[name];
  if (!load) throw new Error(`unknown suite ${JSON.stringify(name)} (DPD_SUITE): one of ${Object.keys(SUITES).join(', ')}`);
  // The launcher passes options through the server's environment; the host's stdout is not a TTY, so colour is opt-in.
  const mocha = new Mocha({ ui: 'bdd', color: Boolean(process.env.MOCHA_COLOR), timeout: 30_000, grep: process.env.MOCHA_GREP || undefined });
  // The host relays console calls argument by argument; format mocha's '%s' lines here so they arrive whole.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  // The tests are bundled into this file, so install describe/it first, then evaluate the test modules.
  mocha.suite.emit('pre-require', globalThis, name, mocha);
  await load();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The plain closing line that CI logs are read for (mocha's own "N passing" is not one of the recognised forms).
  console.log(`${name}: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} ${name} test(s) failed`);
}
