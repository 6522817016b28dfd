import * as assert from 'node:assert/strict';
import { applyChanges, parseDigest, updateDigest, type DigestDocument, type TextChange } from '../../src/digest';
import { CardCache, DEFAULT_RENDER_OPTIONS, diffDigests, digestBodyHtml, EXPORT_CSP, exportDigestHtml, renderDigest, type RenderedDigest } from '../../src/digest/render';
import { escapeHtml } from '../../src/digest/render/html';
import { fixture } from './helpers';

/** Applies one edit as VS Code reports it, through the incremental parser (as the extension does). */
function edit(doc: DigestDocument, change: TextChange): DigestDocument {
  return updateDigest(doc, applyChanges(doc.text, [change]), [change]);
}

const at = (doc: DigestDocument, needle: string) => {
  const i = doc.text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not found`);
  return i;
};

describe('render: whole digests, the card cache and patches', () => {
  const text = fixture('era-de.md');

  it('renders every day and entry, keyed by the outline ids', () => {
    const r = renderDigest(parseDigest(text));
    assert.deepEqual(
      r.days.map((d) => [d.id, d.entries.map(([id]) => id)]),
      [
        ['day:2025-01-29', ['entry:2406.14347', 'entry:2404.19737']],
        ['day:2025-01-29~2', ['entry:2411.10168']],
      ],
    );
    const body = digestBodyHtml(r);
    assert.equal((body.match(/<article /g) ?? []).length, 3);
    assert.equal((body.match(/<section class="day"/g) ?? []).length, 2);
  });

  it('renders a window of cards around a line for a first paint; the whole render then patches in the rest', () => {
    const doc = parseDigest(text);
    const cache = new CardCache();
    const line = doc.entries[1].range.start.line;
    const first = renderDigest(doc, undefined, cache, undefined, { line, cards: 1 });
    // One card: the entry at the line, in its day only.
    assert.deepEqual(first.days.map((d) => [d.id, d.entries.map(([id]) => id)]), [['day:2025-01-29', ['entry:2404.19737']]]);
    const wide = renderDigest(doc, undefined, cache, undefined, { line, cards: 2 });
    assert.deepEqual(wide.cards.map((c) => c.id), ['entry:2404.19737', 'entry:2411.10168'], 'from the line on, across days');
    const all = renderDigest(doc, undefined, cache);
    const patch = diffDigests(first, all);
    assert.deepEqual(patch.cards.map((c) => c.id), ['entry:2406.14347', 'entry:2411.10168'], 'the cards the first paint lacked');
    assert.ok(patch.days, 'and the whole layout');
    assert.equal(cache.stats.rendered, 3, 'no card rendered twice: the window kept the cache');
  });

  it('re-renders only the edited entry after a keystroke, and patches only its card', () => {
    const cache = new CardCache();
    const doc = parseDigest(text);
    const first = renderDigest(doc, undefined, cache);
    assert.equal(cache.stats.rendered, 3);
    // A keystroke in the first entry's summary: the entries after it are re-created with shifted offsets.
    const next = edit(doc, { rangeOffset: at(doc, '라벨이'), rangeLength: 0, text: '새 ' });
    const second = renderDigest(next, undefined, cache);
    assert.equal(cache.stats.rendered, 4, 'one entry rendered again');
    const patch = diffDigests(first, second);
    assert.deepEqual(patch.cards.map((c) => c.id), ['entry:2406.14347']);
    assert.match(patch.cards[0].html, /새 라벨이/);
    assert.equal(patch.days, undefined, 'no line moved: no layout');
  });

  it('sends the layout when lines move, and new and removed entries', () => {
    const cache = new CardCache();
    const doc = parseDigest(text);
    const first = renderDigest(doc, undefined, cache);
    const moved = edit(doc, { rangeOffset: at(doc, '- ***What'), rangeLength: 0, text: '\n' });
    const p1 = diffDigests(first, renderDigest(moved, undefined, cache));
    assert.equal(p1.cards.length, 0);
    assert.ok(p1.days);
    assert.equal(p1.days[0].entries[1][1], first.days[0].entries[1][1] + 1);

    const removed = edit(doc, { rangeOffset: at(doc, '### [Better'), rangeLength: at(doc, '## Daily Papers (2025-01-29)\n\n### [Evaluating') - at(doc, '### [Better'), text: '' });
    const second = renderDigest(removed, undefined, cache);
    const p2 = diffDigests(first, second);
    assert.deepEqual(p2.cards, []);
    assert.deepEqual(p2.days?.map((d) => d.entries.map(([id]) => id)), [['entry:2406.14347'], ['entry:2411.10168']]);
    assert.notEqual(p2.days?.[0].html, first.days[0].html, 'the day count changed');

    const added = edit(doc, { rangeOffset: text.length, rangeLength: 0, text: '\n### [New Paper](https://arxiv.org/abs/2501.11111)\n\nVote: 5\n' });
    const p3 = diffDigests(first, renderDigest(added, undefined, cache));
    assert.deepEqual(p3.cards.map((c) => c.id), ['entry:2501.11111']);
    assert.ok(p3.days);
  });

  it('gives the same cards incrementally as from scratch over a sequence of edits', () => {
    const cache = new CardCache();
    let doc = parseDigest(text);
    let shown: RenderedDigest = renderDigest(doc, undefined, cache);
    const edits = ['x', '\n', '- 새 줄\n', '**', '<EOS>', '\n### [Inserted](https://arxiv.org/abs/2501.22222)\n\nVote: 2\n\n'];
    let offset = at(doc, '여러 토큰');
    for (const [i, insert] of edits.entries()) {
      doc = edit(doc, { rangeOffset: offset, rangeLength: 0, text: insert });
      offset += insert.length;
      const next = renderDigest(doc, undefined, cache);
      const patch = diffDigests(shown, next);
      const cards = new Map(shown.cards.map((c) => [c.id, c.html]));
      for (const c of patch.cards) cards.set(c.id, c.html);
      const fresh = renderDigest(parseDigest(doc.text));
      assert.deepEqual(fresh.cards.map((c) => c.id), next.cards.map((c) => c.id));
      for (const card of fresh.cards) assert.equal(cards.get(card.id), card.html, `${card.id} after edit ${i}`);
      assert.deepEqual(patch.days ?? shown.days, fresh.days);
      shown = next;
    }
  });

  it('forgets cards unused for two renders', () => {
    const cache = new CardCache();
    let doc = parseDigest(text);
    renderDigest(doc, undefined, cache);
    for (let i = 0; i < 5; i++) {
      doc = edit(doc, { rangeOffset: at(doc, '여러 토큰'), rangeLength: 0, text: 'y' });
      renderDigest(doc, undefined, cache);
    }
    assert.ok(cache.size <= 3 + 2, `cache holds ${cache.size}`);
  });

  it('renders every card again under other options: none made under the old ones is served', () => {
    const cache = new CardCache();
    const doc = parseDigest(text);
    const fewAuthors = { ...DEFAULT_RENDER_OPTIONS, maxAuthors: 1 };
    renderDigest(doc, DEFAULT_RENDER_OPTIONS, cache);
    assert.deepEqual(renderDigest(doc, fewAuthors, cache), renderDigest(doc, fewAuthors));
    assert.notDeepEqual(renderDigest(doc, fewAuthors), renderDigest(doc), 'the options change some card');
  });
});

describe('render: HTML export', () => {
  const doc = parseDigest(fixture('era-de.md'));
  const html = exportDigestHtml(doc, { css: '.card{color:red}', title: 'Daily Papers 2025-01-29' });

  it('is one self-contained page: inline CSS, a CSP that forbids scripts, no script at all', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ko">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`));
    assert.doesNotMatch(EXPORT_CSP, /script-src/);
    assert.match(EXPORT_CSP, /^default-src 'none'/);
    assert.match(html, /<style>\.card\{color:red\}<\/style>/);
    assert.doesNotMatch(html, /<script|<link /);
    assert.equal((html.match(/<article /g) ?? []).length, 3);
    assert.match(html, /<body class="dp-export">\n<main class="digest" aria-label="Daily Papers 2025-01-29">/);
  });

  it('cannot be closed early by its stylesheet', () => {
    assert.doesNotMatch(exportDigestHtml(doc, { css: 'a{}</style><script>alert(1)</script>', title: 't' }), /<\/style><script>/);
  });
});
