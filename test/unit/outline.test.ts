import * as assert from 'node:assert/strict';
import { arrangeEntries, buildOutline, entryLabel, foldingRegions, ModelCache, nodeAtLine, nodeById, PaperIndex, parseDigest, toBibtex, updateDigest } from '../../src/digest';
import { fixture } from './helpers';

describe('outline', () => {
  const doc = parseDigest(fixture('era-de.md'));

  it('lists days, entries with descriptions, and sections, with content-based ids', () => {
    const outline = buildOutline(doc);
    assert.deepEqual(outline.days.map((d) => d.id), ['day:2025-01-29', 'day:2025-01-29~2']);
    const [first, second] = outline.days[0].entries;
    assert.equal(first.id, 'entry:2406.14347');
    assert.equal(first.description, '3 authors');
    assert.equal(second.description, '2 authors');
    assert.equal(entryLabel(second.entry, '?'), `▲15 ${second.entry.title}`);
    assert.equal(entryLabel({ ...second.entry, title: '', vote: null }, '(untitled)'), '(untitled)');
    assert.deepEqual(second.sections.map((s) => s.label), ["What's New", 'Technical Details', 'Performance Highlights']);
    assert.equal(nodeById(outline, 'entry:2404.19737/1'), second.sections[1]);
  });

  it('keeps ids when lines above change', () => {
    const edited = updateDigest(doc, '\n\n' + doc.text, [{ rangeOffset: 0, rangeLength: 0, text: '\n\n' }]);
    assert.deepEqual([...buildOutline(edited).byId.keys()], [...buildOutline(doc).byId.keys()]);
  });

  it('sorts by votes or title, and filters by title, author or ID', () => {
    const { days } = buildOutline(doc);
    assert.deepEqual(arrangeEntries(days[0].entries, { sort: 'votes' }).map((e) => e.entry.vote?.value), [15, 0]);
    assert.deepEqual(arrangeEntries(days[0].entries, { sort: 'title' }).map((e) => e.entry.arxivId), ['2406.14347', '2404.19737']);
    assert.deepEqual(days.map((d) => arrangeEntries(d.entries, { filter: "o'neil" }).length), [1, 0]);
    assert.equal(arrangeEntries(days[1].entries, { filter: '2411.10168' }).length, 1);
    assert.equal(arrangeEntries(days[0].entries, { filter: 'BETTER &' })[0].entry.arxivId, '2404.19737');
    assert.equal(arrangeEntries(days[0].entries, {}), days[0].entries, 'file order without a filter is the outline itself');
  });

  it('finds the node under a line', () => {
    const outline = buildOutline(doc);
    const entry = doc.entries[1];
    assert.equal(nodeAtLine(doc, outline, entry.headingRange.start.line)?.id, 'entry:2404.19737');
    assert.equal(nodeAtLine(doc, outline, entry.sections[2].range.start.line)?.id, 'entry:2404.19737/2');
    assert.equal(nodeAtLine(doc, outline, 0)?.id, 'day:2025-01-29');
  });

  it('finds the entry under a line when entries outside any day come before and between the days', () => {
    const text =
      '### [Before](https://arxiv.org/abs/2501.00001)\n- a\n\n## Daily Papers (2025-01-02)\n\n### [Day one](https://arxiv.org/abs/2501.00002)\n- b\n\n' +
      '## Notes\n\n### [Between](https://arxiv.org/abs/2501.00003)\n- c\n\n## Daily Papers (2025-01-03)\n\n### [Day two](https://arxiv.org/abs/2501.00004)\n- d\n';
    const mixed = parseDigest(text);
    const outline = buildOutline(mixed);
    assert.equal(mixed.entries.length, 4);
    assert.ok(mixed.orphanEntries.length >= 1, 'the fixture has entries outside any day');
    for (const entry of mixed.entries) {
      const node = nodeAtLine(mixed, outline, entry.headingRange.start.line);
      assert.equal(node?.kind === 'entry' ? node.entry : undefined, entry, `the node at line ${entry.headingRange.start.line} is "${entry.title}"`);
    }
    assert.deepEqual(outline.inDocumentOrder.map((n) => n.entry), mixed.entries);
  });

  it('derives each value once per document version, and reads no shifted entry to build the outline', () => {
    const models = new ModelCache();
    const model = models.get(doc);
    assert.equal(models.get(doc), model);
    for (let i = 0; i < 3; i++) {
      void model.outline;
      void model.style;
      model.entryAt(doc.entries[1].headingRange.start.line);
      model.papers('a.md');
    }
    assert.deepEqual(models.stats, { models: 1, outlines: 1, styles: 1, papers: 1 });
    assert.equal(model.entryAt(doc.entries[1].sections[0].range.start.line)?.id, 'entry:2404.19737');

    // An edit at the top shifts every entry lazily; building the outline must not copy their sections out.
    const edited = updateDigest(doc, '\n' + doc.text, [{ rangeOffset: 0, rangeLength: 0, text: '\n' }]);
    const sectionsCopied = () => edited.entries.filter((e) => (e as unknown as { shiftedSections?: unknown }).shiftedSections !== undefined).length;
    assert.ok(edited.entries.some((e) => 'original' in e), 'the edit shifted entries lazily');
    const next = models.get(edited);
    assert.deepEqual(next.outline.days.flatMap((d) => d.entries.map((e) => e.id)), model.outline.days.flatMap((d) => d.entries.map((e) => e.id)));
    assert.equal(sectionsCopied(), 0, 'no shifted entry copied out its sections');
    void next.outline.days[0].entries[0].sections;
    assert.equal(sectionsCopied(), 1, 'reading one entry\'s sections copies only those');
    assert.equal(models.stats.outlines, 2);
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
