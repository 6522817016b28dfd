// Entry of the web suite: code-server loads this module (extensionTestsPath) into the browser's Web Worker extension
// host (extensionDevelopmentKind=web). Mocha's browser build in BDD mode runs the shared integration suites; run()
// rejects on failure, which VS Code reports as exit 1 through the smoke-test driver, as in the Node host.
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  // Sequential imports: mocha runs the files' describe blocks in this order (activation is checked first).
  await import('../integration/extension.test');
  await import('./host.test');
  await import('../integration/validation.test');
  await import('../integration/outline.test');
  await import('../integration/hover.test');
  await import('../integration/authoring.test');
  await import('../integration/preview.test');
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The same plain closing line as the Node host's suites.
  console.log(`web: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} web test(s) failed`);
}
