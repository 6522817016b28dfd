// Validation in the real host: diagnostics, quick fixes, fix-all on save, suppression comments, rule settings and the
// workspace command. Each test leaves the workspace as written (edits reverted, settings removed).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { api, codeActions, diagnosticsWhere, lineOf, nextEvent, open, ours, pollUntil, resetEditors, revert, ruleOf, rules, setSetting, SOURCE, workspaceUri } from './helpers';

const has = (rule: string, line?: number) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule && (line === undefined || d.range.start.line === line));
const lacks = (rule: string, line?: number) => (ds: readonly vscode.Diagnostic[]) => !has(rule, line)(ds);

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic, kind = vscode.CodeActionKind.QuickFix): Promise<vscode.CodeAction[]> {
  const actions = await codeActions<vscode.CodeAction | vscode.Command>(uri, diagnostic.range, kind.value);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

describe('Validation', () => {
  let dp: DailyPapersApi;
  const broken = () => workspaceUri('broken.md');

  before(async () => {
    await resetEditors();
    dp = await api();
  });

  afterEach(resetEditors);

  it('counts what Fix all would change in the status bar (hints the Problems view leaves out), and a click fixes them', async () => {
    interface FixableState { visible: boolean; count: number; text: string; tooltip: string }
    const status = async () => (await vscode.commands.executeCommand<FixableState>('dailyPapers.fixable.state'))!;
    let now: FixableState | undefined;
    const waitStatus = (test: (s: FixableState) => boolean, what: string) => pollUntil(async () => test((now = await status())), () => `${what} (now: ${JSON.stringify(now)})`);
    const text = [
      '## Daily Papers (2025-01-29)',
      '',
      '### [SFT Memorizes, RL Generalizes](https://arxiv.org/abs/2501.17161)',
      '',
      'Vote: 28 ',
      '',
      'Authors: Tianzhe Chu,\u00a0Yuexiang Zhai',
      '',
      "- ***What's New***: 지도 미세조정과 강화학습을 비교합니다.",
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    await waitStatus((s) => s.visible && s.count === 2, 'two fixable hints counted');
    assert.equal(now!.text, '$(wand) 2 fixable');
    assert.match(now!.tooltip, /Fix all would change 2 places/);
    assert.match(now!.tooltip, /Hints \(not listed in the Problems view\): 2 \((trailing-whitespace, nbsp|nbsp, trailing-whitespace)\)/);
    const hints = ours(document.uri);
    assert.ok(hints.every((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'they are hints');

    // The item's command: Fix all.
    await vscode.commands.executeCommand('dailyPapers.fixAll');
    await waitStatus((s) => !s.visible && s.count === 0, 'the item to hide once nothing is left to fix');
    assert.equal(document.getText(), text.replace(' \n', '\n').replace('\u00a0', ' '));

    await revert(document);
    const clean = await open(workspaceUri('paper_logs', '2025', '01', '29.md'));
    await vscode.window.showTextDocument(clean);
    await diagnosticsWhere(clean.uri, () => true, 'the clean digest validated');
    await waitStatus((s) => !s.visible, 'no item on a digest with nothing to fix');
  });

  it('shows diagnostics for a broken digest, with source "Daily Papers" and the rule id as code', async () => {
    const document = await open(broken());
    const ds = await diagnosticsWhere(document.uri, (d) => d.length >= 3, 'the problems of broken.md');
    assert.deepEqual(rules(ds), ['thumbnail-id-mismatch', 'invalid-vote', 'label-apostrophe']);
    for (const d of ds) {
      assert.equal(d.source, SOURCE);
      assert.ok(typeof d.code === 'object', 'code carries a link to the rule docs');
      assert.equal(d.code.target.fragment, ruleOf(d));
      assert.match(d.code.target.path, /\/docs\/rules\.md$/);
    }
    const [thumbnail, vote, apostrophe] = ds as [vscode.Diagnostic, vscode.Diagnostic, vscode.Diagnostic];
    assert.equal(vote.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(vote.range.start.line, lineOf(document, 'Vote: many'));
    assert.equal(document.getText(vote.range), 'many');
    assert.equal(vote.message, 'Unexpected vote `many`, expected a non-negative whole number (or `-` when unknown)');
    assert.equal(thumbnail.severity, vscode.DiagnosticSeverity.Error);
    assert.match(document.getText(thumbnail.range), /2501\.00633\.png$/);
    assert.equal(apostrophe.severity, vscode.DiagnosticSeverity.Warning);
    // The API serves the same problems (code actions read them from there).
    assert.deepEqual((await dp.getProblems(document)).map((p) => p.ruleId).sort(), rules(ds).sort());
  });

  it('a suppression comment hides a problem, and removing the comment brings it back', async () => {
    const document = await open(broken());
    const suppressedLine = lineOf(document, 'Vote: lots');
    const comment = lineOf(document, '<!-- daily-papers-disable-next-line invalid-vote -->');
    assert.equal(comment, suppressedLine - 1);
    const ds = await diagnosticsWhere(document.uri, has('invalid-vote'), 'the unsuppressed invalid-vote');
    assert.ok(lacks('invalid-vote', suppressedLine)(ds), '`Vote: lots` under the comment is not reported');

    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, document.lineAt(comment).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The comment's line is gone, so `Vote: lots` is now on the comment's former line.
    await diagnosticsWhere(document.uri, has('invalid-vote', comment), 'invalid-vote on `Vote: lots` once the comment is removed');
    await revert(document);
    await diagnosticsWhere(document.uri, lacks('invalid-vote', suppressedLine), 'the suppression to apply again after revert');
  });

  it('validates an edit at once while validation is cheap, whatever dailyPapers.validation.delay says', async () => {
    const document = await open(broken());
    await diagnosticsWhere(document.uri, has('invalid-vote'), 'the problems of broken.md');
    // Ten minutes: with a fixed delay the diagnostics below would not come before the wait's deadline.
    await setSetting('dailyPapers.validation', 'delay', 600_000);
    try {
      const comment = lineOf(document, '<!-- daily-papers-disable-next-line invalid-vote -->');
      const edit = new vscode.WorkspaceEdit();
      edit.delete(document.uri, document.lineAt(comment).rangeIncludingLineBreak);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await diagnosticsWhere(document.uri, has('invalid-vote', comment), 'the edit validated without waiting for the delay');
    } finally {
      await revert(document);
      await setSetting('dailyPapers.validation', 'delay', undefined);
    }
  });

  it('a quick fix from vscode.executeCodeActionProvider, applied with applyEdit, removes its diagnostic', async () => {
    const document = await open(broken());
    const ds = await diagnosticsWhere(document.uri, has('thumbnail-id-mismatch'), 'thumbnail-id-mismatch');
    const diagnostic = ds.find((d) => ruleOf(d) === 'thumbnail-id-mismatch')!;
    const actions = await quickFixes(document.uri, diagnostic);
    const fix = actions.find((a) => a.title === 'Use the thumbnail of 2501.00663');
    assert.ok(fix, `a fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable thumbnail-id-mismatch for this line'), 'the suppress action is offered too');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix applied');

    const after = await diagnosticsWhere(document.uri, lacks('thumbnail-id-mismatch'), 'thumbnail-id-mismatch to disappear');
    assert.deepEqual(rules(after), ['invalid-vote', 'label-apostrophe'], 'only that problem went away');
    assert.equal(document.lineAt(diagnostic.range.start.line).text, '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00663.png)');
  });

  it('the "Disable … for this line" quick fix inserts a suppression comment that hides the problem', async () => {
    const document = await open(broken());
    const ds = await diagnosticsWhere(document.uri, has('invalid-vote'), 'invalid-vote');
    const diagnostic = ds.find((d) => ruleOf(d) === 'invalid-vote')!;
    const line = diagnostic.range.start.line;
    const suppress = (await quickFixes(document.uri, diagnostic)).find((a) => a.title === 'Disable invalid-vote for this line');
    assert.ok(suppress?.edit && (await vscode.workspace.applyEdit(suppress.edit)));
    assert.equal(document.lineAt(line).text, '<!-- daily-papers-disable-next-line invalid-vote -->');
    assert.equal(document.lineAt(line + 1).text, 'Vote: many');
    const after = await diagnosticsWhere(document.uri, (d) => lacks('invalid-vote')(d) && has('label-apostrophe')(d), 'invalid-vote to be suppressed');
    assert.deepEqual(rules(after), ['thumbnail-id-mismatch', 'label-apostrophe']);
  });

  it('"Fix all" runs as source.fixAll.dailyPapers from editor.codeActionsOnSave for Markdown', async () => {
    const uri = workspaceUri('fixall.md');
    const original = await vscode.workspace.fs.readFile(uri);
    const document = await open(uri);
    await diagnosticsWhere(document.uri, (d) => d.length === 4, 'the four problems of fixall.md');
    // Offered as a source action of that kind, as the save participant asks for it.
    const all = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.dailyPapers');
    assert.deepEqual(all.map((a) => [a.title, a.kind?.value]), [['Fix all Daily Papers problems', 'source.fixAll.dailyPapers']]);

    await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.dailyPapers': 'explicit' }, 'markdown');
    try {
      const setting = vscode.workspace.getConfiguration('editor', { languageId: 'markdown', uri }).get<Record<string, string>>('codeActionsOnSave');
      assert.deepEqual(setting, { 'source.fixAll.dailyPapers': 'explicit' });
      // A save needs a change: add one more fixable problem (trailing spaces).
      const authors = lineOf(document, 'Authors:');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.lineAt(authors).range.end, '  ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save(), 'saved');

      const text = document.getText();
      assert.equal(document.isDirty, false);
      assert.ok(text.includes('/papers/2501.05441.png)'), 'the thumbnail now shows the entry\'s own paper');
      assert.ok(text.includes("- ***What's New***:"), 'the straight apostrophe is in the label');
      assert.ok(!/[ \t]$/m.test(text), 'no trailing whitespace is left');
      assert.ok(text.includes('\nVote: ?\n'), 'the unfixable vote is left as written');
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(saved, text, 'the fixed text is what was written to disk');
      const after = await diagnosticsWhere(uri, (d) => d.length === 1, 'only the unfixable problem to remain');
      assert.deepEqual(rules(after), ['invalid-vote']);
    } finally {
      await setSetting('editor', 'codeActionsOnSave', undefined, 'markdown');
      await vscode.workspace.fs.writeFile(uri, original);
    }
  });

  it('a rule severity set in dailyPapers.validation.rules changes the diagnostics', async () => {
    const document = await open(broken());
    await diagnosticsWhere(document.uri, (d) => d.length === 3, 'the problems of broken.md');
    await setSetting('dailyPapers.validation', 'rules', { 'invalid-vote': 'warning', 'label-apostrophe': 'off' });
    try {
      const ds = await diagnosticsWhere(
        document.uri,
        (d) => lacks('label-apostrophe')(d) && d.some((x) => ruleOf(x) === 'invalid-vote' && x.severity === vscode.DiagnosticSeverity.Warning),
        'invalid-vote as a warning and label-apostrophe off',
      );
      assert.deepEqual(rules(ds), ['thumbnail-id-mismatch', 'invalid-vote']);
      assert.equal(ds[0]!.severity, vscode.DiagnosticSeverity.Error, 'other rules keep their default');
    } finally {
      await setSetting('dailyPapers.validation', 'rules', undefined);
    }
    const ds = await diagnosticsWhere(document.uri, (d) => d.length === 3, 'the defaults to apply again');
    assert.equal(ds.find((d) => ruleOf(d) === 'invalid-vote')!.severity, vscode.DiagnosticSeverity.Error);
  });

  it('an invalid severity in dailyPapers.validation.rules gives one warning naming it, and the rule keeps its default', async () => {
    const document = await open(broken());
    await diagnosticsWhere(document.uri, (d) => d.length === 3, 'the problems of broken.md');
    const named = () => dp.configuration.warnings.filter((w) => w.includes('dailyPapers.validation.rules') && w.includes('"invalid-vote" is "loud"'));
    assert.deepEqual(named(), [], 'no warning before the change');
    await setSetting('dailyPapers.validation', 'rules', { 'invalid-vote': 'loud', 'label-apostrophe': 'off' });
    try {
      const ds = await diagnosticsWhere(document.uri, lacks('label-apostrophe'), 'the valid part of the setting to apply');
      assert.equal(named().length, 1, `one warning (now: ${JSON.stringify(dp.configuration.warnings)})`);
      assert.equal(ds.find((d) => ruleOf(d) === 'invalid-vote')?.severity, vscode.DiagnosticSeverity.Error, 'invalid-vote falls back to its default');
    } finally {
      await setSetting('dailyPapers.validation', 'rules', undefined);
    }
    await diagnosticsWhere(document.uri, (d) => d.length === 3, 'the defaults to apply again');
    assert.deepEqual(named(), [], 'the warning is gone with the value');
  });

  it('dailyPapers.validateWorkspace reports a paper repeated under a later date in another digest', async () => {
    const day29 = workspaceUri('paper_logs', '2025', '01', '29.md');
    const day30 = workspaceUri('paper_logs', '2025', '01', '30.md');
    const summary = await vscode.commands.executeCommand<string>('dailyPapers.validateWorkspace');
    // The digest count depends on which header-less paper_logs files happen to be open, so only the duplicates are exact.
    assert.match(summary, /^Validated \d+ digests: \d+ errors, \d+ warnings, 1 entries whose paper is also in another digest\.$/);
    // Neither file is open: the diagnostics come from the workspace run.
    const [d29] = ours(day29).filter((d) => ruleOf(d) === 'duplicate-paper');
    const [d30] = ours(day30).filter((d) => ruleOf(d) === 'duplicate-paper');
    assert.ok(d30 && !d29, 'only the later copy of 2501.17161 is reported');
    assert.equal(d30.message, 'Unexpected repeat of paper 2501.17161, already summarised on 2025-01-29 in paper_logs/2025/01/29.md:3, expected each paper on one day');
    assert.equal(d30.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d30.range.start.line, 14);
  });

  // Files closed during the workspace run are matched by their text when they are opened later.
  it('keeps the cross-file problems of a digest opened after the workspace run', async () => {
    const day30 = workspaceUri('paper_logs', '2025', '01', '30.md');
    await vscode.commands.executeCommand('dailyPapers.validateWorkspace');
    assert.ok(has('duplicate-paper')(ours(day30)), 'reported while the file is closed');
    const validated = nextEvent(vscode.languages.onDidChangeDiagnostics, 'the validation of 30.md on open', (e) => e.uris.some((u) => u.toString() === day30.toString()));
    await open(day30);
    await validated;
    assert.ok(has('duplicate-paper')(ours(day30)), 'still reported once the (unchanged) file is opened');
  });
});
