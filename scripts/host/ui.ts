// UI smoke test: opens a sample digest in the real workbench, checks what is on screen and saves screenshots to .screenshots/.
// Usage: tsx scripts/host/ui.ts [--timeout SECONDS]
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { currentPhase, exit, flag, launchBrowser, log, makeTempRoot, overallTimeout, requireHost, ROOT, setPhase, startCodeServer, workbenchUrl } from './host';

const SHOTS = path.join(ROOT, '.screenshots');
let current: Page | undefined;
overallTimeout(Number(flag('timeout', '180')));

async function main(): Promise<void> {
  requireHost();
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.rmSync(path.join(SHOTS, 'failure.png'), { force: true });
  const { root, env } = makeTempRoot();
  const folder = path.join(root, 'samples');
  fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  const sample = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => /^paper_logs\/.*\.md$/.test(file)).sort().at(-1);
  if (!sample) return void exit(2, 'no samples/paper_logs/**/*.md to open');
  const firstLine = fs.readFileSync(path.join(folder, sample), 'utf8').split('\n')[0]!;

  setPhase('starting code-server');
  const cs = await startCodeServer(root, env);
  setPhase('launching Chromium');
  const { page } = await launchBrowser(env);
  current = page;
  setPhase('loading the workbench');
  // extensionDevelopmentPath alone (no tests) loads the extension from the repository's dist/.
  await page.goto(workbenchUrl(cs, folder, { extension: ROOT }));
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60_000 });

  setPhase(`opening ${sample} with Quick Open`);
  const name = path.basename(sample);
  await quickOpen(page, sample);
  const tab = page.locator('.tabs-container .tab.active');
  await tab.waitFor();
  assert.equal((await tab.getAttribute('aria-label'))?.split(',')[0], name, 'the active editor tab is the sample digest');
  const lines = page.locator('.part.editor .monaco-editor .view-lines');
  await lines.filter({ hasText: /Daily\sPapers/ }).waitFor({ timeout: 20_000 });
  // Monaco renders spaces as U+00A0.
  const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
  assert.ok(text.includes(firstLine), `the editor shows the digest's first line "${firstLine}"`);
  assert.match(text, /### \[.+\]\(https:\/\/arxiv\.org\/abs\//, 'the editor shows an entry heading');
  // Screenshot once extensions (ours and the built-in Markdown one) are up, so they show their work.
  await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 30_000 });
  // Tokenising is asynchronous: wait for coloured tokens (mtk1 is the default colour), which also catches a grammar
  // injection that breaks Markdown highlighting.
  await lines.locator('span[class*="mtk"]:not(.mtk1)').first().waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(SHOTS, 'editor.png') });
  log(`editor shows ${name}: .screenshots/editor.png`);

  setPhase('opening the Markdown preview to the side');
  await runCommand(page, 'Markdown: Open Preview to the Side');
  // The preview is a webview: nested iframes; the innermost one holds the rendered document.
  await waitForFrame(page, (content) => content.includes('Daily Papers'));
  await page.screenshot({ path: path.join(SHOTS, 'preview.png') });
  log('built-in preview rendered: .screenshots/preview.png');
  // The two screens checked (editor, preview), in the plain closing-line form CI logs are read for.
  console.log('ui: 2 passed, 0 failed');
}

async function quickOpen(page: Page, file: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function waitForFrame(page: Page, test: (content: string) => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => f.url().includes('webview'))) {
      if (test(await frame.content().catch(() => ''))) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no webview frame matched within ${ms} ms`);
}

main().then(() => exit(0), async (error: unknown) => {
  // What the page showed when it failed is usually the quickest diagnosis.
  await current?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => undefined);
  return exit(1, `ui test failed while ${currentPhase()} (see .screenshots/failure.png): ${error instanceof Error ? error.stack : String(error)}`);
});
