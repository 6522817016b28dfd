import * as assert from 'node:assert/strict';
import { applyEdits, digestPath, entryText, isNewDigestText, minimalEdit, newDigestText, parseArxivInput, parseDigest, sortEntriesByVotes, toBibliography, toCsv, validate } from '../../src/digest';
import { fixture } from './helpers';

describe('authoring', () => {
  it('builds the path of a new digest from the pattern', () => {
    assert.equal(digestPath('paper_logs/YYYY/MM/DD.md', '2025-01-29'), 'paper_logs/2025/01/29.md');
  });

  it('reads an arXiv ID from what people paste', () => {
    for (const input of ['2501.17161', ' arXiv:2501.17161 ', 'https://arxiv.org/abs/2501.17161', 'https://arxiv.org/pdf/2501.17161v2.pdf', 'hep-th/9901001']) {
      assert.ok(parseArxivInput(input), input);
    }
    assert.equal(parseArxivInput('https://arxiv.org/pdf/2501.17161v2.pdf'), '2501.17161v2');
    assert.equal(parseArxivInput('not an id'), null);
  });

  it('knows a digest just made by New Digest (a header and nothing else), whose empty day the editor does not report', () => {
    assert.ok(isNewDigestText(newDigestText('2025-01-29')));
    assert.ok(isNewDigestText('## Daily Papers (2025-01-29)\r\n'));
    assert.ok(!isNewDigestText('## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n'));
    assert.ok(!isNewDigestText('# Notes\n\n## Daily Papers (2025-01-29)\n'));
  });

  it('writes an entry skeleton that parses as a clean entry once the bullets are filled', () => {
    const text = '## Daily Papers (2025-01-29)\n\n' + entryText({ arxivId: '2501.17161v2', title: 'SFT Memorizes', authors: ['Tianzhe Chu', 'Yi Ma'] });
    const doc = parseDigest(text);
    const [e] = doc.entries;
    assert.equal(e.arxivId, '2501.17161');
    assert.equal(e.media[0].url, 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png');
    assert.deepEqual(e.authors?.names, ['Tianzhe Chu', 'Yi Ma']);
    assert.deepEqual(validate(doc).map((p) => p.ruleId), ['empty-bullet', 'empty-bullet', 'empty-bullet']);
    const filled = parseDigest(text.replace(/\*:\n/g, '*: 요약입니다.\n'));
    assert.deepEqual(validate(filled), []);
  });

  it('sorts each day by votes, stable, entries without votes last, keeping each entry intact', () => {
    const text = '## Daily Papers (2025-01-01)\n\n### [A](https://arxiv.org/abs/2501.00001)\n\nVote: 3\n\n### [B](https://arxiv.org/abs/2501.00002)\n\n### [C](https://arxiv.org/abs/2501.00003)\n\nVote: 9\n- 요약\n\n### [D](https://arxiv.org/abs/2501.00004)\n\nVote: 3\n';
    const sorted = applyEdits(text, sortEntriesByVotes(parseDigest(text)))!;
    assert.deepEqual(parseDigest(sorted).entries.map((e) => e.title), ['C', 'A', 'D', 'B']);
    assert.ok(sorted.includes('### [C](https://arxiv.org/abs/2501.00003)\n\nVote: 9\n- 요약\n\n### [A]'));
    assert.deepEqual(sortEntriesByVotes(parseDigest(sorted)), [], 'sorting a sorted day changes nothing');
  });

  it("exports the generator's papers_list.csv: date,title,url, titles as written, Python csv quoting, CRLF", () => {
    const csv = toCsv([parseDigest(fixture('era-de.md'))]);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'date,title,url');
    assert.equal(lines[1], '2025-01-29,$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules,https://arxiv.org/abs/2406.14347');
    assert.equal(lines[3], "2025-01-29,Evaluating the role of `Constitutions' for learning from AI feedback,https://arxiv.org/abs/2411.10168", 'backticks kept');
    assert.equal(lines.at(-1), '', 'every row ends with the line terminator');
    const tricky = parseDigest('## Daily Papers (2025-01-01)\n### [A, "B" **C**](https://arxiv.org/abs/2501.00001)\n### [D](https://huggingface.co/papers/2501.00002)\n');
    assert.deepEqual(toCsv([tricky], { eol: '\n' }).split('\n'), ['date,title,url', '2025-01-01,"A, ""B"" **C**",https://arxiv.org/abs/2501.00001', '2025-01-01,D,https://arxiv.org/abs/2501.00002', '']);
    assert.equal(toCsv([tricky], { titles: 'plain', eol: '\n' }).split('\n')[1], '2025-01-01,"A, ""B"" C",https://arxiv.org/abs/2501.00001');
  });

  it('exports each paper once as BibTeX', () => {
    const doc = parseDigest(fixture('era-de.md'));
    const bib = toBibliography([doc, doc]);
    assert.equal(bib.match(/@misc\{/g)?.length, 3);
  });
});

describe('minimalEdit', () => {
  it('replaces only the differing middle', () => {
    assert.deepEqual(minimalEdit('abcXYZdef', 'abc12def'), { start: 3, end: 6, newText: '12' });
    assert.deepEqual(minimalEdit('aaa', 'aaaa'), { start: 3, end: 3, newText: 'a' });
    assert.equal(minimalEdit('same', 'same'), null);
  });
});
