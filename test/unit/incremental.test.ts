import * as assert from 'node:assert/strict';
import { applyChanges, DigestCache, formatDigest, parseDigest, updateDigest, validate, type DigestDocument, type TextChange } from '../../src/digest';
import { lineBreakOf } from '../../src/digest/document';
import { formatParams } from '../../src/digest/format';
import { detectStyle } from '../../src/digest/style';
import { fixture } from './helpers';

/** The model without the text: what must be equal between an incremental and a fresh parse. */
const shape = (d: DigestDocument) => JSON.stringify({ days: d.days, orphans: d.orphanEntries, entries: d.entries, lines: d.lineCount, digest: d.hasDayHeader });

/** A small deterministic PRNG (mulberry32) so failures can be replayed from the printed seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['\u00a0', '<!-- daily-papers-disable-next-line -->\n', 'x', '\n', '\r\n', '#', '### ', '## Daily Papers (2025-01-02)\n', '```\n', '~~~', '<!--', '-->', '- ', '- ***What\'s New***: ', 'Vote: 3\n', 'Authors: A, B\n', '\n### [T](https://arxiv.org/abs/2501.00009)\n', '한글', '## License\n', ''];

function randomChange(text: string, rnd: () => number): TextChange {
  const at = Math.floor(rnd() * (text.length + 1));
  const length = rnd() < 0.5 ? 0 : Math.min(text.length - at, Math.floor(rnd() * 40));
  return { rangeOffset: at, rangeLength: length, text: SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] };
}

describe('updateDigest: incremental equals fresh', () => {
  const texts = ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md'].map(fixture);
  texts.push(texts.join('\n'));

  for (let seed = 1; seed <= 40; seed++) {
    it(`random edit sequence, seed ${seed}`, () => {
      const rnd = random(seed);
      let text = texts[seed % texts.length];
      let doc = parseDigest(text);
      for (let step = 0; step < 30; step++) {
        const changes = [randomChange(text, rnd)];
        if (rnd() < 0.2) {
          // A second change in the same event, before the first (as multi-cursor edits arrive).
          const c = randomChange(text.slice(0, changes[0].rangeOffset), rnd);
          changes.push(c);
        }
        text = applyChanges(text, changes);
        doc = updateDigest(doc, text, changes);
        assert.equal(shape(doc), shape(parseDigest(text)), `seed ${seed}, step ${step}: incremental differs from fresh`);
      }
    });
  }

  it('reuses the entries before an edit and shifts those after it', () => {
    const text = fixture('era-de.md');
    const before = parseDigest(text);
    const insertAt = (doc: DigestDocument, at: number) =>
      updateDigest(doc, doc.text.slice(0, at) + 'X' + doc.text.slice(at), [{ rangeOffset: at, rangeLength: 0, text: 'X' }]);
    const late = insertAt(before, before.entries[2].sections[0].textStart.offset);
    assert.equal(late.entries[0], before.entries[0], 'an entry two segments before the edit is the same object');
    assert.equal(late.entries[1], before.entries[1]);
    assert.ok(late.entries[2].sections[0].text.startsWith('X'));
    const early = insertAt(before, before.entries[0].sections[0].textStart.offset);
    assert.equal(early.entries[2].range.start.offset, before.entries[2].range.start.offset + 1);
    assert.equal(early.entries[2].range.start.line, before.entries[2].range.start.line);
  });

  it('falls back to a full parse when the changes do not fit the previous text', () => {
    const before = parseDigest('## Daily Papers (2025-01-01)\n');
    const after = updateDigest(before, 'something else', [{ rangeOffset: 0, rangeLength: 1, text: '' }]);
    assert.equal(after.hasDayHeader, false);
  });
});

describe('validation after an edit redoes only what the edit touched: equal to a fresh one', () => {
  // All the fixtures in one text: many entries, so that spans and gaps before and after an edit are taken as they were.
  const text = ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md', 'crlf.md', 'multi-day.md'].map(fixture).join('\n');
  const layout = (doc: DigestDocument) => JSON.stringify(validate(doc).filter((p) => p.ruleId === 'layout'));
  const all = (doc: DigestDocument) => JSON.stringify(validate(doc));

  for (let seed = 1; seed <= 30; seed++) {
    it(`random edit sequence, seed ${seed}, some versions never validated`, () => {
      const rnd = random(seed);
      let current = seed % 2 ? text : text.replace(/\r?\n/g, '\r\n');
      let doc = parseDigest(current);
      validate(doc);
      for (let step = 0; step < 30; step++) {
        const changes = [randomChange(current, rnd)];
        current = applyChanges(current, changes);
        doc = updateDigest(doc, current, changes);
        // An editor validates after a pause: the versions typed in between are never validated.
        if (rnd() < 0.3) continue;
        const fresh = parseDigest(current);
        assert.equal(lineBreakOf(doc), lineBreakOf(fresh), `seed ${seed}, step ${step}: line break`);
        assert.deepEqual(detectStyle(doc), detectStyle(fresh), `seed ${seed}, step ${step}: style`);
        assert.deepEqual(formatParams(doc), formatParams(fresh), `seed ${seed}, step ${step}: the formatter's parameters`);
        assert.equal(all(doc), all(fresh), `seed ${seed}, step ${step}: problems differ from a fresh check`);
      }
    });
  }

  it('a problem in the text between two entries (a day header) is found again after edits elsewhere, and gone once fixed', () => {
    let doc = parseDigest(fixture('multi-day.md').replace(/## Daily Papers \((\d{4}-\d{2}-\d{2})\)/g, '## Daily Papers ($1)\u00a0'));
    const nbsp = (d: DigestDocument) => validate(d).filter((p) => p.ruleId === 'nbsp').map((p) => p.range.start.line);
    const before = nbsp(doc);
    assert.ok(before.length >= 2, 'a non-breaking space after each day header');
    const edit = (d: DigestDocument, offset: number, length: number, s: string) => updateDigest(d, d.text.slice(0, offset) + s + d.text.slice(offset + length), [{ rangeOffset: offset, rangeLength: length, text: s }]);
    doc = edit(doc, 0, 0, '\n\n');
    assert.deepEqual(nbsp(doc), before.map((line) => line + 2), 'moved down with the text');
    const last = doc.text.lastIndexOf('\u00a0');
    doc = edit(doc, last, 1, '');
    assert.deepEqual(nbsp(doc), before.slice(0, -1).map((line) => line + 2));
  });

  it('the label style counted from the entries an edit changed follows the majority as it changes', () => {
    const entry = (id: number, label: string) => `### [P${id}](https://arxiv.org/abs/2501.0000${id})\n\nVote: 1\n\n- ${label}: 설명\n`;
    let doc = parseDigest(['## Daily Papers (2025-01-02)', entry(1, "***What's New***"), entry(2, "***What's New***"), entry(3, "**What's New**")].join('\n\n'));
    assert.equal(detectStyle(doc).labelStyle, 'bold-italic');
    const at = doc.text.indexOf("***What's New***");
    doc = updateDigest(doc, doc.text.slice(0, at) + doc.text.slice(at + 1, at + 15) + doc.text.slice(at + 16), [
      { rangeOffset: at + 15, rangeLength: 1, text: '' },
      { rangeOffset: at, rangeLength: 1, text: '' },
    ]);
    assert.equal(detectStyle(doc).labelStyle, 'bold', 'two of three labels are bold now');
    assert.deepEqual(detectStyle(doc), detectStyle(parseDigest(doc.text)));
  });

  it('a document made by another copy of the core (a test bundle beside the extension) is validated, formatted and updated as any', () => {
    const made = parseDigest(fixture('crlf.md'));
    const foreign: DigestDocument = { ...made };
    assert.deepEqual(validate(foreign), validate(made), 'no rule fails for want of its history');
    assert.equal(formatDigest(foreign), formatDigest(made));
    assert.equal(lineBreakOf(foreign), '\r\n');
    const next = updateDigest(foreign, foreign.text + 'x', [{ rangeOffset: foreign.text.length, rangeLength: 0, text: 'x' }]);
    assert.equal(shape(next), shape(parseDigest(foreign.text + 'x')));
  });

  it('a fence opened in one entry changes the spans after it, and closing it changes them back', () => {
    let doc = parseDigest(fixture('multi-day.md') + '\n' + fixture('era-de.md'));
    const before = layout(doc);
    const at = doc.entries[1].sections[0].textStart.offset;
    const insert = (d: DigestDocument, offset: number, s: string) => updateDigest(d, d.text.slice(0, offset) + s + d.text.slice(offset), [{ rangeOffset: offset, rangeLength: 0, text: s }]);
    validate(doc);
    doc = insert(doc, doc.text.lastIndexOf('\n', at) + 1, '```\n');
    assert.equal(layout(doc), layout(parseDigest(doc.text)));
    assert.notEqual(layout(doc), before, 'the open fence changes what the formatter would write');
    doc = updateDigest(doc, doc.text.replace('```\n', ''), [{ rangeOffset: doc.text.indexOf('```\n'), rangeLength: 4, text: '' }]);
    assert.equal(layout(doc), before);
  });
});

describe('DigestCache', () => {
  const text = fixture('era-b.md');

  it('serves the same object for the same version and parses incrementally for the next', () => {
    const cache = new DigestCache();
    const v1 = cache.get('file:///a.md', 1, () => text);
    assert.equal(cache.get('file:///a.md', 1, () => assert.fail('text must not be read on a hit')), v1);
    const change = { rangeOffset: 0, rangeLength: 0, text: '\n' };
    cache.recordChanges('file:///a.md', 2, [change]);
    const v2 = cache.get('file:///a.md', 2, () => applyChanges(text, [change]));
    assert.notEqual(v2, v1);
    assert.equal(v2.entries[0].range.start.line, v1.entries[0].range.start.line + 1);
    assert.deepEqual(cache.stats, { fullParses: 1, incrementalUpdates: 1, hits: 1 });
  });

  it('catches up over several recorded versions at once', () => {
    const cache = new DigestCache();
    cache.get('k', 1, () => text);
    const c2 = { rangeOffset: 0, rangeLength: 0, text: 'a' };
    const c3 = { rangeOffset: 1, rangeLength: 0, text: 'b' };
    cache.recordChanges('k', 2, [c2]);
    cache.recordChanges('k', 3, [c3]);
    const final = applyChanges(applyChanges(text, [c2]), [c3]);
    assert.equal(shape(cache.get('k', 3, () => final)), shape(parseDigest(final)));
    assert.equal(cache.stats.incrementalUpdates, 1);
  });

  it('re-parses fully after a gap in the recorded versions, and forgets deleted documents', () => {
    const cache = new DigestCache();
    cache.get('k', 1, () => text);
    cache.recordChanges('k', 5, [{ rangeOffset: 0, rangeLength: 0, text: 'z' }]);
    cache.get('k', 5, () => 'z' + text);
    assert.equal(cache.stats.fullParses, 2);
    cache.delete('k');
    cache.get('k', 5, () => 'z' + text);
    assert.equal(cache.stats.fullParses, 3, 'a deleted document is parsed again');
  });

  it('keeps at most its capacity of documents', () => {
    const cache = new DigestCache(2);
    for (const key of ['a', 'b', 'c']) cache.get(key, 1, () => text);
    cache.get('c', 1, () => text);
    assert.equal(cache.stats.hits, 1, 'the newest is kept');
    cache.get('a', 1, () => text);
    assert.equal(cache.stats.fullParses, 4, 'the oldest was dropped');
  });
});

describe('updateDigest: edits that empty the text', () => {
  it('deleting a lone heading down to nothing (found by the property tests)', () => {
    let doc = parseDigest('');
    for (const [text, change] of [
      ['### ', { rangeOffset: 0, rangeLength: 0, text: '### ' }],
      ['###', { rangeOffset: 3, rangeLength: 1, text: '' }],
      ['', { rangeOffset: 0, rangeLength: 3, text: '' }],
    ] as const) {
      doc = updateDigest(doc, text, [change]);
      assert.equal(JSON.stringify(doc.entries), JSON.stringify(parseDigest(text).entries));
    }
    assert.deepEqual(doc.entries, []);
  });
});
