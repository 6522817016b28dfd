// Authoring in the real host: Format Document, Reorder Entries in File by Votes (and undo), Insert Paper Entry offline, exports, and
// New Digest through its input box.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { api, open, resetEditors, revert, until, waitFor, workspaceUri } from './helpers';
import { validate } from '../../src/digest';

/** messy.md as the formatter must write it: one blank line between blocks, tight bullets, labels in the document's
 *  majority style, a Python-list author line as a plain list, no trailing whitespace or extra blank lines at the end. */
const MESSY_FORMATTED = [
  '## Daily Papers (2025-01-31)',
  '',
  '### [Critique Fine-Tuning: Learning to Critique is More Effective than Learning to Imitate](https://arxiv.org/abs/2501.17703)',
  '',
  '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17703.png)',
  '',
  'Vote: 9',
  '',
  "Authors: ['Yubo Wang', 'Xiang Yue', 'Wenhu Chen']",
  '',
  "- ***What's New***: 모범 답안을 흉내 내는 대신 틀린 풀이를 비평하도록 가르치는 미세조정 방법을 제안합니다.",
  '- ***Technical Details***: 강한 모델이 쓴 비평 5만 개로 학습하며, 정답 풀이 대신 비평문을 목표 출력으로 삼습니다.',
  '- ***Performance Highlights***: 같은 자료로 한 일반 미세조정보다 수학 추론 평가에서 꾸준히 높은 점수를 냈습니다.',
  '',
  '### [s1: Simple test-time scaling](https://arxiv.org/abs/2501.19393)',
  '',
  'Vote: 33',
  '',
  'Authors: Niklas Muennighoff, Zitong Yang, Weijia Shi, Xiang Lisa Li, Li Fei-Fei',
  '',
  "- ***What's New***: 엄선한 문제 천 개로 학습하고 생각 길이를 조절하는 것만으로 시험 시점 계산을 늘리는 간단한 방법을 보입니다.",
  '- ***Technical Details***: 모델이 생각을 끝내려 하면 "잠깐"을 덧붙여 더 생각하게 하는 예산 강제 기법을 씁니다.',
  '',
  '',
].join('\n'); // list-style authors and the file's own trailing blank line are kept, as the generator wrote them

async function formatEdits(uri: vscode.Uri): Promise<vscode.TextEdit[]> {
  return (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true })) ?? [];
}

describe('Authoring', () => {
  let dp: DailyPapersApi;

  before(async () => {
    await resetEditors();
    dp = await api();
  });

  afterEach(resetEditors);

  it('Format Document (vscode.executeFormatDocumentProvider) gives the canonical layout, and is idempotent', async () => {
    const document = await open(workspaceUri('messy.md'));
    const before = document.getText();
    const edits = await formatEdits(document.uri);
    assert.ok(edits.length > 0, 'the messy digest needs formatting');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), MESSY_FORMATTED);
    assert.deepEqual(await formatEdits(document.uri), [], 'formatting the formatted text changes nothing');
    // The formatter changes layout only: the same papers, votes and authors.
    const digest = dp.getDigest(document)!;
    assert.deepEqual(digest.entries.map((e) => [e.arxivId, e.vote?.value, e.authors?.names.length, e.sections.length]), [['2501.17703', 9, 3, 3], ['2501.19393', 33, 5, 2]]);
    await revert(document);
    assert.equal(document.getText(), before);
  });

  it('dailyPapers.sortByVotes reorders the entries, and undo restores the text', async () => {
    const document = await open(workspaceUri('unsorted.md'));
    const original = document.getText();
    const titles = () => dp.getDigest(document)!.entries.map((e) => `${e.vote?.value} ${e.title}`);
    assert.deepEqual(titles(), ['12 Kimi k1.5: Scaling Reinforcement Learning with LLMs', "40 Humanity's Last Exam", '25 LlamaV-o1: Rethinking Step-by-step Visual Reasoning in LLMs']);
    assert.equal(await vscode.commands.executeCommand('dailyPapers.sortByVotes'), true);
    assert.deepEqual(titles(), ["40 Humanity's Last Exam", '25 LlamaV-o1: Rethinking Step-by-step Visual Reasoning in LLMs', '12 Kimi k1.5: Scaling Reinforcement Learning with LLMs']);
    // Each entry moved whole, and the text is the same lines in another order.
    assert.deepEqual(document.getText().split('\n').sort(), original.split('\n').sort());
    assert.equal(await vscode.commands.executeCommand('dailyPapers.sortByVotes'), false, 'already sorted: nothing to do');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo restores the file order');
    assert.equal(document.isDirty, false);
  });

  it('dailyPapers.insertEntry with an ID inserts an entry skeleton (offline: placeholders) with the title selected', async () => {
    const document = await open(workspaceUri('insert.md'));
    const editor = vscode.window.activeTextEditor!;
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.equal(await vscode.commands.executeCommand('dailyPapers.insertEntry', '2501.17161'), true);
    assert.equal(
      document.getText(),
      [
        '## Daily Papers (2025-01-31)',
        '',
        '### [Title](https://arxiv.org/abs/2501.17161)',
        '',
        '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png)',
        '',
        'Vote: 0',
        '',
        'Authors: Author One, Author Two',
        '',
        "- ***What's New***: …",
        '- ***Technical Details***: …',
        '- ***Performance Highlights***: …',
        '',
      ].join('\n'),
    );
    // A snippet: the title placeholder is selected first, then the authors and each summary are tab stops.
    assert.equal(document.getText(editor.selection), 'Title');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(document.getText(editor.selection), 'Author One, Author Two');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(document.getText(editor.selection), '…');
    assert.equal(editor.selection.active.line, 10);
    // Placeholders, not lint errors: the new entry is a digest entry with no empty bullet.
    assert.deepEqual(validate(dp.getDigest(document)!).filter((p) => p.severity === 'error').map((p) => p.ruleId), []);
    assert.deepEqual(dp.getDigest(document)!.days.map((d) => [d.date, d.entries.map((e) => e.arxivId)]), [['2025-01-31', ['2501.17161']]]);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('dailyPapers.insertEntry accepts an arxiv.org URL and rejects what is not an ID', async () => {
    const document = await open(workspaceUri('insert.md'));
    const editor = vscode.window.activeTextEditor!;
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.equal(await vscode.commands.executeCommand('dailyPapers.insertEntry', 'not an id'), false);
    assert.equal(document.isDirty, false);
    assert.equal(await vscode.commands.executeCommand('dailyPapers.insertEntry', 'https://arxiv.org/pdf/2501.04519v2'), true);
    assert.ok(document.getText().includes('### [Title](https://arxiv.org/abs/2501.04519)'), document.getText());
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('dailyPapers.export (uri, "csv", destination) writes a CSV of the digest', async () => {
    const source = workspaceUri('paper_logs', '2025', '01', '29.md');
    const destination = workspaceUri('exports', '29.csv');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('dailyPapers.export', source, 'csv', destination);
      assert.equal(written?.toString(), destination.toString());
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination));
      assert.equal(
        csv,
        [
          'date,title,url',
          '2025-01-29,"SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training",https://arxiv.org/abs/2501.17161',
          '2025-01-29,Baichuan-Omni-1.5 Technical Report,https://arxiv.org/abs/2501.15368',
          '2025-01-29,DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning,https://arxiv.org/abs/2501.12948',
          '',
        ].join('\r\n'),
        "the generator's papers_list.csv: Python csv.writer's quoting and CRLF",
      );
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('exports'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('dailyPapers.export of a folder as BibTeX lists each paper once', async () => {
    const destination = workspaceUri('paper_logs.bib');
    try {
      await vscode.commands.executeCommand('dailyPapers.export', workspaceUri('paper_logs'), 'bibtex', destination);
      const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination));
      const keys = [...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
      assert.equal(keys.length, 4, `29.md has three papers and 30.md one more (2501.17161 is in both):\n${bib}`);
      assert.ok(bib.includes('2501.18585') && bib.includes('2501.17161'));
    } finally {
      await vscode.workspace.fs.delete(destination, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('dailyPapers.openSample opens an untitled copy of the bundled sample digest', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('dailyPapers.openSample');
    try {
      assert.equal(editor.document.uri.scheme, 'untitled', 'a copy: the installed extension is never edited');
      assert.equal(editor.document.languageId, 'markdown');
      assert.deepEqual(dp.getDigest(editor.document)?.days.map((d) => [d.date, d.entries.length]), [['2025-01-29', 3]]);
    } finally {
      await revert(editor.document);
    }
  });

  it("dailyPapers.newDigest creates today's digest from its input box (accepted as proposed)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [yyyy, mm, dd] = today.split('-') as [string, string, string];
    const expected = workspaceUri('paper_logs', yyyy, mm, `${dd}.md`);
    let settled = false;
    const created = Promise.resolve(vscode.commands.executeCommand('dailyPapers.newDigest')).finally(() => (settled = true));
    try {
      // The input box proposes today's date; accept it as a user pressing Enter would (there is no event for an input
      // box opening, so keep accepting until the command goes on).
      const deadline = Date.now() + 15_000;
      while (!settled && Date.now() < deadline) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([created, new Promise((resolve) => setTimeout(resolve, 200))]);
      }
      await waitFor(() => settled, 'New Digest to finish');
      await created;
      await until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.toString() === expected.toString(), `the editor on ${expected.path}`);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), expected.toString());
      assert.equal(editor.document.getText(), `## Daily Papers (${today})\n\n`);
      assert.equal(editor.selection.active.line, 2, 'the cursor is at the end, ready for the first entry');
      assert.ok(dp.getDigest(editor.document), 'the new file is a digest');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await resetEditors();
      // Only the new file: today may fall in a year whose folder holds this workspace's own digests.
      await vscode.workspace.fs.delete(expected, { useTrash: false }).then(undefined, () => undefined);
    }
  });
});
