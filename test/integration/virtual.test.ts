// Virtual workspaces (github.dev's `vscode-vfs://` files): digests served by a FileSystemProvider of a custom scheme,
// so nothing can reach them through a path on disk. Diagnostics (including the rule that reads the file's path), the
// tree, symbols, hover cards, the workspace index and the exports must work on them all the same. Runs last: the
// documents it opens stay in the index.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { api, diagnosticsWhere, hoverText, lineOf, open, resetEditors, setSetting, showTree, summarize, waitFor, workspaceUri } from './helpers';
import { MemoryFileSystem } from './memfs';

const SFT = 'SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training';
const CSV_29 = [
  'date,title,url',
  `2025-01-29,"${SFT}",https://arxiv.org/abs/2501.17161`,
  '2025-01-29,Baichuan-Omni-1.5 Technical Report,https://arxiv.org/abs/2501.15368',
  '2025-01-29,DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning,https://arxiv.org/abs/2501.12948',
  '',
].join('\r\n');

describe('Virtual workspace (a FileSystemProvider of its own scheme)', () => {
  let dp: DailyPapersApi;
  const vfs = new MemoryFileSystem('dpd-vfs');
  let registration: vscode.Disposable;
  const text = async (...segments: string[]) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(...segments)));
  const day29 = vfs.uri('/repo/paper_logs/2025/01/29.md');
  // The 29th's digest filed under the 28th: only the file's path tells that it is misplaced.
  const misfiled = vfs.uri('/repo/paper_logs/2025/01/28.md');
  const broken = vfs.uri('/repo/broken.md');

  before(async () => {
    await resetEditors();
    dp = await api();
    registration = vscode.workspace.registerFileSystemProvider(vfs.scheme, vfs, { isCaseSensitive: true });
    const digest29 = await text('paper_logs', '2025', '01', '29.md');
    vfs.put(day29.path, digest29);
    vfs.put(misfiled.path, digest29);
    vfs.put('/repo/paper_logs/2025/01/30.md', await text('paper_logs', '2025', '01', '30.md'));
    vfs.put(broken.path, await text('broken.md'));
  });

  after(async () => {
    await resetEditors();
    registration.dispose();
  });

  it('opens a digest of the scheme: a document with no file path behind it', async () => {
    const document = await open(day29);
    assert.equal(document.uri.scheme, 'dpd-vfs');
    assert.equal(document.languageId, 'markdown');
    assert.deepEqual(dp.getDigest(document)?.days.map((d) => [d.date, d.entries.length]), [['2025-01-29', 3]]);
  });

  it('validates it: the same problems as on disk, and the path-based rule reads the URI path', async () => {
    const bad = await open(broken);
    const problems = await diagnosticsWhere(bad.uri, (d) => d.length === 3, 'the three problems of broken.md');
    assert.equal(summarize(problems), 'thumbnail-id-mismatch@5, invalid-vote@7, label-apostrophe@11');
    const wrongDay = await open(misfiled);
    const misplaced = await diagnosticsWhere(wrongDay.uri, (d) => d.length > 0, 'date-path-mismatch on paper_logs/2025/01/28.md');
    assert.equal(summarize(misplaced), 'date-path-mismatch@1');
    const right = await open(day29);
    assert.deepEqual(await dp.getProblems(right), [], 'the same text under its own date is clean');
  });

  it('shows it in the Daily Papers tree and gives document symbols', async () => {
    const document = await open(day29);
    const { provider, view } = dp.outline;
    await showTree(view);
    await waitFor(() => provider.current?.document === document, 'the tree to show the virtual digest');
    const [day] = provider.getChildren();
    assert.equal(provider.getTreeItem(day!).label, '2025-01-29');
    assert.equal(provider.getChildren(day).length, 3);
    // By default ours add nothing next to the Markdown extension's headings (dailyPapers.symbols.provide): ask for them.
    await setSetting('dailyPapers.symbols', 'provide', 'all');
    try {
      await waitFor(() => dp.configuration.get('symbols').provide === 'all', 'dailyPapers.symbols.provide to read all');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const ours = symbols.find((s) => s.name === 'Daily Papers (2025-01-29)' && s.detail === '3 entries');
      assert.ok(ours, `our day symbol among: ${symbols.map((s) => s.name).join(' | ')}`);
      assert.equal(ours.children[0]?.name, SFT);
    } finally {
      await setSetting('dailyPapers.symbols', 'provide', undefined);
    }
  });

  it('shows the hover card of an entry title, with its day', async () => {
    const document = await open(day29);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(lineOf(document, `### [${SFT}]`), 10));
    const card = hovers.map(hoverText).find((t) => t.includes('arXiv:2501.17161'));
    assert.ok(card, `our card among ${hovers.length} hovers`);
    assert.ok(card.startsWith(`**[${SFT}](https://arxiv.org/abs/2501.17161)**`), card);
    assert.ok(card.includes('2025-01-29 (this entry)'), card);
  });

  it('indexes an open virtual digest for workspace symbols, located by its own URI', async () => {
    await open(day29);
    await dp.index.ready;
    const found = async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '2501.15368'))
      .filter((s) => s.location.uri.scheme === vfs.scheme)
      .map((s) => `${s.location.uri.path}:${s.location.range.start.line}`);
    await waitFor(() => [...dp.index.index.papers()].some((p) => p.file === day29.toString()), 'the index to hold the virtual digest');
    assert.ok((await found()).includes(`${day29.path}:14`), `the virtual 29.md among ${JSON.stringify(await found())}`);
  });

  it('exports a virtual digest and a virtual folder, written through the provider', async () => {
    const csv = await vscode.commands.executeCommand<vscode.Uri>('dailyPapers.export', day29, 'csv', vfs.uri('/repo/exports/29.csv'));
    assert.equal(csv?.toString(), vfs.uri('/repo/exports/29.csv').toString());
    assert.equal(vfs.text('/repo/exports/29.csv'), CSV_29);

    await vscode.commands.executeCommand('dailyPapers.export', vfs.uri('/repo/paper_logs'), 'json', vfs.uri('/repo/exports/paper_logs.json'));
    const files = (JSON.parse(vfs.text('/repo/exports/paper_logs.json') ?? '[]') as { file: string; days: { date: string }[] }[])
      .map((f) => [f.file, f.days.map((d) => d.date).join()]);
    assert.deepEqual(files, [
      ['/repo/paper_logs/2025/01/28.md', '2025-01-29'],
      ['/repo/paper_logs/2025/01/29.md', '2025-01-29'],
      ['/repo/paper_logs/2025/01/30.md', '2025-01-30'],
    ], 'every digest under the folder, read through workspace.fs');

    await vscode.commands.executeCommand('dailyPapers.exportHtml', day29, vfs.uri('/repo/exports/29.html'));
    const html = vfs.text('/repo/exports/29.html') ?? '';
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes('Baichuan-Omni-1.5 Technical Report'), 'the HTML export holds the entries');
  });
});
