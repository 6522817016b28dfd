import * as assert from 'node:assert/strict';
import type { PageMessage } from '../../src/preview/protocol';
import { makeDigest } from './digests';
import { PreviewPage, SOURCE, THUMB_HOST } from './harness';

const { text: DIGEST, entries: ENTRIES } = makeDigest(2, 15);
const TOTAL = ENTRIES.length;

const ofType = <T extends PageMessage['type']>(messages: PageMessage[], type: T) => messages.filter((m): m is Extract<PageMessage, { type: T }> => m.type === type);

describe('preview page in Chromium', function () {
  let p: PreviewPage;
  afterEach(async () => {
    if (p) {
      assert.deepEqual(p.errors, [], 'no script errors');
      await p.close();
    }
  });

  const count = () => p.page.textContent('#dp-count');
  const cardIds = (selector = 'article.card:not([hidden])') => p.page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).dataset.id!));

  it('paints every card at once, reports its status, and trips no CSP rule', async () => {
    p = await PreviewPage.open(DIGEST);
    assert.equal(await count(), `${TOTAL} papers`);
    assert.equal((await cardIds()).length, TOTAL);
    const status = ofType(await p.sent(), 'status').at(-1)!;
    assert.deepEqual(status, { type: 'status', source: SOURCE, version: 1, total: TOTAL, shown: TOTAL, filter: '', sort: 'file' });
    assert.deepEqual(await p.page.evaluate(() => window.__violations), []);
  });

  it('filters by title, author or ID, hides empty days, and counts', async () => {
    p = await PreviewPage.open(DIGEST);
    await p.page.fill('#dp-filter', 'author 1-');
    await p.page.waitForFunction(() => document.getElementById('dp-count')!.textContent!.includes(' of '));
    const matching = ENTRIES.filter((e) => e.authors.some((a) => a.toLowerCase().includes('author 1-'))).map((e) => `entry:${e.id}`);
    assert.deepEqual(await cardIds(), matching);
    assert.equal(await count(), `${matching.length} of ${TOTAL} papers`);
    assert.equal(await p.page.$eval('section.day', (s) => (s as HTMLElement).hidden), true, 'the first day has no match');

    await p.page.fill('#dp-filter', ENTRIES[3].id);
    await p.page.waitForFunction(() => document.getElementById('dp-count')!.textContent === `1 of 30 papers`);
    assert.deepEqual(await cardIds(), [`entry:${ENTRIES[3].id}`]);

    await p.page.fill('#dp-filter', 'PAPER 1-2: scaling');
    await p.page.waitForFunction(() => document.getElementById('dp-count')!.textContent === `1 of 30 papers`);

    await p.page.fill('#dp-filter', 'no such paper');
    await p.page.waitForFunction(() => !document.getElementById('dp-empty')!.hidden);

    await p.page.press('#dp-filter', 'Escape');
    await p.page.waitForFunction(() => document.getElementById('dp-count')!.textContent === '30 papers');
    assert.equal((await cardIds()).length, TOTAL);
    const status = ofType(await p.sent(), 'status');
    assert.ok(status.some((s) => s.filter === 'no such paper' && s.shown === 0));
  });

  it('sorts each day by votes and back to file order', async () => {
    p = await PreviewPage.open(DIGEST);
    const votesByDay = () => p.page.$$eval('section.day', (days) => days.map((d) => [...d.querySelectorAll<HTMLElement>('article.card')].map((c) => Number(c.dataset.votes))));
    const fileOrder = await cardIds();
    await p.page.selectOption('#dp-sort', 'votes');
    for (const votes of await votesByDay()) assert.deepEqual(votes, [...votes].sort((a, b) => b - a));
    assert.notDeepEqual(await cardIds(), fileOrder);
    await p.page.selectOption('#dp-sort', 'file');
    assert.deepEqual(await cardIds(), fileOrder);
  });

  it('switches thumbnails off and on, and collapses and expands summaries', async () => {
    p = await PreviewPage.open(DIGEST);
    await p.page.click('#dp-thumbs');
    assert.equal(await p.page.getAttribute('#dp-thumbs', 'aria-pressed'), 'false');
    assert.equal(await p.page.$eval('.thumb', (t) => getComputedStyle(t).display), 'none');
    await p.page.click('#dp-thumbs');
    assert.equal(await p.page.$eval('.thumb', (t) => getComputedStyle(t).display), 'block');
    await p.page.click('#dp-collapse');
    assert.deepEqual(await p.page.$$eval('details.summary', (ds) => [...new Set(ds.map((d) => (d as HTMLDetailsElement).open))]), [false]);
    await p.page.click('#dp-expand');
    assert.deepEqual(await p.page.$$eval('details.summary', (ds) => [...new Set(ds.map((d) => (d as HTMLDetailsElement).open))]), [true]);
  });

  it('patches changed cards in place: scroll position, untouched cards and loaded images stay', async () => {
    p = await PreviewPage.open(DIGEST);
    // Scroll to the 12th card and let the thumbnails around it load.
    await p.page.evaluate(() => document.querySelectorAll<HTMLElement>('article.card')[11].scrollIntoView({ block: 'start' }));
    await p.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.thumb img')].filter((i) => i.complete && i.naturalWidth > 0).length >= 3);
    const mark = () =>
      p.page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('article.card, .thumb img')) (el as unknown as { mark: string }).mark = el.dataset.id ?? el.getAttribute('src')!;
      });
    const top = () =>
      p.page.evaluate(() => {
        const header = document.querySelector('header')!.getBoundingClientRect().bottom;
        const card = [...document.querySelectorAll<HTMLElement>('article.card')].find((c) => c.getBoundingClientRect().bottom > header + 1)!;
        return { id: card.dataset.id!, top: card.getBoundingClientRect().top, scrollY: window.scrollY };
      });
    const marked = () => p.page.$$eval('article.card', (els) => els.filter((e) => (e as unknown as { mark?: string }).mark).map((e) => (e as HTMLElement).dataset.id!));
    const imagesMarked = () => p.page.$$eval('.thumb img', (els) => els.filter((e) => (e as unknown as { mark?: string }).mark).length);
    // A thumbnail asked for twice: lazy images first scrolled into view are asked for once, a re-fetch twice.
    const fetchedTwice = () => {
      const counts = new Map<string, number>();
      for (const r of p.requests) if (r.url.startsWith(THUMB_HOST)) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
      return [...counts].filter(([, n]) => n > 1).map(([url]) => url);
    };

    // Cards away from the view have estimated heights until they come near it (content-visibility): the jump above
    // lands first, and the cards around it take their real size in the frames after, moving what is in view. Take
    // the reference once the top card stays at the same place for five frames in a row.
    const settled = await p.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const header = () => document.querySelector('header')!.getBoundingClientRect().bottom;
          const topOf = () => {
            const card = [...document.querySelectorAll<HTMLElement>('article.card')].find((c) => c.getBoundingClientRect().bottom > header() + 1)!;
            return `${card.dataset.id} ${Math.round(card.getBoundingClientRect().top)} ${window.scrollY}`;
          };
          let last = '';
          let same = 0;
          let frames = 0;
          const check = () => {
            const now = topOf();
            same = now === last ? same + 1 : 0;
            last = now;
            if (same >= 5) resolve(true);
            else if (++frames > 600) resolve(false);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    assert.ok(settled, 'the view settled after the jump (the same top card at the same place for five frames) within 600 frames');
    await mark();
    const before = await top();
    const images = await imagesMarked();

    // An edit above the view that makes a card taller and moves every line below it.
    const above = ENTRIES[2];
    const edit1 = await p.edit({ rangeOffset: p.offsetOf(`항목 0-2의`), rangeLength: 0, text: '긴 문장이 추가되었습니다. '.repeat(30) + '\n  - 하위 항목\n' });
    assert.deepEqual(edit1.message.cards.map((c) => c.id), [`entry:${above.id}`]);
    assert.ok(edit1.message.days, 'lines moved: the layout comes along');
    // The page keeps its top card in place once the patched card has laid out: wait for that state, with a deadline.
    let after1 = await top();
    for (const deadline = Date.now() + 5000; (after1.id !== before.id || Math.abs(after1.top - before.top) >= 1) && Date.now() < deadline; after1 = await top()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(after1.id, before.id);
    assert.ok(Math.abs(after1.top - before.top) < 1, `top card moved from ${before.top} to ${after1.top}`);
    assert.ok(after1.scrollY > before.scrollY, 'the page scrolled by what grew above');

    // A keystroke in the card at the top of the view.
    const k = ENTRIES.findIndex((e) => `entry:${e.id}` === before.id);
    const edit2 = await p.edit({ rangeOffset: p.offsetOf(`항목 0-${k}의`), rangeLength: 0, text: '수정된 ' });
    assert.deepEqual(edit2.message.cards.map((c) => c.id), [before.id]);
    assert.equal(edit2.message.days, undefined);
    const after2 = await top();
    assert.ok(Math.abs(after2.top - before.top) < 1);
    assert.match((await p.page.textContent(`article[data-id="${before.id}"]`))!, new RegExp(`수정된 항목 0-${k}의`));

    assert.deepEqual((await marked()).sort(), ENTRIES.map((e) => `entry:${e.id}`).filter((id) => id !== `entry:${above.id}` && id !== before.id).sort(), 'only the two edited cards were replaced');
    assert.equal(await imagesMarked(), images, 'every image element survived, those of the replaced cards too');
    assert.deepEqual(fetchedTwice(), [], 'no image was fetched again');
    assert.equal(ofType(await p.sent(), 'status').at(-1)!.version, 3);
  });

  it('adds, removes and reorders cards from a patch, with day counts', async () => {
    p = await PreviewPage.open(DIGEST);
    const second = ENTRIES[1];
    const start = p.offsetOf(`### [${second.title}]`);
    const end = p.offsetOf(`### [${ENTRIES[2].title}]`);
    await p.edit({ rangeOffset: start, rangeLength: end - start, text: '' });
    await p.edit({ rangeOffset: p.offsetOf('## Daily Papers (2025-01-28)') + '## Daily Papers (2025-01-28)\n\n'.length, rangeLength: 0, text: '### [Brand New](https://arxiv.org/abs/2501.99999)\n\nVote: 99\n\n- 새 항목\n\n' });
    const ids = await cardIds();
    assert.equal(ids.length, TOTAL);
    assert.ok(!ids.includes(`entry:${second.id}`));
    assert.equal(ids[14], 'entry:2501.99999', 'first card of the second day');
    assert.deepEqual(await p.page.$$eval('.day-count', (els) => els.map((e) => e.textContent)), ['14 papers', '16 papers']);
    assert.equal(await count(), `${TOTAL} papers`);
  });

  it('sends the top entry on scroll, but not for scrolling the host asked for', async () => {
    p = await PreviewPage.open(DIGEST);
    await p.clearSent();
    await p.page.mouse.wheel(0, 1500);
    await p.page.waitForFunction(() => window.__sent.some((m) => m.type === 'scroll'));
    const scroll = ofType(await p.sent(), 'scroll').at(-1)!;
    const topId = await p.page.evaluate(() => {
      const header = document.querySelector('header')!.getBoundingClientRect().bottom;
      return [...document.querySelectorAll<HTMLElement>('article.card')].find((c) => c.getBoundingClientRect().bottom > header + 1)!.dataset.id!;
    });
    const place = p.rendered.days.flatMap((d) => d.entries).find(([id]) => id === topId)!;
    assert.equal(scroll.line, place[1]);

    await p.clearSent();
    const target = p.rendered.days[1].entries[3];
    await p.post({ type: 'scrollTo', source: SOURCE, line: target[1] + 2 });
    await p.page.waitForTimeout(300);
    assert.deepEqual(ofType(await p.sent(), 'scroll'), []);
    const box = await p.page.$eval(`article[data-id="${target[0]}"]`, (c) => c.getBoundingClientRect().top);
    const header = await p.page.$eval('header', (h) => h.getBoundingClientRect().bottom);
    assert.ok(box >= header && box < header + 20, `card at ${box}, toolbar ends at ${header}`);

    await p.post({ type: 'config', source: SOURCE, locked: false, settings: { openOnDoubleClick: true, scrollSync: false, showThumbnails: true } });
    await p.clearSent();
    await p.page.mouse.wheel(0, 1500);
    await p.page.waitForTimeout(300);
    assert.deepEqual(ofType(await p.sent(), 'scroll'), []);
  });

  it('shows the source on a click on the title or an empty card area (keeping focus), moves focus on a double click, opens links through the host', async () => {
    p = await PreviewPage.open(DIGEST);
    const [id, line] = p.rendered.days[0].entries[1];
    const card = `article[data-id="${id}"]`;
    const reveal = (focus: boolean) => [{ type: 'reveal', source: SOURCE, line, focus }];
    await p.clearSent();
    await p.page.click(`${card} h3 a`);
    assert.deepEqual(ofType(await p.sent(), 'reveal'), reveal(false), 'a click on the title link shows the source');
    assert.deepEqual(ofType(await p.sent(), 'openLink'), [], '… instead of opening arXiv');
    await p.clearSent();
    await p.page.click(`${card} .authors`);
    assert.deepEqual(ofType(await p.sent(), 'reveal'), reveal(false), 'a click on an empty area shows the source');
    await p.clearSent();
    await p.page.dblclick(`${card} .authors`);
    assert.deepEqual(ofType(await p.sent(), 'reveal').at(-1), reveal(true)[0], 'a double click moves focus to the editor');
    await p.clearSent();
    await p.page.click(`${card} details.summary > summary`);
    await p.page.click(`${card} details.summary > summary`);
    assert.deepEqual(ofType(await p.sent(), 'reveal'), [], 'a toggle (closed, opened again) is not a card click');

    await p.post({ type: 'config', source: SOURCE, locked: false, settings: { openOnDoubleClick: false, scrollSync: true, showThumbnails: true } });
    await p.clearSent();
    await p.page.click(`${card} .authors`);
    assert.deepEqual(ofType(await p.sent(), 'reveal'), reveal(true), 'openOnDoubleClick off: a single click moves focus');

    await p.clearSent();
    await p.page.click(`${card} h3 a`, { modifiers: ['Control'] });
    await p.page.click(`${card} .section a`);
    assert.deepEqual(await p.sent(), [
      { type: 'openLink', source: SOURCE, href: `https://arxiv.org/abs/${ENTRIES[1].id}` },
      { type: 'openLink', source: SOURCE, href: `https://github.com/x/${ENTRIES[1].id}` },
    ]);
    assert.equal(p.page.url(), 'https://preview.test/', 'the page did not navigate');
  });

  it('moves between cards with the keyboard, with a visible focus, and reveals with Enter', async () => {
    p = await PreviewPage.open(DIGEST);
    const focused = () => p.page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await p.page.focus('#dp-filter');
    await p.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), `entry:${ENTRIES[0].id}`);
    assert.equal(await p.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'solid');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('j');
    assert.equal(await focused(), `entry:${ENTRIES[2].id}`);
    await p.page.keyboard.press('k');
    assert.equal(await focused(), `entry:${ENTRIES[1].id}`);
    await p.page.keyboard.press('End');
    assert.equal(await focused(), `entry:${ENTRIES[TOTAL - 1].id}`);
    await p.clearSent();
    await p.page.keyboard.press('Enter');
    assert.deepEqual(ofType(await p.sent(), 'reveal'), [{ type: 'reveal', source: SOURCE, line: p.rendered.days[1].entries[14][1], focus: true }]);
  });

  it('highlights the card under the cursor, also after that card is patched', async () => {
    p = await PreviewPage.open(DIGEST);
    const [id, line] = p.rendered.days[0].entries[4];
    await p.post({ type: 'cursor', source: SOURCE, line: line + 3 });
    assert.deepEqual(await cardIds('article.is-cursor'), [id]);
    await p.edit({ rangeOffset: p.offsetOf('항목 0-4의'), rangeLength: 0, text: 'x' });
    assert.deepEqual(await cardIds('article.is-cursor'), [id]);
    await p.post({ type: 'cursor', source: SOURCE, line: 0 });
    assert.deepEqual(await cardIds('article.is-cursor'), []);
  });

  it('ignores messages for another document, malformed ones and stale patches', async () => {
    p = await PreviewPage.open(DIGEST);
    const [id] = p.rendered.days[0].entries[0];
    const html = '<article class="card" data-id="x">pwned</article>';
    await p.post({ type: 'patch', source: 'file:///other.md', version: 9, cards: [{ id, html }] });
    await p.post({ type: 'patch', source: SOURCE, version: 9, cards: [{ id, html: 7 }] });
    await p.post({ type: 'patch', source: SOURCE, version: 1, cards: [{ id, html }] });
    await p.post({ type: 'cursor', source: SOURCE, line: -4 });
    await p.post({ type: 'eval', source: SOURCE, code: 'window.__pwned = 1' });
    assert.doesNotMatch((await p.page.textContent('main'))!, /pwned/);
    assert.equal((await cardIds()).length, TOTAL);
  });

  it('saves its view with setState and restores it after a reload', async () => {
    p = await PreviewPage.open(DIGEST);
    await p.page.fill('#dp-filter', 'scaling');
    await p.page.selectOption('#dp-sort', 'votes');
    await p.page.click('#dp-thumbs');
    await p.page.waitForFunction(() => (window.__state as { filter?: string })?.filter === 'scaling');
    const state = (await p.page.evaluate(() => window.__state)) as Record<string, unknown>;
    assert.deepEqual({ ...state, topId: undefined }, { source: SOURCE, locked: false, filter: 'scaling', sort: 'votes', thumbnails: false, expanded: true, topId: undefined });
    await p.close();

    p = await PreviewPage.open(DIGEST, { state });
    assert.equal(await p.page.inputValue('#dp-filter'), 'scaling');
    assert.equal(await p.page.inputValue('#dp-sort'), 'votes');
    assert.equal(await count(), `${ENTRIES.filter((e) => /scaling/i.test(e.title)).length} of ${TOTAL} papers`);
    assert.equal(await p.page.evaluate(() => document.body.classList.contains('no-thumbs')), true);
  });

  it('shows a clean placeholder with the arXiv ID, in the same box, for an allowed thumbnail that fails to load', async () => {
    const { text, entries } = makeDigest(1, 3, (id) => (id.endsWith('2') ? `https://cdn-uploads.huggingface.co/broken/${id}.png` : `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`));
    p = await PreviewPage.open(text);
    await p.page.waitForSelector('.thumb.failed');
    const boxes = await p.page.$$eval('.thumb', (ts) =>
      ts.map((t) => ({
        failed: t.classList.contains('failed'),
        height: Math.round(t.getBoundingClientRect().height),
        text: getComputedStyle(t, '::after').content,
        image: t.querySelector('img') ? getComputedStyle(t.querySelector('img')!).visibility : null,
      })),
    );
    assert.deepEqual(
      boxes.map((b) => b.failed),
      [false, true, false],
    );
    const failed = boxes[1];
    assert.equal(failed.text, JSON.stringify(entries[1].id), 'the placeholder shows the arXiv ID and nothing else');
    assert.equal(failed.image, 'hidden', 'no broken-image icon or alt text');
    assert.equal(new Set(boxes.map((b) => b.height)).size, 1, 'all thumbnail boxes have one height');
  });

  it('has landmarks, headings, labelled cards and alt text for screen readers', async () => {
    p = await PreviewPage.open(DIGEST);
    const a11y = await p.page.evaluate(() => ({
      header: !!document.querySelector('body > header'),
      main: document.querySelector('main')!.getAttribute('aria-label'),
      search: !!document.querySelector('form[role="search"] label[for="dp-filter"]'),
      h2: document.querySelectorAll('section.day > h2').length,
      labelled: [...document.querySelectorAll('article.card')].every((a) => document.getElementById(a.getAttribute('aria-labelledby')!)?.tagName === 'H3'),
      tabbable: [...document.querySelectorAll<HTMLElement>('article.card')].every((a) => a.tabIndex === 0),
      alts: [...document.querySelectorAll<HTMLImageElement>('.thumb img')].slice(0, 2).map((i) => i.alt),
      status: document.getElementById('dp-count')!.getAttribute('role'),
    }));
    assert.deepEqual(a11y, { header: true, main: 'Preview 29.md', search: true, h2: 2, labelled: true, tabbable: true, alts: [ENTRIES[0].title, ENTRIES[1].title], status: 'status' });
  });
});
