import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, DEFAULT_TOOLBAR_STRINGS, newNonce, previewPageHtml } from '../../src/preview/page';
import { parseHostMessage, parsePageMessage, parsePreviewState, type PageInit } from '../../src/preview/protocol';

const SOURCE = 'file:///work/paper_logs/2025/01/29.md';

describe('render: preview message protocol', () => {
  it('accepts well-formed page messages for its own document, rebuilt from the checked fields', () => {
    assert.deepEqual(parsePageMessage({ type: 'reveal', source: SOURCE, line: 12, focus: false, extra: '<x>' }, SOURCE), { type: 'reveal', source: SOURCE, line: 12, focus: false });
    assert.deepEqual(parsePageMessage({ type: 'scroll', source: SOURCE, line: 0 }, SOURCE), { type: 'scroll', source: SOURCE, line: 0 });
    assert.deepEqual(parsePageMessage({ type: 'openLink', source: SOURCE, href: 'https://arxiv.org/abs/1' }, SOURCE), { type: 'openLink', source: SOURCE, href: 'https://arxiv.org/abs/1' });
    assert.deepEqual(parsePageMessage({ type: 'status', source: SOURCE, version: 3, total: 10, shown: 4, filter: 'ma', sort: 'votes' }, SOURCE), {
      type: 'status',
      source: SOURCE,
      version: 3,
      total: 10,
      shown: 4,
      filter: 'ma',
      sort: 'votes',
    });
  });

  it('rejects messages for another document, of unknown type, or with bad fields', () => {
    const bad: unknown[] = [
      null,
      'reveal',
      [],
      { type: 'reveal', line: 1 },
      { type: 'reveal', source: 'file:///other.md', line: 1 },
      { type: 'reveal', source: SOURCE, line: -1 },
      { type: 'reveal', source: SOURCE, line: 1.5 },
      { type: 'reveal', source: SOURCE, line: '1' },
      { type: 'reveal', source: SOURCE, line: 1 },
      { type: 'reveal', source: SOURCE, line: 1, focus: 'yes' },
      { type: 'scroll', source: SOURCE, line: 1e12 },
      { type: 'openLink', source: SOURCE, href: 42 },
      { type: 'openLink', source: SOURCE, href: 'x'.repeat(5000) },
      { type: 'status', source: SOURCE, version: 1, total: 1, shown: 1, filter: '', sort: 'title' },
      { type: 'runCommand', source: SOURCE, command: 'workbench.action.terminal.new' },
      { type: '__proto__', source: SOURCE },
    ];
    for (const m of bad) assert.equal(parsePageMessage(m, SOURCE), undefined, JSON.stringify(m));
  });

  it('checks host messages on the page side too', () => {
    const day = { id: 'day:2025-01-29', html: '<section></section>', line: 0, endLine: 9, entries: [['entry:1', 2, 9]] };
    assert.ok(parseHostMessage({ type: 'patch', source: SOURCE, version: 2, cards: [{ id: 'entry:1', html: '<article></article>' }], days: [day] }, SOURCE));
    assert.ok(parseHostMessage({ type: 'cursor', source: SOURCE, line: 4 }, SOURCE));
    assert.ok(parseHostMessage({ type: 'config', source: SOURCE, locked: true, settings: { openOnDoubleClick: false, scrollSync: true, showThumbnails: true } }, SOURCE));
    assert.equal(parseHostMessage({ type: 'patch', source: SOURCE, version: 2, cards: [{ id: 1, html: '' }] }, SOURCE), undefined);
    assert.equal(parseHostMessage({ type: 'patch', source: SOURCE, version: 2, cards: [], days: [{ ...day, entries: [['e', -1, 0]] }] }, SOURCE), undefined);
    assert.equal(parseHostMessage({ type: 'scrollTo', source: 'file:///x.md', line: 1 }, SOURCE), undefined);
    assert.equal(parseHostMessage({ type: 'config', source: SOURCE, locked: 'yes', settings: {} }, SOURCE), undefined);
  });

  it('restores only states that name a source, with defaults for the rest', () => {
    assert.equal(parsePreviewState(undefined), undefined);
    assert.equal(parsePreviewState({ locked: true }), undefined);
    assert.deepEqual(parsePreviewState({ source: SOURCE, locked: true, sort: 'bogus', filter: 3 }), {
      source: SOURCE,
      locked: true,
      filter: '',
      sort: 'file',
      thumbnails: true,
      expanded: true,
      topId: null,
    });
  });
});

describe('render: preview page', () => {
  const init: PageInit = {
    source: SOURCE,
    version: 1,
    locked: false,
    settings: { openOnDoubleClick: true, scrollSync: true, showThumbnails: false },
    days: [],
    cursorLine: null,
    scrollLine: null,
    strings: { count: '{0} of {1} papers', countAll: '{0} papers' },
  };

  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('has a strict CSP: nothing by default, scripts by nonce, styles from the extension, media over https', () => {
    const csp = contentSecurityPolicy('N0nce', 'https://res.test');
    assert.equal(csp, "default-src 'none'; script-src 'nonce-N0nce'; style-src https://res.test; font-src https://res.test; img-src https://cdn-thumbnails.huggingface.co https://cdn-uploads.huggingface.co https://arxiv.org; media-src https:; base-uri 'none'; form-action 'none'");
    assert.match(contentSecurityPolicy('N0nce', 'https://res.test', 'all'), /; img-src https:; /);
    assert.match(contentSecurityPolicy('N0nce', 'https://res.test', 'none'), /; img-src 'none'; /);
    assert.doesNotMatch(csp, /unsafe/);
  });

  it('carries the init data in an escaped attribute, and loads only its own script with the nonce', () => {
    const html = previewPageHtml({
      nonce: 'abc',
      cspSource: 'https://res.test',
      scriptUri: 'https://res.test/preview.js',
      styleUri: 'https://res.test/preview.css',
      title: 'Preview "</title><script>alert(1)</script>',
      lang: 'ko',
      bodyHtml: '',
      init: { ...init, source: 'file:///a"><script>alert(1)</script>.md' },
      strings: DEFAULT_TOOLBAR_STRINGS,
    });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc" src="https:\/\/res\.test\/preview\.js"><\/script>/);
    assert.match(html, /data-init="\{&quot;source&quot;:&quot;file:\/\/\/a\\&quot;&gt;&lt;script&gt;/);
    assert.match(html, /<body class="dp-preview no-thumbs">/);
    assert.match(html, /<button type="button" id="dp-thumbs" aria-pressed="false">/);
    assert.match(html, /<p id="dp-none" class="empty">/);
  });
});
