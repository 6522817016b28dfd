import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';


const run = runCli;

const entry = (id: string, votes: number, authors: string) => `### [Paper ${id}](https://arxiv.org/abs/${id})\n\nVote: ${votes}\n\nAuthors: ${authors}\n\n- ***What's New***: 요약입니다.\n\n`;

/** Two days in paper_logs, a repeat, and a README mirroring the later day. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-stats-'));
  mkdirSync(join(dir, 'paper_logs/2025/01'), { recursive: true });
  writeFileSync(join(dir, 'paper_logs/2025/01/29.md'), `## Daily Papers (2025-01-29)\n\n${entry('2501.00001', 10, 'Kim, Lee')}${entry('2501.00002', 3, 'Lee')}`);
  writeFileSync(join(dir, 'paper_logs/2025/01/30.md'), `## Daily Papers (2025-01-30)\n\n${entry('2501.00001', 12, 'Kim, Lee')}${entry('2501.00003', 1, 'Park')}`);
  writeFileSync(join(dir, 'README.md'), `# Daily Papers\n\n## Daily Papers (2025-01-30)\n\n${entry('2501.00001', 12, 'Kim, Lee')}${entry('2501.00003', 1, 'Park')}## License\n\nMIT\n`);
  return dir;
}

describe('CLI: daily-papers stats', () => {
  it('prints the aggregates as JSON in the documented shape, lines 1-based', () => {
    const dir = workspace();
    const r = run('stats', dir);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(s), ['from', 'to', 'totals', 'days', 'voteHistogram', 'topPapers', 'topAuthorsByPapers', 'topAuthorsByVotes', 'repeats', 'categories', 'papersWithoutCategory']);
    const { problems, ...totals } = s.totals;
    assert.deepEqual(totals, { days: 2, paperDays: 4, distinctPapers: 3, repeatedPapers: 1, votes: 26 });
    assert.equal(problems.warning, s.days[0].problems.warning + s.days[1].problems.warning);
    assert.deepEqual(s.days.map((d: { date: string; papers: number; votes: number; files: number }) => [d.date, d.papers, d.votes, d.files]), [['2025-01-29', 2, 13, 1], ['2025-01-30', 2, 13, 2]]);
    assert.deepEqual(s.topPapers[0], {
      id: '2501.00001',
      title: 'Paper 2501.00001',
      votes: 12,
      places: [{ date: '2025-01-29', file: join(dir, 'paper_logs/2025/01/29.md'), line: 3 }, { date: '2025-01-30', file: join(dir, 'README.md'), line: 5 }],
    });
    assert.deepEqual(s.topAuthorsByPapers.map((a: { name: string; papers: number; votes: number }) => [a.name, a.papers, a.votes]), [['Lee', 2, 15], ['Kim', 1, 12], ['Park', 1, 1]]);
    assert.deepEqual(s.repeats.map((x: { id: string; places: { date: string }[] }) => [x.id, x.places.map((p) => p.date)]), [['2501.00001', ['2025-01-29', '2025-01-30']]]);
  });

  it('restricts to --from/--to and prints one table as CSV', () => {
    const r = run('stats', '--from', '2025-01-30', '--to', '2025-01-30', '--format', 'csv', '--table', 'papers', workspace());
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'id,title,votes,dates\n2501.00001,Paper 2501.00001,12,2025-01-30\n2501.00003,Paper 2501.00003,1,2025-01-30\n');
    const days = run('stats', '--format', 'csv', workspace());
    assert.equal(days.stdout.split('\n')[0], 'date,papers,votes,era,label_style,errors,warnings,information,hints');
    // The repeat is a duplicate-paper warning at the later date, in its file and in the README mirroring it; the first day is clean.
    assert.equal(days.stdout.split('\n')[1], '2025-01-29,2,13,D,bold-italic,0,0,0,0');
    assert.equal(days.stdout.split('\n')[2], '2025-01-30,2,13,D,bold-italic,0,2,0,0');
  });

  it('renders a Markdown summary with a table per aggregate', () => {
    const r = run('stats', '--format', 'md', '--top', '1', workspace());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Daily Papers statistics \(2025-01-29 – 2025-01-30\)\n\n2 days, 4 papers \(3 distinct\), 26 votes; problems: 0 errors/);
    assert.match(r.stdout, /## Per day\n\n\| date \| papers \| votes \|.*\n\|---\|---:\|---:\|/);
    assert.match(r.stdout, /## Top-voted papers\n\n\| id \| title \| votes \| dates \|\n\|---\|---\|---:\|---\|\n\| 2501\.00001 \| Paper 2501\.00001 \| 12 \| 2025-01-29 2025-01-30 \|\n\n/);
  });

  it('counts validation problems per day, as lint finds them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-stats-'));
    writeFileSync(join(dir, 'a.md'), '## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n[Watch Video]https://example.org/v.mp4\n\nVote: 3\n\n- ***What\'s New***: 요약입니다.\n');
    const lint = JSON.parse(run('lint', '--format', 'json', dir).stdout) as { severity: string }[];
    const s = JSON.parse(run('stats', dir).stdout);
    assert.ok(lint.length > 0);
    for (const severity of ['error', 'warning', 'information', 'hint']) assert.equal(s.days[0].problems[severity], lint.filter((p) => p.severity === severity).length, severity);
  });

  it('exits 2 with a one-line message on bad dates, formats, tables or no input', () => {
    const cases: [string[], RegExp][] = [
      [['stats', '--from', '2025-02-30', 'samples'], /--from takes a date as YYYY-MM-DD, got '2025-02-30'/],
      [['stats', '--from', '2025-02-01', '--to', '2025-01-01', 'samples'], /--from 2025-02-01 is after --to 2025-01-01/],
      [['stats', '--format', 'xml', 'samples'], /unknown format 'xml', expected json, csv or md/],
      [['stats', '--table', 'votes', 'samples'], /unknown table 'votes'/],
      [['stats', '--top', '1.5', 'samples'], /--top takes a whole number/],
      [['stats'], /at least one file/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.equal(r.stdout, '');
    }
  });
});
