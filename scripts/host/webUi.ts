// The extension forced into the browser's Web Worker extension host (as github.dev runs it) on a folder of digests,
// driven through the workbench like a user, with screenshots in .screenshots/: the Papers view, a hover card, the
// Problems panel and the preview. What each screen must show comes from the command line tool run on the same folder
// (export for the entries, lint for the problems), so any folder can be held back for it. Metadata is off: no network.
// Usage: tsx scripts/host/webUi.ts [--folder DIR] [--timeout SECONDS]   (default folder: samples/)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { recordCounts } from '../ci/counts.mjs';
import { currentPhase, exit, flag, launchBrowser, log, makeTempRoot, overallTimeout, requireHost, ROOT, setPhase, startCodeServer, workbenchUrl } from './host';
import { findListRow, normalize, quickOpen, runCommand } from './workbench';
import { extensionId } from './suite';

const SHOTS = path.join(ROOT, '.screenshots');
const SUITE = 'web-ui';
let current: Page | undefined;
let passed = 0;
overallTimeout(Number(flag('timeout', '300')));

interface Exported {
  file: string;
  days: { date: string; entries: { title: string; arxivId: string | null }[] }[];
}
interface Linted {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

/** The CLI's JSON output for the folder (run from inside it, so files are named relative to it). */
function cli<T>(folder: string, args: string[]): T {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args, '.'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.status === 2 || !result.stdout) throw new Error(`daily-papers ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

async function main(): Promise<void> {
  requireHost();
  fs.mkdirSync(SHOTS, { recursive: true });
  const { root, env } = makeTempRoot();
  const folder = path.join(root, 'digests');
  fs.cpSync(path.resolve(process.env.INIT_CWD ?? ROOT, flag('folder', path.join(ROOT, 'samples'))), folder, { recursive: true });
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode/settings.json'), JSON.stringify({ 'dailyPapers.metadata.enabled': false }, null, 2));

  // The digest to show: the one with the latest day that has an arXiv entry; the file for the Problems panel: the first
  // with a problem the panel lists (hints are not listed, and a repeat across files is reported by Validate All, not on open).
  const latest = (f: Exported) => f.days.filter((d) => d.entries.some((e) => e.arxivId)).map((d) => d.date).sort().pop() ?? '';
  const digest = cli<Exported[]>(folder, ['export', '--format', 'json']).filter(latest).sort((a, b) => latest(b).localeCompare(latest(a)) || a.file.localeCompare(b.file))[0];
  if (!digest) return void exit(2, 'no digest with an arXiv entry in the folder');
  const day = digest.days.find((d) => d.date === latest(digest))!;
  const entry = day.entries.find((e) => e.arxivId)!;
  const entries = digest.days.reduce((n, d) => n + d.entries.length, 0);
  const problem = cli<Linted[]>(folder, ['lint', '--format', 'json']).find((p) => p.severity !== 'hint' && p.rule !== 'duplicate-paper');

  setPhase('starting code-server with the extension as a web extension');
  const cs = await startCodeServer(root, env, {}, undefined, { webExtension: extensionId(ROOT) });
  setPhase('launching Chromium');
  const { page } = await launchBrowser(env);
  current = page;
  setPhase('loading the workbench');
  await page.goto(workbenchUrl(cs, folder, { extension: ROOT, web: true }));
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60_000 });

  setPhase(`opening ${digest.file}`);
  await quickOpen(page, digest.file);
  const lines = page.locator('.part.editor .monaco-editor .view-lines');
  await lines.filter({ hasText: /Daily\sPapers/ }).waitFor({ timeout: 20_000 });

  setPhase('showing the Papers view');
  await runCommand(page, 'Daily Papers: Focus on Papers View');
  const rows = page.locator('.part.sidebar .monaco-list-row');
  await rows.filter({ hasText: day.date }).first().waitFor({ timeout: 30_000 });
  await rows.filter({ hasText: entry.title.slice(0, 40) }).first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'web-tree.png') });
  log(`Papers view shows ${day.date} and "${entry.title.slice(0, 40)}…": .screenshots/web-tree.png`);
  passed++;

  setPhase('checking that the extension runs in the Web Worker extension host');
  await runCommand(page, 'Developer: Show Running Extensions');
  // A development extension is listed by its id, with the host it runs in. Only extensions whose activation has
  // started are listed (the Papers view above has shown that ours has), in the order the extension service knows them:
  // with a dozen built-ins activated, ours can be below the rows the list renders.
  const running = await findListRow(page, '.runtime-extensions-editor', extensionId(ROOT));
  const row = normalize(await running.innerText());
  assert.match(row, /web worker/i, `the running extension is in the Web Worker host: ${row}`);
  await page.screenshot({ path: path.join(SHOTS, 'web-running-extensions.png') });
  log(`running in the Web Worker extension host: .screenshots/web-running-extensions.png`);
  passed++;
  // It opens as a modal editor: Escape closes it, once the list (focused above) has dropped its selection on the first.
  for (let presses = 0; await running.isVisible(); presses++) {
    if (presses === 3) throw new Error('Escape does not close Running Extensions');
    await page.keyboard.press('Escape');
    await running.waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
  }

  setPhase('showing the hover card of the entry title');
  const titleLine = lines.locator('.view-line', { hasText: entry.title.slice(0, 30) }).first();
  await titleLine.scrollIntoViewIfNeeded();
  await titleLine.click({ position: { x: 90, y: 5 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:visible', { hasText: `arXiv:${entry.arxivId}` });
  await hover.waitFor({ timeout: 20_000 });
  assert.ok(normalize(await hover.innerText()).includes(`${day.date} (this entry)`), 'the card names the entry\'s day');
  await page.screenshot({ path: path.join(SHOTS, 'web-hover.png') });
  log(`hover card of ${entry.arxivId}: .screenshots/web-hover.png`);
  await page.keyboard.press('Escape');
  passed++;

  setPhase('opening the preview to the side');
  await runCommand(page, 'Daily Papers: Open Preview to the Side');
  await waitForFrame(page, async (frame) => (await frame.locator('.card').count()) === entries, `a preview page with ${entries} cards`);
  await page.screenshot({ path: path.join(SHOTS, 'web-preview.png') });
  log(`preview shows the ${entries} entries of ${digest.file}: .screenshots/web-preview.png`);
  passed++;

  if (problem) {
    setPhase(`listing the problems of ${problem.file} in the Problems panel`);
    await runCommand(page, 'View: Close All Editors');
    await quickOpen(page, problem.file);
    await runCommand(page, 'Focus Problems (Errors, Warnings, Infos)');
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: problem.rule });
    await marker.first().waitFor({ timeout: 20_000 });
    assert.ok(normalize(await marker.first().innerText()).includes('Daily Papers'), 'the row names our source');
    await page.screenshot({ path: path.join(SHOTS, 'web-problems.png') });
    log(`Problems panel lists ${problem.rule} of ${problem.file} (as the CLI does): .screenshots/web-problems.png`);
    passed++;
  } else log('the folder has no problem to list: no Problems screenshot');

  console.log(`${SUITE}: ${passed} passed, 0 failed`);
  recordCounts(SUITE, passed, 0);
}

async function waitForFrame(page: Page, test: (frame: Frame) => Promise<boolean>, what: string, ms = 30_000): Promise<Frame> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => f.url().includes('webview'))) {
      if (await test(frame).catch(() => false)) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

main().then(() => exit(0), async (error: unknown) => {
  await current?.screenshot({ path: path.join(SHOTS, 'web-failure.png') }).catch(() => undefined);
  console.log(`${SUITE}: ${passed} passed, 1 failed`);
  recordCounts(SUITE, passed, 1);
  return exit(1, `web ui failed while ${currentPhase()} (see .screenshots/web-failure.png): ${error instanceof Error ? error.stack : String(error)}`);
});
