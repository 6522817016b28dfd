// Runs one mocha suite module (exports run()) in code-server's real extension host and returns the suite's exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, log, makeTempRoot, ROOT, setPhase, shutdown, startCodeServer, workbenchUrl } from './host';

export interface SuiteOptions {
  /** The built suite module, e.g. out/test/integration/index.js. */
  tests: string;
  /** Folder opened in the workbench; the suite gets a copy, so a stray save never changes the repository. */
  workspace: string;
  /** The extension under test (extensionDevelopmentPath); the repository by default. */
  extension?: string;
  /** Environment for the suite: the extension host inherits the server's. */
  env?: NodeJS.ProcessEnv;
  /** Print every workbench log line, not only the suite's output. */
  verbose?: boolean;
  /** Sees each relayed line first; returning true swallows it. */
  onLine?: (text: string) => boolean;
  /** Start code-server with workspace trust on, so that the folder opens untrusted (Restricted Mode). */
  workspaceTrust?: boolean;
  /** Run the extension and the suite in the browser's Web Worker extension host. */
  web?: boolean;
  /** Gets the page before the workbench loads (a driver that acts in the browser while the suite runs). */
  onPage?: (page: Page) => Promise<void>;
}

// The relay carries every workbench log line too; the suite's console output is what a developer wants to see.
const WORKBENCH_NOISE = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[(reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate|driver)/,
  /^Updating additional builtin extensions cache/, /^Timed out waiting for authentication provider/, /^getaddrinfo ENOTFOUND/, /^Started local extension host/,
  /^Creation of workbench contribution '.*' took \d+ms/];

/** publisher.name of the extension folder's manifest. */
export function extensionId(folder: string): string {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${publisher}.${name}`;
}

export async function runSuite(options: SuiteOptions): Promise<number> {
  const started = Date.now();
  try {
    const { root, env } = makeTempRoot();
    const folder = path.join(root, 'workspace');
    fs.cpSync(options.workspace, folder, { recursive: true });
    setPhase('starting code-server');
    const cs = await startCodeServer(root, env, options.env, undefined, { workspaceTrust: options.workspaceTrust, webExtension: options.web ? extensionId(options.extension ?? ROOT) : undefined });
    log(`code-server ready at ${cs.origin} (${Date.now() - started} ms)`);
    setPhase('launching Chromium');
    const { page } = await launchBrowser(env);
    await options.onPage?.(page);

    let settle!: (code: number) => void;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    // VS Code calls these when started with enable-smoke-test-driver: the log relay and the suite's exit code.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = String(message);
      if (options.onLine?.(text)) return;
      if (options.verbose) process.stdout.write(`[${level}] ${text}\n`);
      else if (!WORKBENCH_NOISE.some((pattern) => pattern.test(text))) process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    setPhase(`loading the workbench and running ${path.relative(ROOT, options.tests)}`);
    await page.goto(workbenchUrl(cs, folder, { extension: options.extension ?? ROOT, tests: options.tests, web: options.web }));
    // A dead server would otherwise show up only as the overall timeout.
    const code = await Promise.race([exitCode, cs.exited.then((message) => {
      throw new Error(message);
    })]);
    log(`suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    setPhase('stopping the host');
    await shutdown();
  }
}
