import * as assert from 'node:assert/strict';
import { formatDigest, parseDigest } from '../../src/digest';
import { digestFixtures, fixture } from './helpers';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
const format = (text: string) => formatDigest(parseDigest(text));

function assertSafeRoundTrip(text: string, name: string): void {
  const once = format(text);
  assert.equal(format(once), once, `${name}: formatting twice changed the text`);
  assert.deepEqual(words(once), words(text), `${name}: words changed`);
  const model = (t: string) =>
    parseDigest(t).entries.map((e) => [e.title, e.arxivId, e.vote?.value ?? null, e.authors?.names ?? [], e.media.map((m) => m.url), e.sections.map((s) => [s.label, s.text.replace(/\s+/g, ' ')])]);
  assert.deepEqual(model(once), model(text), `${name}: the model changed`);
}

describe('formatter', () => {
  it('writes the canonical layout: one blank line between fields and entries, tight bullets, one final newline; list-style authors kept', () => {
    const text = '## Daily Papers (2025-01-29)\n### [T](https://arxiv.org/abs/2501.00001)\n![](https://x/a.png)\n\n\n\nVote: 3   \nAuthors: [\'A\', "B\'s"]\n- ***What\'s New***: 하나\n\n- ***Technical Details***: 둘\n  - 세부\n\n\n### [U](https://arxiv.org/abs/2501.00002)\n\n- ***What\'s New***: 셋';
    assert.equal(
      format(text),
      "## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n![](https://x/a.png)\n\nVote: 3\n\nAuthors: ['A', \"B's\"]\n\n- ***What's New***: 하나\n- ***Technical Details***: 둘\n  - 세부\n\n### [U](https://arxiv.org/abs/2501.00002)\n\n- ***What's New***: 셋\n",
    );
  });

  it("uses the document's majority label style, or the one asked for", () => {
    const text = fixture('era-de.md').replace("- ***What's New***: 여러", "- **What's New**: 여러");
    assert.ok(format(text).includes("- ***What's New***: 여러"));
    assert.ok(formatDigest(parseDigest(text), { labelStyle: 'bold' }).includes("- **What's New**: 여러"));
  });

  it('keeps the compact layout of the oldest digests (with their occasional blank line), and CRLF line endings', () => {
    const compact = '## Daily Papers (2023-11-20)\n\n### [A](https://arxiv.org/abs/2311.00001)\n![](https://x/a.png)\nAuthors: A\n- 하나\n\n### [B](https://arxiv.org/abs/2311.00002)\n![](https://x/b.png)\n\nAuthors: B\n- 둘\n\n### [C](https://arxiv.org/abs/2311.00003)\nAuthors: C\n- 셋\n';
    assert.equal(format(compact), compact);
    assert.equal(format(compact.replace('b.png)\n\nAuthors', 'b.png)\n\n\nAuthors')), compact);
    const crlf = fixture('era-b.md').replace(/\n/g, '\r\n');
    assert.ok(!format(crlf).replace(/\r\n/g, '').includes('\n'));
  });

  it('leaves code blocks and text outside day sections alone (but for trailing spaces)', () => {
    const text = fixture('readme-embedded.md');
    const formatted = format(text);
    assert.ok(formatted.includes('```markdown\n## Daily Papers (2020-01-01)\n\n### [Not An Entry](https://arxiv.org/abs/2001.00001)\n```'));
    assert.ok(formatted.startsWith('# Daily Papers\n\n## Project Description\n'));
  });

  // A real corpus gets the same round trip through `npm run conformance -- <dir>`.
  for (const name of digestFixtures()) {
    it(`round trip: ${name} (idempotent, every word and field kept)`, () => assertSafeRoundTrip(fixture(name), name));
  }

  it('has a fixture for every case the round trip must cover', () => {
    const all = digestFixtures().map(fixture);
    assert.ok(all.length >= 7, 'every era, README-embedded, CRLF and multi-day fixtures');
    assert.ok(all.some((t) => t.includes('\r\n')), 'a CRLF fixture (kept byte-exact by .gitattributes)');
    assert.ok(all.some((t) => /\[Watch Video\]\(/.test(t)), 'a video entry');
    assert.ok(all.some((t) => /^Authors: \['/m.test(t)), 'list-style authors');
    assert.ok(all.some((t) => new Set(t.match(/^## Daily Papers \((.*)\)/gm)).size > 1), 'a file with several days');
  });
});
