import * as assert from 'node:assert/strict';
import { papersOf, parseDigest, type Problem } from '../../src/digest';
import { computeInsights, DaySummaries, fileFacts, firstInOrder, insightsTable, niceBinWidth, problemsPerDay, RangeInsights, tableToCsv, tableToMarkdown, withProblems } from '../../src/digest/insights';

function entry(id: string, title: string, votes: number | null, authors: string[], bullet = "- ***What's New***: 요약입니다.") {
  return [`### [${title}](https://arxiv.org/abs/${id})`, '', ...(votes === null ? [] : [`Vote: ${votes}`, '']), `Authors: ${authors.join(', ')}`, '', bullet, ''].join('\n');
}
const day = (date: string, ...entries: string[]) => `## Daily Papers (${date})\n\n${entries.join('\n')}\n`;

// Hand-computed fixture: three files, a README mirror of 01-30, a repeat across days, an era-B day, an author list
// that left authors out (`+`, no author).
const files: Record<string, string> = {
  'paper_logs/2024/03/05.md': day('2024-03-05', entry('2403.00001', 'Old A', 4, ['Kim', 'Lee'], '- 자유 형식 요약입니다.'), entry('2403.00002', 'Old B', null, ['Park'], '- 자유 형식 요약입니다.')),
  'paper_logs/2025/01/29.md': day('2025-01-29', entry('2501.00001', 'Alpha', 30, ['Kim', 'Choi', 'Kim']), entry('2501.00002', 'Beta', 12, ['Lee'])),
  'paper_logs/2025/01/30.md': day('2025-01-30', entry('2501.00003', 'Gamma', 7, ['Kim']), entry('2501.00001', 'Alpha', 31, ['Kim', '+', 'Choi'])),
  'README.md': `# Daily Papers\n\n## Project Description\n\ntext\n\n${day('2025-01-30', entry('2501.00003', 'Gamma', 7, ['Kim']))}\n## License\n\nMIT\n`,
};

function summaries(problems: Record<string, Problem[]> = {}) {
  const days = new DaySummaries();
  for (const [file, text] of Object.entries(files)) days.set(fileFacts(file, parseDigest(text), problems[file]));
  return days;
}

function problemAt(line: number, severity: Problem['severity']): Problem {
  const p = { line, character: 0, offset: 0 };
  return { ruleId: 'x', severity, message: 'm', range: { start: p, end: p } };
}

describe('insights: aggregates against hand-computed figures', () => {
  it('counts papers and votes per day once per paper, merging a README mirror of the same date', () => {
    const i = computeInsights(summaries().days());
    assert.deepEqual(i.days.map((d) => [d.date, d.papers, d.votes, d.era, d.labelStyle, d.files]), [
      ['2024-03-05', 2, 4, 'B', 'none', 1],
      ['2025-01-29', 2, 42, 'D', 'bold-italic', 1],
      ['2025-01-30', 2, 38, 'D', 'bold-italic', 2],
    ]);
    assert.deepEqual(i.totals, { days: 3, paperDays: 6, distinctPapers: 5, repeatedPapers: 1, votes: 84, problems: { error: 0, warning: 0, information: 0, hint: 0 } });
  });

  it('ranks papers by their highest vote, with every place they appear', () => {
    const i = computeInsights(summaries().days(), { top: 2 });
    assert.deepEqual(i.topPapers.map((p) => [p.id, p.votes, p.places.map((x) => `${x.date}:${x.file}:${x.line}`)]), [
      ['2501.00001', 31, ['2025-01-29:paper_logs/2025/01/29.md:2', '2025-01-30:paper_logs/2025/01/30.md:10']],
      ['2501.00002', 12, ['2025-01-29:paper_logs/2025/01/29.md:10']],
    ]);
  });

  it('ranks authors by distinct papers and by summed votes, a name repeated in one entry counted once, `+` not a name', () => {
    const i = computeInsights(summaries().days());
    assert.deepEqual(i.topAuthorsByPapers.map((a) => [a.name, a.papers, a.votes]), [['Kim', 3, 42], ['Lee', 2, 16], ['Choi', 1, 31], ['Park', 1, 0]]);
    assert.deepEqual(i.topAuthorsByVotes.map((a) => a.name), ['Kim', 'Choi', 'Lee', 'Park']);
  });

  it('lists papers repeated on another day, not mirrors of the same day', () => {
    const i = computeInsights(summaries().days());
    assert.deepEqual(i.repeats.map((r) => [r.id, r.places.map((p) => p.date)]), [['2501.00001', ['2025-01-29', '2025-01-30']]]);
  });

  it('builds the vote histogram from each paper-day with a known vote (4, 7 | 12 | — | 30, 31)', () => {
    const i = computeInsights(summaries().days(), { binWidth: 10 });
    assert.deepEqual(i.voteHistogram, [
      { from: 0, to: 9, count: 2 },
      { from: 10, to: 19, count: 1 },
      { from: 20, to: 29, count: 0 },
      { from: 30, to: 39, count: 2 },
    ]);
    assert.deepEqual([niceBinWidth(19), niceBinWidth(20), niceBinWidth(39), niceBinWidth(40), niceBinWidth(650)], [1, 2, 2, 5, 50]);
  });

  it('restricts everything to the date range, inclusive', () => {
    const i = computeInsights(summaries().days(), { from: '2025-01-30', to: '2025-01-30' });
    assert.deepEqual(i.days.map((d) => d.date), ['2025-01-30']);
    assert.deepEqual(i.repeats, []);
    assert.deepEqual(i.topPapers.map((p) => [p.id, p.votes]), [['2501.00001', 31], ['2501.00003', 7]]);
    assert.equal(computeInsights(summaries().days(), { to: '2024-12-31' }).totals.paperDays, 2);
  });

  it('counts problems against the day they fall in, summed over files of the same date', () => {
    const i = computeInsights(
      summaries({ 'paper_logs/2025/01/30.md': [problemAt(0, 'error'), problemAt(14, 'warning')], 'README.md': [problemAt(2, 'hint'), problemAt(9, 'error')] }).days(),
    );
    assert.deepEqual(i.days.map((d) => d.problems), [
      { error: 0, warning: 0, information: 0, hint: 0 },
      { error: 0, warning: 0, information: 0, hint: 0 },
      { error: 2, warning: 1, information: 0, hint: 1 },
    ]);
    assert.equal(i.totals.problems.error, 2);
  });

  it('mixes primary arXiv categories when metadata knows them', () => {
    const categories: Record<string, string[]> = { '2501.00001': ['cs.CL', 'cs.AI'], '2501.00002': ['cs.CV'], '2501.00003': ['cs.CL'] };
    const i = computeInsights(summaries().days(), { categoriesOf: (id) => categories[id] });
    assert.deepEqual(i.categories, [{ category: 'cs.CL', papers: 2 }, { category: 'cs.CV', papers: 1 }]);
    assert.equal(i.papersWithoutCategory, 2);
    assert.deepEqual(computeInsights(summaries().days()).categories, []);
  });

  it('tells eras A (no votes) and C (bold labels) from the content', () => {
    const a = fileFacts('a.md', parseDigest(day('2023-11-21', entry('2311.00001', 'A', null, ['X'], '- 자유 형식'))));
    const c = fileFacts('c.md', parseDigest(day('2024-08-07', entry('2408.00001', 'C', 1, ['X'], "- **What's New**: 요약"))));
    assert.deepEqual([a.days[0].era, c.days[0].era, c.days[0].labelStyle], ['A', 'C', 'bold']);
  });
});

describe('insights: incremental updates', () => {
  it('after editing, adding and deleting files equals a fresh computation', () => {
    const days = summaries();
    days.days();
    days.set(fileFacts('paper_logs/2025/01/29.md', parseDigest(day('2025-01-29', entry('2501.00002', 'Beta', 50, ['Lee'])))));
    days.set(fileFacts('paper_logs/2025/02/01.md', parseDigest(day('2025-02-01', entry('2501.00009', 'Delta', 3, ['Yoon'])))));
    days.delete('README.md');
    const fresh = new DaySummaries();
    fresh.set(fileFacts('paper_logs/2024/03/05.md', parseDigest(files['paper_logs/2024/03/05.md'])));
    fresh.set(fileFacts('paper_logs/2025/01/29.md', parseDigest(day('2025-01-29', entry('2501.00002', 'Beta', 50, ['Lee'])))));
    fresh.set(fileFacts('paper_logs/2025/01/30.md', parseDigest(files['paper_logs/2025/01/30.md'])));
    fresh.set(fileFacts('paper_logs/2025/02/01.md', parseDigest(day('2025-02-01', entry('2501.00009', 'Delta', 3, ['Yoon'])))));
    assert.deepEqual(computeInsights(days.days()), computeInsights(fresh.days()));
    assert.deepEqual(days.days().map((d) => d.date), ['2024-03-05', '2025-01-29', '2025-01-30', '2025-02-01']);
  });

  it('keeps the merged summaries of dates a change did not touch', () => {
    const days = summaries();
    const before = days.days();
    days.set(fileFacts('paper_logs/2025/01/29.md', parseDigest(files['paper_logs/2025/01/29.md'])));
    const after = days.days();
    assert.equal(after[0], before[0], '2024-03-05 not merged again');
    assert.equal(after[2], before[2], '2025-01-30 not merged again');
    assert.notEqual(after[1], before[1]);
  });

  it('takes the papers the workspace index already holds, and problems counted later, as if computed at once', () => {
    const file = 'paper_logs/2025/01/29.md';
    const doc = parseDigest(files[file]);
    const papers = papersOf(file, doc);
    const facts = fileFacts(file, doc, [], papers);
    assert.equal(facts.days[0].papers[0], papers[0], 'the index\'s own paper objects, not copies');
    const problems = [problemAt(2, 'error'), problemAt(9, 'hint'), problemAt(0, 'warning')];
    assert.deepEqual(withProblems(facts, problemsPerDay(doc, problems)), fileFacts(file, doc, problems));
    assert.deepEqual(facts, fileFacts(file, doc));
    // The range's aggregates, synced before the problems came in and after, agree with a count from scratch.
    const days = summaries();
    days.set(facts);
    const range = new RangeInsights().sync(days.days());
    days.set(withProblems(facts, problemsPerDay(doc, problems)));
    assert.deepEqual(range.sync(days.days()).insights(), computeInsights(days.days()));
    assert.deepEqual(range.insights().totals.problems, { error: 1, warning: 1, information: 0, hint: 1 });
  });

  it('merges thousands of dates a slice at a time, and syncs the range the same way, to what one pass gives', () => {
    const many = new DaySummaries();
    const date = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    for (let i = 0; i < 1000; i++) many.set(fileFacts(`f${i}.md`, parseDigest(day(date(i), entry(`2001.${String(i % 300).padStart(5, '0')}`, `P${i}`, i % 50, [`A${i % 70}`, 'B'])))));
    let slices = 0;
    // A deadline already past: each call merges one batch of dates, then yields.
    while (!many.merge(-Infinity)) slices++;
    assert.ok(slices >= 10, `${slices} slices`);
    assert.equal(many.pending, 0);
    const whole = new RangeInsights();
    const sliced = new RangeInsights();
    slices = 0;
    while (!sliced.syncUntil(many.days(), -Infinity)) slices++;
    assert.ok(slices >= 10, `${slices} slices`);
    assert.deepEqual(sliced.insights(), whole.sync(many.days()).insights());
    assert.deepEqual(sliced.insights(), computeInsights(many.days()));
    // The top lists one a call with a deadline already past: three calls give nothing, the fourth the same insights.
    const listed = new RangeInsights().sync(many.days());
    const options = { top: 5, maxRepeats: 10 };
    const calls = [1, 2, 3, 4].map(() => listed.insightsUntil(options, -Infinity));
    assert.deepEqual(calls.slice(0, 3), [undefined, undefined, undefined]);
    assert.deepEqual(calls[3], whole.insights(options));
  });

  it('drops a file that is no longer a digest', () => {
    const days = summaries();
    days.set(fileFacts('README.md', parseDigest('# Just notes\n')));
    assert.deepEqual(computeInsights(days.days()).days.find((d) => d.date === '2025-01-30')?.files, 1);
  });
});

describe('insights: top lists', () => {
  it('keeps the same first n as a full sort, ties and all', () => {
    const order = (a: number[], b: number[]) => b[0] - a[0] || a[1] - b[1];
    for (let seed = 1; seed <= 50; seed++) {
      const rows = Array.from({ length: seed * 3 }, (_, i) => [(i * seed * 7919) % 13, i]);
      for (const n of [0, 1, 5, 20, 1000]) assert.deepEqual(firstInOrder(rows, n, order), [...rows].sort(order).slice(0, n), `seed ${seed}, n ${n}`);
    }
  });
});

describe('insights: tables', () => {
  it('writes CSV with quoting and Markdown whose cells cannot break the table', () => {
    const days = new DaySummaries();
    days.set(fileFacts('x.md', parseDigest(day('2025-01-29', entry('2501.00001', 'A | "quoted", <b>bold</b> \\times', 3, ['Kim'])))));
    const table = insightsTable(computeInsights(days.days()), 'papers');
    assert.equal(tableToCsv(table), 'id,title,votes,dates\n2501.00001,"A | ""quoted"", <b>bold</b> \\times",3,2025-01-29\n');
    assert.equal(tableToMarkdown(table), '| id | title | votes | dates |\n|---|---|---:|---|\n| 2501.00001 | A \\| "quoted", &lt;b>bold&lt;/b> \\\\times | 3 | 2025-01-29 |\n');
  });
});
