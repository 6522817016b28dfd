// Hover cards and arXiv ID links in the real host, with the metadata service off (the workspace's .vscode/settings.json):
// everything shown comes from the digests, so the suite never needs the network.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DailyPapersApi } from '../../src/extension';
import { api, hoverText, lineOf, open, resetEditors, workspaceUri } from './helpers';

const SFT = 'SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training';

async function cards(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hover: vscode.Hover }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  // Ours is the one with the `arXiv:ID` facts line (the Markdown extension may add link hovers of its own).
  return hovers.map((hover) => ({ hover, text: hoverText(hover) })).filter((c) => /arXiv:\d{4}\.\d{4,5}/.test(c.text));
}

/** The "Appears on:" days: `date (this entry)`, or `date → file:line` for a command link (workspace files only: earlier
 *  tests opened the repository's samples, and open digests count as appearances too). */
function appearances(block: string): string[] {
  return block.slice('Appears on: '.length).split(' · ').flatMap((part) => {
    const link = /^\[([^\]]+)\]\(command:dailyPapers\.revealLine\?(.+)\)$/.exec(part);
    if (!link) return [part];
    const [ref] = JSON.parse(decodeURIComponent(link[2]!)) as [{ uri: string; line: number }];
    const uri = vscode.Uri.parse(ref.uri);
    return vscode.workspace.getWorkspaceFolder(uri) ? [`${link[1]} → ${vscode.workspace.asRelativePath(uri)}:${ref.line + 1}`] : [];
  });
}

describe('Hover', () => {
  let dp: DailyPapersApi;

  before(async () => {
    await resetEditors();
    dp = await api();
    await dp.index.ready;
  });

  after(resetEditors);

  it('the metadata service is off in this workspace', () => {
    assert.equal(vscode.workspace.getConfiguration('dailyPapers.metadata').get('enabled'), false);
  });

  it('shows a compact card with title, votes, authors, days, the first summary section and links on an entry title', async () => {
    const document = await open(workspaceUri('paper_logs', '2025', '01', '29.md'));
    const line = lineOf(document, `### [${SFT}]`);
    const found = await cards(document.uri, new vscode.Position(line, 10));
    assert.equal(found.length, 1, 'one card');
    const { text, hover } = found[0]!;
    const blocks = text.split('\n\n');
    assert.equal(blocks[0], `**[${SFT}](https://arxiv.org/abs/2501.17161)**`);
    assert.equal(blocks[1], 'arXiv:2501.17161 · ▲ 28 votes');
    assert.equal(blocks[2], 'Tianzhe Chu, Yuexiang Zhai, Jihan Yang, Shengbang Tong, Saining Xie +4 more');
    // The paper is in two digests of the workspace: this entry, and a command link to the other day.
    assert.ok(blocks[3]!.startsWith('Appears on: '), blocks[3]);
    const days = appearances(blocks[3]!);
    assert.ok(days.includes('2025-01-29 (this entry)'), blocks[3]);
    assert.ok(days.includes('2025-01-30 → paper_logs/2025/01/30.md:15'), blocks[3]);
    assert.ok(!text.includes('![Thumbnail]'), 'no thumbnail while nothing says it loads (the metadata service is off)');
    assert.ok(text.includes("**What's New**: 같은 기반 모델을"), 'the first summary section');
    assert.ok(!text.includes('Technical Details'), 'only the first section');
    assert.ok(/\[more…\]\(command:dailyPapers\.showPreview\?/.test(text), '"more…" opens the preview');
    assert.ok(text.includes('[arXiv](https://arxiv.org/abs/2501.17161) · [PDF](https://arxiv.org/pdf/2501.17161) · [Hugging Face](https://huggingface.co/papers/2501.17161)'), 'the links');
    assert.ok(!/Fetching metadata|Metadata unavailable/.test(text), 'no metadata status while the service is off');
    assert.ok(hover.range?.contains(new vscode.Position(line, 10)), 'the hover range covers the title');
    // Command links are trusted for exactly the commands the card uses.
    const markdown = hover.contents[0] as vscode.MarkdownString;
    // "Show in Preview" is offered now that the preview is registered; no other command may run from a card.
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['dailyPapers.showPreview', 'dailyPapers.revealLine', 'dailyPapers.copyBibtex'] });
  });

  it('shows the card of a paper from another digest on a bare arXiv:ID', async () => {
    const document = await open(workspaceUri('paper_logs', '2025', '01', '30.md'));
    const line = lineOf(document, 'arXiv:2501.12948');
    const found = await cards(document.uri, new vscode.Position(line, document.lineAt(line).text.indexOf('arXiv:2501.12948') + 8));
    assert.equal(found.length, 1);
    assert.ok(found[0]!.text.startsWith('**[DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning](https://arxiv.org/abs/2501.12948)**'), found[0]!.text);
    const block = found[0]!.text.split('\n\n').find((b) => b.startsWith('Appears on: '));
    assert.ok(block && appearances(block).includes('2025-01-29 → paper_logs/2025/01/29.md:27'), block);
  });

  it('no card away from arXiv references', async () => {
    const document = await open(workspaceUri('paper_logs', '2025', '01', '29.md'));
    assert.deepEqual(await cards(document.uri, new vscode.Position(lineOf(document, 'Vote: 28'), 2)), []);
  });

  it('links a bare arXiv:ID to arXiv (vscode.executeLinkProvider), and not the IDs inside links', async () => {
    const document = await open(workspaceUri('paper_logs', '2025', '01', '30.md'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const bare = links.filter((l) => document.getText(l.range) === 'arXiv:2501.12948');
    assert.equal(bare.length, 1, `one link on arXiv:2501.12948 among ${links.map((l) => document.getText(l.range)).join(' | ')}`);
    assert.equal(bare[0]!.target?.toString(true), 'https://arxiv.org/abs/2501.12948');
    assert.equal(bare[0]!.range.start.line, lineOf(document, 'arXiv:2501.12948'));
    // The IDs in title URLs and thumbnails are linked by their URLs already: no extra link on the ID alone.
    assert.ok(!links.some((l) => /^\d{4}\.\d{4,5}$/.test(document.getText(l.range))), 'no link on an ID inside a URL');
  });
});
