// Mocha global fixtures for the Chromium tests: fail at once, clearly, without Chromium; close it at the end.
import { closeBrowser, requireChromium } from './harness';

export function mochaGlobalSetup(): void {
  requireChromium();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await closeBrowser();
}
