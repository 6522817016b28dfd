import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseDigest } from '../../src/digest';
import { exportDigestHtml } from '../../src/digest/render';
import { css, getBrowser, PreviewPage } from './harness';

const DIR = join(__dirname, '..', 'fixtures', 'hostile');
// `.md.txt`: kept away from tools that scan the fixtures for `*.md` digests.
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.md.txt'));

/** Everything the renderer may put in the rendered digest; anything else there is a sanitizer bug. */
const TAGS = new Set('section h2 time span div article img video h3 a p details summary h4 ul ol li em strong code pre br del blockquote hr'.split(' '));
const ATTRIBUTES = new Set(
  'class id data-id data-votes data-search data-label tabindex aria-labelledby aria-label aria-hidden role src alt loading decoding referrerpolicy href title controls preload muted playsinline open datetime start hidden'.split(' '),
);

/** Checks the DOM in the page: forbidden elements, attributes and URLs (returns what it found). */
function audit(page: Page): Promise<string[]> {
  return page.evaluate(
    ([tags, attributes]) => {
      const found: string[] = [];
      const allowedTags = new Set(tags);
      const allowedAttributes = new Set(attributes);
      const root = document.querySelector('main')!;
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (!allowedTags.has(tag)) found.push(`<${tag}>`);
        for (const { name, value } of el.attributes) {
          if (!allowedAttributes.has(name)) found.push(`<${tag} ${name}>`);
          if (name === 'href' && !/^(https?:|mailto:)/i.test(value)) found.push(`href=${value}`);
          if (name === 'src' && !/^https:/i.test(value)) found.push(`src=${value}`);
        }
      }
      // Outside the digest: only the page's own elements.
      const scripts = [...document.scripts].filter((s) => !s.src.endsWith('/preview.js') || !s.nonce);
      if (scripts.length) found.push(`${scripts.length} foreign <script>`);
      for (const el of document.querySelectorAll('iframe, frame, object, embed, svg, math, style, base, form:not([role="search"]), template, noscript, textarea, keygen')) found.push(`<${el.tagName.toLowerCase()}> outside main`);
      const links = [...document.querySelectorAll('link')].filter((l) => !l.href.endsWith('/preview.css'));
      if (links.length) found.push('foreign <link>');
      for (const meta of document.querySelectorAll('meta[http-equiv]')) if (meta.getAttribute('http-equiv') !== 'Content-Security-Policy') found.push('<meta http-equiv>');
      for (const el of document.querySelectorAll('body *:not(main *)')) for (const { name } of el.attributes) if (/^on/i.test(name) || name === 'style') found.push(`<${el.tagName.toLowerCase()} ${name}> outside main`);
      return found;
    },
    [[...TAGS], [...ATTRIBUTES]] as const,
  );
}

/**
 * Clicks every summary and card of the digest, and every link when the page intercepts them (the export has no
 * script: its links navigate, which the audit of their URLs covers).
 */
async function poke(page: Page, links: boolean): Promise<void> {
  await page.evaluate((withLinks) => {
    for (const el of document.querySelectorAll<HTMLElement>(withLinks ? 'main a, main summary, main article' : 'main summary, main article')) {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.focus();
    }
    window.scrollTo(0, document.body.scrollHeight);
  }, links);
  await page.waitForTimeout(300);
}

const pwned = (page: Page) => page.evaluate(() => window.__pwned);

describe('hostile digests in Chromium: nothing runs', function () {
  for (const file of FILES) {
    const markdown = readFileSync(join(DIR, file), 'utf8');

    for (const csp of [true, false]) {
      it(`${file}: preview ${csp ? 'with its CSP' : 'without any CSP (the sanitizer alone)'}`, async () => {
        const p = await PreviewPage.open(markdown, { csp });
        try {
          assert.ok(p.rendered.cards.length > 0, 'the digest has entries');
          await poke(p.page, true);
          assert.equal(await pwned(p.page), undefined);
          assert.deepEqual(p.dialogs, []);
          assert.deepEqual(p.errors, []);
          assert.deepEqual(await audit(p.page), []);
          assert.deepEqual(await p.page.evaluate(() => window.__violations), [], 'nothing even tried what the CSP forbids');
          assert.deepEqual(p.requests.filter((r) => r.url.includes('evil.test') || !['document', 'script', 'stylesheet', 'image'].includes(r.type)), []);
          assert.deepEqual(p.requests.filter((r) => r.type === 'script').map((r) => r.url), ['https://preview.test/preview.js']);
          const opened = (await p.sent()).filter((m) => m.type === 'openLink').map((m) => (m as { href: string }).href);
          for (const href of opened) assert.match(href, /^https?:\/\//);
          assert.equal(p.page.url(), 'https://preview.test/');
        } finally {
          await p.close();
        }
      });
    }

    it(`${file}: HTML export, with and without its CSP`, async () => {
      for (const csp of [true, false]) {
        const html = exportDigestHtml(parseDigest(markdown), { css: css(), title: file });
        const served = csp ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
        const context = await (await getBrowser()).newContext();
        const page = await context.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.route('**/*', (route) => {
          requests.push(`${route.request().resourceType()} ${route.request().url()}`);
          return route.request().url() === 'https://export.test/' ? route.fulfill({ contentType: 'text/html', body: served }) : route.abort();
        });
        try {
          await page.goto('https://export.test/');
          await poke(page, false);
          assert.equal(await pwned(page), undefined);
          assert.deepEqual(dialogs, []);
          assert.equal(await page.evaluate(() => document.scripts.length), 0);
          assert.deepEqual((await audit(page)).filter((f) => f !== '<style> outside main'), []);
          assert.deepEqual(requests.filter((r) => !/^(document|image) /.test(r) || r.includes('evil.test')), []);
        } finally {
          await context.close();
        }
      }
    });
  }

  it('shows the would-be tags as text', async () => {
    const p = await PreviewPage.open(readFileSync(join(DIR, 'raw-html.md.txt'), 'utf8'));
    try {
      const text = (await p.page.textContent('main'))!;
      for (const visible of ["<script>window.__pwned = 'summary-script'</script>", '<EOS>', '<think>reasoning</think>', '<img src=x onerror=']) assert.ok(text.includes(visible), visible);
    } finally {
      await p.close();
    }
  });
});
