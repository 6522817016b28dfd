// Dependency-free first step of `npm start`, `npm test` and every script that needs node_modules: installs the
// npm dependencies (`npm ci`) when they are missing or do not match package-lock.json, then gets out of the way.
// Only node: built-ins here: this runs before anything is installed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = join(ROOT, 'node_modules');
/** Holds the hash of the package-lock.json that node_modules was last checked or installed against. */
const STAMP = join(MODULES, '.bootstrap-stamp');

function fail(message) {
  console.error(`bootstrap: ${message}`);
  process.exit(1);
}

function checkNode() {
  const wanted = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node.replace(/^>=/, '');
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [wantMajor, wantMinor] = wanted.split('.').map(Number);
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    fail(`Node ${wanted} or newer is needed, this is ${process.version}: install it (Debian: apt-get install nodejs npm, or https://nodejs.org)`);
  }
}

/**
 * True when npm's own record of what it installed (node_modules/.package-lock.json) has every package of the lock
 * file at its locked version. Optional packages may be absent (another platform's binaries).
 */
function installedMatchesLock(lock) {
  const hidden = join(MODULES, '.package-lock.json');
  if (!existsSync(hidden)) return false;
  const installed = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
  return Object.entries(lock.packages ?? {}).every(([path, locked]) => {
    if (path === '' || locked.link) return true;
    const have = installed[path];
    if (!have) return !!(locked.optional || locked.devOptional);
    return have.version === locked.version && existsSync(join(ROOT, path, 'package.json'));
  });
}

/** `npm ci`, its output kept in a log file and a progress line every 10 s; on failure, npm's own one-line reason. */
function npmCi() {
  const log = join(tmpdir(), 'daily-papers-npm-ci.log');
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  console.log('bootstrap: npm dependencies missing or stale: npm ci (about 1.5 minutes)');
  return new Promise((resolve) => {
    const child = spawn(npm[0], [...npm[1], 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const ticker = setInterval(() => console.log(`bootstrap: npm ci: ${seconds()} s`), 10_000);
    child.on('error', (error) => fail(`could not run npm (${error.message}): install npm (Debian: apt-get install npm)`));
    child.on('close', (code) => {
      clearInterval(ticker);
      writeFileSync(log, output);
      if (code !== 0) {
        const reason = output.split('\n').find((l) => /^npm error (?!code |errno |syscall )\S/.test(l))?.replace(/^npm error /, '') ?? `exit ${code}`;
        fail(`npm ci failed: ${reason} (is the npm registry reachable? full output: ${log})`);
      }
      console.log(`bootstrap: npm dependencies installed in ${seconds()} s`);
      resolve();
    });
  });
}

async function main() {
  checkNode();
  const lockText = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
  const hash = createHash('sha256').update(lockText).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) return;
  if (!existsSync(MODULES) || !installedMatchesLock(JSON.parse(lockText))) await npmCi();
  writeFileSync(STAMP, `${hash}\n`);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
