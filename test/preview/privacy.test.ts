// Remote images in real Chromium: with the default policy (paper thumbnails only) no request reaches another host,
// whether the image comes through the sanitizer or is injected past it (then the CSP's img-src stops it).
import * as assert from 'node:assert/strict';
import { PreviewPage, THUMB_HOST } from './harness';

const TRACKER = 'https://tracker.test/';

const digest = [
  '## Daily Papers (2025-01-29)',
  '',
  '### [SFT Memorizes, RL Generalizes](https://arxiv.org/abs/2501.17161)',
  '',
  `![](${THUMB_HOST}social-thumbnails/papers/2501.17161.png)`,
  '',
  'Vote: 28',
  '',
  '- ***What\'s New***: 추적 이미지 ![a](https://tracker.test/pixel.png) 와 ![b](//tracker.test/relative.png) 를 넣었습니다.',
  '',
  '### [Second Paper](https://arxiv.org/abs/2501.00001)',
  '',
  '![](https://tracker.test/thumb.png)',
  '',
  'Vote: 3',
  '',
].join('\n');

describe('remote images in Chromium: nothing but paper thumbnails is requested', function () {
  this.timeout(60_000);

  for (const csp of [true, false]) {
    it(`default policy ${csp ? 'with its CSP' : 'without any CSP (the sanitizer alone)'}`, async () => {
      const p = await PreviewPage.open(digest, { csp });
      try {
        await p.page.waitForFunction(() => [...document.images].some((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 10_000 });
        const images = p.requests.filter((r) => r.type === 'image').map((r) => r.url);
        assert.ok(images.some((u) => u.startsWith(THUMB_HOST)), `the paper thumbnail is requested: ${images.join(', ')}`);
        assert.deepEqual(images.filter((u) => u.startsWith(TRACKER)), [], 'no request to another host');
      } finally {
        await p.context.close();
      }
    });
  }

  it('the CSP stops an image injected past the sanitizer', async () => {
    const p = await PreviewPage.open(digest, { injectHtml: '<img id="dp-injected" src="https://tracker.test/injected.png">' });
    try {
      await p.page.waitForFunction(() => window.__violations.some((v) => v.includes('tracker.test/injected.png')), undefined, { timeout: 10_000 });
      assert.deepEqual(p.requests.filter((r) => r.url.startsWith(TRACKER)).map((r) => r.url), []);
    } finally {
      await p.context.close();
    }
  });
});
