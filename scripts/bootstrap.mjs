// Dependency-free first step of `npm start`, `npm test` and every script that needs node_modules: installs the
// npm dependencies (`npm ci`) when they are missing or do not match package-lock.json, then gets out of the way.
// Only node: built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

function main() {
  checkNode();
  const lockText = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
  const hash = createHash('sha256').update(lockText).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) return;
  if (!existsSync(MODULES) || !installedMatchesLock(JSON.parse(lockText))) {
    console.log('bootstrap: npm dependencies missing or stale: npm ci (about a minute)');
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    const started = Date.now();
    const result = spawnSync(npm[0], [...npm[1], 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
    if (result.error) fail(`could not run npm (${result.error.message}): install npm (Debian: apt-get install npm)`);
    if (result.status !== 0) fail(`npm ci failed (exit ${result.status}): is the npm registry reachable? See the messages above`);
    console.log(`bootstrap: npm dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  writeFileSync(STAMP, `${hash}\n`);
}

try {
  main();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
