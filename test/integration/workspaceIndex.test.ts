// The workspace index in the real host, kept current from disk: a digest no editor has open, written by another
// program, is taken from the directory watch (Node's fs.watch) as well as from VS Code's file watcher.
import { rmSync, writeFileSync } from 'node:fs';
import { api, waitForAsync, workspaceUri } from './helpers';

const digest = (id: string) => `## Daily Papers (2025-01-28)\n\n### [Directory Watch Paper](https://arxiv.org/abs/${id})\n\nVote: 2\n\nAuthors: Test Author\n\n- ***What's New***: 시험용 항목입니다.\n`;

describe('workspace index', () => {
  it('takes a change on disk to a digest no editor has open from the directory watch', async () => {
    const { index } = await api();
    await index.ready;
    const file = workspaceUri('paper_logs', '2025', '01', '28.md').fsPath;
    writeFileSync(file, digest('2501.09990'));
    try {
      // Created: VS Code's watcher indexes it (read from disk, so its directory is watched from then on).
      await waitForAsync(async () => index.index.appearances('2501.09990').length === 1, 'the new digest to be indexed');
      const before = index.changesFromDirectoryWatch;
      writeFileSync(file, digest('2501.09991'));
      await waitForAsync(async () => index.index.appearances('2501.09991').length === 1 && index.index.appearances('2501.09990').length === 0, 'the change to be indexed');
      await waitForAsync(async () => index.changesFromDirectoryWatch > before, () => `the directory watch to bring the change in (${index.changesFromDirectoryWatch} changes so far)`);
    } finally {
      rmSync(file);
      await waitForAsync(async () => index.index.appearances('2501.09991').length === 0, 'the deleted digest to leave the index');
    }
  });
});
