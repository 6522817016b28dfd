import * as assert from 'node:assert/strict';
import { buildOutline, foldingRegions, nodeAtLine, PaperIndex, parseDigest, toBibtex, updateDigest } from '../../src/digest';
import { fixture } from './helpers';

describe('outline', () => {
  const doc = parseDigest(fixture('era-de.md'));

  it('lists days, entries with descriptions, and sections, with content-based ids', () => {
    const outline = buildOutline(doc);
    assert.deepEqual(outline.days.map((d) => d.id), ['day:2025-01-29', 'day:2025-01-29~2']);
    const [first, second] = outline.days[0].entries;
    assert.equal(first.id, 'entry:2406.14347');
    assert.equal(first.description, '▲ 0 · 3 authors');
    assert.equal(second.description, '▲ 15 · 2 authors');
    assert.deepEqual(second.sections.map((s) => s.label), ["What's New", 'Technical Details', 'Performance Highlights']);
    assert.equal(outline.byId.get('entry:2404.19737/1'), second.sections[1]);
  });

  it('keeps ids when lines above change', () => {
    const edited = updateDigest(doc, '\n\n' + doc.text, [{ rangeOffset: 0, rangeLength: 0, text: '\n\n' }]);
    assert.deepEqual([...buildOutline(edited).byId.keys()], [...buildOutline(doc).byId.keys()]);
  });

  it('sorts by votes or title, and filters by title, author or ID', () => {
    assert.deepEqual(buildOutline(doc, { sort: 'votes' }).days[0].entries.map((e) => e.entry.vote?.value), [15, 0]);
    assert.deepEqual(buildOutline(doc, { sort: 'title' }).days[0].entries.map((e) => e.entry.arxivId), ['2406.14347', '2404.19737']);
    const byAuthor = buildOutline(doc, { filter: "o'neil" });
    assert.deepEqual(byAuthor.days.map((d) => d.entries.length), [1, 0]);
    assert.equal(buildOutline(doc, { filter: '2411.10168' }).days[1].entries.length, 1);
    assert.equal(buildOutline(doc, { filter: 'BETTER &' }).days[0].entries[0].entry.arxivId, '2404.19737');
  });

  it('finds the node under a line', () => {
    const outline = buildOutline(doc);
    const entry = doc.entries[1];
    assert.equal(nodeAtLine(outline, entry.headingRange.start.line)?.id, 'entry:2404.19737');
    assert.equal(nodeAtLine(outline, entry.sections[2].range.start.line)?.id, 'entry:2404.19737/2');
    assert.equal(nodeAtLine(outline, 0)?.id, 'day:2025-01-29');
  });

  it('folds days and entries', () => {
    const regions = foldingRegions(doc);
    assert.deepEqual(regions[0], { start: 0, end: doc.days[0].range.end.line });
    assert.equal(regions.length, doc.days.length + doc.entries.length);
  });
});

describe('paper index', () => {
  const index = new PaperIndex();
  index.setFile('a.md', parseDigest(fixture('era-de.md')));
  index.setFile('b.md', parseDigest(fixture('era-c.md')));
  index.setFile('c.md', parseDigest('## Daily Papers (2025-02-01)\n### [Better & Faster Large Language Models via Multi-token Prediction](https://arxiv.org/abs/2404.19737v2)\nAuthors: Fabian Gloeckle\n'));

  it('counts files and papers and finds every appearance of a paper, by date', () => {
    assert.equal(index.fileCount, 3);
    assert.equal(index.paperCount, 6);
    assert.deepEqual(index.appearances('2404.19737').map((p) => [p.file, p.date]), [['a.md', '2025-01-29'], ['c.md', '2025-02-01']]);
  });

  it('searches IDs first, then titles, then authors', () => {
    assert.deepEqual(index.search('2402.14083').map((m) => [m.kind, m.paper.file]), [['id', 'b.md']]);
    assert.deepEqual(index.search('constitutions').map((m) => m.kind), ['title', 'title']);
    const byAuthor = index.search('turing');
    assert.deepEqual(byAuthor.map((m) => [m.kind, m.author]), [['author', 'Alan Turing']]);
  });

  it('forgets a deleted file', () => {
    const copy = new PaperIndex();
    copy.setFile('a.md', parseDigest(fixture('era-de.md')));
    copy.deleteFile('a.md');
    assert.equal(copy.paperCount, 0);
    assert.deepEqual(copy.appearances('2404.19737'), []);
  });
});

describe('bibtex', () => {
  it('builds an arXiv @misc entry, escaping BibTeX specials and keeping LaTeX', () => {
    const bib = toBibtex({ arxivId: '2404.19737v2', title: 'Better & Faster $\\nabla$ Models', authors: ['Fabian Gloeckle', 'Badr Youbi Idrissi'], date: '2025-01-29' });
    assert.equal(
      bib,
      '@misc{gloeckle2025-2404.19737,\n  title = {Better \\& Faster $\\nabla$ Models},\n  author = {Fabian Gloeckle and Badr Youbi Idrissi},\n  year = {2025},\n  eprint = {2404.19737},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2404.19737}\n}\n',
    );
  });
});
