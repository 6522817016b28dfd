import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDigest, parseDigest, validate } from '../../src/digest';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? markdownFiles(path) : /\.md(\.txt)?$/.test(name) ? [path] : [];
    });
}

/** The 0-based line of the first character where two texts differ. */
const firstDifferentLine = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i).split('\n').length - 1;
};

const variants = (text: string): [string, string][] => [
  ['as written', text],
  ['ending in one line break', text.replace(/\n+$/, '\n')],
  ['ending without a line break', text.replace(/\n+$/, '')],
  ['ending in three blank lines', text.replace(/\n+$/, '\n\n\n\n')],
  ['with two blank lines between blocks', text.replace(/\n\n(?=Vote:)/g, '\n\n\n')],
];

describe('formatter ⇔ lint agreement over test/fixtures (default config)', () => {
  const fixtures = markdownFiles(join(__dirname, '..', 'fixtures'));

  it('finds the fixtures', () => assert.ok(fixtures.length >= 5, fixtures.join(', ')));

  for (const file of fixtures) {
    for (const [how, text] of variants(readFileSync(file, 'utf8'))) {
      it(`${file.slice(file.indexOf('fixtures'))} ${how}`, () => {
        const doc = parseDigest(text);
        if (!doc.hasDayHeader) return;
        const problems = validate(doc, { path: file });
        const formatted = formatDigest(doc);
        if (problems.length === 0) assert.equal(formatted, text, 'lint is clean, so Format Document must leave the file as it is');
        if (formatted !== text) {
          const line = firstDifferentLine(text, formatted);
          const near = problems.filter((p) => p.range.start.line - 1 <= line && line <= p.range.end.line + 1);
          assert.ok(near.length > 0, `the formatter changes line ${line + 1}, but lint reports nothing there`);
        }
      });
    }
  }

  it('keeps the generator\'s trailing blank line and a single final newline; reports and repairs other endings', () => {
    const day = '## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\nVote: 1\n\n- ***What\'s New***: 요약입니다.\n';
    for (const ending of ['\n', '\n\n']) {
      const text = day.slice(0, -1) + ending;
      assert.equal(formatDigest(parseDigest(text)), text);
      assert.deepEqual(validate(parseDigest(text)), []);
    }
    for (const [ending, expected] of [['', '\n'], ['\n\n\n', '\n\n'], ['\n\n\n\n\n', '\n\n']]) {
      const text = day.slice(0, -1) + ending;
      assert.equal(formatDigest(parseDigest(text)), day.slice(0, -1) + expected);
      const layout = validate(parseDigest(text)).filter((p) => p.ruleId === 'layout');
      assert.equal(layout.length, 1, JSON.stringify(ending));
      assert.equal(layout[0].severity, 'hint');
    }
  });
});
