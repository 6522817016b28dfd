// Fixes that never delete a URL or words, and the bidi-control rule.
import * as assert from 'node:assert/strict';
import { fixAll, parseDigest, validate } from '../../src/digest';

const entry = (media: string) =>
  `## Daily Papers (2025-01-29)\n\n### [SFT Memorizes, RL Generalizes](https://arxiv.org/abs/2501.17161)\n\n${media}\n\nVote: 28\n\nAuthors: Tianzhe Chu, Yi Ma\n\n- ***What's New***: 두 방법을 비교합니다.\n`;

describe('thumbnail-not-paper-image: a fix never deletes a URL', () => {
  it('turns a video file in ![]() into the video template, keeping the URL', () => {
    const url = 'https://cdn-uploads.huggingface.co/production/uploads/abc/demo.mov';
    const { text } = fixAll(entry(`![](${url})`));
    assert.ok(text.includes(`[Watch Video](${url})\n<div><video controls src="${url}" muted="false"></video></div>`), text);
  });

  it('offers no fix for an avatar or a relative URL, which stay as written', () => {
    for (const url of ['https://cdn-avatars.huggingface.co/v1/production/uploads/abc.png', 'images/figure.png']) {
      const problems = validate(parseDigest(entry(`![](${url})`))).filter((p) => p.ruleId === 'thumbnail-not-paper-image');
      assert.equal(problems.length, 1, url);
      assert.equal(problems[0].fix, undefined, url);
      assert.ok(fixAll(entry(`![](${url})`)).text.includes(url));
    }
  });
});

describe('bidi-control', () => {
  it('flags each of U+202A–U+202E and U+2066–U+2069 and removes only the character', () => {
    const chars = [...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'];
    const text = entry('![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png)').replace('비교합니다', `비교${chars.join('')}합니다`);
    const problems = validate(parseDigest(text)).filter((p) => p.ruleId === 'bidi-control');
    assert.equal(problems.length, chars.length);
    assert.ok(problems.every((p) => p.severity === 'warning'));
    assert.ok(fixAll(text).text.includes('비교합니다'));
  });
});
