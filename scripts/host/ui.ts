// UI smoke test: opens a sample digest in the real workbench, checks what is on screen and saves screenshots to .screenshots/:
// the Daily Papers container's welcome view, the editor, the Papers view (at the default width, focus after a click, the
// checked sort, the filter), the compact hover card, the Problems panel with our diagnostics, the status bar's count of
// what Fix all would change, New Digest through its input box, the Markdown preview, the Daily Papers preview (click to
// source, the placeholder of a thumbnail that cannot load offline), the export and its notification, and the insights dashboard. The metadata service is off (a workspace setting): no network.
// Usage: tsx scripts/host/ui.ts [--timeout SECONDS]
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { recordCounts } from '../ci/counts.mjs';
import { currentPhase, exit, flag, launchBrowser, log, makeTempRoot, overallTimeout, requireHost, ROOT, setPhase, startCodeServer, workbenchUrl } from './host';
import { normalize, quickOpen, runCommand } from './workbench';

const SHOTS = path.join(ROOT, '.screenshots');
const SAMPLE = 'paper_logs/2025/01/29.md';
let current: Page | undefined;
/** Screens checked so far, for the closing line. */
let passed = 0;
overallTimeout(Number(flag('timeout', '360')));

async function main(): Promise<void> {
  requireHost();
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.rmSync(path.join(SHOTS, 'failure.png'), { force: true });
  const { root, env } = makeTempRoot();
  const folder = path.join(root, 'samples');
  fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  // The checks below name this digest's first paper (title, votes, authors), so open it rather than the newest sample.
  const sample = SAMPLE;
  if (!fs.existsSync(path.join(folder, sample))) return void exit(2, `no samples/${sample} to open`);
  const firstLine = fs.readFileSync(path.join(folder, sample), 'utf8').split('\n')[0]!;
  // Hover cards from the digest alone: no requests to arXiv or Hugging Face from a test.
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode/settings.json'), JSON.stringify({ 'dailyPapers.metadata.enabled': false }, null, 2));

  setPhase('starting code-server');
  const cs = await startCodeServer(root, env);
  setPhase('launching Chromium');
  const { page } = await launchBrowser(env);
  current = page;
  page.on('console', (message) => {
    if (/TreeError|dailyPapers|Daily Papers/.test(message.text())) log(`page ${message.type()}: ${message.text().slice(0, 300)}`);
  });
  setPhase('loading the workbench');
  // extensionDevelopmentPath alone (no tests) loads the extension from the repository's dist/.
  await page.goto(workbenchUrl(cs, folder, { extension: ROOT }));
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60_000 });

  setPhase('showing the Daily Papers container and its welcome view');
  // The container's icon in the activity bar; with no digest open its view offers where to start.
  await page.locator('.part.activitybar .action-item .action-label[aria-label^="Daily Papers"]').click();
  const sidebar = page.locator('.part.sidebar');
  const welcome = sidebar.locator('.welcome-view-content');
  await welcome.waitFor({ timeout: 30_000 });
  for (const button of ['New Digest', 'Open a Sample', 'Go to Paper…']) {
    assert.equal(await welcome.locator('.monaco-button', { hasText: button }).count(), 1, `the welcome view offers "${button}"`);
  }
  assert.ok((await welcome.innerText()).includes('how the extension works'), 'the welcome view links to the documentation');
  await page.screenshot({ path: path.join(SHOTS, 'welcome.png') });
  log('Daily Papers container with its welcome view: .screenshots/welcome.png');
  passed++;

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
  passed++;

  setPhase('showing the Papers view at the default side bar width');
  await runCommand(page, 'Daily Papers: Focus on Papers View');
  const pane = sidebar;
  const rows = pane.locator('.monaco-list-row');
  const sft = rows.filter({ hasText: 'SFT Memorizes, RL Generalizes' });
  await sft.waitFor({ timeout: 20_000 });
  assert.equal(await rows.filter({ hasText: '2025-01-29' }).count(), 1, 'the tree shows the day');
  // Votes are the label's prefix, so they are visible however narrow the side bar is; the author count follows.
  assert.match(normalize(await sft.locator('.label-name').innerText()), /^▲28 SFT Memorizes/, 'the entry label starts with its votes');
  assert.match(normalize(await sft.innerText()), /9 authors/, 'the entry shows its author count');
  await page.screenshot({ path: path.join(SHOTS, 'outline.png') });
  log('Papers view at the default width: .screenshots/outline.png');
  passed++;

  setPhase('clicking an entry: the editor reveals it, the keyboard stays in the tree');
  const cursor = page.locator('.statusbar-item[id="status.editor.selection"]');
  await sft.click();
  await cursor.filter({ hasText: 'Ln 3, Col 1' }).waitFor({ timeout: 10_000 });
  assert.ok((await sidebar.locator(':focus').count()) > 0, 'a click leaves the keyboard focus in the tree');
  await page.keyboard.press('ArrowDown');
  await rows.filter({ hasText: 'Baichuan-Omni-1.5' }).and(page.locator('.focused')).waitFor({ timeout: 10_000 });
  assert.equal(normalize(await cursor.innerText()).trim(), 'Ln 3, Col 1', 'ArrowDown moved through the tree, not the editor cursor');
  await page.screenshot({ path: path.join(SHOTS, 'tree-focus.png') });
  log('a click keeps focus in the tree, ArrowDown moves through it: .screenshots/tree-focus.png');
  await page.keyboard.press('Enter');
  await page.locator('.part.editor :focus').waitFor({ timeout: 10_000 });
  await cursor.filter({ hasText: 'Ln 15, Col 1' }).waitFor({ timeout: 10_000 });
  passed++;

  setPhase("checking the active sort in the view's menu");
  const menuItems = page.locator('.monaco-menu .action-item');
  const openViewMenu = async () => {
    await sidebar.hover();
    await sidebar.locator('.title-actions .action-label[aria-label^="Views and More Actions"], .actions-container .action-label.codicon-toolbar-more').first().click();
    await menuItems.first().waitFor();
  };
  await openViewMenu();
  assert.equal(await menuItems.filter({ hasText: '✓ Sort Papers View by File Order' }).count(), 1, 'file order is checked at first');
  await menuItems.filter({ hasText: /^\s*Sort Papers View by Votes/ }).click();
  await rows.nth(1).filter({ hasText: 'Baichuan-Omni-1.5' }).waitFor({ timeout: 10_000 });
  await openViewMenu();
  assert.equal(await menuItems.filter({ hasText: '✓ Sort Papers View by Votes' }).count(), 1, 'votes is checked after sorting by votes');
  assert.equal(await menuItems.filter({ hasText: '✓' }).count(), 1, 'one sort is checked');
  await page.screenshot({ path: path.join(SHOTS, 'sort-menu.png') });
  log('the active sort is checked: .screenshots/sort-menu.png');
  await page.keyboard.press('Escape');
  passed++;

  setPhase('filtering the view; Escape clears the filter');
  await runCommand(page, 'Daily Papers: Filter Papers View…');
  await page.locator('.quick-input-widget', { hasText: 'Filter papers' }).waitFor();
  await page.locator('.quick-input-widget input').fill('Baichuan');
  await page.keyboard.press('Enter');
  // Above the tree; the view's description (hidden while the view is alone in its container) says the same.
  const filterMessage = sidebar.getByText('Filter "Baichuan": 1 of 3 entries');
  await filterMessage.waitFor({ timeout: 10_000 });
  await rows.filter({ hasText: 'SFT Memorizes' }).waitFor({ state: 'detached', timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'filter.png') });
  log('the filter above the tree: .screenshots/filter.png');
  await rows.filter({ hasText: 'Baichuan-Omni-1.5' }).click();
  await page.keyboard.press('Escape');
  await sft.waitFor({ timeout: 10_000 });
  await filterMessage.waitFor({ state: 'detached', timeout: 10_000 });
  passed++;

  setPhase('showing a hover card on an entry title');
  // Put the cursor inside the first title (a click near the start of its line), then Show Hover (Ctrl+K Ctrl+I).
  const titleLine = lines.locator('.view-line', { hasText: 'SFT Memorizes, RL Generalizes' }).first();
  await titleLine.click({ position: { x: 90, y: 5 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:visible', { hasText: 'arXiv:2501.17161' });
  await hover.waitFor({ timeout: 20_000 });
  const card = normalize(await hover.innerText());
  assert.ok(card.includes('SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training'), `the card shows the title:\n${card}`);
  assert.ok(card.includes('▲ 28 votes'), 'the card shows the votes');
  assert.ok(card.includes('Tianzhe Chu') && card.includes('+4 more'), `the card shows the first authors and how many more:\n${card}`);
  assert.ok(card.includes("What's New") && !card.includes('Technical Details'), `the card shows the first summary section only:\n${card}`);
  assert.ok(card.includes('more…'), 'the card links the rest ("more…", the preview)');
  // Compact: the whole card fits the hover, no scroll bar.
  const fits = await hover.locator('.monaco-hover-content').evaluate((el) => [el.scrollHeight, el.clientHeight]);
  assert.ok(fits[0]! <= fits[1]! + 1, `the card needs no scrolling (content ${fits[0]} px, shown ${fits[1]} px)`);
  await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
  log(`compact hover card on the title, ${fits[0]} px high, no scrolling: .screenshots/hover.png`);
  await page.keyboard.press('Escape');
  passed++;

  setPhase('listing problems of needs-fixes.md in the Problems panel');
  const fixable = page.locator('.part.statusbar .statusbar-item', { hasText: 'fixable' });
  assert.equal(await fixable.count(), 0, 'no fixable count on a clean digest');
  await quickOpen(page, 'needs-fixes.md');
  await page.locator('.tabs-container .tab.active[aria-label^="needs-fixes.md"]').waitFor();
  // The view follows the active editor.
  await pane.locator('.monaco-list-row', { hasText: '2025-02-30' }).waitFor({ timeout: 10_000 });
  await runCommand(page, 'Focus Problems (Errors, Warnings, Infos)');
  const markers = page.locator('.markers-panel');
  const vote = markers.locator('.monaco-list-row', { hasText: 'Unexpected vote `many`' });
  await vote.waitFor({ timeout: 20_000 });
  const row = normalize(await vote.innerText());
  assert.ok(row.includes('Daily Papers') && row.includes('invalid-vote'), `the row names our source and rule: ${row}`);
  assert.ok((await markers.locator('.monaco-list-row', { hasText: 'thumbnail-id-mismatch' }).count()) > 0, 'the panel lists other rules of ours too');
  await page.screenshot({ path: path.join(SHOTS, 'problems.png') });
  log('Problems panel lists our diagnostics: .screenshots/problems.png');
  passed++;

  setPhase('counting what Fix all would change in the status bar; a click fixes');
  await fixable.waitFor({ timeout: 10_000 });
  const before = /(\d+) fixable/.exec(normalize(await fixable.innerText()))?.[1];
  assert.ok(before && Number(before) > 0, `the status bar counts the fixable problems: ${await fixable.innerText()}`);
  assert.equal(await fixable.locator('.codicon-wand').count(), 1, 'with the wand icon');
  await fixable.hover();
  await page.locator('.monaco-hover:visible, .workbench-hover:visible', { hasText: 'Fix all would change' }).first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'fixable.png') });
  await fixable.click();
  // Fix all fixed them: the count is gone (or smaller, should a fix bring a new fixable problem to light).
  await page.waitForFunction(`![...document.querySelectorAll('.part.statusbar .statusbar-item')].some((e) => e.textContent.includes('${before} fixable'))`, undefined, { timeout: 10_000 });
  log(`the status bar counted ${before} fixable problems, a click fixed them: .screenshots/fixable.png`);
  passed++;

  setPhase('creating a digest with New Digest');
  await runCommand(page, 'Daily Papers: New Digest');
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget', { hasText: 'Date of the digest' }).waitFor();
  assert.match(await input.inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the input box proposes a date');
  await input.fill('2025-02-03');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active[aria-label^="03.md"]').waitFor({ timeout: 20_000 });
  await lines.filter({ hasText: /Daily\sPapers\s\(2025-02-03\)/ }).waitFor({ timeout: 20_000 });
  assert.ok(fs.existsSync(path.join(folder, 'paper_logs/2025/02/03.md')), 'the digest file is at paper_logs/2025/02/03.md');
  await pane.locator('.monaco-list-row', { hasText: '2025-02-03' }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'new-digest.png') });
  log('New Digest created paper_logs/2025/02/03.md: .screenshots/new-digest.png');
  passed++;

  setPhase('opening the Markdown preview to the side');
  // Back to the sample: its tab is still open.
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await runCommand(page, 'Markdown: Open Preview to the Side');
  // The preview is a webview: nested iframes; the innermost one holds the rendered document.
  await waitForFrame(page, (content) => content.includes('Daily Papers'));
  await page.screenshot({ path: path.join(SHOTS, 'preview.png') });
  log('built-in preview rendered: .screenshots/preview.png');
  passed++;

  setPhase('Daily Papers preview: a click on a title shows the source and keeps the preview, a double click focuses the editor');
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  // The built-in preview beside it goes: ours takes its place.
  await runCommand(page, 'View: Close Editors in Other Groups');
  await page.locator('.part.editor .editor-group-container').nth(1).waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await runCommand(page, 'Daily Papers: Open Preview to the Side');
  const preview = await waitForFrame(page, (content) => content.includes('id="dp-main"') && content.includes('article'));
  const headings = fs.readFileSync(path.join(folder, sample), 'utf8').split('\n').flatMap((l, i) => (l.startsWith('### ') ? [i + 1] : []));
  const activeLine = page.locator('.part.editor .monaco-editor .margin-view-overlays .active-line-number');
  await preview.click('article[data-id="entry:2501.12948"] h3.title a');
  await activeLine.filter({ hasText: new RegExp(`^${headings[2]}$`) }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.part.editor .monaco-editor.focused').count(), 0, 'a single click keeps the keyboard in the preview');
  assert.equal(await page.locator('.part.editor .editor-group-container').count(), 2, 'the preview stays open beside the digest');
  await page.screenshot({ path: path.join(SHOTS, 'preview-click.png') });
  await preview.dblclick('article[data-id="entry:2501.15368"] .authors');
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ timeout: 10_000 });
  await cursor.filter({ hasText: `Ln ${headings[1]}, Col 1` }).waitFor({ timeout: 10_000 });
  log(`preview: a click on a title showed line ${headings[2]} keeping the preview, a double click focused line ${headings[1]}: .screenshots/preview-click.png`);
  passed++;

  setPhase('Daily Papers preview: a thumbnail that cannot load (offline) is a plain box with the arXiv ID');
  // No network here: the thumbnails from Hugging Face's CDN fail.
  const failedThumb = 'article[data-id="entry:2501.17161"] .thumb.failed';
  const failed = await preview.waitForSelector(failedThumb, { timeout: 30_000 });
  const placeholder = await preview.evaluate(
    `(() => { const t = document.querySelector('${failedThumb}'); return { text: getComputedStyle(t, '::after').content, image: getComputedStyle(t.querySelector('img')).visibility }; })()`,
  );
  assert.deepEqual(placeholder, { text: '"2501.17161"', image: 'hidden' }, 'the placeholder shows the arXiv ID, no broken-image icon');
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'preview-placeholder.png') });
  log('preview: the failed thumbnail is a placeholder with the arXiv ID: .screenshots/preview-placeholder.png');
  passed++;

  setPhase('exporting the digest as CSV: scope, format, file');
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  // The keyboard in the editor before the palette opens: a quick input closes when focus leaves it, and the steps
  // before worked in the preview's frame.
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ timeout: 10_000 });
  await runCommand(page, 'Daily Papers: Export Digests as JSON, CSV or BibTeX…');
  const picks = page.locator('.quick-input-list .monaco-list-row');
  await page.locator('.quick-input-widget', { hasText: 'Export Digests' }).waitFor();
  await picks.filter({ hasText: 'This Digest' }).waitFor();
  for (const scope of ['This Digest', 'All Digests in the Workspace', 'A Folder…']) {
    assert.equal(await picks.filter({ hasText: scope }).count(), 1, `the export offers the scope "${scope}"`);
  }
  await picks.filter({ hasText: 'This Digest' }).click();
  // The pointer now rests on the format list's first row, whose hover would cover the row clicked next: move it away.
  await page.mouse.move(1, 1);
  await page.locator('.context-view .monaco-hover, .context-view .workbench-hover').waitFor({ state: 'detached', timeout: 10_000 });
  await picks.filter({ hasText: 'date,title,url' }).click();
  // code-server's save dialog is a quick input holding the proposed path: accept it.
  await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.endsWith('/29.csv')", undefined, { timeout: 10_000 });
  // The dialog lists the folder once it has read it; an Enter before that is not taken as accepting.
  await picks.filter({ hasText: '29.md' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  const csv = path.join(folder, 'paper_logs/2025/01/29.csv');
  for (const deadline = Date.now() + 10_000; !fs.existsSync(csv); await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (Date.now() > deadline) throw new Error(`the export wrote no ${csv}`);
  }
  assert.match(fs.readFileSync(csv, 'utf8'), /^date,title,url\r\n2025-01-29,/, 'the CSV was written in the generator\'s papers_list.csv form');
  // The report: a notification naming the count and the file, with its two buttons. Asserted in the notification
  // center: in this code-server the notification arrives there (with both buttons, the bell not marked as new) but is
  // never drawn as a toast, whose cause was not found; the center is where it stays in any case.
  await runCommand(page, 'Notifications: Show Notifications');
  const report = page.locator('.notifications-center .notification-list-item', { hasText: 'Exported 3 papers of 1 digest to paper_logs/2025/01/29.csv' });
  await report.waitFor({ timeout: 10_000 });
  for (const button of ['Open', 'Reveal in Explorer']) assert.equal(await report.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).count(), 1, `the report offers "${button}"`);
  await page.screenshot({ path: path.join(SHOTS, 'export.png') });
  await page.keyboard.press('Escape');
  await page.locator('.notifications-center').waitFor({ state: 'hidden', timeout: 10_000 });
  // The keyboard back in the editor, so that the next palette command is taken.
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  log('export of this digest as CSV, reported with Open and Reveal in Explorer (in the notification center): .screenshots/export.png');
  passed++;

  setPhase('opening Daily Papers: Open Insights');
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Daily Papers: Open Insights');
  // Drawn once the charts say how many points they have; the days with entries are counted here from the samples' text.
  const insights = await waitForFrame(page, (content) => content.includes('dp-insights') && /id="dp-chart-activity"[^>]*data-points="\d+"/.test(content), 40_000);
  const days = new Set<string>();
  for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')))
    for (const section of fs.readFileSync(path.join(folder, file), 'utf8').split(/^(?=## )/m)) {
      const date = /^## Daily Papers \((\d{4}-\d{2}-\d{2})\)/.exec(section)?.[1];
      if (date && /^### /m.test(section)) days.add(date);
    }
  const points = await insights.$eval('#dp-chart-activity', (el) => Number(el.getAttribute('data-points')));
  assert.equal(points, days.size, `the papers-per-day chart has a point per day of the samples (${[...days].sort().join(', ')})`);
  assert.equal(await insights.$$eval('#dp-chart-activity canvas', (c) => c.length), 1, 'uPlot drew its canvas');
  assert.match((await insights.textContent('#dp-totals')) ?? '', new RegExp(`^${days.size} days`), 'the totals line counts the days');
  await page.screenshot({ path: path.join(SHOTS, 'insights.png') });
  log(`insights dashboard drew ${points} days: .screenshots/insights.png`);
  passed++;

  // The screens checked, in the plain closing-line form CI logs are read for.
  console.log(`ui: ${passed} passed, 0 failed`);
  recordCounts('ui', passed, 0);
}

async function waitForFrame(page: Page, test: (content: string) => boolean, ms = 20_000): Promise<Frame> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => f.url().includes('webview'))) {
      if (test(await frame.content().catch(() => ''))) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no webview frame matched within ${ms} ms`);
}

main().then(() => exit(0), async (error: unknown) => {
  // What the page showed when it failed is usually the quickest diagnosis.
  await current?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => undefined);
  console.log(`ui: ${passed} passed, 1 failed`);
  recordCounts('ui', passed, 1);
  return exit(1, `ui test failed while ${currentPhase()} (see .screenshots/failure.png): ${error instanceof Error ? error.stack : String(error)}`);
});
