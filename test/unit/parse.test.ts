import * as assert from 'node:assert/strict';
import { parseDigest } from '../../src/digest';
import { findLinkableIds } from '../../src/digest/references';
import { assertRangesAgree, fixture } from './helpers';

describe('parseDigest: format eras', () => {
  it('era A: consecutive field lines, no votes, a raw <video> tag, an entry with bullets only', () => {
    const doc = parseDigest(fixture('era-a.md'));
    assertRangesAgree(doc);
    assert.equal(doc.days.length, 1);
    assert.deepEqual(doc.entries.map((e) => e.arxivId), ['2311.11045', '2311.10982', '2311.11829']);
    const [orca, pixels, s2a] = doc.entries;
    assert.equal(orca.vote, null);
    assert.deepEqual(orca.authors?.names, ['Arindam Mitra', 'Luciano Del Corro', 'Shweti Mahajan']);
    assert.equal(orca.media[0].form, 'image');
    assert.equal(orca.sections.length, 2);
    assert.equal(orca.sections[0].labelStyle, 'none');
    assert.equal(pixels.media[0].form, 'video-tag');
    assert.equal(pixels.media[0].url, 'https://cdn-uploads.huggingface.co/production/uploads/sample/pixeldance.mp4');
    assert.equal(s2a.title, 'System 2 Attention (is something you might need too)');
    assert.deepEqual(s2a.fields.map((f) => f.kind), ['summary']);
  });

  it('era B: video template, broken [Watch Video]URL, Vote: -, continuation lines and loose lists', () => {
    const doc = parseDigest(fixture('era-b.md'));
    assertRangesAgree(doc);
    const [movie, res] = doc.entries;
    assert.equal(movie.media.length, 1);
    assert.equal(movie.media[0].form, 'video-template');
    assert.equal(movie.media[0].range.end.line - movie.media[0].range.start.line, 1);
    assert.equal(movie.vote?.value, 12);
    assert.equal(movie.sections.length, 3);
    assert.equal(movie.sections[1].text, '대본을 먼저 쓰고\n장면 이미지를 이어서 생성합니다.');
    assert.equal(res.media[0].form, 'video-broken-link');
    assert.equal(res.vote?.raw, '-');
    assert.equal(res.vote?.value, null);
  });

  it('era C: bold labels, a typographic apostrophe, nested bullets, a fourth label, brackets in titles', () => {
    const doc = parseDigest(fixture('era-c.md'));
    assertRangesAgree(doc);
    const [gpt, beyond] = doc.entries;
    assert.equal(gpt.title, "GPT-[n] and the `Constitutions' of [IDK] Tokens");
    assert.equal(gpt.arxivId, '2407.12345');
    assert.deepEqual(gpt.sections.map((s) => [s.label, s.labelStyle]), [
      ['What’s New', 'bold'],
      ['Technical Details', 'bold'],
      ['Performance Highlights', 'bold'],
      ['Conclusion', 'bold'],
    ]);
    assert.equal(gpt.sections[1].text, '하위 항목이 있는 설명입니다.\n  - 첫째 하위 항목\n  - 둘째 하위 항목');
    assert.deepEqual(gpt.authors?.names, ['Ada Lovelace', 'Alan Turing', 'Ada Lovelace']);
    assert.equal(beyond.title, 'Beyond A*: Better Planning with Transformers via Search Dynamics Bootstrapping');
    assert.deepEqual(beyond.sections.map((s) => s.labelStyle), ['bold-italic', 'bold', 'malformed']);
    assert.equal(beyond.sections[2].label, 'Technical Details');
  });

  it('era D/E: bold-italic labels, Vote: 0, Python-list authors, two headers with the same date, LaTeX titles', () => {
    const doc = parseDigest(fixture('era-de.md'));
    assertRangesAgree(doc);
    assert.deepEqual(doc.days.map((d) => [d.date, d.entries.length]), [['2025-01-29', 2], ['2025-01-29', 1]]);
    const [nabla, better, constitutions] = doc.entries;
    assert.equal(nabla.title, '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules');
    assert.equal(nabla.vote?.value, 0);
    assert.equal(nabla.authors?.style, 'python-list');
    assert.deepEqual(nabla.authors?.names, ['Kuzma Khrabrov', "Mark O'Neil", 'Anton Ber']);
    assert.equal(nabla.sections.length, 1);
    assert.equal(better.title, 'Better & Faster Large Language Models via Multi-token Prediction');
    assert.deepEqual(better.sections.map((s) => s.label), ["What's New", 'Technical Details', 'Performance Highlights']);
    assert.equal(constitutions.title, "Evaluating the role of `Constitutions' for learning from AI feedback");
  });

  it('a digest embedded in a README: fences hide structure, other H2 headings end the day', () => {
    const doc = parseDigest(fixture('readme-embedded.md'));
    assertRangesAgree(doc);
    assert.deepEqual(doc.days.map((d) => d.date), ['2025-04-10']);
    assert.equal(doc.entries.length, 1);
    assert.equal(doc.entries[0].title, "DeepSeek-R1 Thoughtology: Let's <think> about LLM Reasoning");
    assert.equal(doc.days[0].range.end.line, doc.entries[0].range.end.line);
    assert.equal(doc.orphanEntries.length, 0, 'a non-arXiv H3 outside a day is not an entry');
  });
});

describe('parseDigest: encodings and odd input', () => {
  it('CRLF line endings give the same model, ranges counted in the CRLF text', () => {
    const lf = parseDigest(fixture('era-de.md'));
    const crlf = parseDigest(fixture('era-de.md').replace(/\n/g, '\r\n'));
    assertRangesAgree(crlf);
    assert.deepEqual(crlf.entries.map((e) => [e.title, e.vote?.value, e.sections.map((s) => s.text)]), lf.entries.map((e) => [e.title, e.vote?.value, e.sections.map((s) => s.text)]));
    assert.equal(crlf.entries[1].headingRange.start.line, lf.entries[1].headingRange.start.line);
  });

  it('a byte-order mark before the first header', () => {
    const doc = parseDigest('\uFEFF' + fixture('era-a.md'));
    assertRangesAgree(doc);
    assert.equal(doc.days[0].date, '2023-11-20');
    assert.equal(doc.days[0].dateRange.start.character, 18, "the BOM is a character of line 0");
  });

  it('TABs after the field names', () => {
    const doc = parseDigest('## Daily Papers (2025-01-01)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\nVote:\t3\n\nAuthors:\tA, B\n');
    assertRangesAgree(doc);
    assert.equal(doc.entries[0].vote?.value, 3);
    assert.deepEqual(doc.entries[0].authors?.names, ['A', 'B']);
  });

  it('keeps lines it cannot interpret instead of dropping them', () => {
    const doc = parseDigest('## Daily Papers (2025-01-01)\nstray text\n### [T](https://arxiv.org/abs/2501.00001)\nsomething odd\n- a bullet\n');
    assert.deepEqual(doc.days[0].unrecognized.map((u) => u.text), ['stray text']);
    assert.deepEqual(doc.entries[0].unrecognized.map((u) => u.text), ['something odd']);
  });

  it('a heading that is not a single arXiv link is still an entry of its day', () => {
    const doc = parseDigest('## Daily Papers (2025-01-01)\n### Just words\n### [A](https://example.org/a)\n### [B](https://arxiv.org/abs/2501.00002) and more\n');
    assertRangesAgree(doc);
    assert.deepEqual(doc.entries.map((e) => [e.titleIsLink, e.arxivId]), [[false, null], [true, null], [false, null]]);
  });

  it('old-style IDs, versions and PDF links', () => {
    const doc = parseDigest(
      '## Daily Papers (2025-01-01)\n### [Old](https://arxiv.org/abs/hep-th/9901001)\n### [V](https://arxiv.org/abs/2501.00001v2)\n### [P](https://arxiv.org/pdf/2501.00003.pdf)\n',
    );
    assert.deepEqual(doc.entries.map((e) => e.arxivId), ['hep-th/9901001', '2501.00001v2', '2501.00003']);
  });

  it('an entry outside any day section is an orphan, and an invalid date is kept as written', () => {
    const doc = parseDigest('### [A](https://arxiv.org/abs/2501.00001)\n\n## Daily Papers (2025-02-30)\n');
    assert.equal(doc.orphanEntries.length, 1);
    assert.equal(doc.days[0].date, '2025-02-30');
    assert.equal(doc.days[0].dateValid, false);
    assert.equal(doc.days[0].entries.length, 0);
  });

  it('inside an entry, a fence closes only on a bare fence line: a Vote in a code block is code', () => {
    const text = [
      '## Daily Papers (2025-01-29)', '', '### [SFT Memorizes, RL Generalizes](https://arxiv.org/abs/2501.17161)', '',
      "- ***What's New***: an example follows", '```', '```js', 'Vote: 3', 'Authors: Nobody', '```', '',
      '<!--', 'Vote: 4', '-->', '',
    ].join('\n');
    const [entry] = parseDigest(text).entries;
    assert.equal(entry.vote, null);
    assert.equal(entry.authors, null);
    assert.deepEqual(entry.fields.map((f) => f.kind), ['summary']);
    // The summary bullet holds the code block; the comment belongs to nothing.
    assert.equal(entry.sections[0].range.end.line, 9);
    assert.deepEqual(findLinkableIds('```\n```js\narXiv:2501.17161\n```\narXiv:2501.17161\n').map((l) => l.range.start.line), [4]);
  });

  it('an unterminated fence hides everything after it', () => {
    const doc = parseDigest('## Daily Papers (2025-01-01)\n```\n### [A](https://arxiv.org/abs/2501.00001)\n');
    assert.equal(doc.entries.length, 0);
    assert.equal(doc.hasDayHeader, true);
  });

  it('a file that is not a digest has no days', () => {
    const doc = parseDigest('# Notes\n\n## Daily Papers\n\nSome text.\n');
    assert.equal(doc.hasDayHeader, false);
    assert.deepEqual(doc.days, []);
  });

  it('never throws on awkward input', () => {
    const inputs = ['', '\n', '\r', '\uFEFF', '###', '### [', '### [](', '### [a](b', '- ***', 'Vote:', 'Authors: [', "Authors: ['a", '\0\uD800', '#'.repeat(10000), '['.repeat(10000), '*'.repeat(50000)];
    for (const body of inputs) {
      for (const text of [body, `## Daily Papers (2025-01-01)\n### [T](https://arxiv.org/abs/2501.00001)\n${body}\n${body}`]) {
        assert.doesNotThrow(() => assertRangesAgree(parseDigest(text)), JSON.stringify(text.slice(0, 40)));
      }
    }
  });
});
