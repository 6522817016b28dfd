import * as assert from 'node:assert/strict';
import { parseDigest, type DigestEntry } from '../../src/digest';
import { DEFAULT_RENDER_OPTIONS, documentLanguage, escapeHtml, inlineMarkdownToHtml, markdownToHtml, renderDay, renderEntry } from '../../src/digest/render';
import { markdownToHtmlUncached } from '../../src/digest/render/markdown';
import { fixture } from './helpers';

const FIXTURES = ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md'];

function entryOf(markdown: string): DigestEntry {
  const doc = parseDigest(`## Daily Papers (2025-01-29)\n\n${markdown}`);
  assert.equal(doc.entries.length, 1);
  return doc.entries[0];
}

const ENTRY = `### [Some *Great* Paper with \`code\`](https://arxiv.org/abs/2501.17161)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png)

Vote: 28

Authors: Yi Ma, Tianzhe Chu, Dale Schuurmans

- ***What's New***: 새 방법 [repo](https://github.com/x/y)를 **제안**합니다 <EOS> 토큰과 <think> 태그.
- ***Technical Details***: \`x = 1\` 그리고 *강조*.
- ***Performance Highlights***: 좋습니다.
`;

describe('render: the page language', () => {
  it('is Korean from the 21st Hangul syllable on, English before and without', () => {
    assert.equal(documentLanguage('Vote: 3\n' + '가'.repeat(20)), 'en');
    assert.equal(documentLanguage('Vote: 3\n' + '가 '.repeat(21)), 'ko');
    assert.equal(documentLanguage(`${'x'.repeat(100_000)}한국어 요약은 이렇게 스무 자가 넘는 음절로 쓰입니다`), 'ko');
    assert.equal(documentLanguage('## Daily Papers (2025-01-29)\n\nAll in English.'), 'en');
  });
});

describe('render: entries as cards', () => {
  it('renders the thumbnail, title link, votes, authors and labelled sections', () => {
    const card = renderEntry(entryOf(ENTRY));
    assert.equal(card.id, 'entry:2501.17161');
    assert.equal(card.line, 2);
    const h = card.html;
    assert.match(h, /^<article class="card" id="dp-[0-9a-z]+" data-id="entry:2501\.17161" data-votes="28"/);
    assert.match(h, /<div class="thumb" data-label="2501\.17161"><img src="https:\/\/cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/2501\.17161\.png" alt="Some Great Paper with code" loading="lazy"/);
    assert.match(h, /<h3 class="title" id="dp-[0-9a-z]+-t"><a href="https:\/\/arxiv\.org\/abs\/2501\.17161" title="Open 2501\.17161 on arXiv">Some <em>Great<\/em> Paper with <code>code<\/code><\/a><\/h3>/);
    assert.match(h, /<span class="badge votes" title="28 votes"><span aria-hidden="true">▲ 28<\/span>/);
    assert.match(h, /<div class="authors"><span class="field-label">Authors:<\/span> Yi Ma, Tianzhe Chu, Dale Schuurmans<\/div>/);
    assert.deepEqual([...h.matchAll(/<h4 class="label">([^<]*)<\/h4>/g)].map((m) => m[1]), ['What&#39;s New', 'Technical Details', 'Performance Highlights']);
    assert.match(h, /<a href="https:\/\/github\.com\/x\/y">repo<\/a>를 <strong>제안<\/strong>합니다/);
    assert.match(h, /<code>x = 1<\/code> 그리고 <em>강조<\/em>/);
  });

  it('shows <EOS> and <think> as text, never as tags', () => {
    const h = renderEntry(entryOf(ENTRY)).html;
    assert.match(h, /&#x3C;EOS> 토큰과 &#x3C;think> 태그/);
    assert.doesNotMatch(h, /<EOS>|<think>/);
  });

  it('keeps line numbers out of the HTML, so an entry that moved renders the same', () => {
    const a = parseDigest(`## Daily Papers (2025-01-29)\n\n${ENTRY}`).entries[0];
    const b = parseDigest(`## Daily Papers (2025-01-29)\n\n\n\n<!-- moved -->\n\n${ENTRY}`).entries[0];
    assert.notEqual(a.range.start.line, b.range.start.line);
    assert.equal(renderEntry(a).html, renderEntry(b).html);
  });

  it('collapses long author lists behind a toggle', () => {
    const names = Array.from({ length: 40 }, (_, i) => `Author ${i + 1}`);
    const h = renderEntry(entryOf(`### [T](https://arxiv.org/abs/2501.00001)\n\nAuthors: ${names.join(', ')}\n`), { maxAuthors: 5 }).html;
    assert.match(h, /Author 1, Author 2, Author 3, Author 4, Author 5<details class="more-authors"><summary>35 more<\/summary>, Author 6, /);
    // One name over the limit is shown rather than hidden behind "1 more".
    const six = renderEntry(entryOf(`### [T](https://arxiv.org/abs/2501.00001)\n\nAuthors: ${names.slice(0, 6).join(', ')}\n`), { maxAuthors: 5 }).html;
    assert.doesNotMatch(six, /more-authors/);
    // A list that left authors out (`+`) ends with an ellipsis, behind the toggle or not.
    const cut = (list: string) => renderEntry(entryOf(`### [T](https://arxiv.org/abs/2501.00001)\n\nAuthors: ${list}\n`), { maxAuthors: 5 }).html;
    assert.match(cut('Ada, Bob, +, Zoe'), /<\/span> Ada, Bob, Zoe, …<\/div>/);
    assert.match(cut([...names.slice(0, 3), '+', ...names.slice(3, 10)].join(', ')), /, Author 10, …<\/details>/);
  });

  it('renders video entries as <video> only for https URLs', () => {
    const video = (url: string) => `### [V](https://arxiv.org/abs/2403.01422)\n\n[Watch Video](${url})\n<div><video controls src="${url}" muted="false"></video></div>\n\nVote: 3\n`;
    const https = renderEntry(entryOf(video('https://cdn-uploads.huggingface.co/a.mp4'))).html;
    assert.match(https, /<div class="thumb video" data-label="2403\.01422"><video controls preload="none" muted playsinline src="https:\/\/cdn-uploads\.huggingface\.co\/a\.mp4"/);
    for (const url of ['http://cdn-uploads.huggingface.co/a.mp4', 'javascript:alert(1)', 'data:video/mp4;base64,AAAA']) {
      const h = renderEntry(entryOf(video(url))).html;
      assert.doesNotMatch(h, /<video/, url);
      assert.match(h, /class="thumb placeholder" role="img" aria-label="No thumbnail"/, url);
    }
  });

  it('uses a placeholder for missing or non-https thumbnails', () => {
    for (const media of ['', '![](http://example.com/a.png)', '![](javascript:alert(1))', '![](data:image/svg+xml,<svg onload=alert(1)>)']) {
      const h = renderEntry(entryOf(`### [T](https://arxiv.org/abs/2501.00001)\n\n${media}\n\nVote: 1\n`)).html;
      assert.doesNotMatch(h, /<img/, media);
      assert.match(h, /thumb placeholder/, media);
    }
  });

  it('shows unknown votes, and no badge without a Vote line', () => {
    assert.match(renderEntry(entryOf('### [T](https://arxiv.org/abs/2501.00001)\n\nVote: -\n')).html, /title="Votes unknown"><span aria-hidden="true">▲ –/);
    assert.doesNotMatch(renderEntry(entryOf('### [T](https://arxiv.org/abs/2501.00001)\n\n- a\n')).html, /badge votes/);
  });

  it('renders free bullets as a list and keeps nested bullets', () => {
    const h = renderEntry(entryOf('### [T](https://arxiv.org/abs/2312.00001)\n\n- 첫째\n- 둘째\n  - 하위 항목\n- 셋째\n')).html;
    assert.match(h, /<ul class="bullets"><li><p>첫째<\/p><\/li><li><p>둘째<\/p>\n<ul>\n<li>하위 항목<\/li>\n<\/ul><\/li><li><p>셋째<\/p><\/li><\/ul>/);
  });

  it('escapes every attribute built from the text', () => {
    const h = renderEntry(entryOf('### [A "quoted" <b>title</b>](https://arxiv.org/abs/2501.00001)\n\n![](https://x.test/a.png"onerror="alert(1))\n\nAuthors: "><script>alert(1)</script>, B\n')).html;
    assert.doesNotMatch(h, /<script|<b>|onerror="/);
    assert.match(h, /data-search="a &quot;quoted&quot; &lt;b&gt;title&lt;\/b&gt;/);
  });

  it('links a title that is not an arXiv link to its http(s) URL only', () => {
    assert.match(renderEntry(entryOf('### [T](https://example.com/paper)\n\nVote: 1\n')).html, /<a href="https:\/\/example\.com\/paper">T<\/a>/);
    assert.doesNotMatch(renderEntry(entryOf('### [T](javascript:alert(1))\n\nVote: 1\n')).html, /<a /);
  });
});

describe('render: Markdown through unified and the sanitizer', () => {
  it('renders links, emphasis and code', () => {
    assert.equal(markdownToHtml('see [x](https://a.b) `c` *e* **s**'), '<p>see <a href="https://a.b">x</a> <code>c</code> <em>e</em> <strong>s</strong></p>');
    assert.equal(inlineMarkdownToHtml('A [link](https://x.y) *in* a title'), 'A link <em>in</em> a title');
  });

  it('drops unsafe URLs and never lets raw HTML through', () => {
    assert.equal(markdownToHtml('[x](javascript:alert(1))'), '<p><a>x</a></p>');
    assert.equal(markdownToHtml('[x](data:text/html,hi)'), '<p><a>x</a></p>');
    assert.equal(markdownToHtml('<img src=x onerror=alert(1)>'), '<p>&#x3C;img src=x onerror=alert(1)></p>');
    assert.equal(markdownToHtml('<div>\n<script>alert(1)</script>\n</div>'), '<p>&#x3C;div>\n&#x3C;script>alert(1)&#x3C;/script>\n&#x3C;/div></p>');
    assert.equal(markdownToHtml('![a](http://x.test/i.png) ![b](https://x.test/i.png)', 'all'), '<p>a <img src="https://x.test/i.png" alt="b" loading="lazy" referrerpolicy="no-referrer"></p>');
    // The remote-images policy: by default only paper-image hosts; protocol-relative URLs read as https.
    assert.equal(markdownToHtml('![b](https://x.test/i.png)'), '<p>b</p>');
    assert.equal(markdownToHtml('![b](//x.test/i.png)', 'all'), '<p><img src="https://x.test/i.png" alt="b" loading="lazy" referrerpolicy="no-referrer"></p>');
    assert.equal(markdownToHtml('![b](//arxiv.org/i.png)'), '<p><img src="https://arxiv.org/i.png" alt="b" loading="lazy" referrerpolicy="no-referrer"></p>');
    assert.equal(markdownToHtml('![b](https://arxiv.org/i.png)', 'none'), '<p>b</p>');
    assert.equal(markdownToHtml('![b](https://user:pw@arxiv.org/i.png)'), '<p>b</p>');
  });

  it('gives the same HTML on the fast path as through the parser, over every fixture section and title', () => {
    let checked = 0;
    for (const name of FIXTURES) {
      for (const entry of parseDigest(fixture(name)).entries) {
        assert.equal(inlineMarkdownToHtml(entry.titleSource), markdownToHtmlUncached(entry.titleSource, true), entry.titleSource);
        for (const s of entry.sections) {
          assert.equal(markdownToHtml(s.text), markdownToHtmlUncached(s.text), s.text);
          checked++;
        }
      }
    }
    for (const text of ['plain 한국어 text', 'ends with space ', '1. not a list', '1986년에', '#hash', 'a: b (c) {d} "q" \'s\'']) {
      assert.equal(markdownToHtml(text), markdownToHtmlUncached(text), text);
    }
    assert.ok(checked > 10);
  });

  it('escapes text for elements and attributes', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('render: days', () => {
  it('renders a day heading with its date and count around an empty card list', () => {
    const doc = parseDigest(fixture('era-de.md'));
    const day = renderDay(doc.days[0]);
    assert.equal(day.id, 'day:2025-01-29');
    assert.equal(day.line, 0);
    assert.match(day.html, /^<section class="day" id="dp-[0-9a-z]+" data-id="day:2025-01-29" aria-labelledby="dp-[0-9a-z]+-h"><h2 class="day-title" id="dp-[0-9a-z]+-h">Daily Papers <time datetime="2025-01-29">2025-01-29<\/time> <span class="day-count">2 papers<\/span><\/h2>/);
    assert.match(day.html, /<div class="cards" role="feed" aria-labelledby="dp-[0-9a-z]+-h"><\/div><\/section>$/);
    assert.match(renderDay(null, { count: 1, strings: DEFAULT_RENDER_OPTIONS.strings }).html, /Papers outside any day <span class="day-count">1 paper<\/span>/);
  });
});
