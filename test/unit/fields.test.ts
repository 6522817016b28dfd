import * as assert from 'node:assert/strict';
import { parseAuthors } from '../../src/digest/authors';
import { arxivIdFromUrl, isValidArxivId, baseArxivId, parseDigest, thumbnailUrl, validate } from '../../src/digest';
import { matchLabel } from '../../src/digest/lines';

describe('authors', () => {
  it('reads comma lists, trimming and keeping repeated names', () => {
    assert.deepEqual(parseAuthors(' A B,  C ,A B ').names, ['A B', 'C', 'A B']);
    assert.deepEqual(parseAuthors('').names, []);
  });
  it('reads Python list literals with both quote kinds and escapes', () => {
    const r = parseAuthors(`['Ada', "O'Neil", 'D\\'Arcy']`);
    assert.equal(r.style, 'python-list');
    assert.deepEqual(r.names, ['Ada', "O'Neil", "D'Arcy"]);
  });
  it('treats a bracketed text that is not a list literal as a comma list', () => {
    assert.deepEqual(parseAuthors('[Ada, Bob]'), { style: 'comma', names: ['[Ada', 'Bob]'], omitted: false });
  });
  it("takes Hugging Face's `+` (authors left out) for what it is, not for a name", () => {
    assert.deepEqual(parseAuthors('Ada, Bob, +, Yan, Zoe'), { style: 'comma', names: ['Ada', 'Bob', 'Yan', 'Zoe'], omitted: true });
    assert.deepEqual(parseAuthors('Ada, Bob, +'), { style: 'comma', names: ['Ada', 'Bob'], omitted: true });
    assert.deepEqual(parseAuthors(`['Ada', '+']`), { style: 'python-list', names: ['Ada'], omitted: true });
    assert.deepEqual(parseAuthors('Ada+Bob, C++ Team'), { style: 'comma', names: ['Ada+Bob', 'C++ Team'], omitted: false });
    const doc = parseDigest('## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\nAuthors: +\n');
    assert.deepEqual(doc.entries[0].authors?.names, []);
    assert.deepEqual(validate(doc).filter((p) => p.ruleId === 'empty-authors'), [], 'a list that only says authors were left out is not empty');
  });
});

describe('arXiv IDs', () => {
  it('takes the ID from abs and pdf URLs', () => {
    assert.equal(arxivIdFromUrl('https://arxiv.org/abs/2501.17161'), '2501.17161');
    assert.equal(arxivIdFromUrl('http://www.arxiv.org/pdf/2501.17161v3.pdf'), '2501.17161v3');
    assert.equal(arxivIdFromUrl('https://example.org/abs/2501.17161'), null);
  });
  it('knows valid from malformed IDs', () => {
    for (const id of ['2501.17161', '1412.6980', '2501.17161v2', 'hep-th/9901001', 'math.AG/0601001']) assert.ok(isValidArxivId(id), id);
    for (const id of ['2501.1716', '2513.12345', '1412.69801', 'abc', '2501-17161', 'hep-th/9913001']) assert.ok(!isValidArxivId(id), id);
  });
  it('derives the base ID and the thumbnail URL', () => {
    assert.equal(baseArxivId('2501.17161v2'), '2501.17161');
    assert.equal(thumbnailUrl('2501.17161v2'), 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png');
  });
});

describe('summary labels', () => {
  it('tells the three styles and malformed labels apart', () => {
    assert.deepEqual(matchLabel("***What's New***: x"), { label: "What's New", style: 'bold-italic', length: 17 });
    assert.deepEqual(matchLabel('**Technical Details**: x').style, 'bold');
    assert.deepEqual(matchLabel('***Technical Details*: x').style, 'malformed');
    assert.deepEqual(matchLabel('**Limitations:** x').style, 'malformed');
    assert.deepEqual(matchLabel('free text: with a colon').style, 'none');
    assert.deepEqual(matchLabel('*emphasis* in a free bullet').style, 'none');
  });
});
