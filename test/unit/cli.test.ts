import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, runCli } from './helpers';

const root = join(__dirname, '..', '..');
const cli = cliPath;

const run = runCli;

describe('CLI: daily-papers export', () => {
  it('prints one object per Markdown file of a directory, recursively and in order, in the documented shape', () => {
    const r = run('export', '--format', 'json', 'test/fixtures');
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout);
    const fixtures = readdirSync(join(root, 'test/fixtures')).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files.map((f: { file: string }) => f.file), fixtures.map((f) => join('test/fixtures', f)));
    const byName = (name: string) => files[fixtures.indexOf(name)];
    const de = byName('era-de.md');
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
    const b = byName('era-b.md').days[0].entries;
    assert.equal(b[0].video, 'https://cdn-uploads.huggingface.co/production/uploads/sample/movie.mp4');
    assert.equal(b[0].thumbnail, null);
    assert.equal(b[1].votes, null);
  });

  it('exports a papers list as CSV and a bibliography as BibTeX', () => {
    const csv = run('export', '--format', 'csv', 'test/fixtures/era-de.md');
    assert.equal(csv.status, 0);
    assert.deepEqual(csv.stdout.trim().split('\r\n').map((l) => l.split(',')[0]), ['date', '2025-01-29', '2025-01-29', '2025-01-29']);
    const lf = run('export', '--format', 'csv-plain', '--csv-eol', 'lf', 'test/fixtures/era-de.md');
    assert.equal(lf.status, 0, lf.stderr);
    assert.ok(!lf.stdout.includes('\r') && lf.stdout.startsWith('date,title,url\n2025-01-29,'), lf.stdout);
    assert.equal(run('export', '--format', 'csv', '--csv-eol', 'cr', 'test/fixtures').status, 2);
    const bib = run('export', '--format', 'bibtex', 'test/fixtures');
    assert.match(bib.stdout, /@misc\{khrabrov2025-2406\.14347,\n {2}title = \{\$\\nabla\^2\$DFT/);
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
      [['export', '--format', 'xml', 'test/fixtures'], /unknown format 'xml', expected json, csv, csv-plain or bibtex/],
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

describe('CLI: daily-papers lint', () => {
  const broken = '## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n[Watch Video]https://example.org/v.mp4\n\nVote: 3\n\n- ***What\'s New***: 모델이 <think> 토큰을 씁니다.\n';
  const clean = '## Daily Papers (2025-01-30)\n\n### [U](https://arxiv.org/abs/2501.00002)\n\nVote: 3\n\n- ***What\'s New***: 요약입니다.\n';
  function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'dp-lint-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('exits 0 on a clean digest and 1 when an error remains', () => {
    const dir = workspace({ 'clean.md': clean, 'broken.md': broken });
    assert.equal(run('lint', join(dir, 'clean.md')).status, 0);
    const r = run('lint', dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /5:1 +error +Unexpected `\[Watch Video\]URL`.*broken-video-link/);
    assert.match(r.stdout, /2 problems \(1 errors, 1 warnings/);
  });

  it('JSON: one row per problem, 1-based, with the documented keys', () => {
    const r = run('lint', '--format', 'json', workspace({ 'broken.md': broken }));
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(rows[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixable']);
    assert.deepEqual(rows.map((x: { rule: string; line: number; column: number; fixable: boolean }) => [x.rule, x.line, x.column, x.fixable]), [
      ['broken-video-link', 5, 1, true],
      ['swallowed-html', 9, 25, true],
    ]);
  });

  it('SARIF 2.1.0 with rule metadata and locations', () => {
    const sarif = JSON.parse(run('lint', '--format', 'sarif', workspace({ 'broken.md': broken })).stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'daily-papers');
    assert.ok(runResult.tool.driver.rules.some((r: { id: string }) => r.id === 'broken-video-link'));
    assert.deepEqual(runResult.results[0].locations[0].physicalLocation.region, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 39 });
    assert.equal(runResult.results[1].level, 'warning');
  });

  it('--max-warnings turns warnings into a failing exit', () => {
    const dir = workspace({ 'w.md': broken.replace('[Watch Video]https://example.org/v.mp4', '[Watch Video](https://example.org/v.mp4)') });
    assert.equal(run('lint', dir).status, 0);
    assert.equal(run('lint', '--max-warnings', '0', dir).status, 1);
    assert.equal(run('lint', '--max-warnings', 'x', dir).status, 2);
  });

  it('--config and .daily-papers.json set severities; a bad config is a usage error', () => {
    const dir = workspace({ 'broken.md': broken, 'cfg.json': '{"rules":{"broken-video-link":"warning"}}', 'bad.json': '{"rules":{"nope":"error"}}' });
    assert.equal(run('lint', '--config', join(dir, 'cfg.json'), join(dir, 'broken.md')).status, 0);
    const bad = run('lint', '--config', join(dir, 'bad.json'), join(dir, 'broken.md'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown rule "nope"/);
  });

  it('reports a paper repeated under a later date in another file, not a mirror under the same date', () => {
    const r = run('lint', '--format', 'json', workspace({ 'a.md': clean, 'b.md': clean.replace('2025-01-30', '2025-01-31'), 'README.md': `# Daily Papers\n\n${clean}` }));
    const rows = JSON.parse(r.stdout).filter((x: { rule: string }) => x.rule === 'duplicate-paper');
    assert.deepEqual(rows.map((x: { file: string }) => x.file.split(/[\\/]/).pop()), ['b.md']);
  });

  it('--fix rewrites the file in place and leaves no temporary file', () => {
    const dir = workspace({ 'broken.md': broken });
    const r = run('lint', '--fix', join(dir, 'broken.md'));
    assert.equal(r.status, 0, r.stdout);
    const fixed = readFileSync(join(dir, 'broken.md'), 'utf8');
    assert.ok(fixed.includes('[Watch Video](https://example.org/v.mp4)'));
    assert.ok(fixed.includes('\\<think>'));
    assert.deepEqual(readdirSync(dir), ['broken.md']);
  });
});

describe('CLI: awkward inputs (real file system, real pipes)', () => {
  let dir: string;
  const digest = '## Daily Papers (2025-01-30)\n\n### [A Paper](https://arxiv.org/abs/2501.17161)\n\nVote: 3\n\n- x\n';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dpd-cli-inputs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO named directly and skips one in a directory, without hanging', () => {
    writeFileSync(join(dir, 'a.md'), digest);
    const fifo = join(dir, 'pipe.md');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const named = run('lint', fifo);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /pipe\.md is a FIFO, not a regular file/);
    const walked = run('lint', '--format', 'json', dir);
    assert.equal(walked.status, 0, walked.stderr);
    assert.match(walked.stderr, /warning: skipped .*pipe\.md: a FIFO/);
    assert.equal(walked.stderr.trim().split('\n').length, 1, walked.stderr);
  });

  it('reports a symlink loop with its real reason, goes on with the other files and exits 2', () => {
    writeFileSync(join(dir, 'a.md'), digest);
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const r = run('export', '--format', 'csv', dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read .*loop\.md: symlink loop/);
    assert.match(r.stdout, /A Paper/, 'the readable file is still exported');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  });

  it('reports a directory it may not read as "permission denied" (as an unprivileged user) and goes on', function () {
    const closed = join(dir, 'closed');
    mkdirSync(closed);
    writeFileSync(join(closed, 'b.md'), digest);
    writeFileSync(join(dir, 'a.md'), digest);
    chmodSync(dir, 0o755);
    chmodSync(closed, 0o000);
    // Root reads any directory: run the CLI as nobody when we are root.
    const asNobody = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', process.execPath] : [process.execPath];
    chmodSync(join(dir, 'a.md'), 0o644);
    const r = spawnSync(asNobody[0], [...asNobody.slice(1), cli, 'export', '--format', 'csv', dir], { encoding: 'utf8' });
    chmodSync(closed, 0o755);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot read directory .*closed: permission denied/);
    assert.match(r.stdout, /A Paper/);
  });

  it('ends quietly when the reader closes the pipe early (| head)', () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, digest.repeat(20_000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" export --format json "${big}" | head -c 100 >/dev/null; echo "status \${PIPESTATUS:-done}"`], { encoding: 'utf8' });
    assert.equal(r.stderr, '', 'no EPIPE stack trace');
    const alone = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" export --format json "${big}" | head -c 100 >/dev/null`], { encoding: 'utf8' });
    assert.equal(alone.status, 0, alone.stderr);
    assert.equal(alone.stderr, '');
  });

  it('says CR-only line endings are unsupported instead of reading "not a digest"', () => {
    const file = join(dir, 'mac.md');
    writeFileSync(file, digest.replace(/\n/g, '\r'));
    const r = run('lint', file);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /mac\.md has CR-only line endings, which are not supported; convert it to LF or CRLF/);
  });
});

describe('CLI: daily-papers format', () => {
  const canonical = "## Daily Papers (2025-01-30)\n\n### [U](https://arxiv.org/abs/2501.00002)\n\nVote: 3\n\n- ***What's New***: 요약입니다.\n\n";
  const messy = canonical.replace('\n\nVote: 3', '\n\n\n\nVote: 3').replace(/\n\n$/, '');
  const dir = () => mkdtempSync(join(tmpdir(), 'daily-papers-format-'));

  it('--check lists the files it would change and exits 1; a clean tree exits 0 and writes nothing', () => {
    const d = dir();
    writeFileSync(join(d, 'clean.md'), canonical);
    writeFileSync(join(d, 'messy.md'), messy);
    writeFileSync(join(d, 'notes.md'), 'Not a digest.\n\n\n');
    const r = run('format', '--check', d);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [join(d, 'messy.md')]);
    assert.equal(readFileSync(join(d, 'messy.md'), 'utf8'), messy, '--check never writes');
    assert.equal(run('format', '--check', join(d, 'clean.md')).status, 0);
  });

  it('rewrites through a rename, keeping CRLF, the byte-order mark and the permissions', () => {
    const d = dir();
    const file = join(d, 'messy.md');
    writeFileSync(file, '\uFEFF' + messy.replace(/\n/g, '\r\n'), { mode: 0o640 });
    const r = run('format', d);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), '\uFEFF' + canonical.replace(/\n\n$/, '\n').replace(/\n/g, '\r\n'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(d), ['messy.md'], 'no temporary file left');
    assert.equal(run('format', '--check', d).status, 0, 'formatting twice changes nothing');
  });

  it('exits 2 with a one-line message on a missing file', () => {
    const r = run('format', join(dir(), 'missing.md'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^daily-papers: cannot read .+missing\.md: no such file or directory\n$/);
  });
});
