// Entry of the web suite: code-server loads this module (extensionTestsPath) into the browser's Web Worker extension
// host. Mocha's browser build runs the shared integration suites in BDD mode the way test/integration/index.ts does in
// the Node host; run() rejects on failure, which VS Code reports as exit 1 through the smoke-test driver.
import 'mocha/mocha.js';
import { format } from 'util';

interface Stats {
  passes: number;
  failures: number;
  pending: number;
}
interface BrowserMocha {
  suite: { emit(event: string, context: object, file: string, mocha: BrowserMocha): void };
  run(done: () => void): { stats?: Stats };
}
interface BrowserMochaClass {
  new (options: { ui: string; reporter: unknown; color: boolean; timeout: number }): BrowserMocha;
  reporters: { Spec: unknown; Base: { consoleLog: (...args: unknown[]) => void } };
}

export async function run(): Promise<void> {
  // The browser build installs the Mocha class globally; a fresh instance, not its page-oriented `mocha` (HTML reporter).
  const { Mocha } = globalThis as unknown as { Mocha?: BrowserMochaClass };
  if (!Mocha) throw new Error('mocha/mocha.js did not install Mocha in the web worker');
  const mocha = new Mocha({ ui: 'bdd', reporter: Mocha.reporters.Spec, color: false, timeout: 30_000 });
  // The host relays console calls argument by argument; format mocha's '%s' lines here so they arrive whole.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  mocha.suite.emit('pre-require', globalThis, 'web', mocha);
  // Sequential imports: mocha runs the files' describe blocks in this order (activation is checked first).
  await import('../integration/extension.test');
  await import('./host.test');
  await import('../integration/validation.test');
  await import('../integration/outline.test');
  await import('../integration/hover.test');
  await import('../integration/metadataStore.test');
  await import('../integration/authoring.test');
  await import('../integration/preview.test');
  await import('../integration/virtual.test');
  const stats = await new Promise<Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The same plain closing line as the Node host's suites.
  console.log(`web: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} web test(s) failed`);
}
