// Runs the integration suite in desktop VS Code via @vscode/test-electron (needs to download VS Code: not offline).
// Usage: tsx scripts/host/desktop.ts   (VSCODE_TEST_VERSION=stable|insiders|1.95.0 picks the build; default stable)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main(): Promise<number> {
  // Same suite and fixtures as the code-server run; a copy, so a stray save cannot touch the repository.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-desktop-'));
  try {
    const workspace = path.join(temp, 'workspace');
    fs.cpSync(path.join(ROOT, 'test/integration/workspace'), workspace, { recursive: true });
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
      extensionTestsEnv: { DPD_REPO: ROOT, MOCHA_COLOR: process.stdout.isTTY ? '1' : '' },
      // A fresh profile in the temp dir: no other extensions, no restored editors, files.autoSave at its default (off).
      launchArgs: [workspace, '--user-data-dir', path.join(temp, 'user-data'), '--extensions-dir', path.join(temp, 'extensions'),
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(`[desktop] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
