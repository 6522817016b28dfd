import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { collectMarkdownFiles, readUtf8 } from '../../src/cli/files';
import { formatDigest, parseDigest } from '../../src/digest';
import { fixture } from './helpers';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
const format = (text: string) => formatDigest(parseDigest(text));
const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');

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

  for (const name of ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md']) {
    it(`round trip: ${name}`, () => assertSafeRoundTrip(fixture(name), name));
  }

  it('round trip over every file of ../shared/corpus: idempotent, every word and field kept', () => {
    assert.ok(existsSync(corpus), `the real corpus is missing at ${corpus} (it comes with ../shared)`);
    const files = collectMarkdownFiles([corpus]);
    assert.ok(files.length > 150);
    for (const file of files) assertSafeRoundTrip(readUtf8(file), file);
  });
});
