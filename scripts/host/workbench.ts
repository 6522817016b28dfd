// Driving the workbench page (Playwright) the way a user does: Quick Open, the command palette, screen text.
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Monaco and the workbench render spaces as U+00A0 in places. */
export function normalize(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab to be the active one. */
export async function quickOpen(page: Page, file: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  // Wait for this file's row, not just any row: the list may still show an earlier input's entries. The first file
  // search of a fresh workbench (ripgrep in the server) took over 30 s in a soak run at load average 17 on 2 cores:
  // the same 60 s deadline as the workbench itself.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(file)}"]`).waitFor({ timeout: 20_000 });
}

/**
 * Runs a command by its title from the command palette (F1). Enter is pressed once the focused row is that command:
 * a recently used command that also matches the text is listed, and focused, first. Keys go to the palette's input
 * itself (focused first): the editor can take the keyboard back after the palette has opened (its tab clicked just
 * before), and a key pressed on the page would then go into the document. Done when the palette has taken it: it is
 * gone or holds another input (a command that asks for something opens its own).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: title }).first().waitFor();
  for (let moves = 0; !(await page.locator('.quick-input-list .monaco-list-row.focused').getAttribute('aria-label', { timeout: 5_000 }))?.includes(title); moves++) {
    if (moves === 10) throw new Error(`the command palette does not focus "${title}"`);
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  const typed = JSON.stringify(`>${title}`);
  await page.waitForFunction(`((box) => !box || box.offsetParent === null || box.value !== ${typed})(document.querySelector('.quick-input-widget input'))`, undefined, { timeout: 10_000 });
}

/**
 * The row of a workbench list (the element holding `.monaco-list-row`s) whose text contains `text`, found by moving
 * the list's focus down from its first row: the list renders only the rows in its viewport, so a row further down is
 * not in the page until the list scrolls to it. At the last row it starts again from the first (the list may still be
 * filling) until the deadline, then fails naming the rows it passed.
 */
export async function findListRow(page: Page, list: string, text: string, ms = 30_000): Promise<Locator> {
  const deadline = Date.now() + ms;
  await page.locator(`${list} .monaco-list-row`).first().click({ position: { x: 4, y: 4 } });
  const focused = page.locator(`${list} .monaco-list-row.focused`);
  const focusedIndex = `document.querySelector(${JSON.stringify(`${list} .monaco-list-row.focused`)})?.getAttribute('data-index') ?? null`;
  const seen = new Set<string>();
  while (Date.now() < deadline) {
    const index = (await page.evaluate(focusedIndex)) as string | null;
    const row = index === null ? '' : normalize(await focused.innerText());
    if (row.includes(text)) return page.locator(`${list} .monaco-list-row[data-index="${index}"]`);
    if (row) seen.add(row.split('\n')[0]);
    await page.keyboard.press('ArrowDown');
    const moved = await page.waitForFunction(`(${focusedIndex}) !== ${JSON.stringify(index)}`, undefined, { timeout: 2_000 }).then(() => true, () => false);
    if (!moved) await page.keyboard.press('Home');
  }
  throw new Error(`no row of the list holds "${text}" within ${ms / 1000} s; it lists: ${[...seen].join('; ') || 'nothing'}`);
}
