// The insights dashboard in the real host: it opens over the workspace's digests, its page (a real webview) draws
// what the host posted, its figures match the paper index counted independently, and an edit reaches it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DashboardState } from '../../src/insights/dashboard';
import type { Insights } from '../../src/digest/insights';
import { api, extension, nextEvent, open, revert, waitForAsync, workspaceUri } from './helpers';

const state = async () => vscode.commands.executeCommand<DashboardState | undefined>('dailyPapers.insights.state');

/** Waits until the page has drawn the host's latest data and returns that state. */
async function painted(what: string, test: (s: DashboardState) => boolean = () => true): Promise<DashboardState> {
  let last: DashboardState | undefined;
  await waitForAsync(async () => {
    last = await state();
    return !!last && last.generation > 0 && last.painted?.generation === last.generation && test(last);
  }, () => `${what} (last state: ${JSON.stringify(last)})`);
  return last!;
}

/**
 * Days with papers and (day, paper) pairs, counted from the workspace paper index directly: its files in the
 * workspace's folders (earlier suites opened digests from elsewhere, which the index holds and the dashboard leaves out).
 */
async function indexCounts(): Promise<{ days: number; paperDays: number }> {
  const pairs = new Set<string>();
  const days = new Set<string>();
  for (const p of (await api()).index.index.papers()) {
    if (p.date === null || !vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(p.file))) continue;
    days.add(p.date);
    pairs.add(`${p.date} ${p.id}`);
  }
  return { days: days.size, paperDays: pairs.size };
}

/** `daily-papers stats` over the workspace folder on disk: the CLI reads, parses and lints every file itself. */
function cliStats(): Insights {
  const cli = join(extension().extensionPath, 'dist', 'cli.js');
  return JSON.parse(execFileSync(process.execPath, [cli, 'stats', '--format', 'json', workspaceUri().fsPath], { encoding: 'utf8' })) as Insights;
}

/** Every element named `name` under `node`, as fast-xml-parser gives them (children by name, attributes as strings). */
function elements(node: unknown, name: string): Record<string, string>[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(node)) {
    const children = (Array.isArray(value) ? value : [value]) as Record<string, string>[];
    if (key === name) found.push(...children);
    for (const child of children) found.push(...elements(child, name));
  }
  return found;
}

describe('insights dashboard', function () {
  this.timeout(60_000);
  before(async () => {
    await (await api()).index.ready;
  });

  after(async () => {
    if (await state()) {
      await vscode.commands.executeCommand('dailyPapers.insights.open');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('opens over every digest of the workspace, with one point per day, agreeing with the paper index', async () => {
    const started = Date.now();
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const s = await painted('the dashboard to draw');
    const f = s.firstPaint;
    console.log(`    insights: first paint reported ${Date.now() - started} ms after the open command (state polled every 50 ms); ` +
      `from the panel's creation: page document ${f.document?.toFixed(0)} ms, script ${f.script?.toFixed(0)} ms, ready ${f.ready?.toFixed(0)} ms, ` +
      `data posted ${f.posted?.toFixed(0)} ms, painted ${f.painted?.toFixed(0)} ms`);
    const counts = await indexCounts();
    assert.ok(counts.days >= 3, `the workspace has digests on several days (${counts.days})`);
    assert.equal(s.days, counts.days);
    assert.equal(s.totals?.paperDays, counts.paperDays);
    assert.equal(s.painted?.points.activity, counts.days, 'the page drew a point per day');
    assert.equal(s.painted?.points.format, counts.days);
    assert.ok(s.visible);
  });

  it('counts every digest\'s problems in the background, each day\'s as `daily-papers stats` counts them from disk', async () => {
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const s = await painted('every problem to be counted', (x) => x.uncounted === 0);
    const cli = cliStats();
    assert.deepEqual(s.totals?.problems, cli.totals.problems);
    assert.ok(cli.totals.problems.error > 0, 'the workspace has problems to count');
    const destination = vscode.Uri.file(join(tmpdir(), `insights-problems-${process.pid}.csv`));
    await vscode.commands.executeCommand('dailyPapers.insights.exportCsv', 'days', destination);
    const rows = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination)).trim().split('\n').slice(1);
    await vscode.workspace.fs.delete(destination);
    assert.deepEqual(
      rows.map((r) => r.split(',').filter((_, i) => i === 0 || i >= 5).join(',')),
      cli.days.map((d) => [d.date, d.problems.error, d.problems.warning, d.problems.information, d.problems.hint].join(',')),
      'errors, warnings, information and hints per day',
    );
  });

  it('counts a changed digest\'s problems again before showing the change', async () => {
    const uri = workspaceUri('paper_logs', '2025', '01', '29.md');
    const before = await painted('every problem to be counted', (x) => x.uncounted === 0);
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    // An entry whose vote is no number: one more error (invalid-vote), on the same day.
    edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, "\n### [Vote Test Paper](https://arxiv.org/abs/2501.09997)\n\nVote: many\n\nAuthors: Test Author\n\n- ***What's New***: 시험용 항목입니다.\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const after = await painted('the edit to reach the page', (x) => x.totals?.paperDays === before.totals!.paperDays + 1);
      assert.equal(after.uncounted, 0, 'the changed file was counted before the change was posted');
      assert.equal(after.totals?.problems.error, before.totals!.problems.error + 1, JSON.stringify(after.totals?.problems));
    } finally {
      await revert(document);
    }
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const reverted = await painted('the revert to reach the page', (x) => x.visible && x.totals?.paperDays === before.totals!.paperDays);
    assert.deepEqual(reverted.totals?.problems, before.totals!.problems);
  });

  it('counts every problem again when the rules change, as `daily-papers stats` counts with the same rules, in a worker thread', async () => {
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    // A digest that no editor has open (earlier suites may have opened every other one): the Node host counts it in a
    // worker thread (open documents it counts itself).
    const extra = workspaceUri('paper_logs', '2025', '01', '31.md');
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode("## Daily Papers (2025-01-31)\n\n### [Worker Count Paper](https://arxiv.org/abs/2501.09996)\n\nVote: 3\n\nAuthors: Test Author\n\n- ***What's New***: 시험용 항목입니다.\n"));
    try {
      await waitForAsync(async () => (await api()).index.index.appearances('2501.09996').length > 0, 'the index to read the new digest');
      await recountWithRules();
    } finally {
      await vscode.workspace.fs.delete(extra);
      await waitForAsync(async () => (await api()).index.index.appearances('2501.09996').length === 0, 'the index to drop the deleted digest');
    }
  });

  async function recountWithRules(): Promise<void> {
    const { paperDays } = await indexCounts();
    const before = await painted('the new digest on the page, every problem counted', (x) => x.uncounted === 0 && x.totals?.paperDays === paperDays);
    // invalid-vote off: the workspace's two vote errors go, on their days.
    const config = join(tmpdir(), `insights-rules-${process.pid}.json`);
    writeFileSync(config, JSON.stringify({ rules: { 'invalid-vote': 'off' } }));
    const cli = join(extension().extensionPath, 'dist', 'cli.js');
    const expected = JSON.parse(execFileSync(process.execPath, [cli, 'stats', '--format', 'json', '--config', config, workspaceUri().fsPath], { encoding: 'utf8' })) as Insights;
    unlinkSync(config);
    assert.ok(expected.totals.problems.error < before.totals!.problems.error, 'turning invalid-vote off removes errors');
    const settings = vscode.workspace.getConfiguration('dailyPapers.validation');
    await settings.update('rules', { 'invalid-vote': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const after = await painted('the problems counted again with invalid-vote off', (x) => x.uncounted === 0 && x.totals?.problems.error === expected.totals.problems.error);
      assert.deepEqual(after.totals?.problems, expected.totals.problems);
      assert.ok(after.countedInWorkers >= 1, `the digest no editor has open was counted in a worker thread (${after.countedInWorkers})`);
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await painted('the problems counted again with the rules as before', (x) => x.uncounted === 0 && x.totals?.problems.error === before.totals!.problems.error);
    assert.deepEqual(back.totals?.problems, before.totals!.problems);
  }

  it('follows an edit of a digest through the index, and saves the per-day table as CSV', async () => {
    const uri = workspaceUri('paper_logs', '2025', '01', '29.md');
    const before = await painted('the dashboard to draw');
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const entry = "\n### [Insights Test Paper](https://arxiv.org/abs/2501.09999)\n\nVote: 5\n\nAuthors: Test Author\n\n- ***What's New***: 시험용 항목입니다.\n";
    edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, entry);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const after = await painted('the edit to reach the page', (s) => s.totals?.paperDays === before.totals!.paperDays + 1);
      assert.equal(after.days, before.days);
      console.log(`    insights: change posted ${after.updateMs?.toFixed(1)} ms after the index reported it`);

      const destination = vscode.Uri.file(join(tmpdir(), `insights-days-${process.pid}.csv`));
      const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('dailyPapers.insights.exportCsv', 'days', destination);
      assert.equal(saved?.toString(), destination.toString());
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination)).trim().split('\n');
      assert.equal(csv[0], 'date,papers,votes,era,label_style,errors,warnings,information,hints');
      assert.equal(csv.length, after.days + 1);
      await vscode.workspace.fs.delete(destination);
    } finally {
      await revert(document); // shows the document over the dashboard
    }
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    await painted('the revert to reach the page', (s) => s.visible && s.totals?.paperDays === before.totals!.paperDays);
  });

  it('saves a chart as SVG drawn by its page in the real webview: paths and text, a point per day', async () => {
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const s = await painted('the dashboard to draw', (x) => x.visible);
    const destination = vscode.Uri.file(join(tmpdir(), `insights-activity-${process.pid}.svg`));
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('dailyPapers.insights.exportChartSvg', 'activity', destination);
    assert.equal(saved?.toString(), destination.toString(), 'the page answered and the host wrote the file');
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination));
    await vscode.workspace.fs.delete(destination);
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['g', 'path', 'text'].includes(name) }).parse(svg) as { svg?: unknown };
    assert.ok(root.svg, `an <svg> document: ${svg.slice(0, 80)}`);
    assert.ok(elements(root, 'text').length > 0, 'axis labels as text');
    // Each series' points are a path of arcs, a circle per day (its fill and its outline).
    const arcs = elements(root, 'path').flatMap((p) => (p.d.includes('A') ? [p.d.split('A').length - 1] : []));
    assert.ok(arcs.length >= 2 && arcs.every((n) => n === s.days), `a point per day (${s.days}) in each series: ${arcs.join()}`);
  });

  it('does nothing while hidden, and catches up when shown again', async () => {
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const before = await painted('the dashboard to draw', (s) => s.visible);
    const uri = workspaceUri('paper_logs', '2025', '01', '30.md');
    const document = await open(uri); // in the dashboard's column: the dashboard is hidden
    await waitForAsync(async () => (await state())?.visible === false, 'the dashboard to be hidden behind the editor');
    // Opening the document may have posted once more while the panel was still visible: count from here.
    const hidden = (await state())!.generation;
    const index = (await api()).index;
    const indexed = nextEvent(index.onDidChange, 'the index to take the edit', () => index.index.appearances('2501.09998').length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, "\n### [Hidden Edit](https://arxiv.org/abs/2501.09998)\n\nVote: 1\n\nAuthors: X\n\n- ***What's New***: 항목.\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await indexed;
      assert.equal((await state())?.generation, hidden, 'no data posted while hidden');
      await vscode.commands.executeCommand('dailyPapers.insights.open');
      const shown = await painted('the dashboard to catch up when shown', (s) => s.visible && s.generation > hidden);
      assert.equal(shown.totals?.paperDays, before.totals!.paperDays + 1);
    } finally {
      await revert(document);
    }
  });

  it('reopened over digests already read, its HTML carries the first data: the page paints without asking', async () => {
    // The earlier tests' reverts have reached the index and the dashboard: nothing is left to read when it reopens.
    const index = (await api()).index;
    await waitForAsync(async () => index.index.appearances('2501.09998').length === 0 && index.index.appearances('2501.09999').length === 0, 'the index to drop the test entries');
    const counts = await indexCounts();
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    await painted('the dashboard to catch up with the index', (s) => s.visible && s.totals?.paperDays === counts.paperDays);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForAsync(async () => (await state()) === undefined, 'the dashboard to close');
    const started = Date.now();
    await vscode.commands.executeCommand('dailyPapers.insights.open');
    const s = await painted('the reopened dashboard to draw', (x) => x.visible);
    const f = s.firstPaint;
    console.log(`    insights: reopened, first paint reported ${Date.now() - started} ms after the open command; from the panel's creation: ` +
      `data in the HTML ${f.posted?.toFixed(0)} ms, page document ${f.document?.toFixed(0)} ms, script ${f.script?.toFixed(0)} ms, painted ${f.painted?.toFixed(0)} ms, ready ${f.ready?.toFixed(0)} ms`);
    assert.equal(s.generation, 1, 'one data message: the one in the HTML');
    assert.ok(f.posted !== null && f.ready !== null && f.posted < f.ready, `the data was there before the page asked (${JSON.stringify(f)})`);
    assert.equal(s.totals?.paperDays, counts.paperDays);
    assert.equal(s.days, counts.days);
  });
});
