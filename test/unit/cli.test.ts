import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(...args: string[]) {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: daily-papers export', () => {
  it('prints one object per Markdown file of a directory, recursively and in order, in the documented shape', () => {
    const r = run('export', '--format', 'json', 'test/fixtures');
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout);
    assert.deepEqual(files.map((f: { file: string }) => f.file), ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md'].map((f) => join('test/fixtures', f)));
    const de = files[3];
    assert.deepEqual(de.days.map((d: { date: string; line: number }) => [d.date, d.line]), [['2025-01-29', 1], ['2025-01-29', 25]]);
    assert.deepEqual(de.days[0].entries[0], {
      line: 3,
      title: '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules',
      url: 'https://arxiv.org/abs/2406.14347',
      arxivId: '2406.14347',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.14347.png',
      video: null,
      votes: 0,
      authors: ['Kuzma Khrabrov', "Mark O'Neil", 'Anton Ber'],
      sections: [{ label: "What's New", line: 11, text: '라벨이 하나뿐인 항목입니다. 링크 https://github.com/example/repo에서 코드를 볼 수 있습니다.' }],
    });
    const b = files[1].days[0].entries;
    assert.equal(b[0].video, 'https://cdn-uploads.huggingface.co/production/uploads/sample/movie.mp4');
    assert.equal(b[0].thumbnail, null);
    assert.equal(b[1].votes, null);
  });

  it('gives a file that is not a digest an empty days list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-cli-'));
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\n### [A](https://arxiv.org/abs/2501.00001)\n');
    const r = run('export', join(dir, 'notes.md'));
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout)[0].days, []);
  });

  it('exits 2 with a one-line message on a missing file, non-UTF-8 input, or bad usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-cli-'));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const cases: [string[], RegExp][] = [
      [['export', join(dir, 'missing.md')], /no such file or directory/],
      [['export', join(dir, 'latin1.md')], /not valid UTF-8/],
      [['export'], /at least one file/],
      [['export', '--format', 'xml', 'test/fixtures'], /unknown format 'xml'/],
      [['export', '--bogus', 'x'], /bogus/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
      assert.equal(r.stdout, '');
    }
  });
});
